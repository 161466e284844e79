"""A split ring's small network on the demo database: its shippers and consignees, the tonnes
between them, and the shared phone or address that ties its shells (truth.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casedb.analysis.ring_network import ring_network
from casedb.analysis.splits import detect_splits

TRUTH = json.loads((Path(__file__).resolve().parents[4] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))


@pytest.fixture(scope="module")
def rings(demo_db):
    found = detect_splits(demo_db)
    assert found, "the demo database has planted rings"
    return found


def _planted(ring) -> dict:
    return next(p for p in TRUTH["rings"] if set(p["declarations"]) <= set(ring.declaration_nos))


def _neighbours(edges, node: str) -> set[str]:
    return {b for a, b, _ in edges if a == node} | {a for a, b, _ in edges if b == node}


def test_first_ring_network_holds_its_parties_and_tonnes(demo_db, rings):
    ring = rings[0]
    nodes, edges = ring_network(demo_db, ring)
    by_id = {n[0]: n for n in nodes}
    assert len(by_id) == len(nodes), "node ids are unique"
    parties = {f"p{p}" for p in ring.shipper_ids + ring.consignee_ids}
    assert parties <= by_id.keys()
    assert all(by_id[p][2] == "party" for p in parties)
    planted = _planted(ring)
    labels = {by_id[p][1] for p in parties}
    assert set(planted["shippers"]) | set(planted["consignees"]) <= labels
    shippers = {f"p{p}" for p in ring.shipper_ids}
    consignees = {f"p{p}" for p in ring.consignee_ids}
    flows = [(a, b, t) for a, b, t in edges if a in shippers and b in consignees]
    assert flows and all(t > 0 for *_, t in flows)
    assert sum(t for *_, t in flows) == pytest.approx(ring.total_kg / 1000, abs=0.01)
    assert {a for a, _, _ in flows} == shippers  # every shipper sent to the ring's consignees
    assert set(by_id) == {x for e in edges for x in e[:2]}  # no isolated node, no dangling edge


@pytest.mark.parametrize("index", range(len(TRUTH["rings"])))
def test_shells_sharing_a_phone_or_address_are_joined_through_it(demo_db, rings, index):
    planted = TRUTH["rings"][index]
    ring = next(r for r in rings if set(planted["declarations"]) <= set(r.declaration_nos))
    nodes, edges = ring_network(demo_db, ring)
    kind, value = planted["shared"].split(" ", 1)
    ties = [n for n in nodes if n[2] == kind and n[1] == value]
    assert len(ties) == 1, f"one {kind} node for {value}"
    node = ties[0][0]
    assert node.startswith(f"{kind}:")
    names = dict(zip(ring.shipper_ids, ring.shipper_names, strict=True))
    joined = {names[int(p[1:])] for p in _neighbours(edges, node)}
    assert joined == set(planted["shippers"])
    assert all(t == 0.0 for a, b, t in edges if node in (a, b))


def test_identifiers_held_by_one_shell_only_are_left_out(demo_db, rings):
    ring = rings[0]  # ring A: one phone shared, each shell at its own address
    nodes, edges = ring_network(demo_db, ring)
    identifiers = [n for n in nodes if n[2] != "party"]
    assert identifiers and all(n[2] in ("phone", "address", "email") for n in identifiers)
    for node, _label, _kind in identifiers:
        assert len(_neighbours(edges, node)) >= 2
    if _planted(ring)["shared"].startswith("phone"):
        assert not [n for n in identifiers if n[2] == "address"]
