"""The workstation's import runs in a process of its own.

Reading, normalising, matching and writing a large file is Python work that holds the
interpreter's lock, and the rows it keeps make every cyclic collection slow: in the window's
own process that froze the window. In a process that only imports, none of it touches the
window: that process may leave its collector off (it exits when done, freeing everything at
once), and the window's process keeps its own collector as it is. Progress and cancelling
cross by a queue and an event; the outcomes (casedb.importing.batch.FileOutcome) come back
pickled. Qt-free."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import pickle
import queue
import time

from casedb.errors import CaseDbError
from casedb.progress import Cancelled, NullProgress, Progress
from casedb.store.database import Database

log = logging.getLogger(__name__)

POLL_S = 0.05
THROTTLE_S = 0.05


class ImportProcessError(CaseDbError):
    """The importing process ended without an answer (killed, out of memory)."""


def import_in_process(db: Database, paths, *, spec=None, progress: Progress | None = None):
    """``casedb.importing.batch.import_batch`` in a child process on the same database: its
    outcomes, its errors raised here, ``Cancelled`` when ``progress`` cancels (the child rolls
    its transaction back)."""
    progress = progress or NullProgress()
    ctx = multiprocessing.get_context("spawn")
    events, stop = ctx.Queue(), ctx.Event()
    child = ctx.Process(target=_child, name="wasteintel-import",
                        args=(db.url, db.os_user, [str(p) for p in paths], spec, events, stop))
    child.start()
    try:
        return _follow(child, events, stop, progress)
    finally:
        child.join(10)
        if child.is_alive():
            log.warning("importing process still running after its answer; stopped")
            child.terminate()
            child.join(5)


def _follow(child, events, stop, progress: Progress):
    while True:
        try:
            progress.raise_if_cancelled()
        except Cancelled:
            stop.set()  # the child stops between two chunks and answers "cancelled"
        try:
            kind, *payload = events.get(timeout=POLL_S)
        except queue.Empty:
            if not child.is_alive() and events.empty():
                raise ImportProcessError(
                    f"the importing process ended unexpectedly (exit code {child.exitcode}); "
                    "nothing was imported from the file it was reading: try again, or import "
                    "that file alone") from None
            continue
        if kind == "progress":
            progress.report(*payload)
        elif kind == "waiting":  # for another writer's lock (casedb.importing.indexes)
            waiting = getattr(progress, "waiting", None)
            if waiting is not None:
                waiting(*payload)
        elif kind == "done":
            return payload[0]
        elif kind == "cancelled":
            raise Cancelled()
        else:
            raise payload[0]


class _ChildProgress:
    def __init__(self, events, stop):
        self._events, self._stop = events, stop
        self._last = 0.0

    def report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= THROTTLE_S or done == total:
            self._last = now
            self._events.put(("progress", done, total))

    def waiting(self, seconds: float) -> None:
        self._events.put(("waiting", seconds))

    def raise_if_cancelled(self) -> None:
        if self._stop.is_set():
            raise Cancelled()


def _child(url: str, user: str, paths: list[str], spec, events, stop) -> None:
    gc.disable()  # this process only imports and then exits (see the module's text)
    from casedb.alerts import run_watchlists
    from casedb.importing.batch import import_batch

    db = None
    try:
        db = Database(url, user=user)
        outcomes = import_batch(db, paths, spec=spec, progress=_ChildProgress(events, stop),
                                watch=run_watchlists)
    except Cancelled:
        events.put(("cancelled",))
    except Exception as exc:  # noqa: BLE001 - sent to the window's process, raised there
        events.put(("error", _picklable(exc)))
    else:
        events.put(("done", outcomes))
    finally:
        if db is not None:
            db.dispose()


def _picklable(exc: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - any error that cannot cross goes as its text
        return CaseDbError(str(exc) or type(exc).__name__)
    return exc
