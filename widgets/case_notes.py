"""The case view's Notes page: the case's notes in a table, a new one written below, one
edited against the version it was read at (the view emits; ``app`` writes). A mixin of
widgets.case_view.CaseView, whose signals ``add_note_requested`` and ``edit_note_requested`` it
uses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .fields import ID_ROLE as NOTE_ROLE
from .fields import rows_table

# CaseView's context (self.tr here would be filed by lupdate under NotesPage, and looked up at
# run time under CaseView).
translate = QCoreApplication.translate


class NotesPage:
    """Builds and drives the Notes page (``_notes``) for the CaseView it is mixed into."""

    def _notes(self, cf) -> QWidget:

        w = QWidget(self)
        v = QVBoxLayout(w)
        notes = list(cf.case.notes)
        self._note_records = {n.id: n for n in notes}
        self._editing = None
        headers = [translate("CaseView", "When"), translate("CaseView", "Author"),
                   translate("CaseView", "Note")]
        self.notes_table = rows_table(w, headers, [
            (n.created_at.strftime("%Y-%m-%d %H:%M"), n.author, n.body) for n in notes])
        self.notes_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        for r, n in enumerate(notes):
            self.notes_table.item(r, 0).setData(NOTE_ROLE, n.id)
        self.notes_table.itemSelectionChanged.connect(self._update_note_buttons)
        self.notes_table.cellDoubleClicked.connect(self._on_notes_cell_double_clicked)
        v.addWidget(self.notes_table, 1)
        self.note_edit = QPlainTextEdit(w)
        self.note_edit.setPlaceholderText(translate("CaseView", "Write a note (saved to the audit log)…"))
        self.note_edit.setMaximumHeight(90)
        self.add_note_button = QPushButton(translate("CaseView", "Add note"), w)
        self.add_note_button.clicked.connect(self._on_add_clicked)
        self.edit_note_button = QPushButton(translate("CaseView", "Edit"), w)
        self.edit_note_button.setToolTip(translate("CaseView", "Edit the selected note"))
        self.edit_note_button.clicked.connect(self._on_edit_note_clicked)
        self.save_note_button = QPushButton(translate("CaseView", "Save changes"), w)
        self.save_note_button.clicked.connect(self._on_save_note_clicked)
        self.cancel_edit_button = QPushButton(translate("CaseView", "Cancel"), w)
        self.cancel_edit_button.clicked.connect(self._on_cancel_edit_clicked)
        buttons = QVBoxLayout()
        for b in (self.add_note_button, self.edit_note_button, self.save_note_button,
                  self.cancel_edit_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.note_edit)
        row.addLayout(buttons)
        v.addLayout(row)
        self._update_note_buttons()
        return w

    def _on_add_clicked(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if text and self._editing is None:
            self.add_note_requested.emit(self._case_ref, text)

    def selected_note_id(self) -> int | None:
        rows = self.notes_table.selectionModel().selectedRows()
        return self.notes_table.item(rows[0].row(), 0).data(NOTE_ROLE) if rows else None

    def begin_note_edit(self, note_id: int, text: str | None = None) -> bool:
        """Put the note in the editor (``text`` instead of its body if given) for saving with
        the version shown; False if the case shown has no such note."""
        note = self._note_records.get(note_id)
        if note is None:
            return False
        for r in range(self.notes_table.rowCount()):
            if self.notes_table.item(r, 0).data(NOTE_ROLE) == note_id:
                self.notes_table.selectRow(r)
        self._editing = (note.id, note.version)
        self.note_edit.setPlainText(note.body if text is None else text)
        self.note_edit.setFocus()
        self._update_note_buttons()
        return True

    def _on_edit_note_clicked(self) -> None:
        note_id = self.selected_note_id()
        if note_id is not None:
            self.begin_note_edit(note_id)

    def _on_notes_cell_double_clicked(self, row: int, _column: int) -> None:
        self.begin_note_edit(self.notes_table.item(row, 0).data(NOTE_ROLE))

    def _on_save_note_clicked(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if self._editing is not None and text:
            note_id, version = self._editing
            self.save_note_button.setEnabled(False)  # until the case is reloaded or it failed
            self.edit_note_requested.emit(note_id, version, text)

    def _on_cancel_edit_clicked(self) -> None:
        self._editing = None
        self.note_edit.clear()
        self._update_note_buttons()

    def _update_note_buttons(self) -> None:
        editing = self._editing is not None
        self.add_note_button.setVisible(not editing)
        self.edit_note_button.setVisible(not editing)
        self.edit_note_button.setEnabled(self.selected_note_id() is not None)
        self.save_note_button.setVisible(editing)
        self.save_note_button.setEnabled(editing)
        self.cancel_edit_button.setVisible(editing)
        self.notes_table.setEnabled(not editing)
