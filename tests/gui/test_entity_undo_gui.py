"""Entity decisions undone and redone from the Edit menu, on a copy of the demo database: two
parties merged in the review queue, Edit > Undo brings the second party back with its names,
declarations and identifiers, Edit > Redo merges them again; the database checked each time, the
audit log saying who undid and redid it."""

from __future__ import annotations

import pytest
from case_window import WAIT_MS, close_window, copy_demo, open_window
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from casedb.models import AuditEntry, DeclarationParty, Party, PartyName


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    yield w
    close_window(w)


def _party(db, pid: int) -> tuple:
    """Whether the party exists, and how many names and declaration links it holds."""
    with db.read() as s:
        return (s.get(Party, pid) is not None,
                s.scalar(select(func.count()).select_from(PartyName)
                         .where(PartyName.party_id == pid)),
                s.scalar(select(func.count()).select_from(DeclarationParty)
                         .where(DeclarationParty.party_id == pid)))


def _edit_action(window, n: int):
    return window.edit_menu.actions()[n]  # 0: Undo, 1: Redo


def test_a_merge_in_the_review_queue_undone_and_redone_from_the_edit_menu(qtbot, window):
    from app.actions.entity_review import open_entity_review

    flow = open_entity_review(window)
    review = flow.review
    qtbot.waitUntil(lambda: review.table.rowCount() > 0, timeout=60_000)
    c = review.current()
    keep, other = c.left_id, c.right_id
    before = {keep: _party(window.db, keep), other: _party(window.db, other)}
    assert before[other][0]
    review.reason.setText("same phone and address")
    qtbot.mouseClick(review.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _party(window.db, other)[0], timeout=WAIT_MS)
    merged = _party(window.db, keep)
    assert merged[1:] == (before[keep][1] + before[other][1], before[keep][2] + before[other][2])
    undo, redo = _edit_action(window, 0), _edit_action(window, 1)
    qtbot.waitUntil(undo.isEnabled, timeout=WAIT_MS)
    assert c.left_name in undo.text() and c.right_name in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: _party(window.db, other) == before[other], timeout=WAIT_MS)
    assert _party(window.db, keep) == before[keep]
    assert redo.isEnabled()
    redo.trigger()

    def actions() -> set:
        with window.db.read() as s:
            return {(e.action, e.actor) for e in s.scalars(select(AuditEntry).where(
                AuditEntry.entity == "party", AuditEntry.entity_id == keep,
                AuditEntry.action.in_(("undo", "redo", "unmerge"))))}

    qtbot.waitUntil(lambda: ("redo", "officer.chen") in actions(), timeout=WAIT_MS)  # the job done
    assert not _party(window.db, other)[0] and _party(window.db, keep) == merged
    assert actions() == {("unmerge", "officer.chen"), ("undo", "officer.chen"),
                         ("redo", "officer.chen")}
    undo.trigger()  # and back once more: the merge made again is undone like the first
    qtbot.waitUntil(lambda: _party(window.db, other) == before[other], timeout=WAIT_MS)
    # the queue shows the pair again once the views have refreshed
    qtbot.waitUntil(lambda: any({x.left_id, x.right_id} == {keep, other}
                                for x in review._candidates), timeout=60_000)


def test_a_decision_undone_from_the_company_view_is_made_again_by_edit_undo(qtbot, window):
    from casedb.parties import resolution as entities

    with window.db.read() as s:
        keep, other = s.scalars(select(Party.id).order_by(Party.id).limit(2)).all()
    before = _party(window.db, other)
    window.publish(entities.merge(window.db, keep, other, "same company, two spellings"))
    window.company.open_party(keep)
    view = window.company.view
    qtbot.waitUntil(lambda: view.party is not None and view.party.id == keep, timeout=WAIT_MS)
    view.undo_button.click()
    qtbot.waitUntil(lambda: _party(window.db, other) == before, timeout=WAIT_MS)
    undo = _edit_action(window, 0)
    qtbot.waitUntil(undo.isEnabled, timeout=WAIT_MS)
    assert view.party.display_name in undo.text()
    undo.trigger()  # the undo undone: merged again
    qtbot.waitUntil(lambda: not _party(window.db, other)[0], timeout=WAIT_MS)
    _edit_action(window, 1).trigger()  # and Redo undoes it again
    qtbot.waitUntil(lambda: _party(window.db, other) == before, timeout=WAIT_MS)
