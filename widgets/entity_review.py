"""The entity review queue: candidate matches with their evidence; merge, reject, split."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class EntityReview(QWidget):
    merge_requested = Signal(int, int, str)  # keep id, other id, reason
    reject_requested = Signal(int, int, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Party"), self.tr("Candidate"),
                                              self.tr("Score"), self.tr("Evidence")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (kept in the audit log)"))
        self.merge_button = QPushButton(self.tr("Same party: merge"), self)
        self.reject_button = QPushButton(self.tr("Different parties"), self)
        self.merge_button.clicked.connect(self._on_merge_clicked)
        self.reject_button.clicked.connect(self._on_reject_clicked)
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        row.addWidget(self.merge_button)
        row.addWidget(self.reject_button)
        v = QVBoxLayout(self)
        v.addWidget(self.table)
        v.addLayout(row)
        self._candidates = []

    def show_candidates(self, candidates) -> None:
        self._candidates = list(candidates)
        self.table.setRowCount(len(self._candidates))
        for r, c in enumerate(self._candidates):
            evidence = "; ".join(f"{k}: {v}" for k, v in c.evidence)
            for col, v in enumerate((c.left_name, c.right_name, f"{c.score:.2f}", evidence)):
                self.table.setItem(r, col, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()
        if self._candidates:
            self.table.selectRow(0)

    def current(self):
        row = self.table.currentRow()
        return self._candidates[row] if 0 <= row < len(self._candidates) else None

    def _on_merge_clicked(self) -> None:
        c = self.current()
        if c is not None:
            self.merge_requested.emit(c.left_id, c.right_id, self.reason.text())

    def _on_reject_clicked(self) -> None:
        c = self.current()
        if c is not None:
            self.reject_requested.emit(c.left_id, c.right_id, self.reason.text())
