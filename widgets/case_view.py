"""The case view: summary, seizures and declarations, parties with their name variants, linked
cases with the reasons, a timeline, notes (added and edited), attachments and provenance of one
case, with a button for its dossier. It only emits plain values; ``app`` does the writing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QTableWidgetSelectionRange,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .case_attachments import AttachmentsPanel
from .case_grades import CaseGrades
from .case_notes import NotesPage
from .case_words import status_word
from .fields import rows_table
from .linked_panel import LinkedPanel
from .paged_model import display
from .table_menu import TableMenu

NOTE_ROLE = Qt.ItemDataRole.UserRole


def _scrolled(page: QWidget) -> QScrollArea:
    """``page`` in a scroll area: on a low screen it scrolls instead of making the window
    taller than the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


class CaseView(NotesPage, QWidget):
    open_case_requested = Signal(str)  # case reference
    add_note_requested = Signal(str, str)  # case reference, text
    edit_note_requested = Signal(int, int, str)  # note id, version it was read at, new text
    add_attachment_requested = Signal(str, str, str)  # case reference, path, description
    save_attachment_requested = Signal(int, str)  # attachment id, destination path
    remove_attachment_requested = Signal(int, str)  # attachment id, reason
    dossier_requested = Signal(str)  # case reference
    edit_requested = Signal(str)  # case reference: edit its fields
    remove_requested = Signal(str, list)  # case reference, declaration ids to take out
    evidence_requested = Signal(int)  # declaration id: its source rows as written
    party_open_requested = Signal(int)  # party id: open the company view
    case_shown = Signal(str)  # a case was (re)loaded into the view
    linked_requested = Signal(str, int, bool)  # case reference, hops, weak links too
    declaration_selected = Signal(int)  # a declaration picked in the table (the timeline follows)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._case_ref = ""
        self.record = None  # the casedb.cases.records.CaseRecord shown (with the version read)
        self.case_file = None  # the casedb.cases.casefile.CaseFile shown
        self._note_records: dict[int, object] = {}  # note id -> casedb.cases.records.NoteRecord
        self._editing: tuple[int, int] | None = None  # (note id, version) being edited
        self.title = QLabel(self)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long title wraps: the dock (and the window) can narrow
        self.dossier_button = QPushButton(self.tr("Dossier…"), self)
        self.dossier_button.setToolTip(self.tr("Write this case's dossier (PDF or HTML)"))
        self.dossier_button.setEnabled(False)
        self.dossier_button.clicked.connect(self._on_dossier_clicked)
        self.edit_button = QPushButton(self.tr("Edit case…"), self)
        self.edit_button.setToolTip(self.tr("Edit the title, status, lead officer, summary, "
                                            "tags and other fields of this case"))
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)  # every tab reachable in a narrow dock
        self.attachments = AttachmentsPanel(self)  # kept across cases: re-added by show_case
        self.attachments.hide()  # until a case is shown
        self.linked = LinkedPanel(self)  # kept across cases too
        self.linked.hide()
        self.linked.linked_requested.connect(self.linked_requested)
        self.linked.open_case_requested.connect(self.open_case_requested)
        self.linked_table = self.linked.table
        self.attachments.add_requested.connect(self._on_attachments_add_requested)
        self.attachments.save_requested.connect(self.save_attachment_requested)
        self.attachments.remove_requested.connect(self.remove_attachment_requested)
        self.grades = CaseGrades(self)  # the Grade columns of notes, attachments and files
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.edit_button)
        header.addWidget(self.dossier_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs)

    @property
    def case_ref(self) -> str:
        return self._case_ref

    def show_case(self, case_file, linked) -> None:
        """Show a ``casedb.cases.casefile.CaseFile`` and its ``casedb.links.linked_cases.LinkedCases``."""
        c = case_file.case
        self._case_ref = c.case_ref
        self.record = c
        self.case_file = case_file
        self.edit_button.setEnabled(True)
        self.title.setText(f"{c.case_ref} — {c.title}" if c.title else c.case_ref)
        self.dossier_button.setEnabled(True)
        current = self.tabs.currentIndex()  # stays on the same tab (e.g. after an edit)
        old = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for page in old:  # the previous case's pages, built anew below
            if page not in (self.attachments, self.linked):
                page.deleteLater()
        self.tabs.addTab(_scrolled(self._summary(case_file)), self.tr("Summary"))
        self.tabs.addTab(_scrolled(self._declarations(case_file)),
                         self.tr("Seizures and declarations"))
        self.tabs.addTab(self._parties(case_file), self.tr("Parties"))
        self.linked.show_case(c.case_ref, linked)
        self.tabs.addTab(self.linked, self.tr("Linked cases (%n)", "", len(linked.linked)))
        self.tabs.addTab(self._timeline(case_file), self.tr("Timeline"))
        self.tabs.addTab(_scrolled(self._notes(case_file)), self.tr("Notes"))
        self.tabs.addTab(self.attachments, "")
        self.show_attachments(getattr(case_file, "attachments", ()))
        self.tabs.addTab(_scrolled(self._provenance(case_file)), self.tr("Provenance"))
        self.grades.attach_case(case_file, self.notes_table, self.attachments.table,
                                self.files_table)
        if current >= 0:
            self.tabs.setCurrentIndex(current)
        self.case_shown.emit(c.case_ref)

    def show_attachments(self, items) -> None:
        """Show the case's attachments (``casedb.cases.attachments.AttachmentInfo`` values)."""
        items = list(items)
        self.attachments.show_attachments(items)
        index = self.tabs.indexOf(self.attachments)
        if index >= 0:
            self.tabs.setTabText(index, self.tr("Attachments (%n)", "", len(items)))

    def _on_attachments_add_requested(self, path: str, description: str) -> None:
        if self._case_ref:
            self.add_attachment_requested.emit(self._case_ref, path, description)

    def _on_edit_clicked(self) -> None:
        if self._case_ref:
            self.edit_requested.emit(self._case_ref)

    def _on_dossier_clicked(self) -> None:
        if self._case_ref:
            self.dossier_requested.emit(self._case_ref)

    def _summary(self, cf) -> QWidget:
        w = QWidget(self)
        form = QFormLayout(w)
        c = cf.case
        self.status_label = QLabel(status_word(c.status), w)
        form.addRow(self.tr("Status"), self.status_label)
        if c.merged_into:
            form.addRow(self.tr("Merged into"), QLabel(c.merged_into, w))
        form.addRow(self.tr("Opened"), QLabel(display(c.opened_on), w))
        if c.closed_on:
            form.addRow(self.tr("Closed"), QLabel(display(c.closed_on), w))
        form.addRow(self.tr("Lead officer"), QLabel(c.lead_officer or "—", w))
        form.addRow(self.tr("Team"), QLabel(c.team or "—", w))
        form.addRow(self.tr("Classification"), QLabel(c.classification or "—", w))
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
        v.addWidget(rows_table(w, [self.tr("Declaration"), self.tr("Seized on"), self.tr("kg"),
                               self.tr("Offence"), self.tr("Basel"), self.tr("Detection"),
                               self.tr("Outcome")],
                           [(z.declaration_no, z.seizure_date, z.quantity_kg, z.offence,
                             z.basel_code, z.detection_method, z.outcome) for z in cf.seizures]))
        v.addWidget(QLabel(self.tr("Declarations"), w))
        self.declarations_table = rows_table(w, [self.tr("Declaration"), self.tr("Date"), self.tr("HS"),
                               self.tr("Gross kg"), self.tr("Route"), self.tr("Sailing"),
                               self.tr("B/L"), self.tr("Containers")],
                           [(d.declaration_no, d.declaration_date, d.hs_code, d.gross_weight_kg,
                             d.route, d.vessel, d.bl_no, ", ".join(d.containers))
                            for d in cf.declarations])
        for r, d in enumerate(cf.declarations):
            self.declarations_table.item(r, 0).setData(NOTE_ROLE, d.id)
        self.declarations_table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection)
        self.declarations_table.cellDoubleClicked.connect(self._on_declaration_double_clicked)
        self.declarations_table.itemSelectionChanged.connect(self._on_declarations_selected)
        menu = TableMenu(self.declarations_table)
        menu.add(self.tr("Show the row as written…"), self._on_evidence_chosen, single=True)
        menu.add(self.tr("Remove from this case"), self._on_remove_chosen)
        v.addWidget(self.declarations_table)
        return w

    def _on_declarations_selected(self) -> None:
        item = self.declarations_table.currentItem()
        if item is not None and item.isSelected():
            self.declaration_selected.emit(
                self.declarations_table.item(item.row(), 0).data(NOTE_ROLE))

    def select_declarations(self, ids) -> None:
        """Select these declarations' rows (a selection made on the timeline or the chart)."""
        table, ids = getattr(self, "declarations_table", None), set(ids)
        if table is None:
            return
        table.blockSignals(True)
        table.clearSelection()
        rows = [r for r in range(table.rowCount()) if table.item(r, 0).data(NOTE_ROLE) in ids]
        for r in rows:
            table.setRangeSelected(QTableWidgetSelectionRange(r, 0, r, table.columnCount() - 1),
                                   True)
        if rows:
            table.scrollToItem(table.item(rows[0], 0))
        table.blockSignals(False)

    def _declaration_ids(self, table, rows) -> list[int]:
        return [table.item(r, 0).data(NOTE_ROLE) for r in rows]

    def _on_declaration_double_clicked(self, row: int, _column: int) -> None:
        self.evidence_requested.emit(self.declarations_table.item(row, 0).data(NOTE_ROLE))

    def _on_evidence_chosen(self, rows: list[int]) -> None:
        self.evidence_requested.emit(self._declaration_ids(self.declarations_table, rows)[0])

    def _on_remove_chosen(self, rows: list[int]) -> None:
        ids = self._declaration_ids(self.declarations_table, rows)
        if ids and self._case_ref:
            self.remove_requested.emit(self._case_ref, ids)

    def _parties(self, cf) -> QWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels([self.tr("Party"), self.tr("Role"), self.tr("Country")])
        for p in cf.parties:
            item = QTreeWidgetItem([p.display_name, self.tr(p.role), p.country or ""])
            for name in p.variants:
                QTreeWidgetItem(item, [self.tr("as written: %1").replace("%1", name), "", ""])
            for kind, value in p.identifiers:
                QTreeWidgetItem(item, [f"{self.tr(kind)}: {value}", "", ""])
            item.setData(0, NOTE_ROLE, p.id)
            tree.addTopLevelItem(item)
        tree.itemDoubleClicked.connect(self._on_party_double_clicked)
        tree.setToolTip(self.tr("Double-click a party to open it"))
        tree.expandAll()
        tree.resizeColumnToContents(0)
        return tree

    def _on_party_double_clicked(self, item, _column: int) -> None:
        while item.parent() is not None:
            item = item.parent()
        self.party_open_requested.emit(item.data(0, NOTE_ROLE))

    def _timeline(self, cf) -> QWidget:
        return rows_table(self, [self.tr("Date"), self.tr("Event"), self.tr("Detail")],
                      [(e.date, self.tr(e.kind), e.text) for e in cf.timeline()])

    def _provenance(self, cf) -> QWidget:
        w = QWidget(self)
        v = QVBoxLayout(w)
        v.addWidget(QLabel(self.tr("Files"), w))
        self.files_table = rows_table(w, [self.tr("File"), self.tr("Sheet"), self.tr("Rows"),
                                      self.tr("SHA-256")],
                                  [(p.file_name, p.sheet, p.rows, p.sha256)
                                   for p in cf.provenance])
        v.addWidget(self.files_table)
        v.addWidget(QLabel(self.tr("Sources of each declaration (double-click: the row as "
                                   "written)"), w))
        self._declaration_nos = {d.id: d.declaration_no for d in cf.declarations}
        self.sources_table = rows_table(w, [self.tr("Declaration"), self.tr("File"),
                                        self.tr("Sheet"), self.tr("Row")], [])
        self.sources_table.cellDoubleClicked.connect(self._on_source_double_clicked)
        TableMenu(self.sources_table).add(self.tr("Show the row as written…"),
                                          self._on_source_chosen, single=True)
        v.addWidget(self.sources_table, 1)
        return w

    def show_sources(self, sources: dict) -> None:
        """Each declaration's source rows: ``casedb.evidence.trail.sources_of``'s answer (declaration
        id -> [(file, sheet, row)])."""
        rows = [(did, file, sheet, row) for did in self._declaration_nos
                for file, sheet, row in sources.get(did, ())]
        t = self.sources_table
        t.setRowCount(len(rows))
        for r, (did, file, sheet, row) in enumerate(rows):
            for c, value in enumerate((self._declaration_nos[did], file, sheet, row)):
                t.setItem(r, c, QTableWidgetItem(display(value)))
            t.item(r, 0).setData(NOTE_ROLE, did)
        t.resizeColumnsToContents()

    def _on_source_double_clicked(self, row: int, _column: int) -> None:
        self.evidence_requested.emit(self.sources_table.item(row, 0).data(NOTE_ROLE))

    def _on_source_chosen(self, rows: list[int]) -> None:
        self._on_source_double_clicked(rows[0], 0)
