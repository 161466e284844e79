"""Importing spreadsheets from the main window: in a background job, with progress and cancel."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from casedb.importing.pipeline import import_files

log = logging.getLogger(__name__)
PATTERNS = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt"


def open_import_dialog(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window, window.tr("Import spreadsheets"), "",
        window.tr("Spreadsheets (%1)").replace("%1", PATTERNS))
    if paths:
        import_paths(window, paths)


def import_paths(window, paths: list[str]):
    dialog = QProgressDialog(window.tr("Importing…"), window.tr("Cancel"), 0, 100, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    job = window.jobs.submit(import_files, window.db, paths, writes=True)
    dialog.canceled.connect(job.cancel)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    def succeeded(reports) -> None:
        dialog.reset()
        lines = [window.tr("%1: %2 imported, %3 merged, %4 unchanged, %5 refused")
                 .replace("%1", r.file).replace("%2", str(r.imported))
                 .replace("%3", str(r.merged)).replace("%4", str(r.unchanged))
                 .replace("%5", str(len(r.refused))) for r in reports]
        window.refresh()
        QMessageBox.information(window, window.tr("Import finished"), "\n".join(lines))

    def failed(exc) -> None:
        dialog.reset()
        QMessageBox.warning(window, window.tr("Import failed"), str(exc))

    job.signals.progressed.connect(progressed)
    job.signals.succeeded.connect(succeeded)
    job.signals.failed.connect(failed)
    job.signals.cancelled.connect(dialog.reset)
    return job
