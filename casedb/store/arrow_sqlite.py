"""Reading a SQLite query as Arrow columns (ADBC) in a worker process, never in this one.

``adbc-driver-sqlite`` carries its own copy of the SQLite library. Two copies of SQLite in one
process do not see each other's POSIX locks on a file: when the driver's connection closes, it
takes itself for the database's last user, checkpoints and deletes the ``-wal`` and ``-shm``
files while this process's own connections still have them open, and the next connection gets
"disk I/O error" (https://www.sqlite.org/howtocorrupt.html, "multiple copies of SQLite linked
into the same application"). In another process the locks are seen as any other program's, as
SQLite is built for.

The worker is a fresh interpreter (spawn: no connection of this process is inherited) that only
reads; frames come back pickled (polars writes them as Arrow IPC). An analysis that reads
several times holds one worker for all its reads (``reading_worker``, one start of ~0.5 s);
the worker stops when the analysis ends, so neither it nor its memory stays behind.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

import polars as pl

log = logging.getLogger(__name__)

_local = threading.local()


@contextmanager
def reading_worker() -> Iterator[None]:
    """One worker for every read of this thread inside the block (a split detection's ~20
    queries), stopped at its end: no process and none of its memory outlive the analysis."""
    if getattr(_local, "pool", None) is not None:  # already inside a block: reuse its worker
        yield
        return
    _local.pool = _start()
    try:
        yield
    finally:
        pool, _local.pool = _local.pool, None
        pool.shutdown(wait=True, cancel_futures=True)


def read_sqlite_arrow(uri: str, sql: str, options: dict) -> pl.DataFrame:
    """The rows of ``sql`` on the SQLite file ``uri`` (a ``file:`` URI) as a frame, read by the
    worker process through ADBC with the statement ``options``: the block's worker inside
    ``reading_worker()``, else one started for this read alone."""
    with reading_worker():
        try:
            return _local.pool.submit(_read, uri, sql, options).result()
        except BrokenProcessPool:  # the worker died (killed, out of memory): one fresh try
            log.warning("the reading worker stopped; starting another")
            _local.pool.shutdown(wait=False)
            _local.pool = _start()
            return _local.pool.submit(_read, uri, sql, options).result()


def _start() -> ProcessPoolExecutor:
    log.debug("starting a reading worker")
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def _read(uri: str, sql: str, options: dict) -> pl.DataFrame:
    """In the worker: the query through ADBC's SQLite driver."""
    import adbc_driver_sqlite

    return adbc_frame(adbc_driver_sqlite.connect(uri), sql, options)


def adbc_frame(database, sql: str, options: dict) -> pl.DataFrame:
    """The rows of ``sql`` on an ADBC ``database`` (closed afterwards) as a polars frame, with
    the statement ``options`` (the Arrow PyCapsule interface: no pyarrow)."""
    import adbc_driver_manager as adbc

    with database, adbc.AdbcConnection(database) as conn, adbc.AdbcStatement(conn) as statement:
        if options:
            statement.set_options(**options)
        statement.set_sql_query(sql)
        stream, _ = statement.execute_query()
        return pl.DataFrame(stream)
