"""The analysis dock: route shifts (declarations or trade statistics), split-shipment rings and
the link chart of the open case. Queries run in background jobs; widgets only draw."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casedb import cases
from casedb.analysis.ring_network import ring_network
from casedb.analysis.route_lines import warm
from casedb.analysis.routes import route_shares
from casedb.analysis.splits import detect_splits, ring_timeline
from casedb.casefile import load_case_file
from casedb.changes import DECLARATIONS, PARTIES, TRADE, ChangeSet
from casedb.linked import linked_cases
from casedb.network import case_network, party_neighbourhood
from casedb.trade import TradeQueryError, list_datasets, trade_shares
from widgets.link_chart import LinkChart
from widgets.route_chart import RouteChart
from widgets.route_map import RouteMapView
from widgets.split_view import SplitView, explain

from . import i18n

BUNDLED_TRADE = "BACI-HS92-3915"


def _trade(db, source, lang: str, by: str):
    """``source``: "trade" (the only dataset, or the bundled BACI), or a dataset of
    ``trade datasets`` as (name, reporter, flow): a national one by partner."""
    if source == "trade":
        try:
            return trade_shares(db, hs="3915", by=by, lang=lang)
        except TradeQueryError:
            return trade_shares(db, hs="3915", by=by, lang=lang, dataset=BUNDLED_TRADE)
    name, reporter, flow = source
    if reporter and by == "importer":
        by = "partner"
    return trade_shares(db, hs="3915", by=by, lang=lang, dataset=name, reporter=reporter,
                        flow=flow)


def _trade_sources(db):
    """Every trade dataset with its reporter and flow, for the source picker."""
    out = []
    for d in list_datasets(db):
        reporter = d.reporters[0] if len(d.reporters) == 1 else None
        for flow in (d.flows if reporter else (None,)):
            out.append((d.name, reporter, flow))
    return out


def _routes(db, source, lang: str):
    if source != "declarations":
        return _trade(db, source, lang, "importer")
    return route_shares(db, hs_prefix="3915", by="dest-country", period="year", lang=lang)


def _route_map(db, source, lang: str, progress=None):
    """The routes with their origins for the map (the chart's table by destination has none),
    their sea lanes computed here in the background so that the map only draws."""
    if source != "declarations":
        table = _trade(db, source, lang, "pair")
    else:
        table = route_shares(db, hs_prefix="3915", by="route", period="year", lang=lang)
    warm(table, progress=progress)
    return table


def _splits(db, progress=None):
    """The rings with, for each, its timeline and its small network (a few rows each)."""
    rings = detect_splits(db, progress=progress)
    return rings, [ring_timeline(db, r) for r in rings], [ring_network(db, r) for r in rings]


def _expansion(db, node: str):
    if node.startswith("p") and node[1:].isdigit():
        return party_neighbourhood(db, int(node[1:]))
    return case_network(load_case_file(db, node), linked_cases(db, node))


def _ring_case(db, case_ref: str, title: str, ring) -> str:
    cases.case_from_declarations(db, case_ref, title, ring.declaration_ids,
                                 summary="\n".join(explain(ring)),
                                 detection_method="split-shipment analysis")
    return case_ref


def _ring_into_case(db, case_ref: str, ring) -> str:
    cases.add_declarations(db, case_ref, ring.declaration_ids, reason="split-shipment ring",
                           detection_method="split-shipment analysis")
    return case_ref


class AnalysisPanel(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.widget = QWidget(window)
        self.source = QComboBox(self.widget)
        self.source.addItem(self.tr("Declarations: plastic scrap (HS 3915) by destination"),
                            "declarations")
        self.source.addItem(self.tr("Trade statistics: BACI HS 3915 by importer"), "trade")
        self.routes = RouteChart(self.widget)
        self.map = RouteMapView(self.widget)
        self.splits = SplitView(self.widget, runner=window.jobs)
        self.links = LinkChart(self.widget, runner=window.jobs)
        route_page = QWidget(self.widget)
        v = QVBoxLayout(route_page)
        bar = QHBoxLayout()
        bar.addWidget(self.source)
        bar.addStretch(1)
        v.addLayout(bar)
        v.addWidget(self.routes)
        self.tabs = QTabWidget(self.widget)
        self.tabs.addTab(route_page, self.tr("Route shifts"))
        self.tabs.addTab(self.map, self.tr("Map"))
        self.tabs.addTab(self.splits, self.tr("Split shipments"))
        self.tabs.addTab(self.links, self.tr("Link chart"))
        QVBoxLayout(self.widget).addWidget(self.tabs)
        self._rings, self._timelines, self._networks = [], [], []
        self.source.currentIndexChanged.connect(self.refresh_routes)
        self.splits.ring_selected.connect(self._on_splits_ring_selected)
        self.splits.open_as_case_requested.connect(self._on_splits_open_as_case_requested)
        self.splits.add_to_case_requested.connect(self._on_splits_add_to_case_requested)
        self.links.node_activated.connect(self._on_links_node_activated)
        self.links.expand_requested.connect(self._on_links_expand_requested)
        self.routes.event_moved.connect(self._on_routes_event_moved)

    def refresh(self) -> None:
        self.on_changed(ChangeSet.everything())

    def on_changed(self, changes: ChangeSet) -> None:
        """Reload, in the background, the views showing what ``changes`` touches (the open
        case's chart comes with the case, see ``show_case``)."""
        if changes.touches(DECLARATIONS, TRADE):
            self.refresh_routes()
        if changes.touches(DECLARATIONS, PARTIES):
            self.refresh_splits()
        if changes.touches(TRADE):
            job = self.window.jobs.submit(_trade_sources, self.window.db)
            job.signals.succeeded.connect(self._on_trade_sources_ready)

    def _on_trade_sources_ready(self, sources) -> None:
        """One entry per trade dataset (with its reporter and flow) after the two fixed ones."""
        known = {self.source.itemData(i) for i in range(self.source.count())}
        for name, reporter, flow in sources:
            if (name, reporter, flow) in known:
                continue
            text = (self.tr("Trade statistics: %1 (%2 %3 by partner)").replace("%1", name)
                    .replace("%2", reporter).replace("%3", flow) if reporter
                    else self.tr("Trade statistics: %1 by importer").replace("%1", name))
            self.source.addItem(text, (name, reporter, flow))

    def refresh_routes(self) -> None:
        source, lang = self.source.currentData(), i18n.active()
        # The chart's shares are SQL and polars (quick, the GIL mostly free): an ordinary read.
        # The map's sea lanes and split detection are long and largely Python: background.
        job = self.window.jobs.submit(_routes, self.window.db, source, lang)
        job.signals.succeeded.connect(self._on_routes_ready)
        job = self.window.jobs.submit(_route_map, self.window.db, source, lang, background=True)
        job.signals.succeeded.connect(self._on_map_ready)

    def refresh_splits(self) -> None:
        job = self.window.jobs.submit(_splits, self.window.db, background=True)
        job.signals.succeeded.connect(self._on_splits_ready)

    def show_case(self, case_file, links) -> None:
        """The link chart of a case the window has loaded (never loaded twice)."""
        self.links.show_network(*case_network(case_file, links))

    def _title(self, table) -> str:
        """The source, and the years it covers only in part (trade statistics)."""
        partial = getattr(table, "partial_periods", None)
        if not partial:
            return self.source.currentText()
        return self.tr("%1 (partial: %2)").replace("%1", self.source.currentText()).replace(
            "%2", ", ".join(partial))

    def _on_routes_ready(self, table) -> None:
        self.routes.show_table(table, self._title(table))

    def _on_map_ready(self, table) -> None:
        self.map.show_table(table, self._title(table))

    def _on_routes_event_moved(self, index: int) -> None:
        from casedb.analysis.shares import event_shifts

        table = self.routes.table
        period = table.periods[index]
        event = dt.date(int(period[:4]), 1, 1)
        self.routes.show_event_shifts(event_shifts(table, event, "year"),
                                      self.source.currentText(), index)
        self.map.set_event_period(period)

    def _on_splits_ready(self, result) -> None:
        self._rings, self._timelines, self._networks = result
        self.splits.show_rings(self._rings)

    def _on_splits_open_as_case_requested(self, row: int) -> None:
        ring = self._rings[row]
        ref, ok = QInputDialog.getText(self.window, self.tr("Open as a new case"),
                                       self.tr("Case reference:"),
                                       text=f"RING-{ring.first:%Y%m%d}-{row + 1}")
        if ok and ref.strip():
            self.open_ring_as_case(row, ref.strip())

    def open_ring_as_case(self, row: int, case_ref: str):
        ring = self._rings[row]
        title = self.tr("Split shipment ring: %1 declarations, %2 t").replace(
            "%1", str(len(ring.declaration_ids))).replace("%2", f"{ring.total_kg / 1000:,.0f}")
        job = self.window.jobs.submit(_ring_case, self.window.db, case_ref, title, ring,
                                      writes=True)
        job.signals.succeeded.connect(self._on_ring_case_written)
        job.signals.failed.connect(self._on_ring_case_failed)
        return job

    def _on_splits_add_to_case_requested(self, row: int) -> None:
        case_ref = self.window.case_view.case_ref
        if not case_ref:
            QMessageBox.information(self.window, self.tr("Add to the open case"),
                                    self.tr("Open a case first."))
            return
        self.add_ring_to_case(row, case_ref)

    def add_ring_to_case(self, row: int, case_ref: str):
        job = self.window.jobs.submit(_ring_into_case, self.window.db, case_ref,
                                      self._rings[row], writes=True)
        job.signals.succeeded.connect(self._on_ring_case_written)
        job.signals.failed.connect(self._on_ring_case_failed)
        return job

    def _on_ring_case_written(self, case_ref: str) -> None:
        self.window.publish(ChangeSet.of_case(case_ref))
        self.window.open_case(case_ref)

    def _on_ring_case_failed(self, exc) -> None:
        QMessageBox.warning(self.window, self.tr("Split shipments"), str(exc))

    def _on_splits_ring_selected(self, row: int) -> None:
        if 0 <= row < len(self._rings):
            self.splits.show_timeline(self._rings[row], self._timelines[row])
            self.splits.show_ring_network(*self._networks[row])

    def _on_links_expand_requested(self, node: str) -> None:
        job = self.window.jobs.submit(_expansion, self.window.db, node)
        job.signals.succeeded.connect(self._on_expansion_ready)

    def _on_expansion_ready(self, result) -> None:
        nodes, edges = result
        self.links.add_network(nodes, edges)

    def _on_links_node_activated(self, node: str) -> None:
        network = self.links.network
        kind = network.kinds[network.ids.index(node)] if node in network.ids else "case"
        if kind == "case":
            self.window.open_case(node)
        elif kind == "party":
            # A party opens as its cases: the browser searches its name (any spelling).
            browser = self.window.browser
            browser.tabs.setCurrentIndex(0)
            browser.search.setText(network.labels[network.ids.index(node)])
