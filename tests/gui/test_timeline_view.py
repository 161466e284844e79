"""The timeline view on the demo's split-ring case: a lane per party, events sized by tonnes on a
date axis, links by shared identifiers, zoom from years to days, a click selecting an event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from casedb.analysis.timeline import case_timeline
from widgets.date_axis import DAY, timestamp
from widgets.timeline import MAX_SIZE, TimelineView

TRUTH = json.loads((Path(__file__).resolve().parents[2] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))


@pytest.fixture
def view(qtbot, demo_db):
    w = TimelineView()
    qtbot.addWidget(w)
    w.resize(1400, 330)
    w.show()
    qtbot.waitExposed(w)
    ref = TRUTH["linked_pairs"][0]["cases"][0]
    w.show_timeline(case_timeline(demo_db, ref))
    QApplication.processEvents()
    return w


def test_lanes_events_and_links_of_a_case(view):
    t = view.timeline
    assert len(t.lanes) >= 2 and len(view.lane_axis.names) == len(t.lanes)
    assert all("(" in name for name in view.lane_axis.names)  # the party's role beside it
    spots = view.scatter.points()
    assert len(spots) == len(t.events) > 3
    biggest = max(t.events, key=lambda e: e.tonnes)
    sizes = {s.data(): s.size() for s in spots}
    assert sizes[biggest.key] == pytest.approx(MAX_SIZE)
    assert t.links, "the ring's shippers share a phone"
    assert "same phone" in view.key.text()


def test_zoom_goes_from_years_to_days_on_a_real_date_axis(view):
    vb = view.plot.getPlotItem().getViewBox()
    first = view.timeline.events[0].date
    vb.setXRange(timestamp(first), timestamp(first) + 4 * DAY, padding=0)
    QApplication.processEvents()
    axis = view.plot.getAxis("bottom")
    ticks = [s for level in axis.tickValues(*vb.viewRange()[0], 1000)
             for s in axis.tickStrings(level[1], 1.0, level[0])]
    assert any(t.startswith(first.isoformat()[:7]) and len(t) == 10 for t in ticks)
    vb.setXRange(timestamp(first) - 3000 * DAY, timestamp(first) + 3000 * DAY, padding=0)
    assert vb.viewRange()[0][1] - vb.viewRange()[0][0] > 10 * 365 * DAY


def test_clicking_an_event_selects_it_and_says_so(qtbot, view):
    spot = view.scatter.points()[0]
    vb = view.plot.getPlotItem().getViewBox()
    pos = view.plot.mapFromScene(vb.mapViewToScene(QPointF(spot.pos())))
    with qtbot.waitSignal(view.event_selected, timeout=3000) as chosen:
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    event = view.events[spot.data()]
    assert chosen.args == [event.key, event.declaration_id]
    assert view.selected == event.key
    assert event.label in view.detail.text() and event.date.isoformat() in view.detail.text()
    view.select(None)
    assert view.detail.text() == ""


def test_opening_a_case_draws_its_timeline_in_the_analysis_dock(qtbot, window):
    ref = TRUTH["linked_pairs"][0]["cases"][0]
    window.open_case(ref)
    panel = window.analysis
    qtbot.waitUntil(lambda: panel.timeline.timeline is not None
                    and panel.timeline.timeline.title == ref, timeout=15_000)
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.timeline)) == "Timeline"
    assert len(panel.timeline.scatter.points()) > 0


def test_a_ring_and_a_company_on_the_timeline_and_the_link_chart_following(qtbot, window):
    panel = window.analysis
    qtbot.waitUntil(lambda: panel.splits.ring_count() > 0, timeout=20_000)
    panel.splits.select_ring(0)
    panel.splits.timeline_button.click()
    ring = panel.shown_rings[0]
    qtbot.waitUntil(lambda: panel.timeline.timeline is not None
                    and panel.timeline.timeline.title == "Split shipment ring 1", timeout=15_000)
    assert panel.tabs.currentWidget() is panel.timeline
    declared = {e.declaration_id for e in panel.timeline.timeline.events}
    assert declared == set(ring.declaration_ids)

    ref = TRUTH["linked_pairs"][0]["cases"][0]
    window.open_case(ref)
    links = panel.links
    qtbot.waitUntil(lambda: ref in links.nodes, timeout=15_000)
    party = next(n for n in links.nodes if n[0] == "p" and n[1:].isdigit())  # a party node
    links.timeline_requested.emit(party)
    # the company's own timeline (its title is the name it shows, which another test of this
    # worker may have changed by merging spellings on the shared demo database)
    qtbot.waitUntil(lambda: any(party in e.lanes for e in panel.timeline.timeline.events)
                    and panel.timeline.timeline.title != "Split shipment ring 1",
                    timeout=15_000)
    # an event chosen on the timeline selects its parties on the link chart
    event = next(e for e in panel.timeline.timeline.events if party in e.lanes)
    panel.timeline.event_selected.emit(event.key, event.declaration_id)
    assert party in links.selected
