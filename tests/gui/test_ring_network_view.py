"""Each split ring's small network beside its timeline, on the demo database: selecting a ring
shows its shippers and consignees, the tonnes between them, and the phone or address that ties
its shells (truth.json)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

TRUTH = json.loads((Path(__file__).resolve().parents[2] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))


def _edges(chart) -> set[frozenset[str]]:
    ids = chart.network.ids
    return {frozenset((ids[a], ids[b])) for a, b in chart.network.edges.tolist()}


def test_selecting_a_ring_shows_its_network_of_shells_and_consignees(qtbot, window):
    panel = window.analysis
    panel.tabs.setCurrentWidget(panel.splits)
    view = panel.splits
    qtbot.waitUntil(lambda: view.ring_count() > 1, timeout=15_000)
    view.select_ring(1)  # another ring first: the first ring's network must replace it
    second = {f"p{p}" for p in panel.shown_rings[1].shipper_ids + panel.shown_rings[1].consignee_ids}
    qtbot.waitUntil(lambda: second <= set(view.network.nodes), timeout=10_000)

    view.select_ring(0)
    ring = panel.shown_rings[0]
    shippers = {f"p{p}" for p in ring.shipper_ids}
    consignees = {f"p{p}" for p in ring.consignee_ids}
    qtbot.waitUntil(lambda: shippers | consignees <= set(view.network.nodes), timeout=10_000)
    chart = view.network
    assert not second & set(chart.nodes)  # nothing left of the other ring
    assert chart.isVisible() and chart.height() > 50

    planted = next(p for p in TRUTH["rings"]
                   if set(p["declarations"]) <= set(ring.declaration_nos))
    labels = dict(zip(chart.network.ids, chart.network.labels, strict=True))
    kinds = dict(zip(chart.network.ids, chart.network.kinds, strict=True))
    assert {labels[p] for p in shippers} == set(planted["shippers"])
    assert {labels[p] for p in consignees} == set(planted["consignees"])
    assert all(kinds[p] == "party" for p in shippers | consignees)

    edges = _edges(chart)
    assert all(any(frozenset((s, c)) in edges for c in consignees) for s in shippers)
    rows = [r for r, (a, b) in enumerate(chart.network.edges.tolist())
            if {chart.network.ids[a], chart.network.ids[b]} & shippers
            and {chart.network.ids[a], chart.network.ids[b]} & consignees]
    assert chart.network.tonnes[rows].sum() == pytest.approx(ring.total_kg / 1000, abs=0.01)

    kind, value = planted["shared"].split(" ", 1)
    tie = next(i for i in chart.nodes if kinds[i] == kind and labels[i] == value)
    assert all(frozenset((s, tie)) in edges for s in shippers)

    qtbot.waitUntil(lambda: not chart.is_laying_out(), timeout=15_000)
    assert np.isfinite(chart.network.pos).all()  # laid out and drawn
