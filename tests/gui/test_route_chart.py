"""The route-share chart on its own: the legend beside the plot, change points in their
route's colour, the event line labelled with its period and dragged with the mouse (the shifts
shown change), the heat matrix's scale and hover text, unknown places said in words, a click
on a route asking for its declarations."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from casedb.analysis.shares import Series, ShareTable, event_shifts, with_shifts
from widgets.route_chart import COLOURS, RouteChart

PERIODS = tuple(str(y) for y in range(2010, 2022))


def _table() -> ShareTable:
    """China falls from 60% to 10% in 2018, Malaysia rises, an unknown destination stays."""
    china = [0.6] * 8 + [0.1] * 4
    malaysia = [0.1] * 8 + [0.6] * 4
    unknown = [0.3] * 12
    series = tuple(Series(r, lab, tuple(s), tuple(v * 1000 for v in s)) for r, lab, s in (
        ("CHN", "China", china), ("MYS", "Malaysia", malaysia), ("???", "???", unknown)))
    return with_shifts(ShareTable(PERIODS, series))


@pytest.fixture
def chart(qtbot):
    w = RouteChart()
    qtbot.addWidget(w)
    w.resize(1560, 330)  # the analysis dock at the default window size
    w.show()
    qtbot.waitExposed(w)
    w.show_table(_table(), "test")
    QApplication.processEvents()
    return w


def _send(widget, kind, pos: QPoint, buttons) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def _drag(plot, x0: float, x1: float) -> None:
    """Drag with the left button from period ``x0`` to ``x1`` at mid-height of the plot."""
    vb = plot.getPlotItem().getViewBox()
    y = vb.viewRange()[1][0] + (vb.viewRange()[1][1] - vb.viewRange()[1][0]) / 2
    view = plot.viewport()

    def at(x: float) -> QPoint:
        return plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))

    left = Qt.MouseButton.LeftButton
    _send(view, QEvent.Type.MouseButtonPress, at(x0), left)
    for k in range(1, 11):
        _send(view, QEvent.Type.MouseMove, at(x0 + (x1 - x0) * k / 10), left)
    _send(view, QEvent.Type.MouseButtonRelease, at(x1), Qt.MouseButton.NoButton)


def test_legend_beside_the_plot_names_every_route_and_unknown_in_words(chart):
    keys = [chart.key.item(i).text() for i in range(chart.key.count())]
    assert keys == ["China", "Malaysia", "unknown"]
    assert "???" not in " ".join(keys)
    # beside the plot, not on it
    assert chart.key.geometry().left() >= chart.plot.geometry().right()
    assert chart.key.isVisible() and chart.key.width() >= 150


def test_change_points_take_their_routes_colour(chart):
    items = chart.plot.getPlotItem().listDataItems()
    marks = [i for i in items if i.opts.get("symbol") == "t"]
    assert marks, "no change point drawn"
    brushes = {i.opts["symbolBrush"] for i in marks}
    assert brushes <= {COLOURS[0], COLOURS[1]}
    assert len(brushes) == 2  # China's fall and Malaysia's rise, each in its own colour


def test_the_event_line_is_labelled_and_dragging_it_changes_the_shifts(qtbot, chart):
    table = chart.table
    assert chart.event_index() == PERIODS.index("2018")  # the biggest change
    assert "2018" in chart.event.label.toPlainText()

    def shifts_for(index: int) -> None:
        year = int(table.periods[index])
        chart.show_event_shifts(event_shifts(table, dt.date(year, 1, 1), "year"), "t", index)

    chart.event_moved.connect(shifts_for)
    before = [chart.shifts.item(r, 3).text() for r in range(chart.shifts.rowCount())]
    with qtbot.waitSignal(chart.event_moved, timeout=3000) as moved:
        _drag(chart.plot, PERIODS.index("2018"), PERIODS.index("2013"))
    assert moved.args == [PERIODS.index("2013")]
    assert "2013" in chart.event.label.toPlainText()
    assert "risers and fallers" in chart.shifts_title.text()
    after = [chart.shifts.item(r, 3).text() for r in range(chart.shifts.rowCount())]
    assert after != before
    assert {chart.shifts.item(r, 1).text() for r in range(chart.shifts.rowCount())} == {"2013"}


def test_the_heat_matrix_has_a_scale_and_names_the_cell_under_the_mouse(chart):
    heat = chart.heat
    assert heat.scale.isVisible() or heat.scale.scene() is heat.scene()
    assert heat.scale.levels()[1] >= 60
    text = heat.cell_text(PERIODS.index("2019") + 0.5, 1.5)
    assert text.startswith("Malaysia, 2019: 60.0%")
    assert heat.cell_text(-1, 0) == ""
    assert heat.cell_text(0.5, 2.5).startswith("unknown")


def test_clicking_a_route_asks_for_its_declarations(qtbot, chart):
    with qtbot.waitSignal(chart.route_declarations_requested, timeout=1000) as asked:
        item = chart.key.item(1)
        rect = chart.key.visualItemRect(item)
        qtbot.mouseClick(chart.key.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args == ["MYS"]
