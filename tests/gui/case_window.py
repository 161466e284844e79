"""Windows on a copy of the demo database for the case, company and search tests: message boxes
recorded instead of blocking, every job waited for on close."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from casedb.store.database import Database

TRUTH = json.loads((Path(__file__).resolve().parents[2] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))
WAIT_MS = 20_000


class Boxes:
    """Stands in for QMessageBox in a module: records what would have been shown."""

    def __init__(self):
        self.shown: list[tuple[str, str]] = []

    def warning(self, _parent, title, text, *_args):
        self.shown.append((title, text))


def copy_demo(demo_db, tmp_path) -> Path:
    shutil.copy(demo_db.sqlite_path, tmp_path / "demo.db")
    return tmp_path / "demo.db"


def open_window(qtbot, db_path: Path, user: str = "officer.chen"):
    from app.main_window import MainWindow
    from app.settings import Settings

    w = MainWindow(Database(db_path, user=user), Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def close_window(w) -> None:
    w.jobs.cancel_all()
    assert w.jobs.wait(30_000)
    w.db.dispose()


def open_case(qtbot, w, ref: str) -> None:
    w.open_case(ref)
    qtbot.waitUntil(lambda: w.case_view.case_ref == ref, timeout=WAIT_MS)
