"""Case management in the workstation, on a copy of the demo database (imported through the real
pipeline): a case created and edited through the form, a conflict shown when two windows edit one
case, declarations added from the browser and a ring, a merge undone and redone, a declaration's
source row opened as written from the Provenance tab."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from casedb.cases import records as cases
from casedb.models import Seizure

REF = TRUTH["cases"][0]
OTHER = TRUTH["cases"][1]


@pytest.fixture
def db_path(demo_db, tmp_path) -> Path:
    return copy_demo(demo_db, tmp_path)


@pytest.fixture
def window(qtbot, db_path, boxes):
    w = _window(qtbot, db_path)
    yield w
    _close(w)


_window, _close, _open = open_window, close_window, open_case


def _seized(db, ref) -> set[int]:
    with db.read() as s:
        cid = cases.case_id(s, ref)
        return set(s.scalars(select(Seizure.declaration_id).where(Seizure.case_id == cid)))


def test_a_case_created_from_the_form_is_stored_with_every_field_and_opened(qtbot, window):
    form = window.case_management.new_case()
    form.reference.setText("TW-2026-900")
    form.title.setText("Mislabelled plastic scrap via Port Klang")
    form.summary.setPlainText("Tip-off from the port authority.")
    form.opened.setDate(QDate(2026, 3, 2))
    form.lead.setText("Insp. Lin")
    form.team.setText("Kaohsiung")
    form.status.setCurrentIndex(form.status.findData("investigating"))
    form.tags.setText("plastics, tip-off")
    form.classification.setCurrentIndex(form.classification.findData("RESTRICTED"))
    form.reason.setText("opened on a tip-off")
    form.accept()
    qtbot.waitUntil(lambda: window.case_view.case_ref == "TW-2026-900", timeout=WAIT_MS)
    got = cases.get_case(window.db, "TW-2026-900")
    assert (got.title, got.summary, got.opened_on, got.lead_officer, got.team, got.status,
            got.tags, got.classification) == (
        "Mislabelled plastic scrap via Port Klang", "Tip-off from the port authority.",
        dt.date(2026, 3, 2), "Insp. Lin", "Kaohsiung", "investigating", ("plastics", "tip-off"),
        "RESTRICTED")
    assert window.case_view.status_label.text() == "Investigating"


def test_editing_a_case_saves_its_fields_along_the_workflow_and_undo_reverts(qtbot, window):
    _open(qtbot, window, REF)
    form = window.case_management.edit_case()
    statuses = [form.status.itemData(i) for i in range(form.status.count())]
    assert statuses[0] == "open" and "closed" in statuses and "referred" in statuses
    form.status.setCurrentIndex(form.status.findData("referred"))
    form.lead.setText("Insp. Wu")
    form.reason.setText("sent to the prosecutor")
    form.accept()
    qtbot.waitUntil(lambda: cases.get_case(window.db, REF).status == "referred", timeout=WAIT_MS)
    assert cases.get_case(window.db, REF).lead_officer == "Insp. Wu"
    qtbot.waitUntil(lambda: window.case_view.status_label.text() == "Referred to prosecutor",
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.case_management.undo_stack.canUndo(), timeout=WAIT_MS)
    window.case_management.undo()
    qtbot.waitUntil(lambda: cases.get_case(window.db, REF).status == "open", timeout=WAIT_MS)
    window.case_management.redo()
    qtbot.waitUntil(lambda: cases.get_case(window.db, REF).status == "referred",
                    timeout=WAIT_MS)


def test_two_windows_editing_one_case_the_second_save_is_refused_and_shown(
        qtbot, window, db_path, boxes):
    other = _window(qtbot, db_path, user="officer.wang")
    try:
        _open(qtbot, window, REF)
        _open(qtbot, other, REF)
        mine = window.case_management.edit_case()  # read at the same version as theirs
        theirs = other.case_management.edit_case()
        theirs.title.setText("Their title")
        theirs.accept()
        qtbot.waitUntil(lambda: cases.get_case(window.db, REF).title == "Their title",
                        timeout=WAIT_MS)
        mine.title.setText("My title")
        mine.accept()
        qtbot.waitUntil(lambda: bool(boxes.shown), timeout=WAIT_MS)
        title, text = boxes.shown[-1]
        assert "someone else" in title and "officer.wang" in text and "title" in text
        assert cases.get_case(window.db, REF).title == "Their title"  # not saved over
    finally:
        _close(other)


def test_declarations_added_from_the_browser_then_the_add_undone(qtbot, window):
    _open(qtbot, window, REF)
    browser = window.browser
    browser.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: browser.declarations.model.rowCount() > 0, timeout=WAIT_MS)
    held = _seized(window.db, REF)
    rows = [r for r in range(browser.declarations.model.rowCount())
            if browser.declarations.model.row_id(r) not in held][:3]
    view = browser.declarations.view
    for r in rows:
        view.selectionModel().select(view.model().index(r, 0),
                                     view.selectionModel().SelectionFlag.Select
                                     | view.selectionModel().SelectionFlag.Rows)
    wanted = {browser.declarations.model.row_id(r) for r in rows}
    browser.declarations.menu.trigger("Add to case…")
    picker = window.case_management.dialog
    assert picker.case_ref() == REF  # the open case comes first
    picker.reason.setText("same consignee")
    picker.accept()
    qtbot.waitUntil(lambda: wanted <= _seized(window.db, REF), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.case_management.undo_stack.canUndo(), timeout=WAIT_MS)
    window.case_management.undo()
    qtbot.waitUntil(lambda: not (wanted & _seized(window.db, REF)), timeout=WAIT_MS)
    assert _seized(window.db, REF) == held


def test_a_merge_undone_gives_each_case_its_declarations_back(qtbot, window):
    keep, other = _seized(window.db, REF), _seized(window.db, OTHER)
    _open(qtbot, window, REF)
    picker = window.case_management.merge_into_open_case()
    picker.case.setCurrentIndex(picker.case.findData(OTHER))
    picker.accept()
    qtbot.waitUntil(lambda: cases.get_case(window.db, OTHER).merged_into == REF,
                    timeout=WAIT_MS)
    assert _seized(window.db, REF) == keep | other and not _seized(window.db, OTHER)
    qtbot.waitUntil(lambda: window.case_management.undo_stack.canUndo(), timeout=WAIT_MS)
    window.case_management.undo()
    qtbot.waitUntil(lambda: cases.get_case(window.db, OTHER).merged_into is None,
                    timeout=WAIT_MS)
    assert _seized(window.db, REF) == keep and _seized(window.db, OTHER) == other
    assert cases.get_case(window.db, OTHER).status == "open"


def test_a_source_row_opens_as_written_beside_the_stored_values(qtbot, window):
    _open(qtbot, window, REF)
    view = window.case_view
    qtbot.waitUntil(lambda: view.sources_table.rowCount() > 0, timeout=WAIT_MS)
    declaration_no = view.sources_table.item(0, 0).text()
    view.sources_table.cellDoubleClicked.emit(0, 1)
    qtbot.waitUntil(lambda: window.case_management.evidence_view is not None
                    and window.case_management.evidence_view.isVisible(), timeout=WAIT_MS)
    ev = window.case_management.evidence_view
    assert ev.evidence.declaration_no == declaration_no
    assert ev.sources.rowCount() >= 1 and len(ev.sources.item(0, 1).text()) == 64  # SHA-256
    cells = {ev.cells.item(r, 2).text(): (ev.cells.item(r, 1).text(), ev.cells.item(r, 3).text())
             for r in range(ev.cells.rowCount())}
    as_written, stored = cells["declaration_no"]
    assert stored == declaration_no and declaration_no in as_written


def test_declarations_removed_from_the_case_view_then_put_back_by_undo(qtbot, window):
    _open(qtbot, window, REF)
    held = _seized(window.db, REF)
    table = window.case_view.declarations_table
    assert table.rowCount() == len(held) >= 1
    table.selectRow(0)
    gone = table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    table.table_menu.trigger("Remove from this case")
    qtbot.waitUntil(lambda: _seized(window.db, REF) == held - {gone}, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.case_view.declarations_table.rowCount() == len(held) - 1,
                    timeout=WAIT_MS)
    window.case_management.undo()
    qtbot.waitUntil(lambda: _seized(window.db, REF) == held, timeout=WAIT_MS)


def test_one_declaration_added_with_the_quantity_seized_and_opened_as_written(qtbot, window):
    _open(qtbot, window, REF)
    browser = window.browser
    browser.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: browser.declarations.model.rowCount() > 0, timeout=WAIT_MS)
    held = _seized(window.db, REF)
    row = next(r for r in range(browser.declarations.model.rowCount())
               if browser.declarations.model.row_id(r) not in held)
    did = browser.declarations.model.row_id(row)
    browser.declarations.view.selectRow(row)
    browser.declarations.menu.trigger("Add to case…")
    picker = window.case_management.dialog
    assert picker.quantity.isVisibleTo(picker)  # one declaration: how much was seized
    picker.quantity.setValue(1250.5)
    picker.accept()

    def kg():
        with window.db.read() as s:
            return s.scalar(select(Seizure.quantity_kg).where(
                Seizure.declaration_id == did, Seizure.case_id == cases.case_id(s, REF)))

    qtbot.waitUntil(lambda: kg() == 1250.5, timeout=WAIT_MS)
    browser.declarations.record_activated.emit(did)  # a double-click on the row
    qtbot.waitUntil(lambda: window.case_management.evidence_view is not None
                    and window.case_management.evidence_view.evidence.declaration_id == did,
                    timeout=WAIT_MS)
