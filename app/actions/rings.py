"""A split-shipment ring into a case, checked first: when some of its declarations are already
in a case, "open as case" says which cases hold how many and offers to add the ring to that case
instead; "add to case" asks which case (the open one first) and is undoable like every case
write (app/actions/case_manage.py). Takes over the analysis dock's two ring requests, and fills
the rings' table with what needs the database (shared identifiers, ports, the cases holding
their declarations: casedb.analysis.ring_rows), again after every change to cases."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from casedb.analysis.ring_rows import ring_rows
from casedb.cases.members import held_by_cases
from casedb.changes import CASES

from ..jobs import Job

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class RingCases:
    def __init__(self, window, actions):
        self.window, self.actions = window, actions
        self.question: QMessageBox | None = None  # the warning open, if any
        dock = actions.dock
        _swap(dock.ring_as_case_requested, actions._on_dock_ring_as_case_requested,
              self.open_as_case)
        _swap(dock.ring_to_case_requested, actions._on_dock_ring_to_case_requested,
              self.add_to_case)
        dock.splits.rings_shown.connect(self.load_rows)
        window.changed.connect(self._on_window_changed)

    def load_rows(self, rings) -> Job | None:
        """The rows of ``rings`` (the rings in the table) in a job, then in the table."""
        if not rings:
            return None
        job = Job(ring_rows, self.window.db, list(rings))
        job.signals.succeeded.connect(self.actions.dock.splits.show_ring_rows)
        return self.window.jobs.start(job)

    def _on_window_changed(self, changes) -> None:
        if changes.touches(CASES) and self.actions.dock.shown_rings:
            self.load_rows(self.actions.dock.shown_rings)

    def _ring(self, row: int):
        return self.actions.dock.shown_rings[row]

    def add_to_case(self, row: int):
        return self.window.case_management.add_declarations(list(self._ring(row).declaration_ids))

    def open_as_case(self, row: int) -> Job:
        job = Job(held_by_cases, self.window.db, list(self._ring(row).declaration_ids))
        job.signals.succeeded.connect(lambda held: self._on_held(row, held))
        return self.window.jobs.start(job)

    def _on_held(self, row: int, held: dict) -> None:
        if not held:
            self.actions._on_dock_ring_as_case_requested(row)
            return
        ring = self._ring(row)
        first = max(held, key=lambda ref: len(held[ref]))
        where = "\n".join(translate("RingCases", "%1: %2 of its %3 declarations").replace(
            "%1", ref).replace("%2", str(len(ids))).replace("%3", str(len(ring.declaration_ids)))
            for ref, ids in held.items())
        box = QMessageBox(QMessageBox.Icon.Question,
                          translate("RingCases", "Declarations already in a case"),
                          translate("RingCases", "Some of this ring's declarations are already "
                                    "in a case:\n%1\n\nAdd the ring to %2 instead of opening a "
                                    "new case?").replace("%1", where).replace("%2", first),
                          QMessageBox.StandardButton.Cancel, self.window)
        add = box.addButton(translate("RingCases", "Add to %1").replace("%1", first),
                            QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(translate("RingCases", "New case anyway"),
                            QMessageBox.ButtonRole.ActionRole)
        box.buttonClicked.connect(lambda button: self._on_answer(row, first, button, add, new))
        self.question = box
        box.open()

    def _on_answer(self, row: int, ref: str, button, add, new) -> None:
        if button is add:
            self.window.case_management.add_to(
                ref, list(self._ring(row).declaration_ids),
                translate("RingCases", "split-shipment ring"))
        elif button is new:
            self.actions._on_dock_ring_as_case_requested(row)


def _swap(signal, old, new) -> None:
    try:
        signal.disconnect(old)
    except (RuntimeError, TypeError):
        pass  # not connected (any more)
    signal.connect(new)


def connect(window, actions) -> RingCases:
    rings = getattr(window, "_ring_cases", None)
    if rings is None:
        rings = RingCases(window, actions)
        window._ring_cases = rings
    return rings
