"""Source grades in the case view: a Grade column beside the evidence (the notes, the attachments,
the provenance's files) and "Grade…" in their right-click menus, which asks for the grade in
the administration's scheme (casedb.evidence.grading) and emits it; ``app`` writes it, audited,
and the case reloads with it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from casedb.evidence import grading

from .case_words import language
from .grade_chooser import GradeChooser
from .table_menu import TableMenu

KEY_ROLE = Qt.ItemDataRole.UserRole + 7  # on the Grade cell: (entity, id or SHA-256)


def grade_text(g) -> str:
    """'B2', with its meaning in the tooltip (grade_tooltip)."""
    return g.grade if g is not None else ""


def grade_tooltip(g) -> str:
    if g is None:
        return ""
    lang = language()
    return f"{grading.title(g.scheme, lang)}: {g.meaning_in(lang)}"


class GradeDialog(QDialog):
    """Asks the grade of one record (``what``: its name as the user knows it)."""

    def __init__(self, what: str, scheme: str, current, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Grade the source"))
        label = QLabel(self.tr("Grade of %1:").replace("%1", what), self)
        label.setWordWrap(True)
        self.chooser = GradeChooser(self)
        self.chooser.set_scheme(scheme, current.grade if current is not None and
                                current.scheme == scheme else None)
        self.now = QLabel(self)
        self.now.setWordWrap(True)
        if current is not None:
            self.now.setText(self.tr("Now graded %1 (%2).").replace("%1", current.grade)
                             .replace("%2", grade_tooltip(current)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.chooser.changed.connect(self._on_chooser_changed)
        v = QVBoxLayout(self)
        for w in (label, self.chooser, self.now, self.buttons):
            v.addWidget(w)
        self._on_chooser_changed()

    def _on_chooser_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.chooser.grade() is not None)


class CaseGrades(QObject):
    """Keeps the Grade column of the tables it is given (``attach``) and their menus."""

    grade_requested = Signal(str, object, str, str)  # entity, id or SHA-256, grade, scheme

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._view = parent
        self._tables: list[QTableWidget] = []
        self.grades: dict = {}  # (entity, id or SHA-256) -> grading.Grade
        self.scheme = grading.DEFAULT_SCHEME
        self.dialog: GradeDialog | None = None

    def attach_case(self, cf, notes: QTableWidget, attachments: QTableWidget,
                    files: QTableWidget) -> None:
        """The Grade columns of a case file's (casedb.cases.casefile.CaseFile) tables: its
        notes, its attachments and the files of its provenance, a row each, in order."""
        items, provenance = list(getattr(cf, "attachments", ())), list(cf.provenance)
        self.attach(notes, "note", [n.id for n in cf.case.notes],
                    [n.body[:60] for n in cf.case.notes])
        self.attach(attachments, "attachment", [a.id for a in items],
                    [a.file_name for a in items])
        self.attach(files, "source_file", [p.sha256 for p in provenance],
                    [p.file_name for p in provenance])

    def attach(self, table: QTableWidget, entity: str, keys: list, names: list[str]) -> None:
        """Give ``table`` (one row per record of ``entity``: ``keys``, named ``names``) a
        Grade column and a "Grade…" entry in its menu; once per table."""
        self._tables = [t for t in self._tables if _alive(t)]
        if table.property("grade_column") is None:
            column = table.columnCount()
            table.insertColumn(column)
            table.setHorizontalHeaderItem(column, QTableWidgetItem(self.tr("Grade")))
            table.setProperty("grade_column", column)
            menu = getattr(table, "table_menu", None) or TableMenu(table)
            menu.add(self.tr("Grade…"), lambda rows, t=table: self._on_grade_chosen(t, rows),
                     single=True)
            self._tables.append(table)
        column = table.property("grade_column")
        for r, (key, name) in enumerate(zip(keys, names, strict=True)):
            item = QTableWidgetItem()
            item.setData(KEY_ROLE, (entity, key, name))
            table.setItem(r, column, item)
        self._fill(table)

    def show_grades(self, grades: dict, scheme: str) -> None:
        """The case's grades (casedb.evidence.grading.case_grades) and the scheme in force."""
        self.grades, self.scheme = dict(grades), scheme
        for table in self._tables:
            if _alive(table):
                self._fill(table)

    def _fill(self, table: QTableWidget) -> None:
        column = table.property("grade_column")
        for r in range(table.rowCount()):
            item = table.item(r, column)
            if item is None or item.data(KEY_ROLE) is None:
                continue
            entity, key, _name = item.data(KEY_ROLE)
            g = self.grades.get((entity, key))
            item.setText(grade_text(g))
            item.setToolTip(grade_tooltip(g))
        table.resizeColumnToContents(column)

    def _on_grade_chosen(self, table: QTableWidget, rows: list[int]) -> None:
        item = table.item(rows[0], table.property("grade_column"))
        if item is None or item.data(KEY_ROLE) is None:
            return
        self.ask(*item.data(KEY_ROLE))

    def ask(self, entity: str, key, name: str) -> GradeDialog:
        """Open the grade dialog of one record (window-modal, without blocking: ``open``)."""
        if self.dialog is not None:
            self.dialog.reject()
        dialog = self.dialog = GradeDialog(name, self.scheme, self.grades.get((entity, key)),
                                           self._view)
        dialog.accepted.connect(lambda: self.grade_requested.emit(
            entity, key, dialog.chooser.grade(), dialog.chooser.scheme()))
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        dialog.open()
        return dialog

    def _on_dialog_finished(self, dialog: GradeDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()


def _alive(table: QTableWidget) -> bool:
    return isValid(table)  # not deleted with the previous case's page
