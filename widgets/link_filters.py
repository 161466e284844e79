"""The link chart's filters by role and by date range, from the case's facts
(casedb.links.link_facts: each party's roles, the dates behind every node): parties with none of
the roles shown, and nodes whose declarations all fall outside the dates, are taken out with
the identifiers only they held, and brought back when the filter widens. Cases always stay.
The filter panel beside the chart (over the attribute panel) drives them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDateEdit, QGridLayout, QLabel, QMenu, QToolButton, QWidget

from .link_style import role_label

FACTS_KEY = "@facts"  # in the menu's ``filtered``: what the role and date filters took out
DATE_FORMAT = "yyyy-MM-dd"


def put_back(chart, taken) -> None:
    """Merge a set taken out of the chart (nodes, edges, positions) back in; an edge whose
    other end is still out (in another filter's set, or hidden) goes to that set, so that it
    comes back with it."""
    nodes, edges, pos = taken
    graph = chart.network
    present = set(graph.ids) | {n[0] for n in nodes}
    graph.merge(nodes, [e for e in edges if e[0] in present and e[1] in present], pos)
    stray = [e for e in edges if not (e[0] in present and e[1] in present)]
    if not stray:
        return
    holders = list(chart.menu.filtered.values()) + chart.hidden_sets()
    for edge in stray:
        missing = edge[1] if edge[0] in present else edge[0]
        for held_nodes, held_edges, _ in holders:
            if any(n[0] == missing for n in held_nodes):
                held_edges.append(edge)
                break


class LinkFilters(QObject):
    """``facts``: a casedb LinkFacts (or None until it comes); ``roles``: the roles shown (None:
    all); ``dates``: the first and last day shown (None: all)."""

    def __init__(self, chart):
        super().__init__(chart)
        self.chart = chart
        self.facts = None
        self.roles: set[str] | None = None
        self.dates: tuple[dt.date, dt.date] | None = None

    def active(self) -> bool:
        return self.roles is not None or self.dates is not None

    def every_role(self) -> list[str]:
        return self.facts.every_role() if self.facts is not None else []

    def set_facts(self, facts) -> None:
        """The case's facts (they come after the chart); filters already set apply again."""
        self.facts = facts
        if self.active():
            self.apply()
        self.chart.filter_bar.refresh()

    def reset(self) -> None:
        """Every role and every date again (a new chart): nothing to put back."""
        self.roles = self.dates = None
        self.chart.filter_bar.refresh()

    def set_role_shown(self, role: str, shown: bool) -> None:
        roles = set(self.every_role()) if self.roles is None else set(self.roles)
        roles = roles | {role} if shown else roles - {role}
        self.set_roles(None if roles >= set(self.every_role()) else roles)

    def set_roles(self, roles) -> None:
        self.roles = None if roles is None else set(roles)
        self.apply()

    def set_dates(self, first: dt.date | None, last: dt.date | None) -> None:
        """Show the nodes with a declaration from ``first`` to ``last`` (both None: all)."""
        if first is None and last is None:
            self.dates = None
        else:
            span = self.facts.span() if self.facts is not None else None
            low = first or (span[0] if span else dt.date.min)
            high = last or (span[1] if span else dt.date.max)
            self.dates = (min(low, high), max(low, high))
        self.apply()

    def state(self) -> dict:
        return {"roles": None if self.roles is None else sorted(self.roles),
                "dates": None if self.dates is None else [d.isoformat() for d in self.dates]}

    def restore(self, state: dict) -> None:
        """Settings saved by ``state``; the nodes they took out come back with the menu's
        ``filtered`` sets."""
        roles, dates = state.get("roles"), state.get("dates")
        self.roles = None if roles is None else set(roles)
        self.dates = None if not dates else (dt.date.fromisoformat(dates[0]),
                                             dt.date.fromisoformat(dates[1]))
        self.chart.filter_bar.refresh()

    # --- applying -------------------------------------------------------------------------------

    def apply(self) -> None:
        chart = self.chart
        taken = chart.menu.filtered.pop(FACTS_KEY, None)
        if taken is not None:
            put_back(chart, taken)
        out = self._left_out()
        if out:
            chart.menu.filtered[FACTS_KEY] = chart.network.remove(out)
        chart.refresh_structure()
        chart.filter_bar.refresh()

    def _left_out(self) -> list[str]:
        """The nodes the filters leave out: parties with no role shown, nodes whose dates miss
        the range, and the nodes (not cases) whose every link went with them."""
        facts, graph = self.facts, self.chart.network
        if facts is None or not self.active() or not graph.n:
            return []
        out = set()
        for node, kind in zip(graph.ids, graph.kinds, strict=True):
            if kind == "case":
                continue
            roles = facts.roles.get(node)
            if self.roles is not None and roles and not set(roles) & self.roles:
                out.add(node)
            span = facts.spans.get(node)
            if self.dates is not None and span and (span[1] < self.dates[0]
                                                    or span[0] > self.dates[1]):
                out.add(node)
        return sorted(out | self._stranded(out))

    def _stranded(self, out: set[str]) -> set[str]:
        """Nodes (not cases) linked only to nodes in ``out``: a broker's phone goes with him."""
        graph = self.chart.network
        ids, kinds = graph.ids, graph.kinds
        links: dict[int, list[int]] = {}
        for a, b in graph.edges.tolist():
            links.setdefault(a, []).append(b)
            links.setdefault(b, []).append(a)
        return {ids[r] for r, near in links.items()
                if ids[r] not in out and kinds[r] != "case" and all(ids[o] in out for o in near)}


class LinkFilterBar(QWidget):
    """Roles (a menu of checkable roles) and a date range (two date fields), beside the chart
    over its attribute panel; hidden until the case's facts have come."""

    def __init__(self, chart):
        super().__init__(chart)
        self.chart = chart
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.roles_button = QToolButton(self)
        self.roles_button.setText(self.tr("Roles"))
        self.roles_button.setToolTip(self.tr("Show or hide the parties of each role "
                                             "(shipper, consignee, broker...)"))
        self.roles_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.roles_menu = QMenu(self.roles_button)
        self.roles_menu.aboutToShow.connect(self.fill_roles_menu)
        self.roles_button.setMenu(self.roles_menu)
        self.all_dates_action = QAction(self.tr("All dates"), self)
        self.all_dates_action.setToolTip(self.tr("Show the nodes of every date again"))
        self.all_dates_action.triggered.connect(lambda: chart.filters.set_dates(None, None))
        all_dates = QToolButton(self)
        all_dates.setDefaultAction(self.all_dates_action)
        self.first, self.last = self._date_edit(), self._date_edit()
        self.status = QLabel(self)
        grid.addWidget(self.roles_button, 0, 0)
        grid.addWidget(all_dates, 0, 1)
        grid.addWidget(QLabel(self.tr("Declared from"), self), 1, 0)
        grid.addWidget(self.first, 1, 1)
        grid.addWidget(QLabel(self.tr("to"), self), 2, 0)
        grid.addWidget(self.last, 2, 1)
        grid.addWidget(self.status, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.refresh()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setToolTip(self.tr("Show only the nodes with a declaration in these dates"))
        edit.dateChanged.connect(self._on_date_changed)
        return edit

    def fill_roles_menu(self) -> None:
        self.roles_menu.clear()
        filters = self.chart.filters
        for role in filters.every_role():
            action = self.roles_menu.addAction(role_label(role))
            action.setCheckable(True)
            action.setChecked(filters.roles is None or role in filters.roles)
            action.toggled.connect(lambda on, r=role: filters.set_role_shown(r, on))

    def refresh(self) -> None:
        """The fields as the filters stand; shown once a case's facts are known (a ring's chart
        in the split view has none)."""
        filters = self.chart.filters
        self.setHidden(filters.facts is None)
        span = filters.facts.span() if filters.facts is not None else None
        self.roles_button.setEnabled(bool(filters.every_role()))
        for edit in (self.first, self.last):
            edit.setEnabled(span is not None)
        self.all_dates_action.setEnabled(filters.dates is not None)
        shown = filters.dates or span
        if shown is not None:
            for edit, day in ((self.first, shown[0]), (self.last, shown[1])):
                edit.blockSignals(True)
                if span is not None:
                    edit.setDateRange(QDate(span[0]), QDate(span[1]))
                edit.setDate(QDate(day))
                edit.blockSignals(False)
        out = self.chart.menu.filtered.get(FACTS_KEY)
        self.status.setText(self.tr("%n node(s) filtered out", "", len(out[0]))
                            if out and out[0] else "")

    def _on_date_changed(self, _date) -> None:
        filters = self.chart.filters
        first, last = self.first.date().toPython(), self.last.date().toPython()
        span = filters.facts.span() if filters.facts is not None else None
        if span is not None and (first, last) == span:
            filters.set_dates(None, None)
        else:
            filters.set_dates(first, last)
