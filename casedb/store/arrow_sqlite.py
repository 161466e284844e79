"""Reading a SQLite query as Arrow columns (ADBC) in a worker process, never in this one.

``adbc-driver-sqlite`` carries its own copy of the SQLite library. Two copies of SQLite in one
process do not see each other's POSIX locks on a file: when the driver's connection closes, it
takes itself for the database's last user, checkpoints and deletes the ``-wal`` and ``-shm``
files while this process's own connections still have them open, and the next connection gets
"disk I/O error" (https://www.sqlite.org/howtocorrupt.html, "multiple copies of SQLite linked
into the same application"). In another process the locks are seen as any other program's, as
SQLite is built for.

The worker is a fresh interpreter (spawn: no connection of this process is inherited), started
on the first read and kept for the next ones (one start, ~0.5 s, for a split detection's ~20
queries); it only reads. Frames come back pickled (polars writes them as Arrow IPC).
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import polars as pl

log = logging.getLogger(__name__)

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def read_sqlite_arrow(uri: str, sql: str, options: dict) -> pl.DataFrame:
    """The rows of ``sql`` on the SQLite file ``uri`` (a ``file:`` URI) as a frame, read by the
    worker process through ADBC with the statement ``options``."""
    try:
        return _worker().submit(_read, uri, sql, options).result()
    except BrokenProcessPool:  # the worker died (killed, out of memory): one fresh try
        log.warning("the reading worker stopped; starting another")
        _stop()
        return _worker().submit(_read, uri, sql, options).result()


def _worker() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=1,
                                        mp_context=multiprocessing.get_context("spawn"))
        return _pool


def _stop() -> None:
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


atexit.register(_stop)


def _read(uri: str, sql: str, options: dict) -> pl.DataFrame:
    """In the worker: the query through ADBC's SQLite driver, as a polars frame (the Arrow
    PyCapsule interface: no pyarrow)."""
    import adbc_driver_manager as adbc
    import adbc_driver_sqlite

    with adbc_driver_sqlite.connect(uri) as database, adbc.AdbcConnection(database) as conn, \
            adbc.AdbcStatement(conn) as statement:
        if options:
            statement.set_options(**options)
        statement.set_sql_query(sql)
        stream, _ = statement.execute_query()
        return pl.DataFrame(stream)
