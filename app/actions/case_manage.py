"""Case management from the workstation: a new case, a case's fields edited, declarations added
(from the browser, a ring, search results, the company view) and removed, two cases merged, a
declaration's source rows shown. Writes run in jobs on the writer pool; each one done is pushed
on the window's undo stack (undone with casedb.cases.undo, redone by writing it again); a stale write
(someone else changed the case) is shown to the user, never saved over."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox

from casedb.cases import members as case_members
from casedb.cases import records as cases
from casedb.cases import undo
from casedb.errors import ConflictError
from casedb.evidence import trail as evidence
from widgets.case_form import CaseForm
from widgets.case_picker import CasePicker
from widgets.evidence_view import EvidenceView

from ..jobs import Job
from .case_edits import _message, said

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

log = logging.getLogger(__name__)



class _Write(QUndoCommand):
    """A case write done: undo reverts the case's last change (casedb.cases.undo), redo writes it
    again. The first redo (Qt calls it on push) is the write already done."""

    def __init__(self, manager: CaseManagement, text: str, case_ref: str, write):
        super().__init__(text)
        self.manager, self.case_ref, self.write = manager, case_ref, write
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        done = translate("CaseManagement", "Redone: %1").replace("%1", self.text())
        self.manager.run(self.write, done=done)

    def undo(self) -> None:
        self.manager.run(_undo_case, self.case_ref,
                         done=translate("CaseManagement", "Undone: %1").replace("%1", self.text()))


class CaseManagement:
    """One per window (``connect(window)``): owns the dialogs, the undo stack and the wiring of
    the case view's requests."""

    def __init__(self, window):
        self.window = window
        self.undo_stack = QUndoStack(window)
        self.dialog = None  # the form or picker open, if any (tests fill and accept it)
        self.evidence_view = None
        view = window.case_view
        view.edit_requested.connect(self.edit_case)
        view.remove_requested.connect(self.remove_declarations)
        view.evidence_requested.connect(self.show_evidence)
        view.case_shown.connect(self._on_view_case_shown)
        view.linked_requested.connect(self.load_linked)

    @property
    def db(self):
        return self.window.db

    def run(self, fn, *args, done: str = "", succeeded=None, failed=None) -> Job:
        """``fn(db, *args)`` in a write job; its ChangeSet (or a CaseWrite's) published."""
        job = Job(fn, self.db, *args)
        job.signals.succeeded.connect(lambda out: self._written(out, done, succeeded))
        job.signals.failed.connect(failed or self._failed)
        return self.window.jobs.start(job, writes=True)

    def _written(self, out, done: str, then) -> None:
        changes = getattr(out, "changes", out)
        self.window.publish(changes)
        if done:
            self.window.statusBar().showMessage(done, 8000)
        if then is not None:
            then(out)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            self.window.refresh()  # show what the other writer saved
            QMessageBox.warning(self.window,
                                translate("CaseManagement",
                                          "Not saved: someone else changed the case"),
                                translate("CaseManagement",
                                          "Someone else changed this case since you opened "
                                          "it, so your change was not saved. The case has been "
                                          "reloaded; look at their change and make yours "
                                          "again.\n\n%1")
                                .replace("%1", said(exc)))
            return
        QMessageBox.warning(self.window, translate("CaseManagement", "Case"), _message(exc))

    def _push(self, text: str, case_ref: str, write) -> None:
        self.undo_stack.push(_Write(self, text, case_ref, write))

    # -- a new case, a case edited -------------------------------------------------------------
    def new_case(self) -> CaseForm:
        form = CaseForm(self.window)
        form.accepted.connect(lambda: self._create(form))
        self._open(form)
        return form

    def _create(self, form: CaseForm) -> None:
        ref, values, reason = form.case_ref(), form.changes(), form.reason_text()
        self.run(_new_case, ref, reason, values,
                 done=translate("CaseManagement", "Case %1 created").replace("%1", ref),
                 succeeded=lambda _w: self.window.open_case(ref))

    def edit_case(self, case_ref: str = "") -> CaseForm | None:
        record = self.window.case_view.record
        if record is None or (case_ref and record.case_ref != case_ref):
            return None
        form = CaseForm(self.window, record)
        form.accepted.connect(lambda: self._edit(form))
        self._open(form)
        return form

    def _edit(self, form: CaseForm) -> None:
        ref, changes, reason = form.record.case_ref, form.changes(), form.reason_text()
        if not changes:
            return
        text = translate("CaseManagement", "Edit %1").replace("%1", ref)
        self.run(_edit_case, ref, changes, form.record.version, reason,
                 done=translate("CaseManagement", "Case %1 saved").replace("%1", ref),
                 succeeded=lambda _w: self._push(
                     text, ref, _Again(_edit_case, ref, changes, None, reason)))

    # -- declarations in and out, merging ------------------------------------------------------
    def add_declarations(self, declaration_ids: list[int]) -> CasePicker | None:
        """Ask which case (the open one first) and why, then add the declarations."""
        ids = list(declaration_ids)
        if not ids:
            return None
        picker = CasePicker(self.window, translate("CaseManagement", "Add to case"),
                            translate("CaseManagement", "Add %1 declaration(s) to:")
                            .replace("%1", str(len(ids))),
                            _open_cases(self.db), self.window.open_case_ref, declarations=ids)
        picker.accepted.connect(lambda: self.add_to(picker.case_ref(), _quantities(picker, ids),
                                                    picker.reason_text()))
        if len(ids) > 1:  # their numbers and weights beside the quantities asked
            job = Job(case_members.declaration_facts, self.db, ids)
            job.signals.succeeded.connect(picker.show_declarations)
            self.window.jobs.start(job)
        self._open(picker)
        return picker

    def add_to(self, case_ref: str, ids, reason: str = "") -> Job:
        """Add declarations (ids, or a dict of id -> kg seized) to a case."""
        text = translate("CaseManagement", "Add %1 declaration(s) to %2").replace(
            "%1", str(len(ids))).replace("%2", case_ref)
        return self.run(_add, case_ref, ids, reason, done=text,
                        succeeded=lambda w: self._push(text, case_ref,
                                                       _Again(_add, case_ref, ids, reason))
                        if w else self._nothing_added(case_ref))

    def _nothing_added(self, case_ref: str) -> None:
        self.window.statusBar().showMessage(
            translate("CaseManagement", "Case %1 holds those declarations already")
            .replace("%1", case_ref), 8000)

    def remove_declarations(self, case_ref: str, ids: list[int]) -> Job:
        text = translate("CaseManagement", "Remove %1 declaration(s) from %2").replace(
            "%1", str(len(ids))).replace("%2", case_ref)
        reason = translate("CaseManagement", "removed in the case view")
        return self.run(_remove, case_ref, list(ids), reason, done=text,
                        succeeded=lambda _w: self._push(
                            text, case_ref, _Again(_remove, case_ref, list(ids), reason)))

    def merge_into_open_case(self) -> CasePicker | None:
        keep = self.window.open_case_ref
        if not keep:
            self.window.statusBar().showMessage(
                translate("CaseManagement",
                          "Open the case to keep first, then merge another into it."), 8000)
            return None
        others = [c for c in _open_cases(self.db) if c[0] != keep]
        picker = CasePicker(self.window, translate("CaseManagement", "Merge cases"),
                            translate("CaseManagement",
                                      "Merge the case chosen into %1 (it is closed and its "
                                      "declarations move over):").replace("%1", keep), others)
        picker.accepted.connect(lambda: self.merge(keep, picker.case_ref(), picker.reason_text()))
        self._open(picker)
        return picker

    def merge(self, keep: str, other: str, reason: str = "") -> Job:
        text = translate("CaseManagement", "Merge %1 into %2").replace("%1", other).replace(
            "%2", keep)
        return self.run(_merge, keep, other, reason, done=text,
                        succeeded=lambda _w: self._push(text, keep,
                                                        _Again(_merge, keep, other, reason)))

    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    # -- the evidence trail --------------------------------------------------------------------
    def show_evidence(self, declaration_id: int) -> Job:
        job = Job(evidence.declaration_evidence, self.db, declaration_id)
        job.signals.succeeded.connect(self._on_evidence_loaded)
        job.signals.failed.connect(self._failed)
        return self.window.jobs.start(job)

    def _on_evidence_loaded(self, ev) -> None:
        if self.evidence_view is None:
            self.evidence_view = EvidenceView(self.window)
        self.evidence_view.show_evidence(ev)
        self.evidence_view.show()

    def _on_view_case_shown(self, case_ref: str) -> None:
        ids = [d.id for d in _declarations_shown(self.window.case_view)]
        job = Job(evidence.sources_of, self.db, ids)
        job.signals.succeeded.connect(
            lambda sources: self.window.case_view.show_sources(sources)
            if self.window.case_view.case_ref == case_ref else None)
        self.window.jobs.start(job)

    def load_linked(self, case_ref: str, hops: int, weak: bool) -> Job:
        """The linked cases with titles, dates, status and who holds each shared value."""
        job = Job(_linked_rows, self.db, case_ref, hops, weak)
        job.signals.succeeded.connect(
            lambda rows: self.window.case_view.linked.show_rows(case_ref, rows)
            if rows is not None else None)
        job.signals.failed.connect(self._failed)
        return self.window.jobs.start(job)

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


class _Again:
    """A write done again on redo: ``fn(db, *args)``."""

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def __call__(self, db):
        return self.fn(db, *self.args)


def _quantities(picker: CasePicker, ids: list[int]):
    """The ids, or id -> kg seized where the picker was told any quantity."""
    if picker.quantities is not None:
        kgs = picker.kgs()
        return kgs if any(v is not None for v in kgs.values()) else ids
    return {ids[0]: picker.kg()} if picker.kg() else ids


def _declarations_shown(view):
    return view.case_file.declarations if view.case_file is not None else ()


def _open_cases(db) -> list[tuple[str, str, str]]:
    return [(c.case_ref, c.title, c.status) for c in cases.list_cases(db)
            if c.status != "closed"]


def _new_case(db, ref, reason, values):
    return case_members.new_case(db, ref, reason=reason, **values)


def _edit_case(db, ref, changes, version, reason):
    return cases.edit_case(db, ref, changes, expected_version=version, reason=reason)


def _add(db, ref, ids, reason):
    return case_members.add_to_case(db, ref, ids, reason=reason, detection_method="analysis")


def _remove(db, ref, ids, reason):
    return case_members.remove_from_case(db, ref, ids, reason=reason)


def _merge(db, keep, other, reason):
    return case_members.merge_cases(db, keep, other, reason=reason)


def _linked_rows(db, ref, hops, weak):
    try:
        from casedb.links.linked_rows import linked_rows
    except ImportError:  # not landed: the links as the case file read them stay shown
        log.warning("casedb.links.linked_rows is missing; linked cases shown without their details")
        return None
    return linked_rows(db, ref, hops=hops, weak=weak)


def _undo_case(db, ref):
    return undo.undo_last(db, "case", ref).changes


def connect(window) -> CaseManagement:
    """The window's case management (made once)."""
    manager = getattr(window, "_case_management", None)
    if manager is None:
        manager = CaseManagement(window)
        window._case_management = manager
    return manager
