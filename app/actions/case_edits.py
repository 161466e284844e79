"""Changes asked for in the case view (note edits, attachments) and its dossier button: casedb
calls in jobs (writes on the writer pool), the case reloaded after each change, every failure
shown to the user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox

from casedb import messages
from casedb.cases import attachments
from casedb.cases import records as cases
from casedb.changes import ATTACHMENTS, NOTES, ChangeSet
from casedb.errors import CaseDbError, ConflictError, NotFound, ReadError

from .. import i18n
from ..jobs import Job


class CaseEdits:
    """Owns the connections between ``window.case_view`` and casedb (one per window)."""

    def __init__(self, window):
        self.window = window
        view = window.case_view
        view.add_note_requested.connect(self._on_view_add_note_requested)
        view.edit_note_requested.connect(self._on_view_edit_note_requested)
        view.add_attachment_requested.connect(self._on_view_add_attachment_requested)
        view.save_attachment_requested.connect(self._on_view_save_attachment_requested)
        view.remove_attachment_requested.connect(self._on_view_remove_attachment_requested)
        view.dossier_requested.connect(self._on_view_dossier_requested)

    @property
    def db(self):
        return self.window.db

    def _submit(self, fn, *args, writes: bool, succeeded, failed=None) -> Job:
        """Run ``fn(db, *args)`` in a job, connected before it starts: a quick job could
        otherwise finish (and signal) before anything is listening."""
        job = Job(fn, self.db, *args)
        job.signals.succeeded.connect(succeeded)
        job.signals.failed.connect(failed or self._failed)
        return self.window.jobs.start(job, writes=writes)

    def _on_view_add_note_requested(self, case_ref: str, body: str) -> None:
        done = QCoreApplication.translate("CaseEdits", "Note saved")
        self._submit(_add_note, case_ref, body, writes=True,
                     succeeded=lambda changes: self._changed(changes, done))

    def _on_view_edit_note_requested(self, note_id: int, version: int, body: str) -> None:
        ref = self.window.case_view.case_ref
        done = QCoreApplication.translate("CaseEdits", "Note saved")
        self._submit(_edit_note, ref, note_id, version, body, writes=True,
                     succeeded=lambda changes: self._changed(changes, done),
                     failed=lambda exc: self._note_failed(ref, note_id, body, exc))

    def _on_view_add_attachment_requested(self, case_ref: str, path: str,
                                          description: str) -> None:
        done = QCoreApplication.translate("CaseEdits", "Attached %1").replace(
            "%1", Path(path).name)
        self._submit(_add_attachment, case_ref, path, description, writes=True,
                     succeeded=lambda changes: self._changed(changes, done))

    def _on_view_save_attachment_requested(self, attachment_id: int, path: str) -> None:
        done = QCoreApplication.translate("CaseEdits", "Saved %1")
        self._submit(_save_attachment, attachment_id, path, writes=False,  # a database read
                     succeeded=lambda out: self.window.statusBar().showMessage(
                         done.replace("%1", out), 8000))

    def _on_view_remove_attachment_requested(self, attachment_id: int, reason: str) -> None:
        done = QCoreApplication.translate("CaseEdits", "Attachment removed")
        self._submit(attachments.remove_attachment, attachment_id, reason, writes=True,
                     succeeded=lambda changes: self._changed(changes, done))

    def _on_view_dossier_requested(self, _case_ref: str) -> None:
        from . import dossier  # reportlab and the charts: imported when first asked for

        dossier.export_dossier(self.window)

    def _changed(self, changes: ChangeSet, message: str) -> None:
        self.window.publish(changes)  # the open case reloads if it is the one changed
        self.window.statusBar().showMessage(message, 6000)

    def _reload(self, case_ref: str) -> None:
        if case_ref and self.window.case_view.case_ref == case_ref:  # not if another is open now
            self.window.open_case(case_ref)

    def _note_failed(self, case_ref: str, note_id: int, body: str, exc: BaseException) -> None:
        if not isinstance(exc, ConflictError):
            if self.window.case_view.case_ref == case_ref:
                self.window.case_view.begin_note_edit(note_id, body)  # to try again
            self._failed(exc)
            return
        # Show the current text, keep the investigator's in the editor against the new version.
        self._reload(case_ref)
        self.window.case_view.begin_note_edit(note_id, body)
        QMessageBox.warning(
            self.window, QCoreApplication.translate("CaseEdits", "Note not saved"),
            QCoreApplication.translate(
                "CaseEdits",
                "Someone else changed this note since you opened it. The case has been "
                "reloaded: compare their text in the list with yours in the editor, then save "
                "again or cancel."))

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self.window, QCoreApplication.translate("CaseEdits", "Case"),
                            _message(exc))


def said(exc: BaseException) -> str:
    """What a casedb error says, in the workstation's language (casedb.messages)."""
    return messages.text(exc, i18n.active())


def _message(exc: BaseException) -> str:
    """The failure as the user reads it (casedb's errors carry facts: casedb.messages words
    them in the user's language)."""
    size = QLocale().formattedDataSize
    if isinstance(exc, attachments.AttachmentTooLarge):
        return QCoreApplication.translate(
            "CaseEdits", "%1 is too large to attach (%2; the limit is %3).").replace(
            "%1", exc.file_name).replace("%2", size(exc.size)).replace("%3", size(exc.limit))
    if isinstance(exc, ConflictError):
        return QCoreApplication.translate(
            "CaseEdits", "Someone else changed this since you opened it; nothing was saved. "
            "Refresh the case and try again.")
    if isinstance(exc, ReadError):
        return QCoreApplication.translate("CaseEdits", "Cannot read %1: %2").replace(
            "%1", exc.path).replace("%2", exc.reason)
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "CaseEdits", "It no longer exists (someone else may have removed it): %1").replace(
            "%1", said(exc))
    if isinstance(exc, CaseDbError):
        return said(exc)
    return QCoreApplication.translate("CaseEdits", "The change could not be made: %1").replace(
        "%1", str(exc))


def _add_note(db, case_ref, body) -> ChangeSet:
    cases.add_note(db, case_ref, body)
    return ChangeSet.of_case(case_ref, NOTES)


def _edit_note(db, case_ref, note_id, version, body) -> ChangeSet:
    cases.edit_note(db, note_id, version, body)
    return ChangeSet.of_case(case_ref, NOTES)


def _add_attachment(db, case_ref, path, description) -> ChangeSet:
    attachments.add_attachment(db, case_ref, path, description)
    return ChangeSet.of_case(case_ref, ATTACHMENTS)


def _save_attachment(db, attachment_id, path) -> str:
    return str(attachments.save_attachment(db, attachment_id, path))


def connect_case_view(window) -> CaseEdits:
    """Wire ``window.case_view``'s edit signals to casedb; calling it again changes nothing."""
    edits = getattr(window, "_case_edits", None)
    if edits is None:
        edits = CaseEdits(window)
        window._case_edits = edits
    return edits
