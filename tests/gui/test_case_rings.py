"""A split-shipment ring into a case, on a copy of the demo database: "Add to the open case"
adds the ring's declarations (and is undone like every case write); "Open as a new case" on a
ring whose declarations are partly in a case says so and offers to add the rest there."""

from __future__ import annotations

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from sqlalchemy import func, select

from casedb.cases import records as cases
from casedb.cases.members import held_by_cases
from casedb.models import Case, Seizure

REF = TRUTH["cases"][0]


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    yield w
    close_window(w)


def _held(db, ref: str) -> set[int]:
    with db.read() as s:
        cid = cases.case_id(s, ref)
        return set(s.scalars(select(Seizure.declaration_id).where(Seizure.case_id == cid)))


def _rings(qtbot, w):
    dock = w.analysis
    w.analysis_actions.refresh_splits()
    qtbot.waitUntil(lambda: len(dock.shown_rings) > 0, timeout=60_000)
    dock.tabs.setCurrentWidget(dock.splits)
    return dock


def _ring_row(dock, db) -> int:
    """A ring with declarations outside the case."""
    return next(i for i, r in enumerate(dock.shown_rings)
                if set(r.declaration_ids) - _held(db, REF))


def test_a_ring_added_to_the_open_case_then_undone(qtbot, window):
    open_case(qtbot, window, REF)
    dock = _rings(qtbot, window)
    before = _held(window.db, REF)
    row = _ring_row(dock, window.db)
    ring = set(dock.shown_rings[row].declaration_ids)
    dock.splits.select_ring(row)
    dock.splits.add_case_button.click()
    picker = window.case_management.dialog
    assert picker.case_ref() == REF
    picker.accept()
    qtbot.waitUntil(lambda: ring <= _held(window.db, REF), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.case_management.undo_stack.canUndo(), timeout=WAIT_MS)
    window.case_management.undo()
    qtbot.waitUntil(lambda: _held(window.db, REF) == before, timeout=WAIT_MS)


def test_open_as_case_warns_when_declarations_are_in_a_case_and_adds_the_rest(qtbot, window):
    open_case(qtbot, window, REF)
    dock = _rings(qtbot, window)
    row = _ring_row(dock, window.db)
    ring = list(dock.shown_rings[row].declaration_ids)
    held = held_by_cases(window.db, ring)
    if not held:  # the demo plants rings as cases; if this one is in none, put one in REF
        window.case_management.add_to(REF, ring[:1], "seen first")
        qtbot.waitUntil(lambda: ring[0] in _held(window.db, REF), timeout=WAIT_MS)
        held = held_by_cases(window.db, ring)
    first = max(held, key=lambda ref: len(held[ref]))
    assert len(held[first]) < len(ring)
    with window.db.read() as s:
        n_cases = s.scalar(select(func.count()).select_from(Case))
    dock.splits.select_ring(row)
    dock.splits.new_case_button.click()
    qtbot.waitUntil(lambda: window._ring_cases.question is not None, timeout=WAIT_MS)
    box = window._ring_cases.question
    assert f"{first}: {len(held[first])} of its {len(ring)} declarations" in box.text()
    add = next(b for b in box.buttons() if b.text().replace("&", "") == f"Add to {first}")
    add.click()
    qtbot.waitUntil(lambda: set(ring) <= _held(window.db, first), timeout=WAIT_MS)
    with window.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == n_cases  # no new case
