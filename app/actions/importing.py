"""Importing spreadsheets from the workstation: the wizard, the import in a background job
(progress, cancel, waiting for another writer), the files graded as a source when the
investigator chose a grade, and the report."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from casedb import messages
from casedb.changes import ChangeSet
from casedb.errors import CaseDbError, ReadError
from casedb.evidence import grading
from casedb.importing import reasons
from casedb.importing.dry_run import preview_normalised
from casedb.importing.fields import FIELDS
from widgets.import_wizard import ImportWizard

from .. import i18n
from ..import_process import import_in_process
from . import import_report

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
        scheme = window.jobs.submit(grading.default_scheme, window.db)
        scheme.signals.succeeded.connect(self.wizard.set_grading_scheme)

    def _on_wizard_preview_requested(self, path: str, spec) -> None:
        job = self.window.jobs.submit(_preview, path, spec)
        job.signals.succeeded.connect(self.wizard.show_preview)
        job.signals.failed.connect(self._on_job_failed)

    def _on_wizard_run_requested(self, paths: list, spec) -> None:
        self.job = self.window.jobs.submit(
            _import, self.window.db, paths, spec, self.wizard.chosen_grade(), writes=True,
        )
        self.job.signals.progressed.connect(self.wizard.set_progress)
        self.job.signals.waiting.connect(self._on_lock_waiting)
        self.job.signals.succeeded.connect(self._on_job_succeeded)
        self.job.signals.failed.connect(self._on_job_failed)
        self.job.signals.cancelled.connect(self._on_job_cancelled)

    def _on_wizard_cancel_requested(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_lock_waiting(self, seconds: float) -> None:
        self.wizard.set_waiting(seconds)
        self.window.statusBar().showMessage(QCoreApplication.translate(
            "ImportFlow", "Import waiting: another program is writing to the case database "
            "(%1 s)").replace("%1", str(int(seconds))), 2000)

    def _on_job_succeeded(self, done) -> None:
        reports, graded = done
        self.reports = reports
        self.wizard.show_report(reports, graded)
        self.window.publish(ChangeSet.of_reports(reports))

    def _on_job_failed(self, exc) -> None:
        self.wizard.show_failure(
            QCoreApplication.translate("ImportFlow", "Not imported: %1").replace("%1", _said(exc))
        )

    def _on_job_cancelled(self) -> None:
        self.wizard.show_failure(
            QCoreApplication.translate("ImportFlow", "Cancelled: nothing was imported.")
        )

    def _on_wizard_export_report_requested(self, path: str) -> None:
        import_report.export(path, self.reports, i18n.active())


def _import(db, paths: list, spec, grade, progress):
    """The files imported (in a process of their own), then each file stored given ``grade``
    ((grade, scheme) or None) as a source, audited, as ``wasteintel import --grade`` does.
    Returns the outcomes and, by file name, (grade, "") or ("", why it was not graded)."""
    # the job is the progress: it also says when the import waits for another writer
    outcomes = import_in_process(db, paths, spec=spec, progress=progress)
    graded = {}
    for o in outcomes if grade else ():
        r = o.report
        if r is None or r.status == "nothing stored":
            continue
        try:
            graded[r.file] = (grading.set_source_grade(db, r.sha256, *grade).grade, "")
        except CaseDbError as exc:  # the import stands; the grade can be given in the case
            log.warning("imported file not graded: %s", exc)
            graded[r.file] = ("", str(exc))
    return outcomes, graded


def _said(exc: BaseException) -> str:
    """A failed preview or import in the workstation's language (casedb's reasons and refusals
    worded by casedb.importing.reasons and casedb.messages)."""
    lang = i18n.active()
    if isinstance(exc, ReadError):
        return f"{Path(exc.path).name}: {reasons.text(exc.reason, lang)}"
    return messages.text(exc, lang)


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
