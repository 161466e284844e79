"""Split-shipment rings: the list with scores and explanations, each ring's timeline
(declarations as date x weight on a date axis, coloured by shipper, the threshold as a line; a
click on a declaration asks for it), which exports to PNG and SVG, and beside it the ring's
small network of shells, consignees and the phones or addresses tying the shells together."""

from __future__ import annotations

import logging
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .background import Runner
from .chart_export import export_plot, export_with_dialog
from .date_axis import DateAxis, timestamp
from .link_chart import LinkChart
from .route_chart import COLOURS

log = logging.getLogger(__name__)



def explain(ring) -> list[str]:
    """A ring's explanations in the workstation's language: casedb gives English templates with
    named values (tools/translate_zh_tw.py files them under this context)."""
    return [QCoreApplication.translate("SplitView", template).format(**values)
            for template, values in ring.explanations]

class SplitView(QWidget):
    ring_selected = Signal(int)  # index in the list
    open_as_case_requested = Signal(int)  # index of the ring to open as a new case
    add_to_case_requested = Signal(int)  # index of the ring to add to the open case
    declaration_requested = Signal(str)  # a declaration number: open it
    timeline_requested = Signal(int)  # index of the ring to show on the timeline

    def __init__(self, parent: QWidget | None = None, *, runner: Runner):
        super().__init__(parent)
        self.rings = QListWidget(self)
        self.rings.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export image…"), self)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.new_case_button = QPushButton(self.tr("Open as a new case…"), self)
        self.add_case_button = QPushButton(self.tr("Add to the open case"), self)
        self.new_case_button.clicked.connect(
            lambda: self._emit_for_current(self.open_as_case_requested))
        self.add_case_button.clicked.connect(
            lambda: self._emit_for_current(self.add_to_case_requested))
        self.timeline_button = QPushButton(self.tr("Timeline"), self)
        self.timeline_button.setToolTip(self.tr("The ring's parties and declarations on the "
                                                "timeline"))
        self.timeline_button.clicked.connect(
            lambda: self._emit_for_current(self.timeline_requested))
        self.plot = pg.PlotWidget(self, background="w", axisItems={"bottom": DateAxis()})
        self.plot.setLabel("left", self.tr("Gross weight (t)"))
        self.plot.setLabel("bottom", self.tr("Declared on"))
        self.plot.getPlotItem().setMenuEnabled(False)
        self.legend = self.plot.addLegend(labelTextColor="#202020")
        self.plot.setToolTip(self.tr("Click a declaration to open it"))
        self.points: list[pg.ScatterPlotItem] = []
        self.network = LinkChart(self, runner=runner)
        self.network.toolbar.expand_action.setVisible(False)  # the ring's network is complete
        self.network.details.panel.hide()  # the ring's network is small: the chart needs the room
        self.network.view.setToolTip(self.tr("The ring's shippers and consignees, linked by the "
                                             "tonnes between them, and the phones, addresses or "
                                             "e-mails the shippers share"))
        right = QWidget(self)
        v = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(self.detail, 1)
        for button in (self.timeline_button, self.new_case_button, self.add_case_button,
                       self.export_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        v.addLayout(top)
        charts = QSplitter(Qt.Orientation.Horizontal, right)  # the dock is wide and low
        charts.addWidget(self.plot)
        charts.addWidget(self.network)
        charts.setSizes([560, 440])
        v.addWidget(charts, 1)
        split = QSplitter(self)
        split.addWidget(self.rings)
        split.addWidget(right)
        split.setSizes([420, 700])
        QVBoxLayout(self).addWidget(split)
        self.rings.currentRowChanged.connect(self.ring_selected)

    def _emit_for_current(self, signal) -> None:
        if self.rings.currentRow() >= 0:
            signal.emit(self.rings.currentRow())

    def show_rings(self, rings) -> None:
        self.rings.clear()
        for r in rings:
            item = QListWidgetItem(self.tr("score %1 — %2").replace("%1", f"{r.score:.2f}")
                                   .replace("%2", explain(r)[0]))
            self.rings.addItem(item)
        if rings:
            self.rings.setCurrentRow(0)

    def show_timeline(self, ring, points: list[tuple]) -> None:
        """``points``: (date, kg, shipper, declaration no) from casedb's ring_timeline."""
        self.detail.setText("\n".join(explain(ring)))
        self.plot.clear()
        self.points = []
        shippers = sorted({p[2] for p in points})
        for n, who in enumerate(shippers):
            mine = [p for p in points if p[2] == who]
            scatter = pg.ScatterPlotItem(
                x=[timestamp(p[0]) for p in mine], y=[p[1] / 1000 for p in mine],
                data=[p[3] for p in mine], size=10, pen=pg.mkPen("#202020", width=0.5),
                brush=COLOURS[n % len(COLOURS)], name=who, hoverable=True,
                tip=lambda x, y, data: data)
            scatter.sigClicked.connect(self._on_points_clicked)
            self.plot.addItem(scatter)
            self.points.append(scatter)
        self._legend_beside()
        if ring.threshold_kg:
            self.plot.addItem(pg.InfiniteLine(pos=ring.threshold_kg / 1000, angle=0,
                                              pen=pg.mkPen("#b00", width=2, style=Qt.PenStyle.DashLine)))

    def _legend_beside(self) -> None:
        """The shippers' legend right of the axes, in a margin of its width: on the plot it
        hid declarations."""
        item = self.plot.getPlotItem()
        width = self.legend.boundingRect().width() + 12
        item.layout.setContentsMargins(0, 0, width, 0)
        self.legend.setParentItem(item)
        self.legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-2, 8))

    def _on_points_clicked(self, _item, spots, *_event) -> None:
        if len(spots):
            self.declaration_requested.emit(str(spots[0].data()))

    def show_ring_network(self, nodes: list[tuple], edges: list[tuple]) -> None:
        """The selected ring's network: ``nodes`` (id, label, kind) and ``edges`` (a, b,
        tonnes) from casedb's ring_network; laid out in the background."""
        self.network.show_network(nodes, edges)

    def export_image(self, path: str | Path) -> Path:
        """The current ring's timeline as PNG (at least 2400 px wide) or SVG by ``path``'s
        suffix; ValueError for any other suffix."""
        return export_plot(self.plot, path)

    def _on_export_button_clicked(self) -> None:
        export_with_dialog(self, self.export_image, "split-ring.png")


