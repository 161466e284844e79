"""The case form: a new case by hand, or every field of an existing one edited. Statuses are
offered along the workflow only (casedb.cases.status), in words; the form returns plain values."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from casedb.cases import status as case_status
from casedb.models.teams import CLASSIFICATIONS

from .case_words import status_word
from .fields import date_edit, day_of


class CaseForm(QDialog):
    """``record`` None: a new case (every field, the reference too); else a
    ``casedb.cases.records.CaseRecord`` whose fields are edited (``changes()`` holds only those that
    differ)."""

    def __init__(self, parent: QWidget | None = None, record=None):
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("New case") if record is None
                            else self.tr("Edit case %1").replace("%1", record.case_ref))
        form = QFormLayout(self)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("e.g. TW-2024-001"))
        self.title = QLineEdit(self)
        self.summary = QPlainTextEdit(self)
        self.summary.setMaximumHeight(110)
        self.opened = self._date()
        self.closed = self._date()
        self.lead = QLineEdit(self)
        self.team = QLineEdit(self)
        self.status = QComboBox(self)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. plastics, transshipment"))
        self.classification = QComboBox(self)
        self.classification.addItem(self.tr("(none)"), "")
        for level in CLASSIFICATIONS:
            self.classification.addItem(level, level)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("why (kept in the audit log)"))
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Opened"), self.opened)
        if record is not None:
            form.addRow(self.tr("Closed"), self.closed)
        form.addRow(self.tr("Lead officer"), self.lead)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Classification"), self.classification)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.reference.textChanged.connect(self._update_ok)
        self._fill(record)
        self.resize(520, self.sizeHint().height())

    def _date(self) -> QDateEdit:
        return date_edit(self, self.tr("no date"))

    def _fill(self, r) -> None:
        statuses = case_status.WORKFLOW if r is None else (r.status, *case_status.allowed(r.status))
        for s in statuses:
            self.status.addItem(status_word(s), s)
        if r is None:
            self.opened.setDate(QDate.currentDate())
            self._update_ok()
            return
        self.reference.setText(r.case_ref)
        self.reference.setReadOnly(True)
        self.title.setText(r.title or "")
        self.summary.setPlainText(r.summary or "")
        for edit, day in ((self.opened, r.opened_on), (self.closed, r.closed_on)):
            if day:
                edit.setDate(QDate(day.year, day.month, day.day))
        self.lead.setText(r.lead_officer or "")
        self.team.setText(r.team or "")
        self.tags.setText(", ".join(r.tags))
        index = self.classification.findData(r.classification or "")
        if index < 0:  # a marking written elsewhere: shown as it is
            self.classification.addItem(r.classification, r.classification)
            index = self.classification.count() - 1
        self.classification.setCurrentIndex(index)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reference.text().strip()))

    def _on_buttons_accepted(self) -> None:
        if self.reference.text().strip():
            self.accept()

    def case_ref(self) -> str:
        return self.reference.text().strip()

    def values(self) -> dict:
        """Every field as entered ("" and None where left empty)."""
        values = {
            "title": self.title.text().strip(), "summary": self.summary.toPlainText().strip(),
            "opened_on": day_of(self.opened), "lead_officer": self.lead.text().strip() or None,
            "team": self.team.text().strip() or None, "status": self.status.currentData(),
            "tags": [t.strip() for t in self.tags.text().split(",") if t.strip()],
            "classification": self.classification.currentData() or None}
        if self.record is not None:
            values["closed_on"] = day_of(self.closed)
        return values

    def changes(self) -> dict:
        """The fields that differ from the record edited (all given ones for a new case)."""
        values = self.values()
        if self.record is None:
            return {k: v for k, v in values.items() if v not in (None, "", [])}
        r = self.record
        old = {"title": r.title or "", "summary": r.summary or "", "opened_on": r.opened_on,
               "closed_on": r.closed_on, "lead_officer": r.lead_officer, "team": r.team,
               "status": r.status, "tags": list(r.tags), "classification": r.classification}
        return {k: v for k, v in values.items() if v != old[k]}

    def reason_text(self) -> str:
        return self.reason.text().strip()
