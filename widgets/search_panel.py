"""Search that says what it found: each hit (``casedb.browse.search.Hit``) listed with the record, the
field and stored value that matched, and how strongly (exact, partial, near spelling). A case
opens as a case, a company as a company, a declaration as its source rows; declarations can be
added to a case from here."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casedb.browse.search import LIMIT

from .table_menu import TableMenu, selected_rows

MAX_HITS = 500  # casedb.browse.search.search's default limit
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchPanel(QWidget):
    search_requested = Signal(str)
    case_open_requested = Signal(str)  # case reference
    party_open_requested = Signal(int)  # party id
    evidence_requested = Signal(int)  # declaration id
    add_to_case_requested = Signal(list)  # declaration ids

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.hits: list = []
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(self.tr(
            "Phone, vessel, IMO, voyage, B/L, container, declaration number, company, address…"))
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self._on_return_pressed)
        self.said = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Found"), self.tr("Record"), self.tr("Matched field"), self.tr("Value"),
            self.tr("Match"), self.tr("Score")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open_row(r))
        menu = TableMenu(self.table)
        menu.add(self.tr("Open"), lambda rows: self.open_row(rows[0]), single=True)
        menu.add(self.tr("Add to case…"), self._on_add_chosen)
        bar = QHBoxLayout()
        bar.addWidget(self.box, 1)
        bar.addWidget(self.said)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self._on_return_pressed)
        self.box.textEdited.connect(self._debounce.start)

    def _words(self) -> dict:
        return {
            "declaration": self.tr("Declaration"), "party": self.tr("Company"),
            "case": self.tr("Case"), "declaration_no": self.tr("Declaration number"),
            "bl_no": self.tr("B/L"), "container": self.tr("Container"),
            "vessel_imo": self.tr("IMO"), "vessel_name": self.tr("Vessel"),
            "voyage_no": self.tr("Voyage"), "hs_code": self.tr("HS code"),
            "phone": self.tr("Phone"), "email": self.tr("Email"), "address": self.tr("Address"),
            "name": self.tr("Name"), "case_ref": self.tr("Case reference"),
            "title": self.tr("Title"), "exact": self.tr("exact"), "partial": self.tr("partial"),
            "fuzzy": self.tr("near spelling")}

    def search(self, text: str) -> None:
        self.box.setText(text)
        self._on_return_pressed()

    def _on_return_pressed(self) -> None:
        self._debounce.stop()
        text = self.box.text().strip()
        if text:
            self.said.setText(self.tr("Searching…"))
            self.search_requested.emit(text)

    def show_hits(self, text: str, hits) -> None:
        if text != self.box.text().strip():
            return  # an older search: the box changed since
        self.hits = list(hits)
        words = self._words()
        self.table.setRowCount(len(self.hits))
        for r, h in enumerate(self.hits):
            for c, value in enumerate((words.get(h.kind, h.kind), h.label,
                                       words.get(h.field, h.field), h.value,
                                       words.get(h.match, h.match), f"{h.score:.2f}")):
                self.table.setItem(r, c, QTableWidgetItem(value))
            self.table.item(r, 0).setData(HIT_ROLE, r)
        self.table.resizeColumnsToContents()
        said = self.tr("%n hit(s)", "", len(self.hits))
        per_field: dict[str, int] = {}
        for h in self.hits:
            per_field[h.field] = per_field.get(h.field, 0) + 1
        capped = [words.get(f, f) for f, n in per_field.items() if n >= LIMIT]
        if capped or len(self.hits) >= MAX_HITS:
            said += self.tr(" (only the first ones%1: search more precisely)").replace(
                "%1", f": {', '.join(capped)}" if capped else "")
        self.said.setText(said)

    def open_row(self, row: int) -> None:
        h = self.hits[row]
        if h.kind == "case":
            self.case_open_requested.emit(h.label)
        elif h.kind == "party":
            self.party_open_requested.emit(h.id)
        else:
            self.evidence_requested.emit(h.id)

    def _on_add_chosen(self, rows: list[int]) -> None:
        ids = [self.hits[r].id for r in rows if self.hits[r].kind == "declaration"]
        if ids:
            self.add_to_case_requested.emit(ids)

    def selected_hits(self) -> list:
        return [self.hits[r] for r in selected_rows(self.table)]
