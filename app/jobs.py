"""Long work off the GUI thread, the workstation's one background mechanism: a Job wraps a
plain function, and hands itself as ``progress`` only to functions that take that argument.

A Job satisfies casedb's Qt-free ``Progress`` protocol; results come back to the GUI thread by
signals. A function returning a generator reports each yield as ``partial`` (throttled) and its
last yield as the result; cancelling stops it between two yields. Every failure is also
announced by ``JobRunner.failed`` (the main window shows it), whatever else the caller does.

A job runs under casedb's ``waiting_writes``: while another program holds SQLite's write lock,
each write of a job on the writer lane (on the other lanes, each ``db.begin(writes=True)``, such
as an export's audit entry) waits, reporting the seconds waited by ``JobRunner.lock_waiting``
(the main window shows them in the status bar with a Cancel button), and fails only when
cancelled or after casedb.store.write_lock.LIMIT_S, saying so.
"""

from __future__ import annotations

import inspect
import logging
import threading
import time
from types import GeneratorType

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from casedb.progress import Cancelled
from casedb.store.write_lock import waiting_writes

log = logging.getLogger(__name__)


def _emit(signal, *args) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the receiver side is gone: the app is quitting
        log.debug("job signal after its owner was deleted")


def _takes_progress(fn) -> bool:
    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        return False


class JobSignals(QObject):
    progressed = Signal(int, int)
    partial = Signal(object)  # a generator's intermediate yield
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()
    waiting = Signal(float)  # seconds a write has waited for another program's write lock


class Job(QRunnable):
    """Runs ``fn(*args, **kwargs)``, with ``progress=self`` when ``fn`` takes it; progress and
    partial results are throttled to 10 per second."""

    THROTTLE_S = 0.1

    def __init__(self, fn, *args, **kwargs):
        super().__init__()
        self.setAutoDelete(False)
        self.signals = JobSignals()
        if _takes_progress(fn):
            kwargs = {**kwargs, "progress": self}
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._stop = threading.Event()
        self._done = threading.Event()
        self._last = 0.0
        self.writes = False  # on the writer lane: every db.begin() waits for another's lock

    def cancel(self) -> None:
        self._stop.set()

    @property
    def done(self) -> bool:
        """Finished (or cancelled): its last signal is sent."""
        return self._done.is_set()

    def wait(self, msecs: int) -> bool:
        """Block until the job is done, at most ``msecs``; its signals arrive with the next event
        processing."""
        return self._done.wait(max(0, msecs) / 1000)

    def _finish(self) -> None:
        self._done.set()  # first: a slot of ``finished`` sees the job done
        _emit(self.signals.finished)  # the runner keeps the job alive until this is handled

    @property
    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def raise_if_cancelled(self) -> None:
        if self._stop.is_set():
            raise Cancelled()

    def report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= self.THROTTLE_S or done == total:
            self._last = now
            _emit(self.signals.progressed, done, total)

    def waiting(self, seconds: float) -> None:
        """A write of this job waits for another program's write lock (casedb.store.write_lock)."""
        _emit(self.signals.waiting, seconds)

    @property
    def name(self) -> str:
        return getattr(self._fn, "__name__", str(self._fn)).strip("_").replace("_", " ")

    def _last_yield(self, generator):
        result = None
        for result in generator:  # noqa: B007 - the last yield is the result
            self.raise_if_cancelled()
            now = time.monotonic()
            if now - self._last >= self.THROTTLE_S:
                self._last = now
                _emit(self.signals.partial, result)
        return result

    def run(self) -> None:
        try:
            with waiting_writes(self, every=self.writes):
                result = self._fn(*self._args, **self._kwargs)
                if isinstance(result, GeneratorType):
                    result = self._last_yield(result)
        except Cancelled:
            _emit(self.signals.cancelled)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread by a signal
            log.error("job %s failed", getattr(self._fn, "__name__", self._fn), exc_info=True)
            _emit(self.signals.failed, exc)
        else:
            _emit(self.signals.succeeded, result)
        finally:
            self._finish()


class JobRunner(QObject):
    """Keeps every job alive until it finishes. Three lanes:

    - writes, one at a time;
    - reads an investigator waits for (a case, linked cases, the entity queue), on a pool wider
      than the CPU count (2 here), so that one slow read does not hold up the others;
    - ``background`` analyses that refresh whole views (the map's sea lanes, split detection),
      one at a time. Much of their work is Python, which holds the GIL: run side by side, they
      left the window and the tables a fraction of the interpreter at start-up, and each
      result came only when all were nearly done.
    """

    READERS = 6
    failed = Signal(str, object)  # the job's name, the exception: every failure, once
    lock_waiting = Signal(object, float)  # a writer job, seconds it has waited for the lock

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(self.READERS)
        self._background = QThreadPool(self)
        self._background.setMaxThreadCount(1)
        self._jobs: set[Job] = set()
        self._pending: list[tuple[Job, QThreadPool]] = []

    def start(self, job: Job, *, writes: bool = False, background: bool = False) -> Job:
        """Queue ``job``; it starts once control returns to the event loop, so the caller's
        ``job.signals...connect(...)`` lines that follow always come first (a quick job started
        at once could finish before them, and its result was lost)."""
        self._jobs.add(job)
        job.signals.finished.connect(lambda j=job: self._jobs.discard(j))
        job.signals.failed.connect(lambda exc, j=job: self.failed.emit(j.name, exc))
        job.writes = writes
        job.signals.waiting.connect(lambda seconds, j=job: self.lock_waiting.emit(j, seconds))
        pool = self._writer if writes else self._background if background else self._readers
        self._pending.append((job, pool))
        if len(self._pending) == 1:
            QTimer.singleShot(0, self, self._start_pending)
        return job

    def _start_pending(self) -> None:
        pending, self._pending = self._pending, []
        for job, pool in pending:
            if job.is_cancelled:  # cancelled before it began: it never runs, but says so
                _emit(job.signals.cancelled)
                job._finish()
                continue
            pool.start(job)

    def submit(self, fn, *args, writes: bool = False, background: bool = False,
               **kwargs) -> Job:
        return self.start(Job(fn, *args, **kwargs), writes=writes, background=background)

    def run(self, fn, *args, succeeded=None, partial=None, finished=None,
            background: bool = False) -> Job:
        """``submit`` for widgets, which cannot import this module (``widgets.background.Runner``):
        the callbacks are connected before the job starts."""
        job = Job(fn, *args)
        for signal, slot in ((job.signals.succeeded, succeeded), (job.signals.partial, partial),
                             (job.signals.finished, finished)):
            if slot is not None:
                signal.connect(slot)
        return self.start(job, background=background)

    def active(self) -> int:
        return len(self._jobs)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def wait(self, msecs: int = 5000) -> bool:
        self._start_pending()  # queued ones start now, except those cancelled meanwhile
        done = [pool.waitForDone(msecs)
                for pool in (self._writer, self._readers, self._background)]
        return all(done)
