"""The link chart's background tasks: ``BackgroundTask`` runs a generator (each yield a
progress, the last one the result) or a plain function in the chart's QThreadPool. The layout
itself is Qt-free, in ``casedb.graph_layout``."""

from __future__ import annotations

import logging
import threading
import time
from types import GeneratorType

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    progressed = Signal(int, object)  # tag, an intermediate result
    finished = Signal(int, object)  # tag, the result (None: cancelled or failed)


def _emit(signal, *args) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the chart was deleted (window closed, app quitting) meanwhile
        log.debug("link chart gone before its task finished")


class BackgroundTask(QRunnable):
    """Runs ``fn(*args)`` in a thread pool. When ``fn`` returns a generator its yields are
    progress (at most one per ``throttle_s``) and the last one is the result; cancelling stops
    it between two yields. ``tag`` tells the owner which request a signal answers. A TaskPool
    keeps the task alive until ``done``."""

    def __init__(self, tag: int, fn, *args, throttle_s: float = 0.1):
        super().__init__()
        self.setAutoDelete(False)
        self.tag = tag
        self.signals = TaskSignals()
        self._fn, self._args, self._throttle_s = fn, args, throttle_s
        self._stop = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        result = None
        try:
            out = self._fn(*self._args)
            if isinstance(out, GeneratorType):
                last = 0.0
                for result in out:  # noqa: B007 - the last yield is the result
                    if self._stop.is_set():
                        break
                    now = time.monotonic()
                    if now - last >= self._throttle_s:
                        last = now
                        _emit(self.signals.progressed, self.tag, result)
            else:
                result = out
        except Exception:  # noqa: BLE001 - reported by the finished signal, result None
            log.exception("link chart task %s failed", getattr(self._fn, "__name__", self._fn))
            result = None
        finally:
            _emit(self.signals.finished, self.tag, None if self._stop.is_set() else result)
            self.done.set()  # last: the owner may let go of the task from now on


class TaskPool:
    """A chart's own thread pool (two threads: the layout and one analysis, never blocking the
    shell's jobs), keeping each task alive until it is done."""

    def __init__(self, parent: QObject):
        self._pool = QThreadPool(parent)
        self._pool.setMaxThreadCount(2)
        self._tasks: set[BackgroundTask] = set()

    def start(self, task: BackgroundTask) -> None:
        self._tasks = {t for t in self._tasks if not t.done.is_set()}
        self._tasks.add(task)
        self._pool.start(task)

    def pending(self) -> bool:
        return any(not t.done.is_set() for t in self._tasks)

    def stop(self, msecs: int) -> bool:
        """Cancel every task and wait for them, at most ``msecs``."""
        for task in self._tasks:
            task.cancel()
        return self._pool.waitForDone(msecs)

    def wait(self, msecs: int) -> bool:
        return self._pool.waitForDone(msecs)
