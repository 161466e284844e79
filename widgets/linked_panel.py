"""Linked cases as a table: each linked case with its title, status, dates, hops and score, and
for each shared value who holds it on each side (the company, or the declarations carrying a
container, B/L or sailing). Hops (1-3) and weak links (shared brokers, ports, HS codes) are
chosen here; the app answers ``linked_requested`` with ``show_rows``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from .case_words import status_word
from .fields import ID_ROLE, fill, record_table


class LinkedPanel(QWidget):
    linked_requested = Signal(str, int, bool)  # case reference, hops, weak links too
    open_case_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.case_ref = ""
        self.rows: list = []
        self.hops = QSpinBox(self)
        self.hops.setRange(1, 3)
        self.hops.setToolTip(self.tr("How many cases away: 2 finds the cases linked to the "
                                     "linked cases"))
        self.weak = QCheckBox(self.tr("Weak links too (shared brokers, ports, HS codes)"), self)
        self.said = QLabel(self)
        self.table = record_table(self, [
            self.tr("Case"), self.tr("Shared"), self.tr("Held here by"), self.tr("Held there by"),
            self.tr("Status"), self.tr("Hops"), self.tr("Score"), self.tr("Opened"),
            self.tr("Declared from"), self.tr("Declared to"), self.tr("Through"),
            self.tr("Title")])
        self.table.cellDoubleClicked.connect(self._on_cell_double_clicked)
        self.table.table_menu.add(self.tr("Open"), lambda rows: self._on_cell_double_clicked(
            rows[0], 0), single=True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Hops"), self))
        bar.addWidget(self.hops)
        bar.addWidget(self.weak)
        bar.addStretch(1)
        bar.addWidget(self.said)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.hops.valueChanged.connect(self._ask)
        self.weak.toggled.connect(self._ask)

    def show_case(self, case_ref: str, linked) -> None:
        """The case's links as the case file loaded them (``casedb.links.linked_cases.LinkedCases``), then
        the full rows asked for."""
        self.case_ref = case_ref
        self.show_rows(case_ref, [_Row.of(link, case_ref) for link in linked.linked])
        self._ask()

    def _ask(self) -> None:
        if self.case_ref:
            self.said.setText(self.tr("Looking…"))
            self.linked_requested.emit(self.case_ref, self.hops.value(), self.weak.isChecked())

    def show_rows(self, case_ref: str, rows) -> None:
        """Rows as ``casedb.links.linked_rows.LinkedRow`` (case_ref, title, status, opened_on, first,
        last, hops, score, through, shared: kind, value, here, there)."""
        if case_ref != self.case_ref:
            return
        self.rows = list(rows)
        table, refs = [], []
        for r in self.rows:
            shared = list(r.shared) or [None]
            for x in shared:
                table.append((r.case_ref, f"{self.tr(x.kind)}: {x.value}" if x else "",
                               ", ".join(x.here) if x else "", ", ".join(x.there) if x else "",
                               status_word(r.status), r.hops, round(r.score, 2), r.opened_on,
                               r.first, r.last, r.through, r.title))
                refs.append(r.case_ref)
        fill(self.table, table, refs)
        for column in (1, 2, 3):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self.said.setText(self.tr("%n linked case(s)", "", len(self.rows)))

    def _on_cell_double_clicked(self, row: int, _column: int) -> None:
        self.open_case_requested.emit(self.table.item(row, 0).data(ID_ROLE))


class _Row:
    """A ``casedb.links.linked_cases.Link`` read as a row (before the full rows arrive)."""

    def __init__(self, **kw):
        self.__dict__.update(kw)

    @classmethod
    def of(cls, link, case_ref: str):
        return cls(case_ref=link.case_ref, title="", status="", opened_on=None, first=None,
                   last=None, hops=link.hops, score=link.score, through=case_ref,
                   shared=tuple(_Row(kind=v.kind, value=v.value, here=(), there=())
                                for v in link.via))
