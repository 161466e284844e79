"""The entity review queue as a window: candidates loaded and decisions written in jobs; each
decision done goes on the window's undo stack (Edit > Undo / Redo, app/actions/entity_undo.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QVBoxLayout

from casedb.changes import PARTIES, ChangeSet
from casedb.parties import resolution as entities
from widgets.entity_review import EntityReview

from . import entity_undo


class EntityReviewFlow:
    def __init__(self, window):
        self.window = window
        self.dialog = QDialog(window)
        self.dialog.setWindowTitle(QCoreApplication.translate("EntityReviewFlow", "Entity review"))
        self.dialog.resize(1100, 500)
        self.review = EntityReview(self.dialog)
        QVBoxLayout(self.dialog).addWidget(self.review)
        self.review.merge_requested.connect(self._on_review_merge_requested)
        self.review.reject_requested.connect(self._on_review_reject_requested)
        self.review.names_requested.connect(self._on_review_names_requested)
        self.review.split_requested.connect(self._on_review_split_requested)
        window.company.connect_review(self.review)  # a double-clicked party opens as itself
        self.dialog._flow = self
        window.changed.connect(self._on_window_changed)
        self.dialog.finished.connect(lambda _r: window.changed.disconnect(self._on_window_changed))
        self.reload()

    def reload(self):
        job = self.window.jobs.submit(entities.candidates, self.window.db)
        job.signals.succeeded.connect(self.review.show_candidates)
        return job

    def _on_review_merge_requested(self, keep: int, other: int, reason: str) -> None:
        names = self._names_of(keep, other)
        job = self.window.jobs.submit(entities.merge, self.window.db, keep, other, reason,
                                     writes=True)
        job.signals.succeeded.connect(self._on_decided)
        job.signals.succeeded.connect(
            lambda _c: entity_undo.push(self.window, "merge", keep, names))

    def _on_review_reject_requested(self, a: int, b: int, reason: str) -> None:
        names = self._names_of(a, b)
        job = self.window.jobs.submit(entities.reject, self.window.db, a, b, reason, writes=True)
        job.signals.succeeded.connect(self._on_decided)
        job.signals.succeeded.connect(lambda _c: entity_undo.push(self.window, "reject", a, names))

    def _names_of(self, a: int, b: int) -> tuple[str, ...]:
        c = self.review.current()
        if c is not None and {c.left_id, c.right_id} == {a, b}:
            return (c.left_name, c.right_name)
        return ()

    def _on_review_names_requested(self, party_ids: list) -> None:
        job = self.window.jobs.submit(_names, self.window.db, party_ids)
        job.signals.succeeded.connect(self.review.show_names)

    def _on_review_split_requested(self, party_id: int, raw: str, reason: str) -> None:
        job = self.window.jobs.submit(_split, self.window.db, party_id, raw, reason, writes=True)
        job.signals.succeeded.connect(self._on_decided)
        job.signals.succeeded.connect(
            lambda _c: entity_undo.push(self.window, "split", party_id, (raw,)))

    def _on_decided(self, changes: ChangeSet) -> None:
        self.window.publish(changes)  # the queue reloads with every other view

    def _on_window_changed(self, changes: ChangeSet) -> None:
        if changes.touches(PARTIES):
            self.reload()


def _names(db, party_ids):
    return list(party_ids), entities.name_variants(db, party_ids)


def _split(db, party_id, raw, reason) -> ChangeSet:
    new = entities.split(db, party_id, raw, reason=reason)
    return ChangeSet.of(party_ids=(party_id, new))


def open_entity_review(window) -> EntityReviewFlow:
    flow = EntityReviewFlow(window)
    flow.dialog.show()
    return flow
