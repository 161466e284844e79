"""The status bar's indicator for a write waiting for another program's write lock: every job
of the writer lane (app.jobs) reports the seconds it has waited by ``JobRunner.lock_waiting``;
widgets.write_wait.WriteWait shows them with a Cancel button that stops that job (its write
then fails saying that nothing was written, shown as any failed job is)."""

from __future__ import annotations

from widgets.write_wait import WriteWait

from ..jobs import Job


class WriteWaitFlow:
    def __init__(self, window):
        self.indicator = WriteWait(window)
        self.job: Job | None = None  # the writer job waiting, or last waiting
        window.statusBar().addPermanentWidget(self.indicator)  # not hidden by messages
        window.jobs.lock_waiting.connect(self._on_jobs_lock_waiting)
        self.indicator.cancel_requested.connect(self._on_indicator_cancel_requested)

    def _on_jobs_lock_waiting(self, job: Job, seconds: float) -> None:
        if job is not self.job:
            self.job = job
            job.signals.finished.connect(self.indicator.done)
        self.indicator.show_waiting(seconds)

    def _on_indicator_cancel_requested(self) -> None:
        if self.job is not None and not self.job.done:
            self.job.cancel()


def connect(window) -> WriteWaitFlow:
    return WriteWaitFlow(window)
