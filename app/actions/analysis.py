"""The analysis dock's flows: its queries (route shares, the map's sea lanes, split rings, a
node's neighbours) in jobs, its rings written into cases, and the refreshes a ChangeSet calls
for. The dock (widgets/analysis_dock.py) only draws and asks."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from casedb.analysis import splits_data
from casedb.analysis.ring_network import ring_network
from casedb.analysis.route_lines import warm
from casedb.analysis.routes import route_shares
from casedb.analysis.shares import event_shifts
from casedb.analysis.splits import ring_timeline, rings_in
from casedb.analysis.timeline import case_timeline, declarations_timeline, party_timeline
from casedb.cases import members
from casedb.cases.casefile import load_case_file
from casedb.changes import DECLARATIONS, PARTIES, TRADE, ChangeSet
from casedb.links.chart_state import open_chart_state, save_chart_state, side_file
from casedb.links.link_facts import case_link_facts
from casedb.links.linked_cases import linked_cases
from casedb.links.network import case_network, party_neighbourhood
from casedb.trade import TradeQueryError, list_datasets, trade_shares
from widgets.analysis_dock import DECLARATIONS as DECLARATIONS_SOURCE
from widgets.analysis_dock import TRADE as TRADE_SOURCE
from widgets.analysis_dock import AnalysisDock, RouteQuery
from widgets.link_identifiers import with_identifiers
from widgets.split_view import explain

from .. import i18n

BUNDLED_TRADE = "BACI-HS92-3915"
log = logging.getLogger(__name__)


class AnalysisActions(QObject):
    """Owns the dock's connections to casedb for one window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dock = AnalysisDock(window, runner=window.jobs)
        self._case_network = None  # the open case's (nodes, edges) shown on the link chart
        d = self.dock
        d.routes_requested.connect(self._on_dock_routes_requested)
        d.event_shifts_requested.connect(self._on_dock_event_shifts_requested)
        d.ring_as_case_requested.connect(self._on_dock_ring_as_case_requested)
        d.ring_to_case_requested.connect(self._on_dock_ring_to_case_requested)
        d.expand_requested.connect(self._on_dock_expand_requested)
        d.open_case_requested.connect(window.open_case)
        d.party_cases_requested.connect(window.search_cases)
        d.route_declarations_requested.connect(self._on_dock_route_declarations_requested)
        d.declaration_requested.connect(self.show_declaration)
        d.links.save_requested.connect(self.save_chart)
        d.sync.attach_case_view(window.case_view)  # one selection: timeline, case, chart
        d.ring_timeline_requested.connect(self._on_dock_ring_timeline_requested)
        d.node_timeline_requested.connect(self._on_dock_node_timeline_requested)
        d.map.route_filter_requested.connect(
            lambda route: self._on_dock_route_declarations_requested(
                RouteQuery(d.route_query().source, d.route_query().hs, "route"), route))

    def _submit(self, fn, *args, succeeded, background: bool = False, writes: bool = False):
        job = self.window.jobs.submit(fn, self.window.db, *args, background=background,
                                      writes=writes)
        job.signals.succeeded.connect(succeeded)
        return job

    def on_changed(self, changes: ChangeSet) -> None:
        """Reload, in the background, the views showing what ``changes`` touches (the open
        case's chart comes with the case, see ``show_case``)."""
        if changes.touches(DECLARATIONS, TRADE):
            self.refresh_routes()
        if changes.touches(DECLARATIONS, PARTIES):
            self.refresh_splits()
        if changes.touches(TRADE):
            self._submit(_trade_sources, succeeded=self.dock.add_trade_sources)

    def refresh(self) -> None:
        self.on_changed(ChangeSet.everything())

    def refresh_routes(self, query: RouteQuery | None = None) -> None:
        query, lang = query or self.dock.route_query(), i18n.active()
        # The chart's shares are SQL and polars (quick, the GIL mostly free): an ordinary read.
        # The map's sea lanes and split detection are long and largely Python: background.
        self._submit(_routes, query, lang, succeeded=self.dock.show_routes)
        self._submit(_route_map, query, lang, succeeded=lambda found: self.dock.show_map(*found),
                     background=True)

    def refresh_splits(self) -> None:
        self._submit(_splits, succeeded=lambda found: self.dock.show_rings(*found),
                     background=True)

    def show_case(self, case_file, links) -> None:
        """The link chart of a case the window has loaded (never loaded twice); a case
        reloaded after a change that left its network as it was keeps its layout."""
        network = with_identifiers(case_file, *case_network(case_file, links))
        ref = case_file.case.case_ref
        if network != self._case_network:
            self._case_network = network
            # a chart kept in a file by an earlier version moves into the database: a write
            self._submit(open_chart_state, ref, writes=side_file(self.window.db, ref).exists(),
                         succeeded=lambda saved: self._show_chart(saved, network))
        self._submit(case_link_facts, ref, succeeded=lambda facts: self.dock.links.set_facts(
            facts) if self.window.open_case_ref == ref else None)
        self._submit(case_timeline, ref, succeeded=self.dock.show_timeline)

    def _show_chart(self, saved: dict | None, network) -> None:
        """The case's chart as saved with it, else laid out anew (unless another case's
        network came meanwhile)."""
        if network is self._case_network and not (saved and self._restore_chart(saved)):
            self.dock.show_case_network(*network)

    def _on_dock_routes_requested(self, query: RouteQuery) -> None:
        self.refresh_routes(query)

    def _on_dock_event_shifts_requested(self, table, index: int) -> None:
        job = self.window.jobs.submit(_event_shifts, table, index)
        job.signals.succeeded.connect(lambda shifts: self.dock.show_event_shifts(shifts, index))

    def _on_dock_route_declarations_requested(self, query: RouteQuery, route: str) -> None:
        """A route's declarations in the browser: the HS code, and the destination country or
        port of the route (the country filter matches export or destination)."""
        if _is_trade(query) or "???" in route:
            self.window.statusBar().showMessage(self.tr(
                "Only declarations with a known destination can be listed by route."), 8000)
            return
        browser = self.window.browser
        browser.hs.setText(query.hs)
        place = route.split(">")[-1]
        browser.country.setText(place if query.by == "dest-country" else "")
        browser.port.setText(place if query.by != "dest-country" else "")
        if query.by == "route":  # exporter > ... > port of discharge
            browser.country.setText(route.split(">")[0])
        browser.tabs.setCurrentIndex(1)

    def _restore_chart(self, saved: dict) -> bool:
        """The chart as the analyst saved it; False (and a warning) when it cannot be."""
        try:
            self.dock.links.menu.restore(saved)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("a saved link chart was not restored: %s", exc)
            return False
        return True

    def save_chart(self):
        """The link chart as it is, kept with the open case in the case database (audited);
        returns the job writing it, None without an open case."""
        ref = self.window.open_case_ref
        if not ref:
            QMessageBox.information(self.window, self.tr("Save with case"),
                                    self.tr("Open a case first."))
            return None
        job = self._submit(save_chart_state, ref, self.dock.links.menu.state(), writes=True,
                           succeeded=lambda changes: self._on_chart_saved(ref, changes))
        job.signals.failed.connect(lambda exc: QMessageBox.warning(
            self.window, self.tr("Save with case"), str(exc)))
        return job

    def _on_chart_saved(self, ref: str, changes: ChangeSet) -> None:
        self.window.publish(changes)
        self.window.statusBar().showMessage(
            self.tr("Link chart saved with %1").replace("%1", ref), 6000)

    def _on_dock_ring_timeline_requested(self, row: int) -> None:
        ring = self.dock.shown_rings[row]
        title = self.tr("Split shipment ring %1").replace("%1", str(row + 1))
        self._submit(declarations_timeline, ring.declaration_ids, title,
                     succeeded=lambda t: self.dock.show_timeline(t, bring_forward=True))

    def _on_dock_node_timeline_requested(self, node: str) -> None:
        if node.startswith("p") and node[1:].isdigit():
            self._submit(party_timeline, int(node[1:]),
                         succeeded=lambda t: self.dock.show_timeline(t, bring_forward=True))
        else:
            self._submit(case_timeline, node,
                         succeeded=lambda t: self.dock.show_timeline(t, bring_forward=True))

    def show_declaration(self, number: str) -> None:
        """The declarations browser searched for one declaration number."""
        browser = self.window.browser
        for edit in (browser.hs, browser.country, browser.port):
            edit.clear()
        browser.search.setText(number)
        browser.tabs.setCurrentIndex(1)

    def _on_dock_expand_requested(self, node: str) -> None:
        self._submit(_expansion, node,
                     succeeded=lambda found: self.dock.add_expansion(node, *found))

    def _on_dock_ring_as_case_requested(self, row: int) -> None:
        ring = self.dock.shown_rings[row]
        ref, ok = QInputDialog.getText(self.window, self.tr("Open as a new case"),
                                       self.tr("Case reference:"),
                                       text=f"RING-{ring.first:%Y%m%d}-{row + 1}")
        if ok and ref.strip():
            self.open_ring_as_case(row, ref.strip())

    def open_ring_as_case(self, row: int, case_ref: str):
        ring = self.dock.shown_rings[row]
        title = self.tr("Split shipment ring: %1 declarations, %2 t").replace(
            "%1", str(len(ring.declaration_ids))).replace("%2", f"{ring.total_kg / 1000:,.0f}")
        return self._write_ring(_ring_case, case_ref, title, ring)

    def _on_dock_ring_to_case_requested(self, row: int) -> None:
        case_ref = self.window.open_case_ref
        if not case_ref:
            QMessageBox.information(self.window, self.tr("Add to the open case"),
                                    self.tr("Open a case first."))
            return
        self.add_ring_to_case(row, case_ref)

    def add_ring_to_case(self, row: int, case_ref: str):
        return self._write_ring(_ring_into_case, case_ref, self.dock.shown_rings[row])

    def _write_ring(self, fn, *args):
        job = self._submit(fn, *args, succeeded=self._on_ring_case_written, writes=True)
        job.signals.failed.connect(
            lambda exc: QMessageBox.warning(self.window, self.tr("Split shipments"), str(exc)))
        return job

    def _on_ring_case_written(self, case_ref: str) -> None:
        self.window.publish(ChangeSet.of_case(case_ref))
        self.window.open_case(case_ref)


def _trade(db, query: RouteQuery, lang: str, by: str):
    """A trade source: TRADE (the only dataset, or the bundled BACI), or a dataset as (name,
    reporter, flow), a national one by partner."""
    hs = query.hs or None
    if query.source == TRADE_SOURCE:
        try:
            return trade_shares(db, hs=hs, by=by, lang=lang)
        except TradeQueryError:
            return trade_shares(db, hs=hs, by=by, lang=lang, dataset=BUNDLED_TRADE)
    name, reporter, flow = query.source
    if reporter and by in ("importer", "exporter"):
        by = "partner"
    return trade_shares(db, hs=hs, by=by, lang=lang, dataset=name, reporter=reporter,
                        flow=flow)


def _trade_sources(db):
    """Every trade dataset with its reporter and flow, for the source picker."""
    out = []
    for d in list_datasets(db):
        reporter = d.reporters[0] if len(d.reporters) == 1 else None
        for flow in (d.flows if reporter else (None,)):
            out.append((d.name, reporter, flow))
    return out


def _is_trade(query: RouteQuery) -> bool:
    return query.source != DECLARATIONS_SOURCE


def _routes(db, query: RouteQuery, lang: str):
    if _is_trade(query):
        return _trade(db, query, lang, query.by)
    return route_shares(db, hs_prefix=query.hs or None, by=query.by, period="year", lang=lang)


def _route_map(db, query: RouteQuery, lang: str, progress):
    """The routes with their origins for the map (the chart's table by destination has none),
    their sea lanes computed here in the background so that the map only draws."""
    if _is_trade(query):
        table = _trade(db, query, lang, "pair")
    else:
        table = route_shares(db, hs_prefix=query.hs or None, by="route", period="year",
                             lang=lang)
    warm(table, progress=progress)
    return table, ({} if _is_trade(query) else _route_counts(db, query.hs or None, table))


def _route_counts(db, hs: str | None, table) -> dict[str, tuple[int, ...]]:
    """Each route's declarations in each period of ``table`` (by route, by year)."""
    from casedb.analysis.routes import _frame, _keys
    from casedb.analysis.shares import period_expr

    frame = _keys(_frame(db, hs, None, None, "route"), "route")
    grouped = frame.with_columns(period_expr("date", "year").alias("period")).group_by(
        "route", "period").len()
    index = {p: i for i, p in enumerate(table.periods)}
    counts: dict[str, list[int]] = {}
    for route, period, n in grouped.iter_rows():
        if period in index:
            counts.setdefault(route, [0] * len(index))[index[period]] = n
    return {route: tuple(c) for route, c in counts.items()}


def _event_shifts(table, index: int):
    import datetime as dt

    period = table.periods[index]
    return event_shifts(table, dt.date(int(period[:4]), 1, 1), "year")


def _splits(db, progress):
    """The rings with, for each, its timeline and its small network (a few rows each)."""
    frame = splits_data.load(db)  # searched once; each ring's timeline is taken from it
    rings = rings_in(db, frame, progress=progress)
    return (rings, [ring_timeline(db, r, frame) for r in rings],
            [ring_network(db, r) for r in rings])


def _expansion(db, node: str):
    if node.startswith("p") and node[1:].isdigit():
        return party_neighbourhood(db, int(node[1:]))
    return case_network(load_case_file(db, node), linked_cases(db, node))


def _ring_case(db, case_ref: str, title: str, ring) -> str:
    members.case_from_declarations(db, case_ref, title, ring.declaration_ids,
                                 summary="\n".join(explain(ring)),
                                 detection_method="split-shipment analysis")
    return case_ref


def _ring_into_case(db, case_ref: str, ring) -> str:
    members.add_declarations(db, case_ref, ring.declaration_ids, reason="split-shipment ring",
                           detection_method="split-shipment analysis")
    return case_ref
