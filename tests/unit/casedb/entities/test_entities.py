"""Entity resolution, linked cases and networks on data with a known answer."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from sqlalchemy import select

from casedb.links.linked_cases import linked_cases, linked_pairs
from casedb.links.network import network_stats, party_network, shortest_path, write_graph
from casedb.models import DeclarationParty, Party
from casedb.parties.resolution import candidates, merge, reject, resolve, split
from casedb.store import audit
from tests import factories as f

VARIANTS = ("ABC Recycling Co., Ltd.", "A.B.C. RECYCLING CO LTD", "Abc Recyling Company Limited")


@pytest.fixture
def world(db):
    """Cases with planted links (and the truth), plus decoys sharing only a broker."""
    with db.begin() as s:
        broker = f.party(s, "Harbour Customs Brokers Ltd", "TWN")
        abc = [f.party(s, v, "TWN") for v in VARIANTS]
        shells = [f.party(s, f"Shell {i} Ltd", "GBR", phone="+44 161 555 0199") for i in range(2)]
        addr = [f.party(s, f"Front {i} Co", "MYS", address="Lot 5, Jalan Perusahaan 2, Klang")
                for i in range(2)]
        solo = [f.party(s, f"Independent {i} Ltd", "JPN") for i in range(10)]
        plan = [("ABC-1", abc[0], {}), ("ABC-2", abc[1], {}), ("ABC-3", abc[2], {}),
                ("PH-1", shells[0], {}), ("PH-2", shells[1], {}),
                ("AD-1", addr[0], {}), ("AD-2", addr[1], {}),
                ("CT-1", solo[0], {"containers": ("MSCU1234566",)}),
                ("CT-2", solo[1], {"containers": ("MSCU1234566",)}),
                ("SL-1", solo[2], {"vessel_imo": "9811000", "voyage_no": "042E"}),
                ("SL-2", solo[3], {"vessel_imo": "9811000", "voyage_no": "042E"}),
                ("BL-1", solo[4], {"bl_no": "KHH2023000777"}),
                ("BL-2", solo[5], {"bl_no": "KHH2023000777"}),
                ("BR-1", solo[6], {}), ("BR-2", solo[7], {}),
                ("ISO-1", solo[8], {}), ("ISO-2", solo[9], {})]
        for ref, shipper, extra in plan:
            own_buyer = f.party(s, f"Buyer of {ref} Sdn Bhd", "MYS")  # nothing shared by chance
            f.declaration(s, parties={"shipper": shipper, "consignee": own_buyer, "broker": broker},
                          case_ref=ref, hs_code="391590", gross_weight_kg=20_000.0,
                          port_of_discharge="MYPKG", **extra)
    truth = {frozenset(p) for p in (("PH-1", "PH-2"), ("AD-1", "AD-2"), ("CT-1", "CT-2"),
                                    ("SL-1", "SL-2"), ("BL-1", "BL-2"))}
    return db, truth, abc


def test_name_variants_are_candidates_with_evidence(world):
    db, _, abc = world
    found = {frozenset((c.left_id, c.right_id)): c for c in candidates(db, min_score=0.8)}
    # Two of the three spellings share a name key (one party); the typo needs the fuzzy pass.
    assert abc[0] == abc[1]
    c = found[frozenset((abc[0], abc[2]))]
    assert c.evidence[0][0] == "name" and c.score >= 0.8


def test_merge_reject_split_are_audited_and_remembered(world):
    db, _, abc = world
    merge(db, abc[0], abc[2], reason="same tax id on the invoices")
    with db.read() as s:
        assert s.get(Party, abc[2]) is None
        assert {dp.party_id for dp in s.scalars(select(DeclarationParty))} >= {abc[0]}
        rows = [e for e in audit.entries(s, entity="party") if e.action == "merge"]
    assert rows and rows[0].reason == "same tax id on the invoices"
    new = split(db, abc[0], "Abc Recyling Company Limited", reason="different firm after all")
    assert new != abc[0]
    # A split is remembered as a rejection: the pair is not proposed again.
    assert not any({c.left_id, c.right_id} == {abc[0], new} for c in candidates(db, 0.5))
    reject(db, abc[0], new, reason="checked the registry")
    with db.read() as s:
        assert [e.reason for e in audit.entries(s, entity="party") if e.action == "reject"] == [
            "checked the registry"]
    resolve(db)  # remembered decisions do not undo the split
    with db.read() as s:
        assert s.get(Party, new) is not None


def test_linked_case_precision_and_recall(world):
    db, truth, _ = world
    got = linked_pairs(db)
    abc_pairs = {frozenset(p) for p in itertools.combinations(("ABC-1", "ABC-2", "ABC-3"), 2)}
    got_without_abc = {p for p in got if not p <= {"ABC-1", "ABC-2", "ABC-3"}}
    tp = len(got_without_abc & truth)
    precision = tp / len(got_without_abc)
    recall = tp / len(truth)
    assert precision >= 0.9 and recall >= 0.9, (got_without_abc, truth)
    assert frozenset(("ABC-1", "ABC-2")) in got  # same name key: one party
    assert frozenset(("BR-1", "BR-2")) not in got  # only a broker in common
    weak = linked_cases(db, "BR-1", weak=True)
    assert "BR-2" in {x.case_ref for x in weak.linked}
    via = next(x for x in weak.linked if x.case_ref == "BR-2").via
    assert {v.kind for v in via} <= {"broker", "port", "hs"}
    assert frozenset(("ABC-1", "ABC-3")) not in got  # the typo spelling: a candidate, not a link
    merge(db, *sorted({p for p in (_party_of(db, "ABC-1"), _party_of(db, "ABC-3"))}))
    assert abc_pairs <= linked_pairs(db)  # confirmed by the investigator: now linked


def _party_of(db, case_ref: str) -> int:
    from casedb.models import Case, Seizure

    with db.read() as s:
        return s.scalar(select(DeclarationParty.party_id).join(
            Seizure, Seizure.declaration_id == DeclarationParty.declaration_id).join(
            Case, Case.id == Seizure.case_id).where(Case.case_ref == case_ref,
                                                    DeclarationParty.role == "shipper"))


def test_linked_hops_and_reasons(world):
    db, _, _ = world
    one = linked_cases(db, "CT-1")
    (link,) = [x for x in one.linked if x.case_ref == "CT-2"]
    assert [(v.kind, v.value) for v in link.via] == [("container", "MSCU1234566")]
    assert 0 < link.score <= 1


def test_party_network_stats_and_export(world, tmp_path):
    db, _, _ = world
    g = party_network(db)
    stats = network_stats(g)
    assert stats.nodes == g.number_of_nodes() and stats.components >= 1
    assert stats.central[0]["tonnes"] > 0
    shells = [n for n, d in g.nodes(data=True) if d["label"].startswith("Shell")]
    assert g.edges[shells[0], shells[1]]["relation"] == "shares phone"
    assert shortest_path(g, shells[0], shells[1]) == shells
    for ext in ("graphml", "gexf"):
        out = write_graph(g, tmp_path / f"g.{ext}")
        back = nx.read_graphml(out) if ext == "graphml" else nx.read_gexf(out)
        assert back.number_of_nodes() == g.number_of_nodes()
