"""The workstation's import process: outcomes, progress and errors come back to the window's
process (cancelling is tested through the wizard in test_workflows)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.import_process import import_in_process
from casedb.models import Declaration
from casedb.progress import CallbackProgress
from casedb.store import migrate
from casedb.store.database import Database
from tests.writers import write_csv

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)"]


def test_an_import_in_its_own_process_stores_and_reports(tmp_path):
    db = Database(tmp_path / "cases.db", user="tester")
    migrate.upgrade(db)
    sheet = write_csv(tmp_path / "reg.csv", [HEADER] + [[f"A{i}", "2023-01-02", "3915.10", "5 t"]
                                                        for i in range(40)])
    seen = []
    (outcome,) = import_in_process(db, [sheet], progress=CallbackProgress(
        lambda done, total: seen.append((done, total))))
    assert outcome.report.imported == 40 and len(outcome.declaration_ids) == 40
    assert seen and seen[-1] == (40, 40)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Declaration)) == 40
    db.dispose()


def test_an_error_in_the_import_process_is_raised_here(tmp_path):
    db = Database(tmp_path / "empty.db", user="tester")  # never migrated: no tables
    sheet = write_csv(tmp_path / "reg.csv", [HEADER, ["A1", "2023-01-02", "3915.10", "5 t"]])
    with pytest.raises(Exception, match="no such table|schema|upgrade") as raised:
        import_in_process(db, [sheet])
    assert "ended unexpectedly" not in str(raised.value)
    db.dispose()
