"""The case view's Attachments tab: the files attached to a case and the buttons to add, save
and remove them. It only asks (file and reason dialogs) and emits plain values."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole


class AttachmentsPanel(QWidget):
    add_requested = Signal(str, str)  # path, description
    save_requested = Signal(int, str)  # attachment id, destination path
    remove_requested = Signal(int, str)  # attachment id, reason

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size"),
                                              self.tr("Added by"), self.tr("Added at"),
                                              self.tr("Description")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.add_button.setToolTip(self.tr("Attach files to the case (recorded in the audit log)"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._names: dict[int, str] = {}
        self._on_table_selection_changed()

    def show_attachments(self, items) -> None:
        """Show ``casedb.cases.attachments.AttachmentInfo`` values (anything with their fields)."""
        items = list(items)
        self.table.clearSelection()
        self.table.setRowCount(len(items))
        self._names = {a.id: a.file_name for a in items}
        locale = QLocale()
        for r, a in enumerate(items):
            name = QTableWidgetItem(a.file_name)
            name.setData(ID_ROLE, a.id)
            name.setToolTip(f"{a.media_type}\nSHA-256 {a.sha256}")
            size = QTableWidgetItem(locale.formattedDataSize(a.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            size.setToolTip(self.tr("%1 bytes").replace("%1", locale.toString(a.size)))
            added = a.added_at.strftime("%Y-%m-%d %H:%M") if a.added_at else ""
            for c, item in enumerate((name, size, QTableWidgetItem(a.added_by),
                                      QTableWidgetItem(added), QTableWidgetItem(a.description))):
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self._on_table_selection_changed()

    def count(self) -> int:
        return self.table.rowCount()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(ID_ROLE)

    def select_id(self, attachment_id: int) -> bool:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID_ROLE) == attachment_id:
                self.table.selectRow(r)
                return True
        return False

    def _on_table_selection_changed(self) -> None:
        chosen = self.selected_id() is not None
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _on_add_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if not paths:
            return
        description, ok = QInputDialog.getText(self, self.tr("Attach files"),
                                               self.tr("Description (optional):"))
        if not ok:
            return
        for path in paths:
            self.add_requested.emit(path, description.strip())

    def _on_save_clicked(self) -> None:
        aid = self.selected_id()
        if aid is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"),
                                              self._names.get(aid, ""))
        if path:
            self.save_requested.emit(aid, path)

    def _on_remove_clicked(self) -> None:
        aid = self.selected_id()
        if aid is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Remove attachment"),
            self.tr("Why remove %1? (recorded in the audit log)").replace(
                "%1", self._names.get(aid, "")))
        if ok and reason.strip():
            self.remove_requested.emit(aid, reason.strip())
