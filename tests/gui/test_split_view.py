"""Split rings on the demo database: the timeline's date axis says year and month, a click on a
declaration shows it in the declarations browser, the ring's network sits beside the chart."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from widgets.date_axis import DateAxis, timestamp


def test_the_date_axis_says_the_year_at_every_zoom():
    axis = DateAxis()
    day = timestamp(dt.date(2019, 3, 5))
    assert axis.tickStrings([day], 1.0, 86_400 * 5) == ["2019-03-05"]
    assert axis.tickStrings([day], 1.0, 86_400 * 31) == ["2019-03"]
    assert axis.tickStrings([day], 1.0, 86_400 * 366) == ["2019"]


def test_a_narrow_date_axis_still_has_a_tick(qtbot):
    """A ring's plot at the default size is ~150 px wide: pyqtgraph's density picks months,
    none of which falls inside a 23-day ring, and the axis stood bare."""
    import pyqtgraph as pg

    plot = pg.PlotWidget(axisItems={"bottom": DateAxis()})
    qtbot.addWidget(plot)
    plot.resize(200, 200)
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.waitUntil(lambda: hasattr(plot.getPlotItem().getAxis("bottom"), "fontMetrics"))
    axis = plot.getPlotItem().getAxis("bottom")
    lo, hi = timestamp(dt.date(2019, 3, 4)), timestamp(dt.date(2019, 3, 27))
    for size in (100, 155, 400):
        levels = axis.tickValues(lo, hi, size)
        assert levels and levels[0][1], size
        assert all(lo <= v <= hi for v in levels[0][1])
    (spacing, values), = axis.tickValues(lo, hi, 400)
    assert len(axis.tickStrings(values, 1.0, spacing)) >= 2


def test_clicking_a_declaration_of_a_ring_shows_it_in_the_browser(qtbot, window):
    panel = window.analysis
    panel.tabs.setCurrentWidget(panel.splits)
    view = panel.splits
    qtbot.waitUntil(lambda: view.ring_count() > 0 and bool(view.points), timeout=20_000)
    QApplication.processEvents()
    # the network beside the chart, not under it
    assert view.network.geometry().left() >= view.plot.geometry().right() - 10
    ticks = view.plot.getAxis("bottom").tickStrings(
        [timestamp(dt.date(2019, 5, 1))], 1.0, 86_400 * 7)
    assert ticks == ["2019-05-01"]
    scatter = view.points[0]
    spot = scatter.points()[0]
    vb = view.plot.getPlotItem().getViewBox()
    pos = view.plot.mapFromScene(vb.mapViewToScene(QPointF(spot.pos())))
    with qtbot.waitSignal(view.declaration_requested, timeout=3000) as asked:
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    number = spot.data()
    assert asked.args == [number]
    assert window.browser.tabs.currentIndex() == 1
    assert window.browser.search.text() == number
