"""casedb.store.write_lock: under ``waiting_writes`` a write waits for another program holding
SQLite's write lock (a real second sqlite3 connection in BEGIN IMMEDIATE), telling its progress,
and completes once the lock is released; cancelled or past its limit it writes nothing and says
why, naming the database. Outside ``waiting_writes`` nothing changes."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from casedb import messages
from casedb.cases.records import create_case
from casedb.models import Case
from casedb.progress import Cancelled
from casedb.store.write_lock import WriteLockGivenUp, waiting_writes


class Watch:
    """A progress that records each ``waiting`` report and may cancel."""

    def __init__(self):
        self.waited: list[float] = []
        self.first = threading.Event()
        self.stop = threading.Event()

    def report(self, done, total):
        pass

    def raise_if_cancelled(self):
        if self.stop.is_set():
            raise Cancelled()

    def waiting(self, seconds):
        self.waited.append(seconds)
        self.first.set()


def _write_in_thread(db, progress, ref, limit_s=600.0):
    outcome = {}

    def run():
        try:
            with waiting_writes(progress, limit_s):
                outcome["case"] = create_case(db, ref, "waited for the lock")
        except Exception as exc:  # noqa: BLE001 - looked at by the test
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _cases(db) -> set[str]:
    with db.read() as s:
        return {c.case_ref for c in s.query(Case)}


@pytest.fixture
def holder(sqlite_db):
    conn = sqlite3.connect(sqlite_db.sqlite_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")  # another program writing, holding the lock
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def test_a_write_waits_with_progress_and_completes_once_the_lock_is_released(sqlite_db, holder):
    watch = Watch()
    thread, outcome = _write_in_thread(sqlite_db, watch, "W-1")
    assert watch.first.wait(30)  # told it waits, while the other program still holds the lock
    assert thread.is_alive() and "W-1" not in _cases(sqlite_db)
    holder.execute("COMMIT")
    thread.join(30)
    assert not thread.is_alive() and "error" not in outcome
    assert "W-1" in _cases(sqlite_db)
    assert watch.waited == sorted(watch.waited) and watch.waited[0] > 0


def test_a_cancelled_wait_writes_nothing_and_names_the_database(sqlite_db, holder):
    watch = Watch()
    thread, outcome = _write_in_thread(sqlite_db, watch, "W-2")
    assert watch.first.wait(30)
    watch.stop.set()
    thread.join(30)
    holder.execute("COMMIT")
    exc = outcome["error"]
    assert isinstance(exc, WriteLockGivenUp)
    assert str(sqlite_db.sqlite_path) in str(exc) and "nothing was written" in str(exc)
    assert str(sqlite_db.sqlite_path) in messages.text(exc, "zh-TW")
    assert "未寫入任何資料" in messages.text(exc, "zh-TW")
    assert "W-2" not in _cases(sqlite_db)


def test_past_its_limit_a_write_gives_up_saying_so(sqlite_db, holder):
    watch = Watch()
    thread, outcome = _write_in_thread(sqlite_db, watch, "W-3", limit_s=0.5)
    thread.join(30)
    exc = outcome["error"]
    assert isinstance(exc, WriteLockGivenUp) and exc.message_key == "write_lock_limit"
    assert str(sqlite_db.sqlite_path) in str(exc)
    assert watch.waited and not watch.stop.is_set()
    holder.execute("COMMIT")
    assert "W-3" not in _cases(sqlite_db)


def test_in_a_reading_job_only_a_block_that_says_it_writes_waits(sqlite_db, holder, tmp_path):
    from casedb.models import AuditEntry
    from casedb.store.audit import record_export

    watch = Watch()
    outcome = {}

    def run():
        with waiting_writes(watch, every=False):
            with sqlite_db.begin() as s:  # a read in a block: no lock taken, no wait
                outcome["cases"] = s.query(Case).count()
            outcome["read_waited"] = list(watch.waited)
            record_export(sqlite_db, "table", tmp_path / "t.csv", detail="3 cases")

    thread = threading.Thread(target=run)
    thread.start()
    assert watch.first.wait(30)  # the export's audit entry waits for the lock
    assert outcome["read_waited"] == [] and outcome["cases"] == 0
    holder.execute("COMMIT")
    thread.join(30)
    with sqlite_db.read() as s:
        assert s.query(AuditEntry).filter(AuditEntry.action == "export").count() == 1


def test_a_block_inside_another_does_not_wait_for_its_own_thread(sqlite_db):
    watch = Watch()
    with waiting_writes(watch), sqlite_db.begin(), sqlite_db.begin() as inner:
        inner.connection()  # the outer block holds the lock; the inner one takes nothing
    assert watch.waited == []


def test_outside_waiting_writes_sqlite_keeps_its_busy_timeout(sqlite_db, holder):
    sqlite_db.engine.dispose()
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    holder.execute("COMMIT")
    create_case(sqlite_db, "W-4", "no waiting needed")
    assert "W-4" in _cases(sqlite_db)


# PostgreSQL: another transaction holds the case's row (SELECT ... FOR UPDATE, as an edit does).

@pytest.fixture
def row_holder(db):
    create_case(db, "P-1", "held by another analyst")
    conn = db.engine.connect()
    conn.exec_driver_sql("SELECT 1 FROM \"case\" WHERE case_ref = 'P-1' FOR UPDATE")
    yield conn
    conn.rollback()
    conn.close()


def _edit_in_thread(db, progress):
    from casedb.cases.records import edit_case

    outcome = {}

    def run():
        try:
            with waiting_writes(progress):
                outcome["write"] = edit_case(db, "P-1", {"title": "mine"}, expected_version=None)
        except Exception as exc:  # noqa: BLE001 - looked at by the test
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _title(db) -> str:
    with db.read() as s:
        return s.query(Case.title).filter(Case.case_ref == "P-1").scalar()


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_on_postgresql_a_blocked_write_is_said_and_completes_when_released(db, row_holder):
    watch = Watch()
    thread, outcome = _edit_in_thread(db, watch)
    assert watch.first.wait(30)  # said once blocked for more than a second
    assert thread.is_alive() and watch.waited[0] >= 1.0
    row_holder.rollback()
    thread.join(30)
    assert not thread.is_alive() and "error" not in outcome
    assert _title(db) == "mine"


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_on_postgresql_a_blocked_write_cancelled_writes_nothing(db, row_holder):
    watch = Watch()
    thread, outcome = _edit_in_thread(db, watch)
    assert watch.first.wait(30)
    watch.stop.set()
    thread.join(30)
    assert not thread.is_alive()
    exc = outcome["error"]
    assert isinstance(exc, WriteLockGivenUp) and "nothing was written" in str(exc)
    assert db.display_name() in str(exc)
    row_holder.rollback()
    assert _title(db) == "held by another analyst"
