"""A writer that waits for SQLite's write lock with progress instead of failing.

SQLite has one writer at a time. A second writer waits SQLite's busy timeout (10 s) without a
word, then fails with "database is locked". Here the write lock is taken first
(``BEGIN IMMEDIATE``) in short attempts of LOCK_POLL_MS; between two attempts the caller's
``progress`` is told how long it has waited (``waiting(seconds)``, when it has that method) and
may cancel (``raise_if_cancelled``).

Three ways in, one loop:

- ``wait_for_write_lock(conn, progress)``: an import takes the lock for its transaction
  (casedb.importing.indexes), waiting as long as it takes unless cancelled;
- ``waiting_writes(progress)``: while it is in force in a thread (the workstation's jobs,
  app/jobs.py), every ``Database.begin()`` there (with ``every=False``, the reading jobs: only
  ``Database.begin(writes=True)``, such as an export's audit entry) takes the lock first the same
  way, and gives up only when cancelled or after LIMIT_S, raising WriteLockGivenUp, which names
  the database and says that nothing was written. Code outside it (the command line) is
  unchanged;
- under ``waiting_writes`` too, a write that no block locked for (a reading job's block that
  did not say it writes, a connection taken from the engine directly) takes the lock the same
  way before its first statement (``lock_before_write``, a listener of every SQLite engine),
  and the schema upgrade's Alembic before its DDL (``lock_connection``): none of them waits
  SQLite's busy timeout without a word any more. A write in a transaction that has already
  written holds the lock. What still waits the busy timeout: outside ``waiting_writes`` (the
  command line, except imports), and a write on a second connection while a block of the same
  thread holds the lock (it would wait for its own thread; nothing does that).

PostgreSQL's writers wait on rows, not on the database: nothing is taken there, and the server
makes them wait as long as it takes. Under ``waiting_writes`` a unit of work blocked by another
transaction for more than a second is said the same way, and can be cancelled
(casedb.store.pg_lock_watch).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from casedb import messages
from casedb.errors import CaseDbError
from casedb.progress import Cancelled, Progress
from casedb.store.pg_lock_watch import BlockWatch

log = logging.getLogger(__name__)

LOCK_POLL_MS = 250  # how long each attempt at SQLite's write lock waits before reporting
WAIT_LOG_EVERY = 40  # attempts (about 10 s) between two log lines while waiting
LIMIT_S = 600.0  # a writer of the workstation waits at most 10 minutes for another program


class WriteLockGivenUp(CaseDbError):
    """A write waited for another program's write lock and gave up (cancelled, or too long);
    nothing was written."""


class _Waiter:
    """The progress of the writes of one thread, and how long its last wait lasted."""

    def __init__(self, progress: Progress, limit_s: float, every: bool):
        self.progress, self.limit_s, self.every = progress, limit_s, every
        self.holding = 0  # Database.begin() blocks of this thread holding the lock
        self.seconds = 0.0

    def waiting(self, seconds: float) -> None:
        self.seconds = seconds
        waiting = getattr(self.progress, "waiting", None)
        if waiting is not None:
            waiting(seconds)

    def raise_if_cancelled(self) -> None:
        self.progress.raise_if_cancelled()

    def report(self, done: int, total: int) -> None:
        self.progress.report(done, total)


_WAITER: ContextVar[_Waiter | None] = ContextVar("wasteintel_write_waiter", default=None)


@contextmanager
def waiting_writes(progress: Progress, limit_s: float = LIMIT_S, *,
                   every: bool = True) -> Iterator[None]:
    """While in force, ``Database.begin()`` in this thread (context) waits for SQLite's write
    lock telling ``progress``, as described above; with ``every`` False only the blocks that
    say they write (``Database.begin(writes=True)``)."""
    token = _WAITER.set(_Waiter(progress, limit_s, every))
    try:
        yield
    finally:
        _WAITER.reset(token)


@contextmanager
def write_lock(session: Session, database: Callable[[], str], writes: bool = False, *,
               read_only: bool = False) -> Iterator[None]:
    """Around one ``Database.begin()`` block (``writes``: it says it writes): under
    ``waiting_writes`` on SQLite, the write lock taken first (``database()``: its name, said
    should the write give up). A block opened inside another of the same thread takes nothing:
    it would wait for its own thread. Nor does a block of a database opened ``read_only``: it
    reads, and a write there is refused (casedb.store.database.ReadOnlyDatabase)."""
    waiter = _WAITER.get()
    if waiter is None or waiter.holding or read_only or not (waiter.every or writes):
        yield
        return
    conn = session.connection()
    waiter.seconds = 0.0
    watch = None
    if conn.dialect.name == "sqlite":
        try:
            wait_for_write_lock(conn, waiter, limit_s=waiter.limit_s, database=database)
        except Cancelled:
            raise _given_up(waiter, database) from None
    elif conn.dialect.name == "postgresql":
        watch = BlockWatch(conn, waiter)  # says when the server makes the write wait
    waiter.holding += 1
    try:
        yield
    except DBAPIError as exc:
        if watch is not None and watch.cancelled:  # the blocked statement, cancelled
            watch.stop()
            raise _given_up(waiter, database) from exc
        raise
    finally:
        waiter.holding -= 1
        if watch is not None:
            watch.stop()


def _given_up(waiter: _Waiter, database: Callable[[], str]) -> WriteLockGivenUp:
    return messages.error(WriteLockGivenUp, "write_lock_cancelled", database=database(),
                          seconds=int(waiter.seconds))


def wait_for_write_lock(conn: Connection, progress: Progress, *, limit_s: float | None = None,
                        database: Callable[[], str] | None = None) -> None:
    """Take SQLite's write lock for the caller's transaction, waiting while another writer
    holds it. Each attempt waits LOCK_POLL_MS; between attempts ``progress`` may cancel
    (``raise_if_cancelled``: Cancelled) and, when it has a ``waiting(seconds)`` method, is told
    how long the writer has waited so far. After ``limit_s`` (None: never) WriteLockGivenUp
    names ``database()``. Nothing on PostgreSQL, whose writers wait on rows."""
    if conn.dialect.name == "sqlite":
        _take(conn.connection.dbapi_connection, progress, limit_s, database)


def lock_before_write(database: Callable[[], str]) -> Callable[..., None]:
    """A SQLAlchemy ``before_cursor_execute`` listener for a SQLite engine (``database()``: its
    name). Under ``waiting_writes``, a write (INSERT, UPDATE, DELETE, REPLACE) about to open a
    transaction on its connection, that is one no ``Database.begin()`` block took the lock
    for (a block of a reading job that did not say it writes, a connection taken from the
    engine directly), takes SQLite's write lock first in the same way, waiting with progress
    and cancel, where pysqlite would begin a deferred transaction and the write would wait
    SQLite's busy timeout without a word and fail. A write in a transaction already open holds
    the lock. Nothing while a block of this thread holds the lock on another connection: the
    write would wait for its own thread."""

    def before_write(_conn, cursor, statement, _parameters, _context, _executemany) -> None:
        if _WRITE.match(statement):
            _take_for_job(cursor.connection, database)

    return before_write


def lock_connection(conn: Connection, database: Callable[[], str]) -> None:
    """Under ``waiting_writes`` on SQLite, take the write lock for ``conn``'s transaction now,
    waiting as a writer job's ``Database.begin()`` block does: for work on a connection of its
    own that changes the schema (the schema upgrade's Alembic), whose DDL pysqlite runs outside
    any transaction and lock_before_write does not see. Its DDL then runs in that transaction.
    Nothing outside ``waiting_writes``."""
    if conn.dialect.name == "sqlite":
        _take_for_job(conn.connection.dbapi_connection, database)


def _take_for_job(dbapi, database: Callable[[], str]) -> None:
    waiter = _WAITER.get()
    if waiter is None or waiter.holding:
        return
    try:
        _take(dbapi, waiter, waiter.limit_s, database)
    except Cancelled:
        raise _given_up(waiter, database) from None


_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def _take(dbapi, progress: Progress, limit_s: float | None,
          database: Callable[[], str] | None) -> None:
    """The loop of wait_for_write_lock on a sqlite3 connection."""
    if dbapi.in_transaction:
        return  # already writing: the lock is held
    busy_ms = dbapi.execute("PRAGMA busy_timeout").fetchone()[0]
    dbapi.execute(f"PRAGMA busy_timeout={LOCK_POLL_MS:d}")
    attempts = 0
    try:
        while not _begin_immediate(dbapi):
            attempts += 1
            seconds = attempts * LOCK_POLL_MS / 1000
            if attempts % WAIT_LOG_EVERY == 1:  # the first time on the terminal too
                log.log(logging.WARNING if attempts == 1 else logging.INFO,
                        "another program is writing to the database: waiting for it to finish "
                        "(%d s so far)", int(seconds))
            waiting = getattr(progress, "waiting", None)
            if waiting is not None:
                waiting(seconds)
            progress.raise_if_cancelled()
            if limit_s is not None and seconds >= limit_s:
                raise messages.error(WriteLockGivenUp, "write_lock_limit",
                                     database=database() if database else "the database",
                                     minutes=max(1, round(seconds / 60)))
    finally:
        dbapi.execute(f"PRAGMA busy_timeout={int(busy_ms or 0):d}")
    if attempts:
        log.info("write lock taken after %.1f s", attempts * LOCK_POLL_MS / 1000)


def _begin_immediate(dbapi) -> bool:
    try:
        dbapi.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return False
        raise OperationalError("BEGIN IMMEDIATE", None, exc) from exc  # as SQLAlchemy says it
    return True
