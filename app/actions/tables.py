"""Exporting the browser's current table (cases or declarations, with its filters) to CSV or
XLSX, in a job."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from casedb.exports.tables import export_records

log = logging.getLogger(__name__)


def export_current_table(window, path: str | None = None):
    kind = "cases" if window.browser.tabs.currentIndex() == 0 else "declarations"
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            window, QCoreApplication.translate("MainWindow", "Export table"), f"{kind}.xlsx",
            QCoreApplication.translate("MainWindow", "Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return None
    source = window._cases if kind == "cases" else window._decls
    job = window.jobs.submit(export_records, window.db, kind, path, source.filters)
    job.signals.succeeded.connect(
        lambda n: window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "%1 rows written to %2")
            .replace("%1", f"{n:,}").replace("%2", path), 8000))
    job.signals.failed.connect(
        lambda exc: QMessageBox.warning(
            window, QCoreApplication.translate("MainWindow", "Export table"), str(exc)))
    return job
