"""The link chart driven through its real widget: kinds by colour and symbol, layout in the
background, pins, shortest path, hide, expand, communities and centrality, export."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET

import igraph as ig
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from widgets.chart_export import MIN_PNG_WIDTH, export_plot
from widgets.link_items import LABEL_BUDGET, NEIGHBOUR_LABEL_BUDGET
from widgets.link_style import edge_widths, kind_label, style_of

NODES = [("C-1", "C-1", "case"), ("C-2", "C-2", "case"), ("p1", "Acme Recycling", "party"),
         ("p2", "Blue Ocean Trading", "party"), ("p3", "Jade Polymer", "party"),
         ("CNNGB", "Ningbo", "port"), ("V1", "MSC Anna", "vessel"),
         ("K1", "MSCU1234565", "container"), ("A1", "12 Harbour Road", "address"),
         ("T1", "+852 5555 0101", "phone")]
EDGES = [("C-1", "p1", 120.0), ("C-1", "p2", 40.0), ("C-2", "p2", 300.0), ("C-2", "p3", 10.0),
         ("p1", "CNNGB", 0.0), ("C-2", "V1", 5.0), ("V1", "K1", 5.0), ("K1", "A1", 1.0),
         ("A1", "T1", 1.0), ("p3", "T1", 2.0)]
PATH_C1_T1 = ["C-1", "p2", "C-2", "p3", "T1"]  # the only 4-link path; the vessel way takes 6


def _show(qtbot, chart, nodes=NODES, edges=EDGES) -> None:
    with qtbot.waitSignal(chart.layout_finished, timeout=15_000):
        chart.show_network(nodes, edges)


def _scale_free(n: int) -> tuple[list, list]:
    random.seed(n)  # igraph draws from Python's random
    g = ig.Graph.Barabasi(n, 2)
    kinds = ("case", "party", "port", "container", "vessel")
    nodes = [(f"n{i}", f"Node {i}", kinds[i % len(kinds)]) for i in range(n)]
    return nodes, [(f"n{a}", f"n{b}", 10.0) for a, b in g.get_edgelist()]


def _click(qtbot, chart, node: str, modifier=Qt.KeyboardModifier.NoModifier,
           double: bool = False) -> None:
    scene_pos = chart.items.view_pos_of(chart.network.index[node])
    point = chart.view.mapFromScene(scene_pos)
    viewport, left = chart.view.viewport(), Qt.MouseButton.LeftButton
    qtbot.mouseClick(viewport, left, modifier, point)
    if double:  # what a mouse sends: press, release, double-click, release
        qtbot.mouseDClick(viewport, left, modifier, point)
        qtbot.mouseRelease(viewport, left, modifier, point)


def _positions(chart) -> dict[str, tuple[float, float]]:
    return {node: chart.position_of(node) for node in chart.nodes}


def test_a_small_network_shows_each_kind_by_colour_symbol_and_legend(qtbot, chart):
    _show(qtbot, chart)
    assert chart.nodes == [n[0] for n in NODES]
    drawn = chart.items.nodes.data
    assert len(drawn) == len(NODES)
    looks = set()
    for i, (_, _, kind) in enumerate(NODES):
        style = style_of(kind)
        assert drawn["symbol"][i] == style.symbol
        assert drawn["brush"][i].color().name() == style.colour.lower()
        looks.add((style.symbol, style.colour))
    assert len(looks) == len({k for *_, k in NODES})  # every kind its own colour and symbol
    legend = {label.text for _, label in chart.legend.items}
    assert legend == {kind_label(k) for *_, k in NODES}
    heaviest = chart.network.edges.tolist().index(
        sorted([chart.network.index["C-2"], chart.network.index["p2"]]))
    width = int(edge_widths(chart.network.tonnes)[heaviest])
    assert width == max(chart.items.edge_items) > 1  # 300 t: the widest line
    assert chart.items.edge_items[width].opts["pen"].widthF() == width
    assert chart.items.edge_items[1].opts["pen"].widthF() == 1


def test_the_layout_runs_in_a_worker_and_is_drawn_as_it_improves(qtbot, chart):
    nodes, edges = _scale_free(1500)
    drawn_before_the_end = []
    chart.layout_progressed.connect(lambda: drawn_before_the_end.append(chart.is_laying_out()))
    with qtbot.waitSignal(chart.layout_finished, timeout=15_000):
        chart.show_network(nodes, edges)
        assert chart.is_laying_out()  # returned at once: the work is in the background
    assert drawn_before_the_end and all(drawn_before_the_end)
    pos = chart.network.pos
    assert pos.shape == (1500, 2) and np.isfinite(pos).all()
    assert len(np.unique(pos.round(9), axis=0)) == 1500  # no two nodes on the same spot
    drawn = chart.items.nodes.data
    assert np.allclose(drawn["x"], pos[:, 0]) and np.allclose(drawn["y"], pos[:, 1])


def test_a_pinned_node_keeps_its_place_when_the_layout_runs_again(qtbot, chart):
    _show(qtbot, chart)
    _click(qtbot, chart, "C-2")
    assert chart.selected == ["C-2"]
    chart.toolbar.pin_action.trigger()
    assert chart.network.pinned[chart.network.index["C-2"]]
    before = _positions(chart)
    with qtbot.waitSignal(chart.layout_finished, timeout=15_000):
        chart.toolbar.relayout_action.trigger()
    after = _positions(chart)
    assert after["C-2"] == before["C-2"]
    assert any(after[n] != before[n] for n in before if n != "C-2")
    marks = chart.items.pin_item.data
    assert len(marks) == 1 and (marks["x"][0], marks["y"][0]) == after["C-2"]


def test_the_shortest_path_between_two_selected_nodes_marks_exactly_its_edges(qtbot, chart):
    _show(qtbot, chart)
    assert not chart.toolbar.path_action.isEnabled()
    _click(qtbot, chart, "C-1")
    _click(qtbot, chart, "T1", Qt.KeyboardModifier.ControlModifier)
    assert chart.selected == ["C-1", "T1"]
    assert chart.toolbar.path_action.isEnabled()
    chart.toolbar.path_action.trigger()
    assert chart.path == PATH_C1_T1
    steps = {frozenset(p) for p in zip(PATH_C1_T1, PATH_C1_T1[1:], strict=False)}
    assert {frozenset(e) for e in chart.path_edges()} == steps
    x, y = chart.items.path_item.getData()
    drawn = {frozenset([(x[i], y[i]), (x[i + 1], y[i + 1])]) for i in range(0, len(x), 2)}
    assert drawn == {frozenset(chart.position_of(n) for n in step) for step in steps}
    assert set(PATH_C1_T1) <= set(chart.labelled_nodes())


def test_hide_removes_the_selected_nodes_and_show_hidden_brings_them_back(qtbot, chart):
    _show(qtbot, chart)
    edges_before = len(chart.network.edges)
    where = chart.position_of("p2")
    _click(qtbot, chart, "p2")
    chart.toolbar.hide_action.trigger()
    assert "p2" not in chart.nodes and len(chart.nodes) == len(NODES) - 1
    assert len(chart.items.nodes.data) == len(NODES) - 1
    assert len(chart.network.edges) == edges_before - 2  # to C-1 and to C-2
    assert chart.selected == []
    assert chart.toolbar.show_hidden_action.isEnabled()
    chart.toolbar.show_hidden_action.trigger()
    assert "p2" in chart.nodes and chart.position_of("p2") == where
    assert len(chart.network.edges) == edges_before


def test_expand_merges_the_new_nodes_without_moving_the_shown_ones(qtbot, chart):
    _show(qtbot, chart)
    before = _positions(chart)
    new_nodes = [("C-2", "C-2", "case"), ("C-9", "C-9", "case"), ("p9", "Delta Metals", "party"),
                 ("p8", "Golden Harbour", "party")]
    new_edges = [("p3", "C-9", 20.0), ("C-9", "p9", 20.0), ("C-9", "p8", 5.0),
                 ("p9", "C-2", 1.0)]
    chart.expand_requested.connect(lambda node: chart.add_network(new_nodes, new_edges))
    _click(qtbot, chart, "p3")
    with qtbot.waitSignal(chart.expand_requested) as asked, \
            qtbot.waitSignal(chart.layout_finished, timeout=15_000):
        chart.toolbar.expand_action.trigger()
    assert asked.args == ["p3"]
    after = _positions(chart)
    assert len(chart.nodes) == len(NODES) + 3  # C-2 was shown already
    assert all(after[n] == before[n] for n in before)
    new = np.array([after[n] for n in ("C-9", "p9", "p8")])
    assert np.isfinite(new).all() and len(np.unique(new.round(9), axis=0)) == 3


def test_a_double_click_opens_the_node(qtbot, chart):
    _show(qtbot, chart)
    with qtbot.waitSignal(chart.node_activated, timeout=3000) as opened:
        _click(qtbot, chart, "C-1", double=True)
    assert opened.args == ["C-1"]


def test_labels_stay_few_on_a_big_network_and_follow_the_selection(qtbot, chart):
    nodes, edges = _scale_free(3000)
    _show(qtbot, chart, nodes, edges)
    assert 0 < len(chart.labelled_nodes()) <= LABEL_BUDGET
    hub = "n0"
    chart.select_nodes([hub])
    labelled = set(chart.labelled_nodes())
    assert hub in labelled
    assert len(labelled) <= LABEL_BUDGET + NEIGHBOUR_LABEL_BUDGET + 1
    chart.select_nodes([])
    pos = chart.network.pos
    gaps = np.sqrt(((pos[:, None, :] - pos[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(gaps, np.inf)
    nearest = gaps.min(axis=1)
    loner = int(np.argmax(nearest))  # zoom in on the node furthest from any other
    assert chart.network.ids[loner] not in chart.labelled_nodes()  # one of thousands: no label
    x, y = pos[loner]
    r = nearest[loner] * 0.4
    chart.box.setRange(xRange=(x - r, x + r), yRange=(y - r, y + r), padding=0)
    assert chart.labelled_nodes() == [chart.network.ids[loner]]


def test_colour_by_community_and_size_by_centrality(qtbot, chart):
    left = [(f"a{i}", f"a{i}", "party") for i in range(6)]
    right = [(f"b{i}", f"b{i}", "party") for i in range(6)]
    edges = [(f"{s}{i}", f"{s}{j}", 1.0) for s in "ab" for i in range(6) for j in range(i + 1, 6)]
    edges.append(("a0", "b0", 1.0))  # one bridge between two cliques
    _show(qtbot, chart, left + right, edges)

    def colours(prefix):
        index = chart.network.index
        return {chart.items.nodes.data["brush"][index[f"{prefix}{i}"]].color().name()
                for i in range(6)}

    assert colours("a") == colours("b")  # all parties: one colour
    chart.toolbar.community_action.trigger()
    qtbot.waitUntil(lambda: colours("a") != colours("b"), timeout=10_000)
    assert len(colours("a")) == 1 and len(colours("b")) == 1
    chart.toolbar.size_actions["betweenness"].trigger()
    sizes = chart.items.nodes.data["size"]
    qtbot.waitUntil(lambda: len(set(chart.items.nodes.data["size"])) > 1, timeout=10_000)
    sizes = chart.items.nodes.data["size"]
    bridge = {chart.network.index["a0"], chart.network.index["b0"]}
    assert set(np.flatnonzero(sizes == sizes.max())) == bridge
    chart.toolbar.size_actions[None].trigger()
    assert len(set(chart.items.nodes.data["size"])) == 1


def test_export_writes_a_wide_png_and_an_svg_that_parses(qtbot, chart, tmp_path, monkeypatch):
    _show(qtbot, chart)
    png = tmp_path / "chart.png"
    chart.export_image(png)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") >= MIN_PNG_WIDTH  # IHDR width
    assert len(data) > 20_000
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "from-dialog"), "SVG drawing (*.svg)"))
    chart.toolbar.export_action.trigger()
    root = ET.parse(tmp_path / "from-dialog.svg").getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > len(NODES)
    with pytest.raises(ValueError):
        export_plot(chart.box, tmp_path / "chart.jpg")
