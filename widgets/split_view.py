"""Split-shipment rings: a sortable table (score, typology, shippers, shared identifiers,
tonnes, ports, dates, the cases already holding its declarations, its strongest reason; see
widgets/ring_table.py) with a filter box, each ring's timeline
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
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .background import Runner
from .chart_export import export_plot, export_with_dialog
from .date_axis import DateAxis, timestamp
from .link_chart import LinkChart
from .ring_table import RingTable, plain_row
from .route_chart import COLOURS

log = logging.getLogger(__name__)


def explain(ring) -> list[str]:
    """A ring's explanations in the workstation's language: casedb gives English templates with
    named values (tools/translate_zh_tw.py files them under this context)."""
    return [QCoreApplication.translate("SplitView", template).format(**values)
            for template, values in ring.explanations]


class SplitView(QWidget):
    ring_selected = Signal(int)  # index in the list shown (whatever the table's order)
    rings_shown = Signal(list)  # the rings now in the table: their rows' details are asked for
    open_as_case_requested = Signal(int)  # index of the ring to open as a new case
    add_to_case_requested = Signal(int)  # index of the ring to add to the open case
    declaration_requested = Signal(str)  # a declaration number: open it
    timeline_requested = Signal(int)  # index of the ring to show on the timeline

    def __init__(self, parent: QWidget | None = None, *, runner: Runner):
        super().__init__(parent)
        self.rings = RingTable(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter the rings: shipper, identifier, port, "
                                               "case…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.rings.proxy.setFilterFixedString)
        self._current = -1  # the ring shown beside the table
        menu = self.rings.menu  # right-click on a ring: what the buttons do
        menu.add(self.tr("Open as a new case…"),
                 lambda _rows: self._emit_for_current(self.open_as_case_requested), single=True)
        menu.add(self.tr("Add to case…"),
                 lambda _rows: self._emit_for_current(self.add_to_case_requested), single=True)
        menu.add(self.tr("Timeline"),
                 lambda _rows: self._emit_for_current(self.timeline_requested), single=True)
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
        split.addWidget(self._left())
        split.addWidget(right)
        split.setSizes([560, 640])
        QVBoxLayout(self).addWidget(split)
        self.rings.selectionModel().currentRowChanged.connect(self._on_rings_current_changed)

    def _left(self) -> QWidget:
        """The filter box over the rings' table."""
        left = QWidget(self)
        v = QVBoxLayout(left)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.filter)
        v.addWidget(self.rings, 1)
        return left

    def _on_rings_current_changed(self, current, _previous) -> None:
        ring = self.rings.ring_at(current.row()) if current.isValid() else -1
        if ring >= 0 and ring != self._current:  # a re-sort moves the row, not the ring
            self._current = ring
            self.ring_selected.emit(ring)

    def _emit_for_current(self, signal) -> None:
        if self.current_ring() >= 0:
            signal.emit(self.current_ring())

    def current_ring(self) -> int:
        """The selected ring's index in the list shown (-1: none)."""
        index = self.rings.currentIndex()
        return self.rings.ring_at(index.row()) if index.isValid() else -1

    def ring_count(self) -> int:
        return self.rings.table_model.rowCount()

    def select_ring(self, index: int) -> None:
        """Select the ring at ``index`` of the list shown (where the table's order put it)."""
        row = self.rings.view_row_of(index)
        if row >= 0:
            self.rings.setCurrentIndex(self.rings.proxy.index(row, 0))
            self.rings.selectRow(row)

    def show_rings(self, rings) -> None:
        """Rings in their table (details that need the database follow: ``rings_shown``)."""
        rings = list(rings)
        self._current = -1
        self.rings.table_model.set_rows([plain_row(i, r) for i, r in enumerate(rings)],
                                        [explain(r)[0] if r.explanations else "" for r in rings],
                                        detailed=False)
        self.rings.fit_columns()
        if rings:
            self.select_ring(0)
        self.rings_shown.emit(rings)

    def show_ring_rows(self, rows) -> bool:
        """The rows of the rings shown with their shared identifiers, ports and cases
        (casedb.analysis.ring_rows); False if they are of other rings."""
        done = self.rings.table_model.update_rows(rows)
        if done:
            self.rings.fit_columns()
        return done

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


