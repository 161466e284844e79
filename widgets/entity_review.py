"""The entity review queue: candidate matches with their evidence; merge (confirm), reject,
and split a raw name out of a party."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class EntityReview(QWidget):
    merge_requested = Signal(int, int, str)  # keep id, other id, reason
    reject_requested = Signal(int, int, str)
    names_requested = Signal(list)  # party ids whose raw names to show
    split_requested = Signal(int, str, str)  # party id, raw name, reason
    party_open_requested = Signal(int)  # a candidate's party double-clicked: open it

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
        self.names = QListWidget(self)
        self.names.setToolTip(self.tr("The names under which the two parties appeared"))
        self.split_button = QPushButton(self.tr("Split the selected name out"), self)
        self.split_button.clicked.connect(self._on_split_clicked)
        names_row = QHBoxLayout()
        names_row.addWidget(self.names, 1)
        names_row.addWidget(self.split_button, 0, Qt.AlignmentFlag.AlignTop)
        v = QVBoxLayout(self)
        v.addWidget(self.table, 3)
        v.addWidget(QLabel(self.tr("Names of the selected parties:"), self))
        v.addLayout(names_row, 1)
        v.addLayout(row)
        self._candidates = []
        self._names_for: list[int] = []
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.cellDoubleClicked.connect(self._on_table_cell_double_clicked)

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

    def request_names(self, party_ids: list[int]) -> None:
        self._names_for = list(party_ids)
        self.names.clear()
        self.names_requested.emit(self._names_for)

    def show_names(self, answer: tuple[list[int], list[tuple[int, str]]]) -> None:
        """``answer``: the party ids asked for and their (party id, raw name) pairs."""
        party_ids, names = answer
        if list(party_ids) != self._names_for:
            return  # an answer to an earlier selection
        self.names.clear()
        for party_id, raw in names:
            item = QListWidgetItem(f"#{party_id}  {raw}", self.names)
            item.setData(Qt.ItemDataRole.UserRole, (party_id, raw))

    def _on_table_selection_changed(self) -> None:
        c = self.current()
        if c is not None:
            self.request_names([c.left_id, c.right_id])

    def _on_table_cell_double_clicked(self, row: int, column: int) -> None:
        c = self._candidates[row]
        self.party_open_requested.emit(c.right_id if column == 1 else c.left_id)

    def _on_split_clicked(self) -> None:
        item = self.names.currentItem()
        if item is not None:
            party_id, raw = item.data(Qt.ItemDataRole.UserRole)
            self.split_requested.emit(party_id, raw, self.reason.text())

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
