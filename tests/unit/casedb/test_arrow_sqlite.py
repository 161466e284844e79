"""Reading a SQLite case database through ADBC leaves it usable by this process's own
connections: the driver's copy of SQLite runs in a worker process (casedb.store.arrow_sqlite).
In this process it deleted the -wal and -shm files under the open connections, and the next
connection got "disk I/O error"."""

from __future__ import annotations

import sqlite3

from sqlalchemy import func, select, text

from casedb.analysis.splits_read import read_frame
from casedb.models import Declaration
from casedb.store import arrow_sqlite, migrate
from casedb.store.database import Database
from tests import factories as f


def test_adbc_read_keeps_the_write_ahead_log_of_open_connections(tmp_path):
    path = tmp_path / "cases.db"
    db = Database(str(path))
    migrate.upgrade(db)
    with db.begin() as s:
        for i in range(5):
            f.declaration(s, declaration_no=f"D{i}")
    with db.read() as s:  # this process holds a connection on the file, in WAL mode
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    wal, shm = path.with_name("cases.db-wal"), path.with_name("cases.db-shm")
    assert wal.exists() and shm.exists()

    import polars as pl
    frame = read_frame(db, select(Declaration.id).order_by(Declaration.id), {"id": pl.Int64})
    assert frame.height == 5

    assert wal.exists() and shm.exists()
    fresh = sqlite3.connect(str(path))  # what a backup or a second window opens
    try:
        assert fresh.execute("SELECT count(*) FROM declaration").fetchone() == (5,)
    finally:
        fresh.close()
    with db.begin() as s:  # and this process still writes
        f.declaration(s, declaration_no="D5")
    with db.read() as s:
        assert s.execute(select(func.count(Declaration.id))).scalar() == 6
    db.dispose()


def test_one_worker_for_a_block_and_none_after_it(tmp_path):
    import multiprocessing

    path = tmp_path / "cases.db"
    db = Database(str(path))
    migrate.upgrade(db)
    uri = f"file:{path}"
    assert arrow_sqlite.read_sqlite_arrow(uri, "SELECT 1 AS one", {})["one"].to_list() == [1]
    assert not multiprocessing.active_children()  # a read alone stops its worker
    with arrow_sqlite.reading_worker():
        pool = arrow_sqlite._local.pool
        assert arrow_sqlite.read_sqlite_arrow(uri, "SELECT 1 AS one", {}).height == 1
        [worker] = pool._processes.values()
        worker.kill()  # died (out of memory): the next read starts another
        worker.join()
        assert arrow_sqlite.read_sqlite_arrow(uri, "SELECT 2 AS two", {})["two"].to_list() == [2]
    assert not multiprocessing.active_children()
    db.dispose()
