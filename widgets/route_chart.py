"""Route shares over time (lines, and a heat matrix of route × period), their detected change
points, a draggable event marker, and the biggest risers and fallers around it. Exports the
share chart to PNG and SVG."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .chart_export import export_plot, export_with_dialog

log = logging.getLogger(__name__)

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f")


class RouteChart(QWidget):
    """Shows a ShareTable (casedb.analysis.shares): one line per route, change points as
    markers; dragging the event line asks the shell for shifts around that period."""

    event_moved = Signal(int)  # index of the period under the event marker

    def __init__(self, parent: QWidget | None = None, top: int = 8):
        super().__init__(parent)
        self._top = top
        self.title = QLabel(self)
        self.export_button = QPushButton(self.tr("Export image…"), self)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setLabel("left", self.tr("Share of the period's total (%)"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.legend = self.plot.addLegend(offset=(10, 10))
        self.event = pg.InfiniteLine(angle=90, movable=True, pen=pg.mkPen("#b00", width=2))
        self.event.sigPositionChangeFinished.connect(self._on_event_position_change_finished)
        self.heat = pg.PlotWidget(self, background="w")
        self.heat_image = pg.ImageItem(axisOrder="col-major")  # image[period, route]
        self.heat_image.setColorMap(pg.colormap.get("viridis"))
        self.heat.addItem(self.heat_image)
        self.heat.setMouseEnabled(x=True, y=False)
        self.heat.getPlotItem().invertY(True)
        self.views = QTabWidget(self)
        self.views.addTab(self.plot, self.tr("Shares over time"))
        self.views.addTab(self.heat, self.tr("Heat matrix"))
        self.shifts_title = QLabel(self)
        self.shifts = QTableWidget(0, 4, self)
        self.shifts.setHorizontalHeaderLabels([self.tr("Route"), self.tr("From"),
                                               self.tr("Before"), self.tr("After")])
        self.shifts.horizontalHeader().setStretchLastSection(True)
        self.shifts.setMaximumWidth(420)
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
        layout.addLayout(bar)
        layout.addLayout(row)
        self.table = None
        self.heat_matrix = np.zeros((0, 0))
        self._event_mode = False

    def show_table(self, table, title: str = "") -> None:
        self.table = table
        self.title.setText(title)
        self.plot.clear()
        self.legend.clear()
        x = list(range(len(table.periods)))
        axis = self.plot.getAxis("bottom")
        step = max(1, len(x) // 12)
        axis.setTicks([[(i, p) for i, p in enumerate(table.periods) if i % step == 0]])
        for n, s in enumerate(table.series[: self._top]):
            pen = pg.mkPen(COLOURS[n % len(COLOURS)], width=2)
            self.plot.plot(x, [v * 100 for v in s.shares], pen=pen, name=s.label)
        points = [(table.periods.index(sh.change_point), sh.after_share * 100)
                  for sh in table.shifts
                  if sh.change_point in table.periods]
        if points:
            self.plot.plot([p[0] for p in points], [p[1] for p in points], pen=None,
                           symbol="t", symbolSize=12, symbolBrush="#b00",
                           name=self.tr("change point"))
        self.plot.addItem(self.event)
        self._fill_heat(table)
        self._fill_shifts(table)

    def _fill_heat(self, table) -> None:
        series = table.series[: max(self._top, 15)]
        if not series or not table.periods:
            self.heat_image.clear()
            return
        self.heat_matrix = np.array([s.shares for s in series], dtype=float).T * 100
        self.heat_image.setImage(self.heat_matrix, levels=(0, max(1.0, self.heat_matrix.max())))
        self.heat_image.setRect(0, 0, len(table.periods), len(series))
        step = max(1, len(table.periods) // 12)
        self.heat.getAxis("bottom").setTicks(
            [[(i + 0.5, p) for i, p in enumerate(table.periods) if i % step == 0]])
        self.heat.getAxis("left").setTicks([[(i + 0.5, s.label) for i, s in enumerate(series)]])
        self.heat.setToolTip(self.tr("Share of the period's total (%): dark low, bright high"))

    def _fill_shifts(self, table) -> None:
        self.shifts_title.setText(
            self.tr("Biggest risers and fallers around the event") if self._event_mode
            else self.tr("Change points detected in each route's share"))
        self.shifts.setRowCount(len(table.shifts))
        for r, sh in enumerate(table.shifts):
            for c, v in enumerate((sh.label, sh.change_point, f"{sh.before_share:.1%}",
                                   f"{sh.after_share:.1%}")):
                self.shifts.setItem(r, c, QTableWidgetItem(v))
        self.shifts.resizeColumnsToContents()

    def set_event_index(self, index: int) -> None:
        self.event.setValue(index)

    def show_event_shifts(self, table, title: str, index: int) -> None:
        """``table`` from casedb's event_shifts: its shifts are the risers and fallers."""
        self._event_mode = True
        try:
            self.show_table(table, title)
        finally:
            self._event_mode = False
        self.set_event_index(index)

    def _on_event_position_change_finished(self) -> None:
        if self.table is not None and self.table.periods:
            i = int(round(self.event.value()))
            self.event_moved.emit(max(0, min(i, len(self.table.periods) - 1)))

    def export_image(self, path: str | Path) -> Path:
        """The share chart (lines, change points, legend, event marker) as PNG (at least
        2400 px wide) or SVG by ``path``'s suffix; ValueError for any other suffix."""
        return export_plot(self.plot, path)

    def _on_export_button_clicked(self) -> None:
        export_with_dialog(self, self.export_image, "route-shares.png")
