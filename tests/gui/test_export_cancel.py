"""An export run as the workstation runs it (a job of app.jobs.JobRunner, as app/actions/tables.py
and app/actions/dossier.py start them), cancelled by the investigator while its audit entry waits
for another program's write lock (a real second sqlite3 connection in BEGIN IMMEDIATE): no file
and no audit entry. Run again once the other program has finished: the file and its entry."""

from __future__ import annotations

import sqlite3

import pytest

from app.actions import dossier as dossier_action
from app.jobs import JobRunner
from casedb.exports.tables import export_records
from casedb.store import audit
from casedb.store.write_lock import WriteLockGivenUp
from tests.unit.casedb.test_private_files import a_case


def _exports(db) -> list[audit.AuditRow]:
    with db.read() as s:
        return [e for e in audit.entries(s) if e.action == "export"]


@pytest.fixture
def runner(qtbot):
    jobs = JobRunner()
    yield jobs
    jobs.cancel_all()
    assert jobs.wait(10_000)


@pytest.fixture
def case_db(sqlite_db, tmp_path):
    return sqlite_db, a_case(sqlite_db, tmp_path)


@pytest.mark.parametrize("kind", ["table", "dossier"])
def test_a_cancelled_export_job_leaves_no_file_and_a_completed_one_both(qtbot, runner, case_db,
                                                                        tmp_path, kind):
    db, ref = case_db
    out = tmp_path / "out"
    out.mkdir()
    dest = out / ("declarations.xlsx" if kind == "table" else "dossier.html")

    def submit():
        if kind == "table":
            return runner.submit(export_records, db, "declarations", dest, None)
        return runner.submit(dossier_action._write, db, ref, dest, "RESTRICTED", "en")

    holder = sqlite3.connect(db.sqlite_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program is writing
        job = submit()
        failures = []
        job.signals.failed.connect(failures.append)
        with qtbot.waitSignal(job.signals.waiting, timeout=30_000):
            pass  # the file is written; its audit entry waits for the lock
        with qtbot.waitSignal(job.signals.finished, timeout=30_000):
            job.cancel()  # the status bar's Cancel
        assert len(failures) == 1 and isinstance(failures[0], WriteLockGivenUp)
        assert "nothing was written" in str(failures[0])
        assert list(out.iterdir()) == [] and _exports(db) == []
        holder.execute("ROLLBACK")  # the other program has finished
    finally:
        holder.close()
    job = submit()
    with qtbot.waitSignal(job.signals.succeeded, timeout=30_000):
        pass
    assert [p.name for p in out.iterdir()] == [dest.name]
    assert [(e.field, e.new_value) for e in _exports(db)] == [(kind, str(dest.resolve()))]


def test_a_chart_image_that_fails_half_way_leaves_the_previous_image(qtbot, tmp_path,
                                                                     monkeypatch):
    import pyqtgraph as pg

    from widgets import chart_export

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.plot([1, 2, 3], [3, 1, 2])
    dest = tmp_path / "chart.png"
    chart_export.export_plot(plot, dest)
    before = dest.read_bytes()
    assert before.startswith(b"\x89PNG")

    def half_a_png(self, file_name=None, **_kw):
        with open(file_name, "wb") as f:
            f.write(b"\x89PNG half")
        raise RuntimeError("the painter failed")

    monkeypatch.setattr(chart_export.ImageExporter, "export", half_a_png)
    with pytest.raises(RuntimeError, match="the painter failed"):
        chart_export.export_plot(plot, dest)
    assert dest.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]
