"""How views run work off the GUI thread without importing ``app``: the shell hands each one a
``Runner`` (``app.jobs.JobRunner`` is the one there is). A function given to ``run`` that returns
a generator reports each yield to ``partial`` and its last yield to ``succeeded``; cancelling
stops it between two yields. A failure is announced by the runner itself.

Views read here and never write: a write is a signal the shell runs on its writer lane, where it
waits for another program holding the database's write lock with the status bar's indicator
(app.jobs, widgets.write_wait)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol


class Task(Protocol):
    @property
    def done(self) -> bool: ...

    def cancel(self) -> None: ...

    def wait(self, msecs: int) -> bool: ...


class Runner(Protocol):
    def run(self, fn: Callable, *args: Any, succeeded: Callable | None = None,
            partial: Callable | None = None, finished: Callable | None = None,
            background: bool = False) -> Task: ...


class Tasks:
    """The tasks one view started, so that it can wait for them or stop them."""

    def __init__(self):
        self._tasks: list[Task] = []

    def add(self, task: Task) -> Task:
        self._tasks = [t for t in self._tasks if not t.done] + [task]
        return task

    def pending(self) -> bool:
        return any(not t.done for t in self._tasks)

    def wait(self, msecs: int) -> bool:
        import time

        end = time.monotonic() + msecs / 1000
        return all(t.wait(int(max(0.0, end - time.monotonic()) * 1000)) for t in self._tasks)

    def stop(self, msecs: int) -> bool:
        for task in self._tasks:
            task.cancel()
        return self.wait(msecs)
