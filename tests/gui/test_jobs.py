"""The job runner's lanes: background analyses one at a time, reads beside them."""

from __future__ import annotations

import threading

from app.jobs import JobRunner


def test_background_jobs_run_one_at_a_time_and_reads_are_not_held_up(qtbot):
    runner = JobRunner()
    gate = threading.Event()
    started: list[str] = []

    def slow(name: str, progress=None) -> str:
        started.append(name)
        gate.wait(10)
        return name

    def quick(progress=None) -> str:
        return "read"

    first = runner.submit(slow, "map", background=True)
    second = runner.submit(slow, "splits", background=True)
    read = runner.submit(quick)
    try:
        with qtbot.waitSignal(read.signals.succeeded, timeout=5000) as answer:
            pass
        assert answer.args == ["read"]  # a read does not wait for the background lane
        qtbot.waitUntil(lambda: started == ["map"], timeout=5000)
        qtbot.wait(200)
        assert started == ["map"]  # the second analysis waits for the first
        # listening before the gate opens: a signal emitted with no receiver is lost
        with qtbot.waitSignals([first.signals.succeeded, second.signals.succeeded],
                               timeout=5000):
            gate.set()
    finally:
        gate.set()
    assert started == ["map", "splits"]
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: runner.active() == 0, timeout=5000)  # each job's "finished" is in
