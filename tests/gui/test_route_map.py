"""The route map on the demo database (declarations of HS 3915): land, ports, the top routes along
their sea lanes with widths by tonnage, before/after side by side, the period slider, export."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QGraphicsPathItem

from casedb.analysis.routes import route_shares
from widgets.route_map import MAX_WIDTH, RouteMapView

TOP = 8


@pytest.fixture(scope="module")
def table(demo_db):
    return route_shares(demo_db, hs_prefix="3915", by="route", period="year")


@pytest.fixture
def view(qtbot, table):
    w = RouteMapView(top=TOP)
    qtbot.addWidget(w)
    w.resize(1400, 700)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.drawn):
        w.show_table(table, "HS 3915")
    return w


def _drawn(view, panel: int = 0) -> set[str]:
    return {route for route, curves in view.route_items[panel].items() if curves}


def _widths(view, panel: int = 0) -> dict[str, float]:
    return {route: curves[0].opts["pen"].widthF()
            for route, curves in view.route_items[panel].items() if curves}


def _top(table, periods) -> set[str]:
    """The biggest routes by tonnage over ``periods`` whose origin is known (a route of an
    unknown origin only marks its port of discharge)."""
    idx = [table.periods.index(p) for p in periods]
    totals = {s.route: sum(s.tonnes[i] for i in idx) for s in table.series}
    top = sorted((r for r in totals if totals[r] > 0), key=lambda r: -totals[r])[:TOP]
    return {r for r in top if not r.startswith("???")}


def test_the_map_draws_land_ports_and_the_top_routes_widest_for_the_most_tonnes(view, table):
    assert len(view.plots) == 1
    land = [i for i in view.plots[0].items if isinstance(i, QGraphicsPathItem)]
    assert land and land[0].path().elementCount() > 5000  # twice when cut in the Atlantic
    assert _drawn(view) == _top(table, table.periods)
    ports = {spot.data().split("\n")[0] for spot in view.port_items[0].points()}
    assert len(ports) >= 10
    assert {"Penang (MYPEN)", "Port Kelang (MYPKG)", "Felixstowe (GBFXT)"} <= ports
    widths = _widths(view)
    biggest = max(view.maps[0].routes, key=lambda r: r.tonnes).route
    assert biggest == "GBR>MYPEN"
    assert widths[biggest] == max(widths.values()) > 3 * min(widths.values())
    legend = [label.text for _, label in view.legends[0].items]
    assert any(text.startswith("United Kingdom → Penang") for text in legend)


def test_before_and_after_the_ban_shows_two_panels_china_then_malaysia(qtbot, view, table):
    view.mode.setCurrentIndex(view.mode.findData("before-after"))
    with qtbot.waitSignal(view.drawn):
        view.set_event_period("2018")
    assert len(view.plots) == 2
    titles = [p.titleLabel.text for p in view.plots]
    assert titles == ["Before: 2016 – 2017", "After: 2018 – 2024"]
    before, after = view.maps
    assert _drawn(view, 0) == _top(table, ["2016", "2017"])
    assert _drawn(view, 1) == _top(table, table.periods[2:])
    assert sum(r.stops[-1].startswith("CN") for r in before.routes) >= 4
    assert not any(r.stops[-1].startswith("CN") for r in after.routes)
    assert after.routes[0].stops[-1].startswith("MY")
    # one scale for both panels: tonnes a year, not totals over unequal spans
    assert max(_widths(view, 1).values()) > max(_widths(view, 0).values())


def test_stepping_the_period_slider_changes_the_drawn_routes(qtbot, view, table):
    view.set_mode("period")
    assert view.slider.isEnabled() and view.slider.value() == 0
    first = _drawn(view)
    assert first == _top(table, ["2016"])
    assert view.where.text() == "2016"
    view.slider.setFocus()
    seen = [first]
    for period in table.periods[1:]:
        with qtbot.waitSignal(view.drawn):
            qtbot.keyClick(view.slider, Qt.Key.Key_Right)
        assert view.where.text() == period
        assert _drawn(view) == _top(table, [period])
        seen.append(_drawn(view))
    assert seen[0] != seen[3]  # 2016 (China) against 2019 (Malaysia)
    assert len({frozenset(s) for s in seen}) > 3
    # one width scale for every period: the peak year's biggest route is the widest line
    peak = max(table.periods, key=lambda p: max(s.tonnes[table.periods.index(p)]
                                                for s in table.series))
    view.set_period_index(table.periods.index(peak))
    assert max(_widths(view).values()) == pytest.approx(MAX_WIDTH)
    view.set_period_index(0)
    assert max(_widths(view).values()) < 0.4 * MAX_WIDTH


def test_export_writes_a_png_and_an_svg(view, tmp_path):
    view.set_event_period("2018")
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    view.export(png)
    view.export(svg)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") >= 2000  # IHDR width
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    ns = "{http://www.w3.org/2000/svg}"
    paths = root.findall(f".//{ns}path")
    assert sum(len(p.get("d", "")) for p in paths) > 50_000  # the land is in it
    assert len(root.findall(f".//{ns}polyline")) > 100  # and the routes


def _scene_point(view, panel: int, lon_lat):
    vb = view.plots[panel].getViewBox()
    return view.view.mapFromScene(vb.mapViewToScene(QPointF(*lon_lat)))


def test_hovering_a_route_names_its_tonnes_and_declarations_and_a_click_asks_for_them(
        qtbot, view, table):
    counts = {s.route: tuple(3 for _ in table.periods) for s in table.series}
    with qtbot.waitSignal(view.drawn):
        view.show_table(table, "HS 3915", counts=counts)
    QApplication.processEvents()
    biggest = view.maps[0].routes[0]
    assert biggest.route == "GBR>MYPEN"
    line = view.lines[0][biggest.route]
    middle = line[0][len(line[0]) // 2]
    pos = _scene_point(view, 0, middle)
    moved = view.view.scene().sigMouseMoved  # what a mouse move over the scene emits (an
    # offscreen pointer left on a spot by an earlier test sends no move at all)
    with qtbot.waitSignal(view.route_hovered, timeout=2000) as hovered:
        moved.emit(view.view.mapToScene(pos))
    assert hovered.args == [biggest.route]
    assert view.hover_text.startswith("United Kingdom → Penang")
    assert f"{biggest.tonnes:,.0f} t" in view.hover_text
    assert f"{3 * len(table.periods)} declarations" in view.hover_text
    with qtbot.waitSignal(view.route_filter_requested, timeout=2000) as asked:
        qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert asked.args == [biggest.route]
    # away from every line: nothing named
    with qtbot.waitSignal(view.route_hovered, timeout=2000) as left:
        moved.emit(view.view.mapToScene(
            _scene_point(view, 0, (view._extent[0] + 2, view._extent[2] + 2))))
    assert left.args == [""] and view.hover_text == ""


def test_the_biggest_route_is_on_top_and_beside_a_route_sharing_its_lane(view):
    items = view.route_items[0]
    z = {route: curves[0].zValue() for route, curves in items.items() if curves}
    assert max(z, key=z.get) == "GBR>MYPEN"
    # UK -> Port Kelang runs the same lane: drawn beside it, not over it
    a, b = view.lines[0]["GBR>MYPEN"][0], view.lines[0]["GBR>MYPKG"][0]
    assert a[len(a) // 3] != b[len(b) // 3]


def test_trans_pacific_routes_run_the_short_way_and_labels_do_not_overlap(qtbot, view):
    pacific = [segs for segs in view.lines[0].values()
               if any(x > 180 for seg in segs for x, _ in seg)]
    for segs in view.lines[0].values():
        assert len(segs) == 1  # no route cut at the map's edge
    assert pacific, "the demo's US routes cross the Pacific"
    shown = [t for t in view.labels[0] if t.isVisible()]
    assert len(shown) >= 5
    boxes = [t.sceneBoundingRect() for t in shown]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.intersects(b)
    assert view.view.height() >= 260
