"""The import wizard: choose files, preview the detected header and the automatic mapping with
its confidences, adjust the mapping, save or load an import spec, run with progress and cancel,
then a report of imported, merged and refused rows that can be exported."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

PATTERNS = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt"


class ImportWizard(QWizard):
    """The wizard stays free of the database and of app: the shell reads the preview when
    ``preview_requested`` fires and answers with ``show_preview`` (or ``show_failure``); it
    runs the import when ``run_requested`` fires and reports back through ``set_progress`` /
    ``show_report`` / ``show_failure``. Both run off the GUI thread."""

    preview_requested = Signal(str, object)  # path, ImportSpec or None
    run_requested = Signal(list, object)  # paths, ImportSpec or None
    cancel_requested = Signal()
    export_report_requested = Signal(str)  # file path

    def __init__(self, fields: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import spreadsheets"))
        self._fields = fields
        self.files_page = _FilesPage(self)
        self.mapping_page = _MappingPage(self)
        self.run_page = _RunPage(self)
        for page in (self.files_page, self.mapping_page, self.run_page):
            self.addPage(page)
        self.resize(1000, 640)

    def paths(self) -> list[str]:
        return [self.files_page.files.item(i).text() for i in range(self.files_page.files.count())]

    def set_progress(self, done: int, total: int) -> None:
        page = self.run_page
        if total and done >= total and not page.isComplete():
            # Every row is written; indexes and the commit of a large file take a while yet,
            # and can no longer be cancelled.
            page.bar.setRange(0, 0)
            page.cancel.setEnabled(False)
            page.status.setText(self.tr("Building indexes and saving…"))
            return
        page.bar.setRange(0, max(total, 1))
        page.bar.setValue(done)
        page.cancel.setEnabled(not page.isComplete())
        page.status.setText(self.tr("Importing…"))

    def show_preview(self, preview) -> None:
        self.mapping_page.show_preview(preview)

    def show_report(self, reports) -> None:
        self.run_page.show_report(reports)

    def show_failure(self, message: str) -> None:
        if self.currentPage() is self.mapping_page:
            self.mapping_page.header.setText(message)
        else:
            self.run_page.bar.setRange(0, 1)  # no busy bar left running
            self.run_page.status.setText(message)


class _FilesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Choose the files"))
        self.setSubTitle(self.tr("Spreadsheets from any system: xlsx, xls, ods, csv; English or "
                                 "Chinese headers. You can also drop files on the main window."))
        self.files = QListWidget(self)
        add = QPushButton(self.tr("Add files…"), self)
        add.clicked.connect(self._on_add_clicked)
        v = QVBoxLayout(self)
        v.addWidget(self.files)
        v.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    def add_paths(self, paths: list[str]) -> None:
        for p in paths:
            self.files.addItem(p)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.files.count() > 0

    def _on_add_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import spreadsheets"), "",
                                                self.tr("Spreadsheets (%1)").replace("%1", PATTERNS))
        self.add_paths(paths)


class _MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check the columns"))
        self.header = QLabel(self)
        self.table = QTableWidget(self)
        self.preview = QTableWidget(self)
        save = QPushButton(self.tr("Save as import spec…"), self)
        load = QPushButton(self.tr("Load import spec…"), self)
        save.clicked.connect(self._on_save_clicked)
        load.clicked.connect(self._on_load_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(load)
        buttons.addStretch(1)
        v = QVBoxLayout(self)
        v.addWidget(self.header)
        v.addWidget(self.table, 2)
        v.addWidget(QLabel(self.tr("First rows:"), self))
        v.addWidget(self.preview, 1)
        v.addLayout(buttons)
        self.spec = None
        self.combos: list[QComboBox] = []
        self.sheet = None

    def initializePage(self) -> None:  # noqa: N802
        self.sheet = None
        self.combos = []
        self.table.setRowCount(0)
        self.preview.setRowCount(0)
        self.header.setText(self.tr("Reading %1…").replace("%1", _name(self.wiz.paths()[0])))
        self.completeChanged.emit()
        self.wiz.preview_requested.emit(self.wiz.paths()[0], self.spec)

    def isComplete(self) -> bool:  # noqa: N802
        return self.sheet is not None

    def show_preview(self, result) -> None:
        self.sheet = result.sheets[0]
        s = self.sheet
        self.header.setText(self.tr("%1, sheet %2: header found on row %3")
                            .replace("%1", _name(result.path))
                            .replace("%2", s.name).replace("%3", str(s.header_row + 1)))
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Field"),
                                              self.tr("Confidence")])
        self.table.setRowCount(len(s.mappings))
        self.combos = []
        for r, m in enumerate(s.mappings):
            self.table.setItem(r, 0, QTableWidgetItem(m.header))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(ignore)"), None)
            for f in self.wiz._fields:
                combo.addItem(f, f)
            combo.setCurrentIndex(max(0, combo.findData(m.field)))
            self.table.setCellWidget(r, 1, combo)
            self.combos.append(combo)
            conf = QTableWidgetItem(f"{m.confidence:.0%}" if m.field else "")
            if m.field and m.confidence < 0.8:
                conf.setBackground(QColor("#ffe08a"))  # worth a look
            self.table.setItem(r, 2, conf)
        self.table.resizeColumnsToContents()
        self.preview.setColumnCount(len(s.headers))
        self.preview.setHorizontalHeaderLabels(s.headers)
        self.preview.setRowCount(min(len(s.rows), 20))
        for r, row in enumerate(s.rows[:20]):
            for c, v in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(v))
        self.completeChanged.emit()

    def chosen_spec(self):
        from casedb.importing.spec import ImportSpec

        base = self.spec or ImportSpec()
        columns = dict(base.columns)
        for m, combo in zip(self.sheet.mappings, self.combos, strict=True):
            if combo.currentData() != m.field:
                columns[m.header] = combo.currentData()
        return ImportSpec(version=1, sheets=base.sheets, header_row=base.header_row,
                          columns=columns, constants=base.constants, units=base.units,
                          date_order=base.date_order, split=base.split,
                          defaults_country=base.defaults_country)

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
            self.initializePage()


class _RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.bar = QProgressBar(self)
        self.status = QLabel(self)
        self.cancel = QPushButton(self.tr("Cancel import"), self)
        self.cancel.clicked.connect(wizard.cancel_requested)
        self.report = QTableWidget(0, 4, self)
        self.report.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Row"),
                                               self.tr("Column"), self.tr("Reason")])
        self.report.horizontalHeader().setStretchLastSection(True)
        export = QPushButton(self.tr("Export report…"), self)
        export.clicked.connect(self._on_export_clicked)
        v = QVBoxLayout(self)
        for w in (self.bar, self.status, self.cancel, self.report, export):
            v.addWidget(w)
        self._done = False

    def initializePage(self) -> None:  # noqa: N802
        self._done = False
        self.bar.setRange(0, 0)  # busy while the file is read: its rows are not counted yet
        self.status.setText(self.tr("Importing…"))
        self.wiz.run_requested.emit(self.wiz.paths(), self.wiz.mapping_page.chosen_spec())

    def show_report(self, reports) -> None:
        lines, refused = [], []
        for r in reports:
            number = QLocale().toString  # 200,000 rather than 200000
            lines.append(self.tr("%1: %2 rows read, %3 imported, %4 merged, %5 unchanged, "
                                 "%6 refused").replace("%1", r.file)
                         .replace("%2", number(r.rows_read)).replace("%3", number(r.imported))
                         .replace("%4", number(r.merged)).replace("%5", number(r.unchanged))
                         .replace("%6", number(len(r.refused))))
            refused += r.refused
        self.status.setText("\n".join(lines))
        self.report.setRowCount(len(refused))
        for i, x in enumerate(refused):
            for c, v in enumerate((x.sheet, x.row, x.column, x.reason)):
                self.report.setItem(i, c, QTableWidgetItem(str(v)))
        self.cancel.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self._done = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self._done

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), "refused.csv",
                                              self.tr("CSV (*.csv);;Excel (*.xlsx)"))
        if path:
            self.wiz.export_report_requested.emit(path)


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
