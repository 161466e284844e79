"""Opening an older case database in the workstation: a busy dialog while its schema is
upgraded, a copy of the old file kept."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.schema_upgrade import ensure_schema_shown
from casedb.store import migrate
from casedb.store.database import Database


def test_an_older_database_is_upgraded_under_a_busy_dialog(qtbot, tmp_path):
    db = Database(tmp_path / "cases.db")
    migrate.upgrade(db, "0001")
    seen = []
    QTimer.singleShot(0, lambda: seen.append(QApplication.activeModalWidget()))
    copy = ensure_schema_shown(db)
    assert copy == tmp_path / "cases.before-0001.db" and copy.exists()
    assert migrate.current_revision(db) == migrate.heads()[0]
    (dialog,) = seen
    assert dialog is not None and dialog.windowTitle() == "Upgrading the case database"
    assert str(tmp_path / "cases.db") in dialog.labelText()
    assert not dialog.isVisible()
    assert ensure_schema_shown(db) is None  # current: no dialog, no copy
    db.dispose()
