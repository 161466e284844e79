"""Source grades in the case view: read with the case (every time it is shown, with the scheme
the administration grades in), written when the investigator grades a source file, note or
attachment (casedb.evidence.grading: audited), the case then reloaded."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from casedb.changes import ATTACHMENTS, NOTES, ChangeSet
from casedb.errors import CaseDbError
from casedb.evidence import grading

from ..jobs import Job

KINDS = {"note": (NOTES,), "attachment": (ATTACHMENTS,), "source_file": ()}


class CaseGrading:
    """Owns the connections between ``window.case_view.grades`` and casedb (one per window)."""

    def __init__(self, window):
        self.window = window
        view = window.case_view
        view.case_shown.connect(self._on_view_case_shown)
        view.grades.grade_requested.connect(self._on_grades_grade_requested)

    def _on_view_case_shown(self, case_ref: str) -> Job:
        view = self.window.case_view
        job = Job(_case_grades, self.window.db, view.case_file)
        job.signals.succeeded.connect(
            lambda found: view.grades.show_grades(*found) if view.case_ref == case_ref else None)
        return self.window.jobs.start(job)

    def _on_grades_grade_requested(self, entity: str, key, grade: str, scheme: str) -> Job:
        ref = self.window.case_view.case_ref
        job = Job(_set_grade, self.window.db, ref, entity, key, grade, scheme)
        job.signals.succeeded.connect(self._on_job_succeeded)
        job.signals.failed.connect(self._on_job_failed)
        return self.window.jobs.start(job, writes=True)

    def _on_job_succeeded(self, done) -> None:
        changes, g = done
        self.window.publish(changes)  # the case reloads, with its grades
        self.window.statusBar().showMessage(QCoreApplication.translate(
            "CaseGrading", "Graded %1").replace("%1", g.grade), 6000)

    def _on_job_failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, CaseDbError) else QCoreApplication.translate(
            "CaseGrading", "The grade could not be saved: %1").replace("%1", str(exc))
        QMessageBox.warning(self.window, QCoreApplication.translate("CaseGrading", "Grade"),
                            text)


def _case_grades(db, case_file) -> tuple[dict, str]:
    with db.read() as s:
        found = grading.case_grades(s, case_file)
    return found, grading.default_scheme(db)


def _set_grade(db, case_ref: str, entity: str, key, grade: str, scheme: str):
    if entity == "source_file":
        g = grading.set_source_grade(db, key, grade, scheme)
    else:
        g = grading.set_grade(db, entity, key, grade, scheme)
    return ChangeSet.of_case(case_ref, *KINDS[entity]), g


def connect(window) -> CaseGrading:
    """Wire the case view's grades to casedb; calling it again changes nothing."""
    grading_ = getattr(window, "_case_grading", None)
    if grading_ is None:
        grading_ = window._case_grading = CaseGrading(window)
    return grading_
