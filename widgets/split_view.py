"""Split-shipment rings: the list with scores and explanations, and each ring's timeline
(declarations as date x weight, coloured by shipper, the threshold as a line)."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from .route_chart import COLOURS


class SplitView(QWidget):
    ring_selected = Signal(int)  # index in the list
    open_as_case_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rings = QListWidget(self)
        self.rings.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.plot = pg.PlotWidget(self, background="w", axisItems={
            "bottom": pg.DateAxisItem(orientation="bottom")})
        self.plot.setLabel("left", self.tr("Gross weight (t)"))
        self.plot.addLegend(offset=(10, 10))
        right = QWidget(self)
        v = QVBoxLayout(right)
        v.addWidget(self.detail)
        v.addWidget(self.plot)
        split = QSplitter(self)
        split.addWidget(self.rings)
        split.addWidget(right)
        split.setSizes([420, 700])
        QVBoxLayout(self).addWidget(split)
        self.rings.currentRowChanged.connect(self.ring_selected)

    def show_rings(self, rings) -> None:
        self.rings.clear()
        for r in rings:
            item = QListWidgetItem(self.tr("score %1 — %2").replace("%1", f"{r.score:.2f}")
                                   .replace("%2", r.reasons[0]))
            self.rings.addItem(item)
        if rings:
            self.rings.setCurrentRow(0)

    def show_timeline(self, ring, points: list[tuple]) -> None:
        """``points``: (date, kg, shipper, declaration no) from casedb's ring_timeline."""
        self.detail.setText("\n".join(ring.reasons))
        self.plot.clear()
        shippers = sorted({p[2] for p in points})
        for n, who in enumerate(shippers):
            xs = [_ts(p[0]) for p in points if p[2] == who]
            ys = [p[1] / 1000 for p in points if p[2] == who]
            self.plot.plot(xs, ys, pen=None, symbol="o", symbolSize=9,
                           symbolBrush=COLOURS[n % len(COLOURS)], name=who)
        if ring.threshold_kg:
            self.plot.addItem(pg.InfiniteLine(pos=ring.threshold_kg / 1000, angle=0,
                                              pen=pg.mkPen("#b00", width=2, style=Qt.PenStyle.DashLine)))


def _ts(d: dt.date) -> float:
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC).timestamp()
