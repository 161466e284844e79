"""Linked cases' strong links of a hop in one query (PostgreSQL's path, issue 22) against a
hand-checked world on both engines, and against the per-case lookups (SQLite's path) on the
demo database: the same links, values and labels."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casedb.links import linked_cases as lc
from casedb.models import Case
from tests import factories as f

PHONE = "+60 3 1234 5678"
# case -> what it shares with case A (kind, value), checked by hand
STRONG = {
    "B": {("phone", PHONE)},  # another party, the same phone (A's spelling of it)
    "C": {("party", "Delta Recycling"), ("container", "MSCU1234565")},  # two shared: the first
    "D": {("bl", "BL-9"), ("party", "TX-1")},  # a tax id is a party link, valued by the id
    "E": {("sailing", "MSC X V1"), ("sailing", "EVER A V7")},  # by IMO; by name without one
    "H": {("party", "Same Phone Ltd")},  # A's own party: a party link, not a phone one
}
WEAK = {"F": {("broker", "Broker One"), ("port", "MYPKG"), ("hs", "3915")}}


@pytest.fixture
def world(db):
    with db.begin() as s:
        harbour = f.party(s, "Harbour Metals Ltd", "MYS", phone=PHONE, tax_id="TX-1")
        same = f.party(s, "Same Phone Ltd", "MYS", phone=PHONE)
        delta = f.party(s, "Delta Recycling", "VNM")
        broker = f.party(s, "Broker One", "MYS")
        f.declaration(s, declaration_no="A-1", case_ref="A",
                      parties={"shipper": harbour, "consignee": delta, "broker": broker},
                      containers=("TGHU0000001", "MSCU1234565"), bl_no="BL-9",
                      vessel_imo="9123456", vessel_name="MSC X", voyage_no="V1")
        f.declaration(s, declaration_no="A-2", case_ref="A", parties={"notify": same},
                      vessel_name="EVER A", voyage_no="V7", port_of_discharge="MYPKG",
                      hs_code="391510")
        f.declaration(s, declaration_no="B-1", case_ref="B", parties={
            "shipper": f.party(s, "Harbor Metal Trading", "MYS", phone=PHONE)})
        f.declaration(s, declaration_no="C-1", case_ref="C", parties={"consignee": delta},
                      containers=("MSCU1234565", "TGHU0000001", "ZZZU0000009"))
        f.declaration(s, declaration_no="D-1", case_ref="D", bl_no="BL-9", parties={
            "shipper": f.party(s, "Tax Twin Co", "SGP", tax_id="TX-1")})
        f.declaration(s, declaration_no="E-1", case_ref="E", vessel_imo="9123456",
                      vessel_name="MSC X", voyage_no="V1")
        f.declaration(s, declaration_no="E-2", case_ref="E", vessel_name="EVER A",
                      voyage_no="V7")
        f.declaration(s, declaration_no="F-1", case_ref="F", vessel_imo="9123456",
                      voyage_no="V2", port_of_discharge="MYPKG", hs_code="391590",
                      parties={"broker": broker, "forwarder": delta})  # service roles: weak
        f.declaration(s, declaration_no="H-1", case_ref="H", parties={"shipper": same})
        f.declaration(s, declaration_no="G-1", case_ref="G", containers=("ZZZU0000009",))
    return db


def _by_ref(db, shared) -> dict[str, set[tuple[str, str]]]:
    with db.read() as s:
        refs = dict(s.execute(select(Case.id, Case.case_ref)).all())
    return {refs[other]: {(v.kind, v.value) for v in via} for other, via in shared.items()}


@pytest.mark.parametrize("weak", [False, True])
def test_one_query_and_per_case_lookups_find_the_hand_checked_links(world, weak):
    with world.read() as s:
        a, c = (s.scalar(select(Case.id).where(Case.case_ref == ref)) for ref in ("A", "C"))
        one = lc._shared_in_one_query(s, [a, c], weak)
        per_case = {cid: lc._shared(s, cid, weak) for cid in (a, c)}
    expected = {**STRONG, **WEAK} if weak else STRONG
    assert _by_ref(world, one[a]) == _by_ref(world, per_case[a]) == expected
    assert _by_ref(world, one[c]) == _by_ref(world, per_case[c])
    assert _by_ref(world, one[c])["G"] == {("container", "ZZZU0000009")}


def test_linked_cases_two_hops_on_either_engine(world):
    got = {link.case_ref: (link.hops, {(v.kind, v.value) for v in link.via})
           for link in lc.linked_cases(world, "A", hops=2).linked}
    assert got == {**{ref: (1, via) for ref, via in STRONG.items()},
                   "G": (2, {("container", "ZZZU0000009")})}


def test_one_query_finds_what_the_per_case_lookups_find_on_the_demo(demo_db):
    with demo_db.read() as s:
        cids = list(s.scalars(select(Case.id).order_by(Case.id)))
        for weak in (False, True):
            one = lc._shared_in_one_query(s, cids, weak)
            per_case = {cid: lc._shared(s, cid, weak) for cid in cids}
            assert {c: dict(v) for c, v in one.items()} == per_case
            assert sum(map(len, per_case.values())) > (100 if weak else 10)
