"""The company view: a party as itself, from ``casedb.parties.view.PartyView``: names as written
with how many declarations used each, identifiers, roles, declarations a page at a time, the
cases holding them, counterparties ranked by tonnes, routes, a monthly timeline and its
entity-resolution history. It only emits what the user asks for; ``app`` opens and loads."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from .case_words import status_word
from .fields import ID_ROLE, fill, record_table

_table, _fill = record_table, fill
# casedb.parties.view._what's sentences
_MERGED = re.compile(r"merged (.*) into (.*)")
_SPLIT = re.compile(r"split (['\"])(.*)\1 out as party (\d+)")
_REJECTED = re.compile(r"(.*) \(not the same party\)")


class CompanyView(QWidget):
    page_requested = Signal(int, int)  # party id, page
    party_open_requested = Signal(int)  # a counterparty
    open_case_requested = Signal(str)  # case reference
    evidence_requested = Signal(int)  # declaration id
    add_to_case_requested = Signal(list)  # declaration ids
    search_requested = Signal(str)  # the party's name: its cases in the browser
    undo_decision_requested = Signal(int)  # party id: undo its last entity-resolution decision

    def __init__(self, parent: QWidget | None = None, page_size: int = 100):
        super().__init__(parent)
        self.party = None
        self.page, self.page_size = 0, page_size
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)
        self.names = _table(self, [self.tr("Name as written"), self.tr("Declarations")])
        self.identifiers = _table(self, [self.tr("Identifier"), self.tr("Value")])
        self.declarations = _table(self, [self.tr("Declaration"), self.tr("Date"),
                                          self.tr("Role"), self.tr("HS"), self.tr("Gross kg"),
                                          self.tr("Route")])
        self.cases = _table(self, [self.tr("Case"), self.tr("Title"), self.tr("Status")])
        self.counterparties = _table(self, [self.tr("Counterparty"), self.tr("Role"),
                                            self.tr("Declarations"), self.tr("Tonnes")])
        self.routes = _table(self, [self.tr("Route"), self.tr("Declarations"),
                                    self.tr("Tonnes")])
        self.timeline = _table(self, [self.tr("Month"), self.tr("Declarations"),
                                      self.tr("Tonnes")])
        self.history = _table(self, [self.tr("When"), self.tr("Who"), self.tr("Action"),
                                     self.tr("What"), self.tr("Reason")])
        self.prev_button = QPushButton(self.tr("◀ Newer"), self)
        self.next_button = QPushButton(self.tr("Older ▶"), self)
        self.page_label = QLabel(self)
        self.undo_button = QPushButton(self.tr("Undo the last decision"), self)
        self.undo_button.setToolTip(self.tr("Undo this company's last merge, split or "
                                            "rejection (recorded in the audit log)"))
        self.undo_button.clicked.connect(
            lambda: self.party and self.undo_decision_requested.emit(self.party.id))
        self.prev_button.clicked.connect(lambda: self._go(self.page - 1))
        self.next_button.clicked.connect(lambda: self._go(self.page + 1))
        self._tabs()
        self._wire()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)

    def _tabs(self) -> None:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.declarations, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.next_button)
        v.addLayout(bar)
        history = QWidget(self)
        h = QVBoxLayout(history)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.history, 1)
        h.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignRight)
        for widget, name in ((self.names, self.tr("Names")),
                             (self.identifiers, self.tr("Identifiers")),
                             (page, self.tr("Declarations")), (self.cases, self.tr("Cases")),
                             (self.counterparties, self.tr("Counterparties")),
                             (self.routes, self.tr("Routes")),
                             (self.timeline, self.tr("Timeline")),
                             (history, self.tr("Entity history"))):
            self.tabs.addTab(widget, name)

    def _wire(self) -> None:
        self.cases.cellDoubleClicked.connect(
            lambda r, _c: self.open_case_requested.emit(self.cases.item(r, 0).data(ID_ROLE)))
        self.cases.table_menu.add(self.tr("Open"), lambda rows: self.open_case_requested.emit(
            self.cases.item(rows[0], 0).data(ID_ROLE)), single=True)
        self.counterparties.cellDoubleClicked.connect(
            lambda r, _c: self.party_open_requested.emit(
                self.counterparties.item(r, 0).data(ID_ROLE)))
        self.counterparties.table_menu.add(
            self.tr("Open"), lambda rows: self.party_open_requested.emit(
                self.counterparties.item(rows[0], 0).data(ID_ROLE)), single=True)
        self.declarations.cellDoubleClicked.connect(
            lambda r, _c: self.evidence_requested.emit(self.declarations.item(r, 0).data(ID_ROLE)))
        menu = self.declarations.table_menu
        menu.add(self.tr("Show the row as written…"), lambda rows: self.evidence_requested.emit(
            self.declarations.item(rows[0], 0).data(ID_ROLE)), single=True)
        menu.add(self.tr("Add to case…"), lambda rows: self.add_to_case_requested.emit(
            [self.declarations.item(r, 0).data(ID_ROLE) for r in rows]))
        self.names.table_menu.add(self.tr("Search for this"), lambda rows: (
            self.search_requested.emit(self.names.item(rows[0], 0).text())), single=True)

    def show_party(self, view) -> None:
        """Show a ``casedb.parties.view.PartyView`` (the page of declarations it holds)."""
        self.party = view
        self.title.setText(view.display_name)
        roles = ", ".join(f"{self.tr(role)} {n}" for role, n in sorted(view.roles.items()))
        self.facts.setText(self.tr("Country: %1 · %2 declaration(s) · roles: %3 · %4 case(s)")
                           .replace("%1", view.country or "—")
                           .replace("%2", str(view.declarations_total))
                           .replace("%3", roles or "—").replace("%4", str(len(view.cases))))
        _fill(self.names, [(name, n) for name, n in view.names])
        _fill(self.identifiers, [(self.tr(kind), value) for kind, value in view.identifiers])
        _fill(self.declarations, [(d.declaration_no, d.declaration_date, self.tr(d.role),
                                   d.hs_code, d.gross_weight_kg, d.route)
                                  for d in view.declarations],
              [d.id for d in view.declarations])
        _fill(self.cases, [(ref, title, status_word(status)) for ref, title, status in view.cases],
              [ref for ref, _t, _s in view.cases])
        _fill(self.counterparties, [(c.name, self.tr(c.role), c.declarations, round(c.tonnes, 1))
                                    for c in view.counterparties],
              [c.party_id for c in view.counterparties])
        _fill(self.routes, [(route, n, round(t, 1)) for route, n, t in view.routes])
        _fill(self.timeline, [(month, n, round(t, 1)) for month, n, t in view.timeline])
        _fill(self.history, [(h.at.strftime("%Y-%m-%d %H:%M"), h.who, self.tr(h.action),
                              self._what(h.what), h.reason) for h in view.history]
              + [("", by, self.tr(decision), other, reason)
                 for other, decision, by, reason in view.decisions])
        self.undo_button.setEnabled(bool(view.history))
        self._update_pages()

    def _what(self, text: str) -> str:
        """casedb.parties.view's English sentence of a decision, in the interface's language."""
        m = _MERGED.fullmatch(text)
        if m:
            return self.tr("merged %1 into %2").replace("%1", m[1]).replace("%2", m[2])
        m = _SPLIT.fullmatch(text)
        if m:
            return self.tr("split %1 out as party %2").replace("%1", m[2]).replace("%2", m[3])
        m = _REJECTED.fullmatch(text)
        if m:
            return self.tr("%1 (not the same party)").replace("%1", m[1])
        return text

    def set_page_size(self, size: int) -> None:
        """Declarations per page (the next page asked for is counted in these)."""
        self.page_size = max(1, size)
        self._update_pages()

    def _update_pages(self) -> None:
        total = self.party.declarations_total if self.party else 0
        pages = max(1, -(-total // self.page_size))
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(self.page + 1))
                                .replace("%2", str(pages)))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page + 1 < pages)

    def _go(self, page: int) -> None:
        if self.party is not None and page >= 0:
            self.page = page
            self.page_requested.emit(self.party.id, page)
