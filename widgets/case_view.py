"""The case view: summary, seizures and declarations, parties with their name variants, linked
cases with the reasons, a timeline, notes and provenance of one case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .paged_model import display


def _table(parent: QWidget, headers: list[str], rows: list[tuple]) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(display(value)))
    t.resizeColumnsToContents()
    t.horizontalHeader().setStretchLastSection(True)
    return t


class CaseView(QWidget):
    open_case_requested = Signal(str)  # case reference
    add_note_requested = Signal(str, str)  # case reference, text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._case_ref = ""
        self.title = QLabel(self)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)

    @property
    def case_ref(self) -> str:
        return self._case_ref

    def show_case(self, case_file, linked) -> None:
        """Show a ``casedb.casefile.CaseFile`` and its ``casedb.linked.LinkedCases``."""
        c = case_file.case
        self._case_ref = c.case_ref
        self.title.setText(f"{c.case_ref} — {c.title}" if c.title else c.case_ref)
        self.tabs.clear()
        self.tabs.addTab(self._summary(case_file), self.tr("Summary"))
        self.tabs.addTab(self._declarations(case_file), self.tr("Seizures and declarations"))
        self.tabs.addTab(self._parties(case_file), self.tr("Parties"))
        self.linked_table = self._linked(linked)
        self.tabs.addTab(self.linked_table, self.tr("Linked cases (%n)", "", len(linked.linked)))
        self.tabs.addTab(self._timeline(case_file), self.tr("Timeline"))
        self.tabs.addTab(self._notes(case_file), self.tr("Notes"))
        self.tabs.addTab(self._provenance(case_file), self.tr("Provenance"))

    def _summary(self, cf) -> QWidget:
        w = QWidget(self)
        form = QFormLayout(w)
        c = cf.case
        form.addRow(self.tr("Status"), QLabel(self.tr(c.status), w))
        form.addRow(self.tr("Opened"), QLabel(display(c.opened_on), w))
        form.addRow(self.tr("Lead officer"), QLabel(c.lead_officer or "—", w))
        form.addRow(self.tr("Seizures"), QLabel(str(len(cf.seizures)), w))
        form.addRow(self.tr("Declarations"), QLabel(str(len(cf.declarations)), w))
        form.addRow(self.tr("Total gross weight"), QLabel(f"{cf.total_kg / 1000:,.1f} t", w))
        form.addRow(self.tr("Tags"), QLabel(", ".join(c.tags) or "—", w))
        summary = QPlainTextEdit(c.summary, w)
        summary.setReadOnly(True)
        form.addRow(self.tr("Summary"), summary)
        return w

    def _declarations(self, cf) -> QWidget:
        w = QWidget(self)
        v = QVBoxLayout(w)
        v.addWidget(QLabel(self.tr("Seizures"), w))
        v.addWidget(_table(w, [self.tr("Declaration"), self.tr("Seized on"), self.tr("kg"),
                               self.tr("Offence"), self.tr("Basel"), self.tr("Detection"),
                               self.tr("Outcome")],
                           [(z.declaration_no, z.seizure_date, z.quantity_kg, z.offence,
                             z.basel_code, z.detection_method, z.outcome) for z in cf.seizures]))
        v.addWidget(QLabel(self.tr("Declarations"), w))
        v.addWidget(_table(w, [self.tr("Declaration"), self.tr("Date"), self.tr("HS"),
                               self.tr("Gross kg"), self.tr("Route"), self.tr("Sailing"),
                               self.tr("B/L"), self.tr("Containers")],
                           [(d.declaration_no, d.declaration_date, d.hs_code, d.gross_weight_kg,
                             d.route, d.vessel, d.bl_no, ", ".join(d.containers))
                            for d in cf.declarations]))
        return w

    def _parties(self, cf) -> QWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels([self.tr("Party"), self.tr("Role"), self.tr("Country")])
        for p in cf.parties:
            item = QTreeWidgetItem([p.display_name, self.tr(p.role), p.country or ""])
            for name in p.variants:
                QTreeWidgetItem(item, [self.tr("as written: %1").replace("%1", name), "", ""])
            for kind, value in p.identifiers:
                QTreeWidgetItem(item, [f"{self.tr(kind)}: {value}", "", ""])
            tree.addTopLevelItem(item)
        tree.expandAll()
        tree.resizeColumnToContents(0)
        return tree

    def _linked(self, linked) -> QTableWidget:
        t = _table(self, [self.tr("Case"), self.tr("Hops"), self.tr("Score"), self.tr("Why")],
                   [(x.case_ref, x.hops, f"{x.score:.2f}",
                     "; ".join(f"{self.tr(v.kind)} {v.value}" for v in x.via))
                    for x in linked.linked])
        t.cellDoubleClicked.connect(self._on_linked_cell_double_clicked)
        return t

    def _on_linked_cell_double_clicked(self, row: int, _column: int) -> None:
        self.open_case_requested.emit(self.linked_table.item(row, 0).text())

    def _timeline(self, cf) -> QWidget:
        return _table(self, [self.tr("Date"), self.tr("Event"), self.tr("Detail")],
                      [(e.date, self.tr(e.kind), e.text) for e in cf.timeline()])

    def _notes(self, cf) -> QWidget:
        w = QWidget(self)
        v = QVBoxLayout(w)
        v.addWidget(_table(w, [self.tr("When"), self.tr("Author"), self.tr("Note")],
                           [(n.created_at.strftime("%Y-%m-%d %H:%M"), n.author, n.body)
                            for n in cf.case.notes]))
        self.note_edit = QPlainTextEdit(w)
        self.note_edit.setPlaceholderText(self.tr("Write a note (saved to the audit log)…"))
        self.note_edit.setMaximumHeight(90)
        add = QPushButton(self.tr("Add note"), w)
        add.clicked.connect(self._on_add_clicked)
        row = QHBoxLayout()
        row.addWidget(self.note_edit)
        row.addWidget(add)
        v.addLayout(row)
        return w

    def _on_add_clicked(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if text:
            self.add_note_requested.emit(self._case_ref, text)

    def _provenance(self, cf) -> QWidget:
        return _table(self, [self.tr("File"), self.tr("Sheet"), self.tr("Rows"),
                             self.tr("SHA-256")],
                      [(p.file_name, p.sheet, p.rows, p.sha256) for p in cf.provenance])
