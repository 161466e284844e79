"""A small dialog choosing a case (to add declarations to, or to merge) with the reason kept in
the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from .case_words import status_word


class CasePicker(QDialog):
    """``cases``: (reference, title, status) of the cases offered; ``current`` chosen first."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, cases, current: str = "",
                 *, quantity: bool = False):
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
        self.quantity = QDoubleSpinBox(self)  # kg seized, for one declaration added
        self.quantity.setRange(0, 1e9)
        self.quantity.setDecimals(1)
        self.quantity.setSuffix(" kg")
        self.quantity.setSpecialValueText(self.tr("unknown"))
        if quantity:
            form.addRow(self.tr("Quantity seized"), self.quantity)
        else:
            self.quantity.hide()
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

    def kg(self) -> float | None:
        """The quantity seized entered (None: unknown)."""
        return self.quantity.value() or None

    def reason_text(self) -> str:
        return self.reason.text().strip()
