"""A write from the workstation while another program holds SQLite's write lock (a real second
sqlite3 connection in BEGIN IMMEDIATE): the status bar says it waits, with the seconds and a
Cancel button; the write completes once the lock is released and the views refresh; cancelled,
nothing is written and the investigator is told why, naming the database. On a copy of the
demo database."""

from __future__ import annotations

import sqlite3

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtCore import Qt
from sqlalchemy import select

from casedb.cases import records as cases
from casedb.models import Party

REF = TRUTH["cases"][0]


@pytest.fixture
def window(qtbot, demo_db, tmp_path, boxes):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    yield w
    close_window(w)


@pytest.fixture
def holder(window):
    """Another program writing to the window's database, holding the write lock."""
    conn = sqlite3.connect(window.db.sqlite_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def _waiting_text(indicator) -> str:
    return indicator.tr("Another program is writing to the case database: waiting for it to "
                        "finish (%1 s). You can cancel.").split("(")[0]


def _wait_for_the_indicator(qtbot, window):
    indicator = window.write_wait.indicator
    qtbot.waitUntil(lambda: indicator.isVisible()
                    and indicator.label.text().startswith(_waiting_text(indicator))
                    and " s)" in indicator.label.text(), timeout=WAIT_MS)
    assert indicator.cancel.isEnabled()
    return indicator


def _edit_status(qtbot, window, status: str) -> None:
    open_case(qtbot, window, REF)
    form = window.case_management.edit_case()
    form.status.setCurrentIndex(form.status.findData(status))
    form.reason.setText("sent to the prosecutor")
    form.accept()


def test_a_case_edit_waits_for_another_writer_then_saves_and_shows(qtbot, window, holder, boxes):
    assert cases.get_case(window.db, REF).status == "open"
    _edit_status(qtbot, window, "referred")
    indicator = _wait_for_the_indicator(qtbot, window)
    assert cases.get_case(window.db, REF).status == "open"  # not written while locked
    holder.execute("COMMIT")  # the other program has finished
    qtbot.waitUntil(lambda: cases.get_case(window.db, REF).status == "referred", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.case_view.status_label.text() == "Referred to prosecutor",
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=WAIT_MS)
    assert boxes.shown == []


def test_an_entity_merge_waits_for_another_writer_then_the_queue_reloads(qtbot, window,
                                                                         holder):
    from app.actions.entity_review import open_entity_review

    flow = open_entity_review(window)
    review = flow.review
    qtbot.waitUntil(lambda: review.table.rowCount() > 0, timeout=60_000)
    c = review.current()
    keep, other = c.left_id, c.right_id
    review.reason.setText("same phone and address")
    qtbot.mouseClick(review.merge_button, Qt.MouseButton.LeftButton)
    indicator = _wait_for_the_indicator(qtbot, window)
    assert _party_exists(window.db, other)  # not merged while locked
    holder.execute("COMMIT")
    qtbot.waitUntil(lambda: not _party_exists(window.db, other), timeout=WAIT_MS)
    assert _party_exists(window.db, keep)
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: other not in _queued(review), timeout=WAIT_MS)  # the queue reloaded


def test_a_cancelled_wait_writes_nothing_and_says_why(qtbot, window, holder, boxes):
    _edit_status(qtbot, window, "referred")
    indicator = _wait_for_the_indicator(qtbot, window)
    qtbot.mouseClick(indicator.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=WAIT_MS)
    [(_title, said)] = boxes.shown
    path = str(window.db.sqlite_path)
    assert path in said and "nothing was written" in said
    assert "stopped waiting for another program" in said
    assert path in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=WAIT_MS)
    holder.execute("COMMIT")  # the other program finishes: the cancelled edit stays unsaved
    window.jobs.wait(WAIT_MS)
    assert cases.get_case(window.db, REF).status == "open"
    assert not window.case_management.undo_stack.canUndo()


def _party_exists(db, pid: int) -> bool:
    with db.read() as s:
        return s.scalar(select(Party.id).where(Party.id == pid)) is not None


def _queued(review) -> set[int]:
    ids = set()
    for row in range(review.table.rowCount()):
        review.table.selectRow(row)
        c = review.current()
        if c is not None:
            ids |= {c.left_id, c.right_id}
    return ids


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_on_postgresql_a_case_edit_blocked_by_another_transaction_shows_the_wait(qtbot, db,
                                                                                 boxes):
    from app.main_window import MainWindow
    from app.settings import Settings

    cases.create_case(db, "PG-1", "held by another analyst")
    w = MainWindow(db, Settings())
    qtbot.addWidget(w)
    w.show()
    other = db.engine.connect()  # another analyst's transaction holding the case's row
    try:
        other.exec_driver_sql("SELECT 1 FROM \"case\" WHERE case_ref = 'PG-1' FOR UPDATE")
        open_case(qtbot, w, "PG-1")
        form = w.case_management.edit_case()
        form.lead.setText("Insp. Wu")
        form.accept()
        indicator = _wait_for_the_indicator(qtbot, w)
        assert cases.get_case(db, "PG-1").lead_officer != "Insp. Wu"
        other.rollback()
        qtbot.waitUntil(lambda: cases.get_case(db, "PG-1").lead_officer == "Insp. Wu",
                        timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=WAIT_MS)
        assert boxes.shown == []
    finally:
        other.rollback()
        other.close()
        w.jobs.cancel_all()
        assert w.jobs.wait(30_000)
