"""One selection across the timeline, the case view and the link chart, in the window on the
demo's split-ring case: a real click on a timeline event selects its declaration in the case view
and its nodes on the chart; a declaration picked in the case view selects its event and nodes;
nodes picked on the chart mark their events on the timeline and their declarations."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPointF, Qt

from widgets.case_view import NOTE_ROLE
from widgets.timeline_sync import event_nodes

TRUTH = json.loads((Path(__file__).resolve().parents[2] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))


def _selected_declarations(case_view) -> list[int]:
    table = case_view.declarations_table
    rows = sorted({i.row() for i in table.selectedItems()})
    return [table.item(r, 0).data(NOTE_ROLE) for r in rows]


def _opened(qtbot, window):
    ref = TRUTH["linked_pairs"][0]["cases"][0]
    window.open_case(ref)
    dock = window.analysis
    qtbot.waitUntil(lambda: dock.timeline.timeline is not None
                    and dock.timeline.timeline.title == ref and ref in dock.links.nodes
                    and not dock.links.is_laying_out(), timeout=15_000)
    dock.tabs.setCurrentWidget(dock.timeline)
    window.analysis_dock.raise_()
    return dock


def test_clicking_an_event_selects_its_declaration_and_its_nodes(qtbot, window):
    dock = _opened(qtbot, window)
    view = dock.timeline
    event = next(e for e in view.timeline.events if e.kind == "declaration" and e.identifiers)
    spot = next(s for s in view.scatter.points() if s.data() == event.key)
    vb = view.plot.getPlotItem().getViewBox()
    pos = view.plot.mapFromScene(vb.mapViewToScene(QPointF(spot.pos())))
    with qtbot.waitSignal(view.event_selected, timeout=3000):
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert _selected_declarations(window.case_view) == [event.declaration_id]
    chart = dock.links
    expected = [n for n in event_nodes(event) if n in chart.network.index]
    assert set(chart.selected) == set(expected)
    assert any(":" in n for n in expected)  # a container, B/L or sailing node, not only parties
    assert view.selected == event.key  # the chart's answer did not take the selection away


def test_a_declaration_picked_in_the_case_view_selects_its_event_and_nodes(qtbot, window):
    dock = _opened(qtbot, window)
    table = window.case_view.declarations_table
    row = table.rowCount() - 1
    declaration = table.item(row, 0).data(NOTE_ROLE)
    table.selectRow(row)
    assert dock.timeline.selected == f"d{declaration}"
    event = dock.timeline.events[f"d{declaration}"]
    assert set(dock.links.selected) == {n for n in event_nodes(event)
                                        if n in dock.links.network.index}
    assert _selected_declarations(window.case_view) == [declaration]


def test_nodes_picked_on_the_chart_mark_their_events_and_declarations(qtbot, window):
    dock = _opened(qtbot, window)
    chart, view = dock.links, dock.timeline
    lane = view.timeline.lanes[0].key  # the busiest shipper
    chart.select_nodes([lane])
    keys = {e.key for e in view.timeline.events if lane in e.lanes}
    assert view.marked == keys and len(keys) >= 2 and view.selected is None
    assert set(_selected_declarations(window.case_view)) == {
        view.events[k].declaration_id for k in keys}
    pens = {s.data(): s.pen().widthF() for s in view.scatter.points()}
    assert all(pens[k] == 3 for k in keys) and all(pens[k] < 3 for k in pens if k not in keys)
    chart.select_nodes([])
    assert view.marked == set()
