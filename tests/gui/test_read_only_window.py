"""The workstation on a read-only copy of the demo database (SQLite's ``mode=ro``: as root, the
test machine, chmod does not stop writes; tests/unit/casedb/test_read_only_database.py opens a
real chmod 0400 file): the cases are browsed and a case opens; a case edit, run on the writer
lane, is refused by one sentence naming the file, not by SQLite's error at BEGIN IMMEDIATE, and
nothing is written."""

from __future__ import annotations

from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window

from casedb.cases import records as cases
from casedb.store.database import Database

REF = TRUTH["cases"][0]


def test_a_read_only_database_is_browsed_and_an_edit_is_refused_naming_it(qtbot, demo_db,
                                                                          tmp_path, boxes):
    path = copy_demo(demo_db, tmp_path)
    window = open_window(qtbot, f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        assert window.db.read_only
        qtbot.waitUntil(lambda: window.browser.cases.model.rowCount() == len(TRUTH["cases"]),
                        timeout=WAIT_MS)
        open_case(qtbot, window, REF)
        form = window.case_management.edit_case()
        form.status.setCurrentIndex(form.status.findData("referred"))
        form.reason.setText("sent to the prosecutor")
        form.accept()
        qtbot.waitUntil(lambda: bool(boxes.shown), timeout=WAIT_MS)
        [(_title, text)] = boxes.shown
        assert text.startswith(f"{path} is open read-only") and "nothing was written" in text
        assert "BEGIN" not in text and "sqlite3" not in text
    finally:
        close_window(window)
    writable = Database(path)
    try:
        assert cases.get_case(writable, REF).status == "open"
    finally:
        writable.dispose()
