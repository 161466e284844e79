"""The import wizard: choose files, preview the detected header and the automatic mapping with
its confidences and evidence (import_mapping), settle what the import will not guess, save or
load an import spec, grade the files as a source, run with progress and cancel (and, while
another program holds the SQLite database's write lock, how long the import has waited for
it), then each file's verdict and a report of refused rows, warnings and discrepancies that can
be exported."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
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

from casedb.importing import reasons

from .case_words import language
from .import_mapping import ImportMappingPage

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

    def set_grading_scheme(self, name: str) -> None:
        """The administration's grading scheme (casedb.evidence.grading), for the grade chooser."""
        self.mapping_page.grade.set_scheme(name)

    def chosen_grade(self) -> tuple[str, str] | None:
        """(grade, scheme) the files imported are to be given as a source, or None."""
        return self.mapping_page.chosen_grade()

    def set_waiting(self, seconds: float) -> None:
        """The import waits for another program's write to the database to finish."""
        page = self.run_page
        page.bar.setRange(0, 0)
        page.cancel.setEnabled(not page.isComplete())
        page.status.setText(self.tr("Another program is writing to the case database: waiting "
                                    "for it to finish (%1 s). You can cancel.")
                            .replace("%1", QLocale().toString(int(seconds))))

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

    def show_report(self, reports, graded: dict | None = None) -> None:
        """``graded``: file name -> (its grade as a source ('B2'), "") or ("", why not)."""
        self.run_page.show_report(reports, graded or {})

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


class _MappingPage(ImportMappingPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard._fields, wizard)
        self.wiz = wizard
        self.preview_requested.connect(self._on_preview_requested)

    def initializePage(self) -> None:  # noqa: N802
        self.reset()
        self.header.setText(self.tr("Reading %1…").replace("%1", _name(self.wiz.paths()[0])))
        self.wiz.preview_requested.emit(self.wiz.paths()[0], self.chosen_spec())

    def _on_preview_requested(self, spec) -> None:
        self.wiz.preview_requested.emit(self.wiz.paths()[0], spec)


class _RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.bar = QProgressBar(self)
        self.status = QLabel(self)
        self.cancel = QPushButton(self.tr("Cancel import"), self)
        self.cancel.clicked.connect(wizard.cancel_requested)
        self.report = QTableWidget(0, 6, self)
        self.report.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Sheet"), self.tr("Row"),
                                               self.tr("Column"), self.tr("Value as written"),
                                               self.tr("Reason")])
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

    def show_report(self, outcomes, graded: dict | None = None) -> None:
        """``outcomes``: casedb.importing.batch.FileOutcome (or FileReport) for each file;
        ``graded``: file name -> (the grade it was given, "") or ("", why not)."""
        graded = graded or {}
        lines, found = [], []
        number = QLocale().toString  # 200,000 rather than 200000
        lang = language()  # casedb's reasons, worded in the user's language
        for o in outcomes:
            r = getattr(o, "report", o)
            if r is None:
                lines.append(self.tr("%1: %2 (nothing written): %3").replace("%1", o.file)
                             .replace("%2", self._status(o.status))
                             .replace("%3", reasons.file_text(o, lang)))
                continue
            lines.append(self.tr("%1: %2 — %3 rows read, %4 imported, %5 merged, %6 unchanged, "
                                 "%7 refused, %8 warnings, %9 discrepancies")
                         .replace("%1", r.file).replace("%2", self._status(r.status))
                         .replace("%3", number(r.rows_read)).replace("%4", number(r.imported))
                         .replace("%5", number(r.merged)).replace("%6", number(r.unchanged))
                         .replace("%7", number(len(r.refused)))
                         .replace("%8", number(len(r.warnings)))
                         .replace("%9", number(len(r.discrepancies))))
            if r.file in graded:
                grade, failure = graded[r.file]
                lines.append((self.tr("%1: graded %2 as a source").replace("%2", grade)
                              if grade else self.tr("%1: not graded: %2").replace("%2", failure))
                             .replace("%1", r.file))
            column, why = reasons.column_text, reasons.text
            found += [(self.tr("refused"), x.sheet, x.row, column(x.column, lang), "",
                       why(x.reason, lang)) for x in r.refused]
            found += [(self.tr("warning"), x.sheet, x.row, column(x.column, lang), x.value,
                       why(x.reason, lang)) for x in r.warnings]
            disagree = why(reasons.DISAGREE, lang)
            found += [(self.tr("discrepancy"), d[0], d[1], column(d[2], lang),
                       f"{d[3]} / {d[4]}", disagree) for d in r.discrepancies]
        self.status.setText("\n".join(lines))
        self.report.setRowCount(len(found))
        for i, x in enumerate(found):
            for c, v in enumerate(x):
                self.report.setItem(i, c, QTableWidgetItem(str(v)))
        self.cancel.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self._done = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self._done

    def _status(self, status: str) -> str:
        return {
            "imported": self.tr("imported"), "partly imported": self.tr("partly imported"),
            "nothing stored": self.tr("nothing stored"), "unreadable": self.tr("unreadable"),
            "not declarations": self.tr("not declarations"),
            "needs a decision": self.tr("needs a decision"), "failed": self.tr("failed"),
        }.get(status, status)

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), "refused.csv",
                                              self.tr("CSV (*.csv);;Excel (*.xlsx)"))
        if path:
            self.wiz.export_report_requested.emit(path)


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]

