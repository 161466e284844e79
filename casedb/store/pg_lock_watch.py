"""On PostgreSQL, a write blocked by another transaction's locks, said as SQLite's wait is.

PostgreSQL makes a writer wait on the rows (or tables) another transaction holds, as long as
that one lasts: the server's business, and nothing fails. The workstation only wants to say so.
While a unit of work under ``write_lock.waiting_writes`` lasts longer than FIRST_LOOK_S, a
thread of its own asks the server every POLL_S, on a connection of the pool, whether the
session's backend waits for others (``pg_blocking_pids``: no privilege needed), and tells the
progress ``waiting(seconds)``. Should the user cancel meanwhile, the blocked statement is
cancelled through libpq (``psycopg.Connection.cancel``, safe from another thread): it fails,
the unit of work rolls back, and ``cancelled`` says so. A unit of work that ends within
FIRST_LOOK_S (nearly all) costs a thread start and no query."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from casedb.progress import Cancelled

log = logging.getLogger(__name__)

FIRST_LOOK_S = 1.0
POLL_S = 0.5
_BLOCKED = text("SELECT cardinality(pg_blocking_pids(:pid))")


class BlockWatch:
    """Watches one unit of work's connection from a thread of its own until ``stop``."""

    def __init__(self, conn: Connection, progress):
        self._raw = conn.connection.dbapi_connection
        self._pid = self._raw.info.backend_pid  # type: ignore[union-attr]  # psycopg: no query
        self._engine = conn.engine
        self._progress = progress
        self._stop = threading.Event()
        self.cancelled = False
        self._thread = threading.Thread(target=self._run, name="pg-lock-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        started = time.monotonic()
        if self._stop.wait(FIRST_LOOK_S):
            return
        try:
            with self._engine.connect() as probe:
                while not self._stop.is_set():
                    blocked = probe.execute(_BLOCKED, {"pid": self._pid}).scalar()
                    probe.rollback()
                    if blocked:
                        self._tell(time.monotonic() - started)
                        if self._cancel_if_asked():
                            return
                    self._stop.wait(POLL_S)
        except Exception:  # noqa: BLE001 - only a word to the user is lost; the write goes on
            log.warning("cannot tell whether the write waits for another transaction",
                        exc_info=True)

    def _tell(self, seconds: float) -> None:
        waiting: Callable | None = getattr(self._progress, "waiting", None)
        if waiting is not None:
            waiting(seconds)

    def _cancel_if_asked(self) -> bool:
        try:
            self._progress.raise_if_cancelled()
        except Cancelled:
            self.cancelled = True
            self._raw.cancel()  # type: ignore[union-attr]  # the blocked statement fails
            log.info("write blocked by another transaction cancelled by the user")
            return True
        return False
