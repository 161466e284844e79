"""The link chart's context menu, filter by type and saved state, driven through the widget;
and in the window: a chart saved with a case comes back as it was when the case is reopened."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.test_link_chart import EDGES, NODES, _show

SEALINE = [("S1", "MSC Anna 0123W", "sailing"), ("B1", "MEDU1234567", "bl")]
MORE_EDGES = [("C-1", "S1", 0.0), ("C-2", "S1", 0.0), ("C-2", "B1", 0.0)]


def _right_click(qtbot, chart, node: str) -> None:
    point = chart.view.mapFromScene(chart.items.view_pos_of(chart.network.index[node]))
    qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.RightButton, pos=point)


def _texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_right_click_opens_the_nodes_menu_and_its_actions_work(qtbot, chart):
    _show(qtbot, chart, NODES + SEALINE, EDGES + MORE_EDGES)
    _right_click(qtbot, chart, "p2")
    menu = chart.menu.menu
    assert menu is not None and menu.isVisible()
    assert _texts(menu) == ["Open", "Expand", "Timeline", "Hide", "Pin", "Find path to",
                            "Add to the open case", "Copy"]
    assert chart.selected == ["p2"]
    actions = {a.text(): a for a in menu.actions()}
    with qtbot.waitSignal(chart.add_to_case_requested) as added:
        actions["Add to the open case"].trigger()
    assert added.args == ["p2"]
    actions["Copy"].trigger()
    assert QApplication.clipboard().text() == "Blue Ocean Trading"
    targets = {a.text(): a for a in actions["Find path to"].menu().actions()}
    targets["+852 5555 0101"].trigger()
    assert chart.path[0] == "p2" and chart.path[-1] == "T1"
    actions["Pin"].trigger()
    assert chart.network.pinned[chart.network.index["p2"]]
    menu.close()
    _right_click(qtbot, chart, "p3")
    {a.text(): a for a in chart.menu.menu.actions()}["Hide"].trigger()
    assert "p3" not in chart.nodes
    chart.menu.menu.close()


def test_filter_by_type_hides_and_brings_back_a_kind_with_its_links(qtbot, chart):
    _show(qtbot, chart, NODES + SEALINE, EDGES + MORE_EDGES)
    toolbar = chart.toolbar
    toolbar.fill_kinds_menu()
    entries = {a.text(): a for a in toolbar.kinds_menu.actions()}
    assert {"Sailing", "B/L", "Phone", "Party", "Case"} <= set(entries)
    assert all(a.isChecked() for a in entries.values())
    edges_before = len(chart.network.edges)
    entries["Sailing"].setChecked(False)
    assert "S1" not in chart.nodes and len(chart.network.edges) == edges_before - 2
    toolbar.fill_kinds_menu()
    again = {a.text(): a for a in toolbar.kinds_menu.actions()}
    assert not again["Sailing"].isChecked()
    again["Sailing"].setChecked(True)
    assert "S1" in chart.nodes and len(chart.network.edges) == edges_before


def test_the_charts_state_saves_as_json_and_reopens_as_it_was(qtbot, chart):
    _show(qtbot, chart, NODES + SEALINE, EDGES + MORE_EDGES)
    chart.set_pinned(["C-1"], True)
    chart.hide_nodes(["A1"])
    qtbot.waitUntil(lambda: not chart.is_laying_out(), timeout=15_000)
    chart.menu.set_kind_shown("bl", False)
    where = {n: chart.position_of(n) for n in chart.nodes}
    saved = json.loads(json.dumps(chart.menu.state()))
    chart.show_network(NODES[:2], [])  # something else meanwhile
    qtbot.waitUntil(lambda: not chart.is_laying_out(), timeout=15_000)
    chart.menu.restore(saved)
    assert set(chart.nodes) == set(where)
    for node, (x, y) in where.items():
        assert np.allclose(chart.position_of(node), (x, y))
    assert chart.network.pinned[chart.network.index["C-1"]]
    assert chart.has_hidden() and "A1" not in chart.nodes
    assert "bl" in chart.menu.filtered and "B1" not in chart.nodes
    chart.show_hidden()
    chart.menu.set_kind_shown("bl", True)
    assert {"A1", "B1"} <= set(chart.nodes)


def test_a_chart_saved_with_a_case_comes_back_when_the_case_is_reopened(qtbot, window):
    from casedb.links.chart_state import chart_state, delete_chart_state

    ref = "TWKHH-2019-0107"
    window.open_case(ref)
    chart = window.analysis.links
    qtbot.waitUntil(lambda: chart.network.n > 0 and not chart.is_laying_out(), timeout=15_000)
    first = chart.nodes[0]
    chart.set_pinned([first], True)
    window.analysis_actions.save_chart()
    qtbot.waitUntil(lambda: chart_state(window.db, ref) is not None, timeout=10_000)
    try:
        saved_at = chart.position_of(first)
        chart.show_network([("x", "x", "case")], [])
        window.analysis_actions._case_network = None  # as after opening another case
        window.open_case(ref)
        qtbot.waitUntil(lambda: first in chart.nodes, timeout=15_000)
        assert np.allclose(chart.position_of(first), saved_at)
        assert chart.network.pinned[chart.network.index[first]]
    finally:
        delete_chart_state(window.db, ref)  # the demo database is shared by the session


def test_expanding_a_hub_shows_its_heaviest_neighbours_and_show_all_the_rest(qtbot, chart):
    from widgets.link_menu import TOP_NEIGHBOURS

    _show(qtbot, chart, NODES[:3], EDGES[:1])
    hub = [(f"x{i}", f"Partner {i}", "party") for i in range(30)]
    edges = [("p1", f"x{i}", float(i)) for i in range(30)]
    added = chart.menu.add_expansion("p1", hub, edges)
    assert len(added) == TOP_NEIGHBOURS
    assert set(added) == {f"x{i}" for i in range(30 - TOP_NEIGHBOURS, 30)}  # the heaviest
    assert chart.menu.shown_of("p1") == (TOP_NEIGHBOURS + 1, 31)  # C-1 is a neighbour too
    assert chart.toolbar.show_all_action.isEnabled()
    chart.toolbar.show_all_action.trigger()
    assert {f"x{i}" for i in range(30)} <= set(chart.nodes)
    assert not chart.menu.pending and not chart.toolbar.show_all_action.isEnabled()
    qtbot.waitUntil(lambda: not chart.is_laying_out(), timeout=15_000)


def test_a_cases_chart_has_its_identifiers_as_nodes(qtbot, window):
    ref = "TWKHH-2019-0107"
    window.open_case(ref)
    chart = window.analysis.links
    qtbot.waitUntil(lambda: ref in chart.nodes, timeout=15_000)
    kinds = dict(zip(chart.network.ids, chart.network.kinds, strict=True))
    assert "phone:+44 161 555 0199" in kinds and kinds["phone:+44 161 555 0199"] == "phone"
    assert {"address", "container", "bl", "sailing"} <= set(kinds.values())
    # the shared phone ties the two shippers: one node, two links
    row = chart.network.index["phone:+44 161 555 0199"]
    assert int(((chart.network.edges[:, 0] == row) | (chart.network.edges[:, 1] == row)).sum()) == 2


def test_the_attribute_panel_tooltip_and_link_labels(qtbot, chart):
    _show(qtbot, chart, NODES + SEALINE, EDGES + MORE_EDGES)
    details = chart.details
    chart.select_nodes(["C-2"])
    text = details.panel.toPlainText()
    assert "C-2" in text and "Case" in text and "5 link(s), 315.0 t" in text
    assert text.index("Blue Ocean Trading") < text.index("Jade Polymer")  # heaviest first
    point = chart.view.mapFromScene(chart.items.view_pos_of(chart.network.index["p2"]))
    qtbot.mouseMove(chart.view.viewport(), point)
    qtbot.waitUntil(lambda: details.hovered == chart.network.index["p2"], timeout=2000)
    assert details.hover_text == "Blue Ocean Trading (Party): 2 link(s)"
    assert sorted(t.toPlainText() for t in details.link_labels) == ["300 t", "40 t"]
    chart.toolbar.link_labels_action.trigger()  # every link that has room for its label
    assert details.link_labels
    assert len(details.link_labels) + details.skipped == len(chart.network.edges)
    chart.toolbar.link_labels_action.trigger()


def test_a_tonnage_floor_hides_the_light_nodes_but_not_the_cases(qtbot, chart):
    _show(qtbot, chart)
    spin = chart.toolbar.min_tonnes
    spin.setValue(100)
    spin.editingFinished.emit()
    assert {"C-1", "C-2", "p1", "p2"} <= set(chart.nodes)  # p1 120 t, p2 340 t
    assert not {"p3", "T1", "A1", "CNNGB"} & set(chart.nodes)
    spin.setValue(0)
    spin.editingFinished.emit()
    assert set(chart.nodes) == {n[0] for n in NODES}
    assert len(chart.network.edges) == len(EDGES)
    qtbot.waitUntil(lambda: not chart.is_laying_out(), timeout=15_000)


def test_colour_by_tonnes_bands_the_nodes_and_says_so_in_the_legend(qtbot, chart):
    from widgets.link_style import TONNE_BANDS, style_of

    _show(qtbot, chart)
    chart.toolbar.tonnes_colour_action.trigger()
    colours = dict(zip(chart.network.ids, chart.items.colours.tolist(), strict=True))
    assert colours["C-2"] == TONNE_BANDS[2][1]  # 300 + 10 + 5 t: 100 to 1,000 t
    assert colours["p1"] == TONNE_BANDS[2][1]  # 120 t
    assert colours["C-1"] == TONNE_BANDS[2][1] and colours["A1"] == TONNE_BANDS[0][1]
    assert colours["V1"] == TONNE_BANDS[1][1]  # 10 t
    legend = [label.text for _, label in chart.legend.items]
    assert {"0 to 10 t", "10 to 100 t", "100 to 1,000 t", "1,000 t or more"} <= set(legend)
    chart.toolbar.tonnes_colour_action.trigger()
    assert chart.items.colours[chart.network.index["p1"]] == style_of("party").colour
    assert "1,000 t or more" not in [label.text for _, label in chart.legend.items]


def test_a_border_marks_what_links_two_cases_and_the_legend_says_so(qtbot, chart):
    """Conditional formatting by attribute: Blue Ocean Trading is in both cases."""
    _show(qtbot, chart)
    chart.toolbar.border_action.trigger()
    assert [chart.network.ids[r] for r in chart.items.bordered_rows()] == ["p2"]
    assert "links 2 or more cases" in [label.text for _, label in chart.legend.items]
    assert chart.styles()["border_bridges"] is True
    chart.toolbar.border_action.trigger()
    assert len(chart.items.bordered_rows()) == 0
    assert "links 2 or more cases" not in [label.text for _, label in chart.legend.items]
    chart.set_styles({"border_bridges": True})
    assert chart.toolbar.border_action.isChecked() and len(chart.items.bordered_rows()) == 1
