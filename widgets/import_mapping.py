"""The import wizard's mapping page: the header found, each column's field with its confidence
and the evidence for it (header words, the share of values that fit), the unit of each weight,
what must be settled before importing (a required column missing or ambiguous, a weight's unit
unknown: the columns concerned highlighted, Next blocked), the first rows as written and as
they will be stored, and the grade the files are given as a source (optional, in the
administration's grading scheme; a grade half chosen blocks Next)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizardPage,
)

from casedb.importing.field_labels import field_label

from .case_words import language
from .grade_chooser import GradeChooser

WEIGHT_FIELDS = ("gross_weight_kg", "net_weight_kg", "quantity_seized_kg")
UNITS = ("kg", "t", "lb")
UNSURE = QColor("#ffe08a")  # worth a look
ASKED = QColor("#f4b6b6")  # must be settled
COL_HEADER, COL_FIELD, COL_UNIT, COL_CONFIDENCE, COL_EVIDENCE = range(5)


class ImportMappingPage(QWizardPage):
    """Shows a preview (casedb.importing.pipeline.FilePreview) and asks for it again, with the
    investigator's choices as an import spec, whenever a choice changes."""

    preview_requested = Signal(object)  # ImportSpec

    def __init__(self, fields: list[str], parent=None):
        super().__init__(parent)
        self._fields = fields
        self.setTitle(self.tr("Check the columns"))
        self.header = QLabel(self)
        self.questions = QLabel(self)
        self.questions.setWordWrap(True)
        self.questions.setStyleSheet("QLabel { background: #fbe3e3; padding: 6px; }")
        self.questions.hide()
        self.table = QTableWidget(self)
        self.preview = QTableWidget(self)  # as it will be stored
        self.written = QTableWidget(self)  # as written
        tabs = QTabWidget(self)
        tabs.addTab(self.preview, self.tr("As it will be stored"))
        tabs.addTab(self.written, self.tr("As written"))
        save = QPushButton(self.tr("Save as import spec…"), self)
        load = QPushButton(self.tr("Load import spec…"), self)
        save.clicked.connect(self._on_save_clicked)
        load.clicked.connect(self._on_load_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(load)
        buttons.addStretch(1)
        self.grade = GradeChooser(self)
        self.grade.setToolTip(self.tr("How reliable the source of these files is and how "
                                      "credible what it gave; recorded with the import and "
                                      "shown in dossiers and bundles"))
        self.grade.changed.connect(self.completeChanged)
        buttons.addWidget(QLabel(self.tr("Grade these files as a source (optional):"), self))
        buttons.addWidget(self.grade)
        v = QVBoxLayout(self)
        v.addWidget(self.header)
        v.addWidget(self.questions)
        v.addWidget(self.table, 2)
        v.addWidget(QLabel(self.tr("First rows:"), self))
        v.addWidget(tabs, 1)
        v.addLayout(buttons)
        self.spec = None  # an import spec loaded from a file
        self.choices: dict[str, str | None] = {}  # column header -> field, chosen here
        self.units: dict[str, str] = {}  # weight field -> unit, chosen here
        self.combos: list[QComboBox] = []
        self.unit_combos: list[QComboBox | None] = []
        self.sheet = None
        self._filling = False

    # -- what the wizard calls ----------------------------------------------------------------
    def reset(self) -> None:
        self.sheet = None
        self.combos, self.unit_combos = [], []
        self.table.setRowCount(0)
        self.preview.setRowCount(0)
        self.written.setRowCount(0)
        self.questions.hide()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return (self.sheet is not None and not self.sheet.questions
                and not self.grade.is_partial())

    def chosen_grade(self) -> tuple[str, str] | None:
        """(grade, scheme) to give the files imported, or None: not graded."""
        grade = self.grade.grade()
        return (grade, self.grade.scheme()) if grade else None

    def show_preview(self, result) -> None:
        self.sheet = result.sheets[0]
        s = self.sheet
        self.header.setText(self.tr("%1, sheet %2: header found on row %3")
                            .replace("%1", _name(result.path))
                            .replace("%2", s.name).replace("%3", str(s.header_row + 1)))
        self._filling = True
        try:
            self._fill_mapping(s)
        finally:
            self._filling = False
        self._show_questions(s)
        self._fill_rows(s)
        self.completeChanged.emit()

    def chosen_spec(self):
        from casedb.importing.spec import ImportSpec

        base = self.spec or ImportSpec()
        return ImportSpec(version=1, sheets=base.sheets, header_row=base.header_row,
                          columns={**base.columns, **self.choices},
                          constants=base.constants, units={**base.units, **self.units},
                          date_order=base.date_order, split=base.split,
                          defaults_country=base.defaults_country, blanks=base.blanks,
                          decimal=base.decimal)

    # -- the mapping table --------------------------------------------------------------------
    def _fill_mapping(self, s) -> None:
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Field"),
                                              self.tr("Unit"), self.tr("Confidence"),
                                              self.tr("Evidence")])
        self.table.setRowCount(len(s.mappings))
        asked = {c for q in s.questions for c in q.columns}
        self.combos, self.unit_combos = [], []
        for r, m in enumerate(s.mappings):
            item = QTableWidgetItem(m.header)
            if m.header in asked:
                item.setBackground(ASKED)
            self.table.setItem(r, COL_HEADER, item)
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(ignore)"), None)
            for f in self._fields:
                combo.addItem(field_label(f, language()), f)
            combo.setCurrentIndex(max(0, combo.findData(m.field)))
            combo.currentIndexChanged.connect(self._on_field_changed)
            self.table.setCellWidget(r, COL_FIELD, combo)
            self.combos.append(combo)
            self.unit_combos.append(self._unit_combo(r, m))
            conf = QTableWidgetItem(f"{m.confidence:.0%}" if m.field else "")
            if m.field and m.confidence < 0.8:
                conf.setBackground(UNSURE)
            self.table.setItem(r, COL_CONFIDENCE, conf)
            self.table.setItem(r, COL_EVIDENCE, QTableWidgetItem(self._evidence(m)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def _evidence(self, m) -> str:
        """Why a column maps as it does, in the user's language: the header's words, the
        column beside it, the share of its values that fit."""
        parts = []
        if m.matched:
            parts.append(self.tr("header says “%1”").replace("%1", m.matched))
        if m.beside:
            parts.append(self.tr("beside “%1”").replace("%1", m.beside))
        if m.fit is not None:
            parts.append(self.tr("%1% of %2 values fit").replace("%1", f"{m.fit:.0%}"[:-1])
                         .replace("%2", str(m.sampled)))
        if not m.field and m.evidence.startswith("not mapped"):
            parts.append(self.tr("not imported"))
        return "; ".join(parts)

    def _unit_combo(self, row: int, m) -> QComboBox | None:
        if m.field not in WEIGHT_FIELDS:
            self.table.setItem(row, COL_UNIT, QTableWidgetItem(m.unit or ""))
            return None
        combo = QComboBox(self.table)
        combo.addItem(self.tr("(not said)"), None)
        for u in UNITS:
            combo.addItem(u, u)
        chosen = self.units.get(m.field) or m.unit
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.currentIndexChanged.connect(self._on_unit_changed)
        self.table.setCellWidget(row, COL_UNIT, combo)
        return combo

    def _show_questions(self, s) -> None:
        if not s.questions:
            self.questions.hide()
            return
        lines = [self.tr("Settle this before importing:")]
        lines += [f"• {self._question(q)}" for q in s.questions]
        self.questions.setText("\n".join(lines))
        self.questions.show()

    def _question(self, q) -> str:
        """A question of the import (casedb.importing.questions) in the user's language."""
        what = field_label(q.field, language())
        columns = ", ".join(f"“{c}”" for c in q.columns)
        if q.kind == "missing":
            text = self.tr("no column holds the %1").replace("%1", what)
            return text + (self.tr(" (perhaps %1)").replace("%1", columns) if columns else "")
        if q.kind == "ambiguous":
            return self.tr("several columns could hold the %1: %2; choose one").replace(
                "%1", what).replace("%2", columns)
        return self.tr("column %1 names no unit, and its values would be implausible as "
                       "kilograms: choose its unit").replace("%1", columns)

    def _fill_rows(self, s) -> None:
        self.written.setColumnCount(len(s.headers))
        self.written.setHorizontalHeaderLabels(s.headers)
        self.written.setRowCount(min(len(s.rows), 20))
        for r, row in enumerate(s.rows[:20]):
            for c, v in enumerate(row):
                self.written.setItem(r, c, QTableWidgetItem(v))
        rows = list(getattr(s, "normalised", ()))[:20]
        fields = [m.field for m in s.mappings if m.field]
        fields += sorted({k for r in rows for k in r} - set(fields))
        self.preview.setColumnCount(len(fields))
        self.preview.setHorizontalHeaderLabels([field_label(f, language()) for f in fields])
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, name in enumerate(fields):
                value = row.get(name)
                text = "" if value is None else (", ".join(map(str, value))
                                                 if isinstance(value, list) else str(value))
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()

    # -- choices ------------------------------------------------------------------------------
    def _on_field_changed(self, _index: int) -> None:
        if self._filling or self.sheet is None:
            return
        for m, combo in zip(self.sheet.mappings, self.combos, strict=True):
            if combo.currentData() != m.field:
                self.choices[m.header] = combo.currentData()
        self._ask_again()

    def _on_unit_changed(self, _index: int) -> None:
        if self._filling or self.sheet is None:
            return
        for m, combo in zip(self.sheet.mappings, self.unit_combos, strict=True):
            if combo is not None and combo.currentData():
                self.units[m.field] = combo.currentData()
        self._ask_again()

    def _ask_again(self) -> None:
        self.completeChanged.emit()
        self.preview_requested.emit(self.chosen_spec())

    def _on_save_clicked(self) -> None:
        from casedb.importing.spec import save_spec

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save import spec"), "spec.json",
                                              self.tr("Import specs (*.json *.yaml)"))
        if path:
            save_spec(self.chosen_spec(), path)

    def _on_load_clicked(self) -> None:
        from casedb.importing.spec import load_spec

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load import spec"), "",
                                              self.tr("Import specs (*.json *.yaml *.yml)"))
        if path:
            self.spec = load_spec(path)
            self.choices, self.units = {}, {}
            self._ask_again()


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]

