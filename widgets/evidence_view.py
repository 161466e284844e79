"""A declaration's evidence trail: every source row (file, SHA-256, imported when and by whom,
sheet, row) and the chosen row as written, each cell beside the field it was read as and the
value stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QSplitter, QVBoxLayout, QWidget

from .fields import fill, record_table

_table, _fill = record_table, fill


class EvidenceView(QDialog):
    """Shows a ``casedb.evidence.trail.Evidence``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.evidence = None
        self.heading = QLabel(self)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sources = _table(self, [self.tr("File"), self.tr("SHA-256"), self.tr("Imported"),
                                     self.tr("By"), self.tr("Sheet"), self.tr("Row")])
        self.sources.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sources.itemSelectionChanged.connect(self._on_source_selected)
        self.cells = _table(self, [self.tr("Column"), self.tr("As written"),
                                   self.tr("Read as"), self.tr("Stored")])
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.sources)
        split.addWidget(self.cells)
        split.setSizes([130, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)
        self.resize(900, 620)

    def show_evidence(self, evidence) -> None:
        self.evidence = evidence
        self.setWindowTitle(self.tr("Declaration %1 as written").replace(
            "%1", evidence.declaration_no))
        self.heading.setText(self.tr("Declaration %1: %n source row(s)", "",
                                     len(evidence.sources)).replace("%1",
                                                                   evidence.declaration_no))
        _fill(self.sources, [(s.file_name, s.sha256, s.imported_at.strftime("%Y-%m-%d %H:%M"),
                              s.imported_by, s.sheet, s.row) for s in evidence.sources])
        if evidence.sources:
            self.sources.selectRow(0)
        else:
            _fill(self.cells, [(f, "", f, v) for f, v in evidence.stored.items()])
            self.note.setText(self.tr("No source row is recorded for this declaration."))

    def _on_source_selected(self) -> None:
        rows = self.sources.selectionModel().selectedRows()
        if self.evidence is None or not rows:
            return
        source = self.evidence.sources[rows[0].row()]
        stored = self.evidence.stored
        _fill(self.cells, [(c.header, c.as_written, c.field or "",
                            stored.get(c.field, "") if c.field else "") for c in source.cells])
        self.note.setText("" if source.cells else self.tr(
            "This row was imported before rows were kept as written; only the file, sheet and "
            "row are known."))
