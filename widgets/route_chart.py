"""Route shares over time (lines, and a heat matrix of route × period), their detected change
points in each route's colour, a labelled event line that can be dragged, and the biggest
risers and fallers around it. The legend sits beside the plot; clicking a route (its line or
its legend entry) asks for its declarations. Exports the share chart to PNG and SVG with its
legend drawn beside the plot (the on-screen legend is a list widget, outside the picture)."""

from __future__ import annotations

import logging
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .chart_export import export_plot, export_with_dialog
from .route_heat import RouteHeat

log = logging.getLogger(__name__)

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f")
UNKNOWN = "???"  # what casedb's route keys and labels hold for a port or country not given
EVENT_PEN = "#b00000"
LEGEND_MARGIN = 8  # px around the legend of an exported chart


def shown_label(label: str, unknown: str) -> str:
    """A route's label with casedb's '???' for an unknown place said in the user's words."""
    return label.replace(UNKNOWN, unknown)


class RouteChart(QWidget):
    """Shows a ShareTable (casedb.analysis.shares): one line per route, change points as
    markers; dragging the event line asks the shell for shifts around that period."""

    event_moved = Signal(int)  # index of the period under the event marker
    route_declarations_requested = Signal(str)  # a route key of the table shown

    def __init__(self, parent: QWidget | None = None, top: int = 8):
        super().__init__(parent)
        self._top = top
        self.title = QLabel(self)
        self.export_button = QPushButton(self.tr("Export image…"), self)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setLabel("left", self.tr("Share (%)"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.getPlotItem().setMenuEnabled(False)
        self.event = pg.InfiniteLine(
            angle=90, movable=True, pen=pg.mkPen(EVENT_PEN, width=2),
            hoverPen=pg.mkPen(EVENT_PEN, width=4), label="",
            labelOpts={"position": 0.92, "color": EVENT_PEN, "fill": (255, 255, 255, 220),
                       "anchors": [(0, 0.5), (1, 0.5)]})
        self.event.setToolTip(self.tr("Event: drag the line to compare the routes before and "
                                      "after another period"))
        self.event.sigPositionChanged.connect(self._on_event_position_changed)
        self.event.sigPositionChangeFinished.connect(self._on_event_position_change_finished)
        self.key = QListWidget(self)  # the legend, beside the plot
        self.key.setWordWrap(True)
        self.key.setMaximumWidth(230)
        self.key.setToolTip(self.tr("Click a route to list its declarations"))
        self.key.itemClicked.connect(self._on_key_item_clicked)
        self.heat = RouteHeat(self)
        self.views = QTabWidget(self)
        self.views.addTab(self._shares_page(), self.tr("Shares over time"))
        self.views.addTab(self.heat, self.tr("Heat matrix"))
        self.shifts_title = QLabel(self)
        self.shifts_title.setWordWrap(True)
        self.shifts = QTableWidget(0, 4, self)
        self.shifts.setHorizontalHeaderLabels([self.tr("Route"), self.tr("From"),
                                               self.tr("Before"), self.tr("After")])
        self.shifts.horizontalHeader().setStretchLastSection(True)
        self.shifts.verticalHeader().setVisible(False)
        self.shifts.setMaximumWidth(400)
        side = QVBoxLayout()
        side.addWidget(self.shifts_title)
        side.addWidget(self.shifts)
        row = QHBoxLayout()
        row.addWidget(self.views, 3)
        row.addLayout(side, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(row, 1)
        self.table = None
        self.colours: dict[str, str] = {}  # route key -> colour of its line and change points
        self.curves: dict[str, pg.PlotDataItem] = {}  # route key -> its line
        self.export_legend: pg.LegendItem | None = None  # the last export's, for tests
        self._event_mode = False

    def _shares_page(self) -> QWidget:
        page = QWidget(self)
        h = QHBoxLayout(page)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.plot, 1)
        h.addWidget(self.key)
        return page

    @property
    def heat_matrix(self):
        return self.heat.matrix

    def label(self, series) -> str:
        return shown_label(series.label, self.tr("unknown"))

    def show_table(self, table, title: str = "") -> None:
        self.table = table
        self.title.setText(title)
        self.plot.clear()
        self.key.clear()
        x = list(range(len(table.periods)))
        step = max(1, len(x) // 12)
        self.plot.getAxis("bottom").setTicks(
            [[(i, p) for i, p in enumerate(table.periods) if i % step == 0]])
        self.colours, self.curves = {}, {}
        for n, s in enumerate(table.series[: self._top]):
            colour = self.colours[s.route] = COLOURS[n % len(COLOURS)]
            curve = self.plot.plot(x, [v * 100 for v in s.shares], pen=pg.mkPen(colour, width=2),
                                   name=self.label(s))
            curve.setCurveClickable(True, width=8)
            self.curves[s.route] = curve
            curve.sigClicked.connect(lambda _c, *_a, route=s.route:
                                     self.route_declarations_requested.emit(route))
            self._add_key(s.route, self.label(s), colour)
        self._draw_change_points(table)
        self.plot.addItem(self.event)
        if not self._event_mode:
            self.set_event_index(self._default_event(table))
        self.heat.show_shares(table.periods, [self.label(s) for s in table.series[:15]],
                              [s.shares for s in table.series[:15]])
        self._fill_shifts(table)

    def _add_key(self, route: str, text: str, colour: str) -> None:
        icon = QPixmap(14, 14)
        icon.fill(QColor(colour))
        item = QListWidgetItem(QIcon(icon), text)
        item.setData(Qt.ItemDataRole.UserRole, route)
        item.setToolTip(text)
        self.key.addItem(item)

    def _draw_change_points(self, table) -> None:
        """A triangle on each route's line where its share changed, in that route's colour."""
        for sh in table.shifts:
            if sh.change_point not in table.periods or sh.route not in self.colours:
                continue
            colour = self.colours[sh.route]
            self.plot.plot([table.periods.index(sh.change_point)], [sh.after_share * 100],
                           pen=None, symbol="t", symbolSize=13, symbolBrush=colour,
                           symbolPen=pg.mkPen("#202020", width=1))

    @staticmethod
    def _default_event(table) -> int:
        """The biggest detected change, else the middle period."""
        shifts = sorted(table.shifts, key=lambda sh: -abs(sh.after_share - sh.before_share))
        cut = next((sh.change_point for sh in shifts if sh.change_point in table.periods), None)
        return table.periods.index(cut) if cut else len(table.periods) // 2

    def _fill_shifts(self, table) -> None:
        self.shifts_title.setText(
            self.tr("Biggest risers and fallers around the event") if self._event_mode
            else self.tr("Change points detected in each route's share"))
        self.shifts.setRowCount(len(table.shifts))
        for r, sh in enumerate(table.shifts):
            for c, v in enumerate((shown_label(sh.label, self.tr("unknown")), sh.change_point,
                                   f"{sh.before_share:.1%}", f"{sh.after_share:.1%}")):
                self.shifts.setItem(r, c, QTableWidgetItem(v))
        self.shifts.resizeColumnsToContents()

    def event_index(self) -> int | None:
        if self.table is None or not self.table.periods:
            return None
        return max(0, min(int(round(self.event.value())), len(self.table.periods) - 1))

    def set_event_index(self, index: int) -> None:
        self.event.setValue(index)
        self._on_event_position_changed()

    def show_event_shifts(self, table, title: str, index: int) -> None:
        """``table`` from casedb's event_shifts: its shifts are the risers and fallers."""
        self._event_mode = True
        try:
            self.show_table(table, title)
        finally:
            self._event_mode = False
        self.set_event_index(index)

    def _on_event_position_changed(self, *_args) -> None:
        i = self.event_index()
        text = "" if i is None else self.tr("Event: %1 ⇆").replace("%1", self.table.periods[i])
        self.event.label.setFormat(text)

    def _on_event_position_change_finished(self, *_args) -> None:
        i = self.event_index()
        if i is not None:
            self.event.setValue(i)  # snapped to its period
            self.event_moved.emit(i)

    def _on_key_item_clicked(self, item: QListWidgetItem) -> None:
        self.route_declarations_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def export_image(self, path: str | Path) -> Path:
        """The share chart (lines, change points, event marker) with its legend on the right,
        as PNG (at least 2400 px wide) or SVG by ``path``'s suffix; ValueError for any other
        suffix."""
        item = self.plot.getPlotItem()
        size = 0.8 * QFontMetricsF(self.plot.getAxis("bottom").font()).height()  # as the axes
        legend = self.export_legend = pg.LegendItem(
            labelTextSize=f"{size:.0f}px", labelTextColor="#202020", pen=pg.mkPen("#c0c0c0"),
            brush=pg.mkBrush("#ffffff"))
        # scaled with the picture like the axes (a legend on screen keeps its pixel size)
        legend.setFlag(legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        for i in range(self.key.count()):
            entry = self.key.item(i)
            curve = self.curves.get(entry.data(Qt.ItemDataRole.UserRole))
            if curve is not None:
                legend.addItem(curve, entry.text())
        # a column right of the plot as wide as the legend, the legend drawn at its top
        room = pg.GraphicsWidget()
        width = legend.boundingRect().width() + 2 * LEGEND_MARGIN
        room.setMinimumWidth(width)
        room.setMaximumWidth(width)
        item.layout.addItem(room, 2, 3)
        item.layout.activate()
        legend.setParentItem(item)
        legend.setPos(room.pos() + QPointF(LEGEND_MARGIN, LEGEND_MARGIN))
        try:
            return export_plot(self.plot, path)
        finally:
            for part in (legend, room):
                if part is room:
                    item.layout.removeItem(room)
                part.scene().removeItem(part)
            item.layout.activate()

    def _on_export_button_clicked(self) -> None:
        export_with_dialog(self, self.export_image, "route-shares.png")
