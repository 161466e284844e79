"""The analysis dock: route shifts (declarations or trade statistics, the HS code and grouping
the user picks), the route map, split-shipment rings and the link chart of the open case. It
draws what it is given and says what the user asks for by ``..._requested`` signals; the
queries run elsewhere (app/actions/analysis.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .background import Runner
from .link_chart import LinkChart
from .route_chart import RouteChart
from .route_map import RouteMapView
from .split_view import SplitView
from .timeline import TimelineView
from .timeline_sync import SelectionSync

DECLARATIONS, TRADE = "declarations", "trade"


@dataclass(frozen=True)
class RouteQuery:
    """What the route views should show: ``source`` is DECLARATIONS, TRADE (the only trade
    dataset, or the bundled one) or a trade dataset as (name, reporter, flow); ``by`` a
    grouping of that source."""

    source: object = DECLARATIONS
    hs: str = "3915"
    by: str = "dest-country"


class AnalysisDock(QWidget):
    routes_requested = Signal(object)  # RouteQuery
    event_shifts_requested = Signal(object, int)  # the route table shown, a period index
    ring_as_case_requested = Signal(int)  # index of the ring to open as a new case
    ring_to_case_requested = Signal(int)  # index of the ring to add to the open case
    expand_requested = Signal(str)  # link chart node id
    open_case_requested = Signal(str)  # case reference
    party_cases_requested = Signal(str)  # a party's name: list its cases
    route_declarations_requested = Signal(object, str)  # the RouteQuery shown, a route key
    declaration_requested = Signal(str)  # a declaration number: show it
    timeline_event_selected = Signal(str, object)  # event key, declaration id or None
    ring_timeline_requested = Signal(int)  # index of a ring shown
    node_timeline_requested = Signal(str)  # a link chart node: a party or a case

    def __init__(self, parent: QWidget | None = None, *, runner: Runner):
        super().__init__(parent)
        self.source = QComboBox(self)
        self.source.addItem(self.tr("Declarations"), DECLARATIONS)
        self.source.addItem(self.tr("Trade statistics (BACI)"), TRADE)
        self.hs = QLineEdit("3915", self)
        self.hs.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,10}"), self))
        self.hs.setMaximumWidth(110)
        self.hs.setToolTip(self.tr("HS code or its first digits, e.g. 3915 (plastic scrap)"))
        self.by = QComboBox(self)
        self.routes = RouteChart(self)
        self.map = RouteMapView(self)
        self.splits = SplitView(self, runner=runner)
        self.links = LinkChart(self, runner=runner)
        self.timeline = TimelineView(self)
        self.shown_rings: list = []  # the rings drawn, with their timelines and networks
        self._timelines: list = []
        self._networks: list = []
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._route_page(), self.tr("Route shifts"))
        self.tabs.addTab(self.map, self.tr("Map"))
        self.tabs.addTab(self.splits, self.tr("Split shipments"))
        self.tabs.addTab(self.links, self.tr("Link chart"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        QVBoxLayout(self).addWidget(self.tabs)
        self._fill_groupings()
        self.source.currentIndexChanged.connect(self._on_source_changed)
        self.by.currentIndexChanged.connect(self._on_query_edited)
        self.hs.editingFinished.connect(self._on_query_edited)
        self.routes.event_moved.connect(self._on_routes_event_moved)
        self.routes.route_declarations_requested.connect(
            lambda route: self.route_declarations_requested.emit(self.route_query(), route))
        self.splits.ring_selected.connect(self._on_splits_ring_selected)
        self.splits.open_as_case_requested.connect(self.ring_as_case_requested)
        self.splits.add_to_case_requested.connect(self.ring_to_case_requested)
        self.splits.declaration_requested.connect(self.declaration_requested)
        self.links.node_activated.connect(self._on_links_node_activated)
        self.links.expand_requested.connect(self.expand_requested)
        self.timeline.event_selected.connect(self.timeline_event_selected)
        self.sync = SelectionSync(self.timeline, self.links, self)  # the chart follows, and back
        self.splits.timeline_requested.connect(self.ring_timeline_requested)
        self.links.timeline_requested.connect(self.node_timeline_requested)

    def _route_page(self) -> QWidget:
        page = QWidget(self)
        bar = QHBoxLayout()
        for label, field in ((self.tr("Source"), self.source), (self.tr("HS"), self.hs),
                             (self.tr("Grouped by"), self.by)):
            bar.addWidget(QLabel(label, page))
            bar.addWidget(field)
        bar.addStretch(1)
        v = QVBoxLayout(page)
        v.addLayout(bar)
        v.addWidget(self.routes)
        return page

    def _fill_groupings(self) -> None:
        self.by.blockSignals(True)
        self.by.clear()
        if self.source.currentData() == DECLARATIONS:
            self.by.addItem(self.tr("destination country"), "dest-country")
            self.by.addItem(self.tr("destination port"), "dest-port")
        else:
            self.by.addItem(self.tr("importer"), "importer")
            self.by.addItem(self.tr("exporter"), "exporter")
        self.by.blockSignals(False)

    # --- what the user asks for ---------------------------------------------------------------

    def route_query(self) -> RouteQuery:
        return RouteQuery(self.source.currentData(), self.hs.text().strip(),
                          self.by.currentData())

    def _on_source_changed(self) -> None:
        self._fill_groupings()
        self._on_query_edited()

    def _on_query_edited(self) -> None:
        self.routes_requested.emit(self.route_query())

    def _on_routes_event_moved(self, index: int) -> None:
        table = self.routes.table
        if table is not None and 0 <= index < len(table.periods):
            self.map.set_event_period(table.periods[index])
            self.event_shifts_requested.emit(table, index)

    def _on_links_node_activated(self, node: str) -> None:
        network = self.links.network
        row = network.index.get(node)
        kind = network.kinds[row] if row is not None else "case"
        if kind == "case":
            self.open_case_requested.emit(node)
        elif kind == "party":
            self.party_cases_requested.emit(network.labels[row])

    def _on_splits_ring_selected(self, row: int) -> None:
        if 0 <= row < len(self.shown_rings):
            self.splits.show_timeline(self.shown_rings[row], self._timelines[row])
            self.splits.show_ring_network(*self._networks[row])

    # --- what it is given -----------------------------------------------------------------------

    def add_trade_sources(self, sources) -> None:
        """One entry per trade dataset as (name, reporter, flow), after the fixed ones."""
        known = {self.source.itemData(i) for i in range(self.source.count())}
        for name, reporter, flow in sources:
            if (name, reporter, flow) in known:
                continue
            text = (self.tr("Trade statistics: %1 (%2 %3)").replace("%1", name)
                    .replace("%2", reporter).replace("%3", flow) if reporter
                    else self.tr("Trade statistics: %1").replace("%1", name))
            self.source.addItem(text, (name, reporter, flow))

    def title(self, table) -> str:
        """The source and HS code, and the years the table covers only in part."""
        text = self.tr("%1, HS %2").replace("%1", self.source.currentText()).replace(
            "%2", self.hs.text().strip() or self.tr("all"))
        partial = getattr(table, "partial_periods", None)
        if partial:
            text = self.tr("%1 (partial: %2)").replace("%1", text).replace(
                "%2", ", ".join(partial))
        return text

    def show_routes(self, table) -> None:
        self.routes.show_table(table, self.title(table))

    def show_map(self, table, counts=None) -> None:
        """``counts``: each route's declarations in each period, for the map's hover text."""
        self.map.show_table(table, self.title(table), counts=counts)

    def show_event_shifts(self, shifts, index: int) -> None:
        self.routes.show_event_shifts(shifts, self.title(shifts), index)

    def show_rings(self, rings, timelines, networks) -> None:
        self.shown_rings, self._timelines, self._networks = list(rings), timelines, networks
        self.splits.show_rings(self.shown_rings)

    def show_case_network(self, nodes, edges) -> None:
        self.links.show_network(nodes, edges)

    def show_timeline(self, timeline, bring_forward: bool = False) -> None:
        """A casedb.analysis.timeline.Timeline: of the open case, a ring or a company."""
        self.timeline.show_timeline(timeline)
        if bring_forward:
            self.tabs.setCurrentWidget(self.timeline)

    def add_expansion(self, node: str, nodes, edges) -> None:
        """``node``'s neighbours: the heaviest shown, the rest behind "Show all"."""
        self.links.menu.add_expansion(node, nodes, edges)

    def add_network(self, nodes, edges) -> None:
        self.links.add_network(nodes, edges)
