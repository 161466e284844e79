"""A small dialog choosing a case (to add declarations to, or to merge) with the reason kept in
the audit log; declarations added say how much was seized: one in a box, several in a table (a
row each, blank for unknown, or every row filled with its declared gross weight)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from .case_words import status_word

ID_ROLE = Qt.ItemDataRole.UserRole
SEIZED = 2  # the quantities table's editable column


class CasePicker(QDialog):
    """``cases``: (reference, title, status) of the cases offered; ``current`` chosen first;
    ``declarations``: the ids of those being added (their quantities seized are asked)."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, cases, current: str = "",
                 *, declarations=()):
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
        if len(declarations) == 1:  # one declaration: how much was seized, in a box
            form.addRow(self.tr("Quantity seized"), self.quantity)
        else:
            self.quantity.hide()
        self.quantities = self._quantities_table(list(declarations))
        if self.quantities is not None:
            form.addRow(QLabel(self.tr("Quantity seized of each declaration (kg; blank: "
                                       "unknown):"), self))
            form.addRow(self.quantities)
            self.fill_button = QPushButton(self.tr("Seized = declared gross weight"), self)
            self.fill_button.setToolTip(self.tr("Fill every row with its declaration's gross "
                                                "weight"))
            self.fill_button.clicked.connect(self.fill_with_gross_weights)
            form.addRow(self.fill_button)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00")
        self.problem.hide()
        form.addRow(self.problem)
        form.addRow(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.case.count() > 0)
        self.resize(560 if self.quantities is None else 620, self.sizeHint().height())

    def _quantities_table(self, ids: list[int]) -> QTableWidget | None:
        """Several declarations: one row each, their numbers and weights filled by
        ``show_declarations``."""
        if len(ids) < 2:
            return None
        t = QTableWidget(len(ids), 3, self)
        t.setHorizontalHeaderLabels([self.tr("Declaration"), self.tr("Gross kg"),
                                     self.tr("Seized kg")])
        t.verticalHeader().setVisible(False)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for r, did in enumerate(ids):
            for c, text in enumerate(("…", "", "")):
                item = QTableWidgetItem(text)
                if c != SEIZED:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                t.setItem(r, c, item)
            t.item(r, 0).setData(ID_ROLE, did)
        header = t.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SEIZED, QHeaderView.ResizeMode.Stretch)
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
        t.setMinimumHeight(160)
        return t

    def show_declarations(self, rows) -> None:
        """``rows``: (id, declaration number, gross kg) of the declarations being added."""
        if self.quantities is None:
            return
        facts = {did: (no, kg) for did, no, kg in rows}
        for r in range(self.quantities.rowCount()):
            no, kg = facts.get(self.quantities.item(r, 0).data(ID_ROLE), ("?", None))
            self.quantities.item(r, 0).setText(no)
            self.quantities.item(r, 1).setText("" if kg is None else f"{kg:,.1f}")
            self.quantities.item(r, 1).setData(ID_ROLE, kg)

    def fill_with_gross_weights(self) -> None:
        for r in range(self.quantities.rowCount()):
            kg = self.quantities.item(r, 1).data(ID_ROLE)
            if kg:
                self.quantities.item(r, SEIZED).setText(f"{kg:.1f}")

    def kgs(self) -> dict[int, float | None]:
        """Each declaration's quantity seized (None: unknown); raises ValueError naming the
        declaration whose quantity is not a number above 0."""
        out: dict[int, float | None] = {}
        for r in range(self.quantities.rowCount()):
            did = self.quantities.item(r, 0).data(ID_ROLE)
            text = self.quantities.item(r, SEIZED).text().replace(",", "").strip()
            if not text:
                out[did] = None
                continue
            try:
                kg = float(text)
            except ValueError:
                kg = 0.0
            if not kg > 0:
                raise ValueError(self.quantities.item(r, 0).text())
            out[did] = kg
        return out

    def accept(self) -> None:
        """Refuse a quantity that is not a number above 0, saying on which row."""
        if self.quantities is not None:
            try:
                self.kgs()
            except ValueError as exc:
                self.problem.setText(self.tr("The quantity seized of %1 must be a number of kg "
                                             "above 0, or blank.").replace("%1", str(exc)))
                self.problem.show()
                return
        super().accept()

    def case_ref(self) -> str:
        return self.case.currentData() or ""

    def kg(self) -> float | None:
        """The quantity seized entered (None: unknown)."""
        return self.quantity.value() or None

    def reason_text(self) -> str:
        return self.reason.text().strip()
