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


def test_progress_goes_only_to_functions_that_take_it(qtbot):
    runner = JobRunner()
    seen = []

    def counts(n, progress):
        progress.report(n, n)
        return n

    results = {}
    plain = runner.submit(sorted, [3, 1, 2])  # a builtin: no progress argument to give
    plain.signals.succeeded.connect(lambda r: results.update(plain=r))
    counted = runner.submit(counts, 5)
    counted.signals.succeeded.connect(lambda r: results.update(counted=r))
    counted.signals.progressed.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert results == {"plain": [1, 2, 3], "counted": 5} and seen == [(5, 5)]
    assert runner.wait(5000)


def test_a_generator_reports_its_yields_and_its_last_one_is_the_result(qtbot):
    runner = JobRunner()
    partial: list = []
    with qtbot.waitSignal(runner.run(lambda: (i for i in range(5)),
                                     partial=partial.append).signals.succeeded,
                          timeout=5000) as answer:
        pass
    assert answer.args == [4] and partial and set(partial) <= set(range(5))
    assert runner.wait(5000)


def test_every_failure_reaches_the_runner_and_the_main_window_says_it(qtbot, window):
    def broken():
        raise ValueError("the table has no column 'weight'")

    with qtbot.waitSignal(window.jobs.failed, timeout=5000) as failure:
        window.jobs.submit(broken)
    assert failure.args[0] == "broken"
    assert "the table has no column 'weight'" in window.statusBar().currentMessage()
    assert window.statusBar().currentMessage().startswith("Could not finish: ")  # no code name
