"""Linked cases with title, dates, status and who holds each shared value on both sides; split
rings as rows with their shared identifiers, ports, dates and the cases already holding them."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import select

from casedb.analysis.ring_rows import ring_rows
from casedb.analysis.splits import detect_splits
from casedb.cases.members import new_case
from casedb.links.linked_cases import linked_cases
from casedb.links.linked_rows import linked_rows
from casedb.models import Case, PartyIdentifier, Seizure
from tests import factories as f


def test_linked_rows_say_who_holds_what_on_each_side(db):
    new_case(db, "A", title="Klang plastics", opened_on=dt.date(2024, 1, 5))
    new_case(db, "B", title="Hai Phong e-waste", status="investigating")
    new_case(db, "C", title="Third hop")
    with db.begin() as s:
        harbour = f.party(s, "Harbour Metals Ltd", "MYS", phone="+60 3 1234 5678")
        harbor = f.party(s, "Harbor Metal Trading", "MYS", phone="+60312345678")
        other = f.party(s, "Delta Recycling", "VNM")
        f.declaration(s, declaration_no="A-1", parties={"shipper": harbour}, case_ref="A",
                      containers=("MSCU1234565",), declaration_date=dt.date(2024, 1, 2))
        f.declaration(s, declaration_no="B-1", parties={"shipper": harbor}, case_ref="B",
                      declaration_date=dt.date(2024, 2, 1))
        f.declaration(s, declaration_no="B-2", parties={"shipper": other}, case_ref="B",
                      containers=("MSCU1234565",), declaration_date=dt.date(2024, 3, 1))
        f.declaration(s, declaration_no="C-1", parties={"shipper": other}, case_ref="C",
                      declaration_date=dt.date(2024, 4, 1))
    rows = linked_rows(db, "A", hops=2)
    assert [r.case_ref for r in rows] == [x.case_ref for x in linked_cases(db, "A", hops=2).linked]
    b = rows[0]
    assert (b.case_ref, b.title, b.status, b.first, b.last, b.through) == (
        "B", "Hai Phong e-waste", "investigating", dt.date(2024, 2, 1), dt.date(2024, 3, 1), "A")
    shared = {x.kind: x for x in b.shared}
    assert (shared["phone"].here, shared["phone"].there) == (
        ("Harbour Metals Ltd",), ("Harbor Metal Trading",))
    assert (shared["container"].here, shared["container"].there) == (("A-1",), ("B-2",))
    c = next(r for r in rows if r.case_ref == "C")
    assert (c.hops, c.through) == (2, "B")
    assert {x.kind: (x.here, x.there) for x in c.shared}["party"] == (
        ("Delta Recycling",), ("Delta Recycling",))
    assert c.to_json()["shared"][0]["there"] == ["Delta Recycling"]


def test_rings_as_rows_match_the_database(demo_db):
    rings = detect_splits(demo_db)
    rows = ring_rows(demo_db, rings)
    assert len(rows) == len(rings) and rows
    with demo_db.read() as s:
        held = s.execute(select(Seizure.declaration_id, Case.case_ref)
                         .join(Case, Case.id == Seizure.case_id)).all()
        idents = s.execute(select(PartyIdentifier.party_id, PartyIdentifier.kind,
                                  PartyIdentifier.value)).all()
    for ring, row in zip(rings, rows, strict=True):
        mine = set(ring.declaration_ids)
        assert row.declarations == len(mine)
        assert abs(row.tonnes - ring.total_kg / 1000) < 1e-9
        assert (row.first, row.last, row.shippers) == (ring.first, ring.last,
                                                       tuple(ring.shipper_names))
        expected = Counter(ref for did, ref in held if did in mine)
        assert dict(row.in_cases) == dict(expected)
        assert row.free == len(mine - {did for did, _ in held})
        for kind, value, n in row.shared:
            holders = {pid for pid, k, v in idents if k == kind and v == value}
            assert len(holders & set(ring.shipper_ids)) >= 2 and n >= 2
    assert any(row.in_cases for row in rows)  # the demo's rings are partly in cases
