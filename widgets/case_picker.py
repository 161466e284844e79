"""A small dialog choosing a case (to add declarations to, or to merge) with the reason kept in
the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from .case_words import status_word


class CasePicker(QDialog):
    """``cases``: (reference, title, status) of the cases offered; ``current`` chosen first."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, cases, current: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        form.addRow(QLabel(prompt, self))
        self.case = QComboBox(self)
        self.case.setProperty("data", True)  # cases' titles: data, not the interface's words
        for ref, case_title, status in cases:
            self.case.addItem(f"{ref} — {case_title} ({status_word(status)})" if case_title
                              else f"{ref} ({status_word(status)})", ref)
        if current:
            self.case.setCurrentIndex(max(0, self.case.findData(current)))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("why (kept in the audit log)"))
        form.addRow(self.tr("Case"), self.case)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.case.count() > 0)
        self.resize(520, self.sizeHint().height())

    def case_ref(self) -> str:
        return self.case.currentData() or ""

    def reason_text(self) -> str:
        return self.reason.text().strip()
