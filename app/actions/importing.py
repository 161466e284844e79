"""Importing spreadsheets from the workstation: the wizard, the import in a background job
(progress, cancel), and the report."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from casedb.changes import ChangeSet
from casedb.exports.tables import write_table
from casedb.importing.dry_run import preview_normalised
from casedb.importing.fields import FIELDS
from widgets.import_wizard import ImportWizard

from ..import_process import import_in_process

log = logging.getLogger(__name__)


class ImportFlow:
    """Wires one wizard to the window's job runner; kept alive by the wizard (its parent)."""

    def __init__(self, window, paths: list[str] | None = None):
        self.window = window
        self.wizard = ImportWizard(sorted(FIELDS), window)
        self.job = None
        self.reports = []
        if paths:
            self.wizard.files_page.add_paths(paths)
        self.wizard.preview_requested.connect(self._on_wizard_preview_requested)
        self.wizard.run_requested.connect(self._on_wizard_run_requested)
        self.wizard.cancel_requested.connect(self._on_wizard_cancel_requested)
        self.wizard.export_report_requested.connect(self._on_wizard_export_report_requested)
        self.wizard.setProperty("flow", id(self))
        self.wizard._flow = self  # lifetime bound to the wizard

    def _on_wizard_preview_requested(self, path: str, spec) -> None:
        job = self.window.jobs.submit(_preview, path, spec)
        job.signals.succeeded.connect(self.wizard.show_preview)
        job.signals.failed.connect(self._on_job_failed)

    def _on_wizard_run_requested(self, paths: list, spec) -> None:
        self.job = self.window.jobs.submit(
            import_in_process, self.window.db, paths, spec=spec, writes=True
        )
        self.job.signals.progressed.connect(self.wizard.set_progress)
        self.job.signals.succeeded.connect(self._on_job_succeeded)
        self.job.signals.failed.connect(self._on_job_failed)
        self.job.signals.cancelled.connect(self._on_job_cancelled)

    def _on_wizard_cancel_requested(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_job_succeeded(self, reports) -> None:
        self.reports = reports
        self.wizard.show_report(reports)
        self.window.publish(ChangeSet.of_reports(reports))

    def _on_job_failed(self, exc) -> None:
        self.wizard.show_failure(
            QCoreApplication.translate("ImportFlow", "Not imported: %1").replace("%1", str(exc))
        )

    def _on_job_cancelled(self) -> None:
        self.wizard.show_failure(
            QCoreApplication.translate("ImportFlow", "Cancelled: nothing was imported.")
        )

    def _on_wizard_export_report_requested(self, path: str) -> None:
        rows = []
        for o in self.reports:
            r = o.report
            if r is None:
                rows.append((o.file, o.status, "", "", "", "", o.reason))
                continue
            rows += [(r.file, "refused", x.sheet, x.row, x.column, "", x.reason)
                     for x in r.refused]
            rows += [(r.file, "warning", x.sheet, x.row, x.column, x.value, x.reason)
                     for x in r.warnings]
            rows += [(r.file, "discrepancy", d[0], d[1], d[2], f"{d[3]} / {d[4]}", "")
                     for d in r.discrepancies]
        write_table(path, ["file", "kind", "sheet", "row", "column", "value", "reason"], rows)


def _preview(path: str, spec, progress=None):
    return preview_normalised(path, spec)


def open_import_wizard(window, paths: list[str] | None = None) -> ImportFlow:
    flow = ImportFlow(window, paths)
    flow.wizard.show()
    return flow


def open_import_dialog(window) -> ImportFlow:
    return open_import_wizard(window)


def import_paths(window, paths: list[str]) -> ImportFlow:
    """Files dropped on the main window open the wizard with them."""
    return open_import_wizard(window, paths)
