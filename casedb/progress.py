"""Plain, Qt-free progress and cancel protocol for long casedb work."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised inside a job when the user cancelled it; never reported as an error."""


class Progress(Protocol):
    def report(self, done: int, total: int) -> None: ...

    def raise_if_cancelled(self) -> None: ...


class NullProgress:
    """A progress sink that ignores reports and never cancels."""

    def report(self, done: int, total: int) -> None:  # noqa: D102
        pass

    def raise_if_cancelled(self) -> None:  # noqa: D102
        pass


class CallbackProgress:
    """Adapts a plain callable ``fn(done, total) -> bool | None``; returning False cancels."""

    def __init__(self, fn):
        self._fn = fn
        self._stop = False

    def report(self, done: int, total: int) -> None:
        if self._fn(done, total) is False:
            self._stop = True

    def cancel(self) -> None:
        self._stop = True

    def raise_if_cancelled(self) -> None:
        if self._stop:
            raise Cancelled()
