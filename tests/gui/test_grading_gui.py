"""Source grades from the workstation: the case view shows the grade of each source file, note
and attachment beside it and grades them through its menus (audited, in the administration's
scheme); the import wizard grades the files it imports. And the wizard says so while an import
waits for another program (a real second SQLite connection) holding the write lock."""

from __future__ import annotations

import sqlite3

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from casedb.cases.attachments import add_attachment
from casedb.cases.records import add_note
from casedb.evidence import grading
from casedb.store import migrate
from casedb.store.audit import entries
from casedb.store.database import Database
from tests.writers import write_csv

REF = TRUTH["cases"][0]
HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)"]


def _grade_cell(table, row: int) -> str:
    return table.item(row, table.property("grade_column")).text()


def _choose(chooser, grade: str) -> None:
    for combo, code in zip(chooser.combos, grade, strict=True):
        combo.setCurrentIndex(combo.findData(code))


def _grade_through_the_menu(qtbot, view, table, row: int, grade: str) -> None:
    table.selectRow(row)
    table.table_menu.trigger(view.grades.tr("Grade…"))
    dialog = view.grades.dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing chosen yet
    _choose(dialog.chooser, grade)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _graded(db, entity: str) -> list[tuple]:
    with db.read() as s:
        return [(e.entity_id, e.old_value, e.new_value) for e in entries(s, entity=entity)
                if e.action == "grade"]


def test_the_case_view_shows_and_sets_grades_beside_the_evidence(qtbot, demo_db, tmp_path):
    path = copy_demo(demo_db, tmp_path)
    db = Database(path, user="officer.chen")
    note = add_note(db, REF, "the informant saw the bales loaded at night")
    (tmp_path / "photo.txt").write_text("a photo of the bales")
    attachment = add_attachment(db, REF, tmp_path / "photo.txt", "photo")
    w = open_window(qtbot, path)
    try:
        view = w.case_view
        open_case(qtbot, w, REF)
        files = view.files_table
        sha = files.item(0, 3).text()
        assert _grade_cell(files, 0) == ""  # not graded yet
        # a source file graded elsewhere (the command line) shows once the case is shown again
        grading.set_source_grade(w.db, sha, "B2")
        w.refresh()
        qtbot.waitUntil(lambda: _grade_cell(view.files_table, 0) == "B2", timeout=WAIT_MS)
        assert "usually reliable; probably true" in view.files_table.item(
            0, view.files_table.property("grade_column")).toolTip()

        notes = view.notes_table
        row = next(r for r in range(notes.rowCount()) if notes.item(r, 2).text().startswith(
            "the informant"))
        _grade_through_the_menu(qtbot, view, notes, row, "C3")
        qtbot.waitUntil(lambda: _grade_cell(view.notes_table, row) == "C3", timeout=WAIT_MS)

        # the administration changes its scheme: the next grade is given in it
        grading.set_default_scheme(w.db, "europol")
        w.refresh()
        qtbot.waitUntil(lambda: view.grades.scheme == "europol", timeout=WAIT_MS)
        _grade_through_the_menu(qtbot, view, view.attachments.table, 0, "X1")
        qtbot.waitUntil(lambda: _grade_cell(view.attachments.table, 0) == "X1",
                        timeout=WAIT_MS)
        _grade_through_the_menu(qtbot, view, view.files_table, 0, "A1")  # a change of grade
        qtbot.waitUntil(lambda: _grade_cell(view.files_table, 0) == "A1", timeout=WAIT_MS)
    finally:
        close_window(w)
    with db.read() as s:
        assert grading.case_grades(s, view.case_file)[("note", note)] == grading.Grade(
            "admiralty", "C3")
        assert grading.grades(s, "attachment", [attachment]) == {
            attachment: grading.Grade("europol", "X1")}
        assert grading.source_grades(s, [sha]) == {sha: grading.Grade("europol", "A1")}
    assert _graded(db, "note") == [(note, None, "C3 (admiralty)")]
    assert _graded(db, "attachment") == [(attachment, None, "X1 (europol)")]
    assert [(old, new) for _, old, new in _graded(db, "source_file")] == [
        (None, "B2 (admiralty)"), ("B2 (admiralty)", "A1 (europol)")]
    db.dispose()


@pytest.fixture
def empty(qtbot, tmp_path):
    db = Database(tmp_path / "cases.db", user="tester")
    migrate.upgrade(db)
    w = open_window(qtbot, db.sqlite_path, user="tester")
    yield w
    close_window(w)
    db.dispose()


def _to_mapping_page(qtbot, window, path):
    from app.actions.importing import open_import_wizard

    flow = open_import_wizard(window, [str(path)])
    qtbot.addWidget(flow.wizard)
    flow.wizard.next()
    assert flow.wizard.currentPage() is flow.wizard.mapping_page
    next_button = flow.wizard.button(flow.wizard.WizardButton.NextButton)
    qtbot.waitUntil(next_button.isEnabled, timeout=WAIT_MS)  # the preview is read in a job
    return flow, next_button


def test_the_import_wizard_grades_the_files_in_the_administrations_scheme(qtbot, empty,
                                                                           tmp_path):
    grading.set_default_scheme(empty.db, "uk325")
    path = write_csv(tmp_path / "informant.csv", [HEADER, ["G1", "2024-03-01", "391510", "12000"],
                                                  ["G2", "2024-03-02", "391510", "9000"]])
    flow, next_button = _to_mapping_page(qtbot, empty, path)
    chooser = flow.wizard.mapping_page.grade
    qtbot.waitUntil(lambda: chooser.scheme() == "uk325", timeout=WAIT_MS)
    assert [c.count() for c in chooser.combos] == [4, 6, 3]  # "—" then 1-3, A-E, P/C
    chooser.combos[0].setCurrentIndex(chooser.combos[0].findData("1"))
    assert not next_button.isEnabled()  # half a grade is no grade
    _choose(chooser, "1AP")
    assert next_button.isEnabled()
    flow.wizard.next()
    run = flow.wizard.run_page
    qtbot.waitUntil(run.isComplete, timeout=30_000)
    assert "informant.csv: graded 1AP as a source" in run.status.text()
    sha = flow.reports[0].report.sha256
    with empty.db.read() as s:
        assert grading.source_grades(s, [sha]) == {sha: grading.Grade("uk325", "1AP")}
    assert [new for _, _, new in _graded(empty.db, "source_file")] == ["1AP (uk325)"]


def test_an_import_without_a_grade_grades_nothing(qtbot, empty, tmp_path):
    path = write_csv(tmp_path / "plain.csv", [HEADER, ["P1", "2024-03-01", "391510", "12000"]])
    flow, _ = _to_mapping_page(qtbot, empty, path)
    assert flow.wizard.chosen_grade() is None
    flow.wizard.next()
    qtbot.waitUntil(flow.wizard.run_page.isComplete, timeout=30_000)
    assert "graded" not in flow.wizard.run_page.status.text()
    assert _graded(empty.db, "source_file") == []


def test_the_wizard_says_the_import_waits_for_another_writer(qtbot, empty, tmp_path):
    path = write_csv(tmp_path / "late.csv", [HEADER, ["W1", "2024-03-01", "391510", "12000"]])
    flow, _ = _to_mapping_page(qtbot, empty, path)
    holder = sqlite3.connect(empty.db.sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing, holding the lock
    try:
        flow.wizard.next()
        run = flow.wizard.run_page
        waiting = flow.wizard.tr("Another program is writing to the case database: waiting "
                                 "for it to finish (%1 s). You can cancel.").split("(")[0]
        qtbot.waitUntil(lambda: run.status.text().startswith(waiting), timeout=WAIT_MS)
        assert run.cancel.isEnabled() and not run.isComplete()
        assert "waiting" in empty.statusBar().currentMessage()
    finally:
        holder.execute("COMMIT")
        holder.close()
    qtbot.waitUntil(run.isComplete, timeout=30_000)
    assert "1 imported" in run.status.text() and waiting not in run.status.text()
