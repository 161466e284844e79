"""Opening an older case database: its schema is upgraded once, after a copy of the file is
kept (casedb.store.migrate.ensure_schema), while a busy dialog says what is happening. A million
declarations take about 12 s (copy 700 MB, upgrade, statistics); a silent pause that long
looks like a hang."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from casedb.store import migrate
from casedb.store.database import Database

from .jobs import Job, JobRunner

log = logging.getLogger(__name__)


def ensure_schema_shown(db: Database, parent: QWidget | None = None) -> Path | None:
    """``migrate.ensure_schema`` with a busy dialog when it upgrades an existing database; the
    copy of the old file, if one was kept. Errors are raised as they are."""
    if not migrate.upgrade_pending(db):
        return migrate.ensure_schema(db)
    dialog = QProgressDialog(parent)
    label = QLabel(dialog)
    label.setWordWrap(True)
    label.setMinimumWidth(420)
    dialog.setLabel(label)
    dialog.setWindowTitle(QCoreApplication.translate("SchemaUpgrade",
                                                     "Upgrading the case database"))
    dialog.setLabelText(QCoreApplication.translate(
        "SchemaUpgrade", "This version of WasteIntel stores cases differently, so the case "
        "database is upgraded once. A copy of the old file is kept next to it.\n\n%1"
    ).replace("%1", db.display_name()))
    dialog.setRange(0, 0)  # busy: the upgrade does not say how far it is
    dialog.setCancelButton(None)  # an upgrade runs in one transaction: nothing to stop halfway
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    outcome: dict = {}
    # The caller needs the answer before it goes on (no window exists yet at start-up): the
    # job runs on the writer lane of a runner of its own while a local event loop keeps the
    # dialog painted, and ends when the job does.
    runner = JobRunner(dialog)
    job = Job(migrate.ensure_schema, db)
    job.signals.succeeded.connect(lambda copy: outcome.update(copy=copy))
    job.signals.failed.connect(lambda exc: outcome.update(error=exc))
    loop = QEventLoop()
    job.signals.finished.connect(loop.quit)
    runner.start(job, writes=True)
    loop.exec()
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]
    if outcome.get("copy"):
        log.info("case database upgraded; the old file is kept at %s", outcome["copy"])
    return outcome.get("copy")
