"""Writes the workstation's jobs make without a Database.begin() block that took SQLite's write
lock first (casedb.store.write_lock.lock_before_write): a block of a reading job that did not say
it writes, and a connection taken from the engine directly (as the schema upgrade's Alembic and
bulk loads do). Each used to wait SQLite's 10 s busy timeout without a word and fail with
"database is locked"; now it waits for another program's lock with progress and cancel, as every
other write, and completes once the lock is released. A write in a transaction already open
holds the lock and does not wait again. Another program holds the lock: a real second sqlite3
connection in BEGIN IMMEDIATE."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import insert

from casedb.cases.records import create_case
from casedb.models import Case
from casedb.store.write_lock import WriteLockGivenUp, waiting_writes
from tests.unit.casedb.test_write_lock import Watch, _cases, holder  # noqa: F401 - a fixture


def _in_thread(work, progress, *, every: bool):
    outcome = {}

    def run():
        try:
            with waiting_writes(progress, every=every):
                outcome["done"] = work()
        except Exception as exc:  # noqa: BLE001 - looked at by the test
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _unsaid_block(db, ref):
    def work():
        with db.begin() as s:  # a reading job's block that does not say it writes
            assert s.query(Case).count() >= 0  # reads first: no lock taken for that
            return create_case(db, ref, "written in an unsaid block", session=s)
    return work


def _engine_connection(db, ref):
    def work():
        with db.engine.begin() as conn:  # no Database.begin() at all
            conn.execute(insert(Case).values(case_ref=ref, title="engine", status="open",
                                             version=1))
        return ref
    return work


@pytest.mark.parametrize("how, every", [("unsaid block", False), ("engine connection", True),
                                        ("engine connection", False)])
def test_a_write_no_block_locked_for_waits_with_progress_then_completes(sqlite_db, holder,  # noqa: F811
                                                                         how, every):
    watch = Watch()
    work = (_unsaid_block if how == "unsaid block" else _engine_connection)(sqlite_db, "U-1")
    thread, outcome = _in_thread(work, watch, every=every)
    assert watch.first.wait(30), outcome  # it says it waits (it failed after 10 s before)
    assert "U-1" not in _cases(sqlite_db)
    holder.execute("COMMIT")  # the other program has finished
    thread.join(30)
    assert "error" not in outcome, outcome["error"]
    assert "U-1" in _cases(sqlite_db)


def test_such_a_write_cancelled_writes_nothing_and_names_the_database(sqlite_db, holder):  # noqa: F811, E501
    watch = Watch()
    thread, outcome = _in_thread(_unsaid_block(sqlite_db, "U-2"), watch, every=False)
    assert watch.first.wait(30)
    watch.stop.set()  # the status bar's Cancel
    thread.join(30)
    exc = outcome["error"]
    assert isinstance(exc, WriteLockGivenUp) and exc.message_key == "write_lock_cancelled"
    assert str(sqlite_db.sqlite_path) in str(exc)
    holder.execute("COMMIT")
    assert "U-2" not in _cases(sqlite_db)


def test_a_write_in_a_transaction_already_writing_does_not_wait_again(sqlite_db):
    watch = Watch()
    with waiting_writes(watch, every=False), sqlite_db.begin() as s:
        create_case(sqlite_db, "U-3", "first", session=s)  # takes the lock: nobody holds it
        s.flush()
        create_case(sqlite_db, "U-4", "second", session=s)  # holds it already
    assert watch.waited == []
    assert {"U-3", "U-4"} <= _cases(sqlite_db)


def test_outside_a_job_nothing_changes(sqlite_db):
    with sqlite_db.begin() as s:  # the command line: no waiting_writes
        create_case(sqlite_db, "U-5", "no job", session=s)
    assert "U-5" in _cases(sqlite_db)


def test_the_schema_upgrade_of_a_writer_job_waits_then_upgrades_in_one_go(tmp_path):
    import sqlite3

    from casedb.store import migrate
    from casedb.store.database import Database

    db = Database(tmp_path / "old.db", user="tester")
    migrate.upgrade(db, "0001")
    other = sqlite3.connect(db.sqlite_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program writing
        watch = Watch()
        thread, outcome = _in_thread(lambda: migrate.ensure_schema(db), watch, every=True)
        assert watch.first.wait(30), outcome  # Alembic's DDL waits, said (it failed at 10 s)
        assert migrate.current_revision(db) == "0001"
        other.execute("COMMIT")
        thread.join(60)
        assert "error" not in outcome, outcome["error"]
        assert migrate.current_revision(db) == migrate.heads()[0]
        assert outcome["done"] == tmp_path / "old.before-0001.db"  # the copy kept, as before
    finally:
        other.close()
        db.dispose()
