"""Editing a case from the case view: attachments added, saved and removed through the real
buttons, notes edited (a stale edit refused), the dossier button; each write audited, on a copy
of the demo database."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.actions import case_edits
from casedb.cases import attachments
from casedb.cases import records as cases
from casedb.models import Attachment, AuditEntry, Note
from casedb.store.audit import entries
from casedb.store.database import Database
from widgets import case_attachments

TRUTH = json.loads((Path(__file__).resolve().parents[2] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))
REF = TRUTH["cases"][0]
WAIT_MS = 15_000


class _Boxes:
    """Stands in for QMessageBox in app.actions.case_edits: records instead of blocking."""

    def __init__(self):
        self.shown: list[tuple[str, str]] = []

    def warning(self, _parent, title, text, *_args):
        self.shown.append((title, text))


@pytest.fixture
def boxes(monkeypatch) -> _Boxes:
    rec = _Boxes()
    monkeypatch.setattr(case_edits, "QMessageBox", rec)
    return rec


@pytest.fixture
def copy_db(demo_db, tmp_path):
    shutil.copy(demo_db.sqlite_path, tmp_path / "demo.db")
    database = Database(tmp_path / "demo.db", user="officer.chen")
    yield database
    database.dispose()


@pytest.fixture
def window(qtbot, copy_db, boxes):
    from app.main_window import MainWindow
    from app.settings import Settings

    w = MainWindow(copy_db, Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    first = case_edits.connect_case_view(w)
    assert case_edits.connect_case_view(w) is first  # idempotent: wired once
    yield w
    w.jobs.cancel_all()
    assert w.jobs.wait(30_000)


def _dialogs(monkeypatch, *, open_paths=(), save_path="", text=("", False)):
    """Answers for the panel's file and text dialogs."""

    class Files:
        @staticmethod
        def getOpenFileNames(*_a, **_k):  # noqa: N802 - Qt's name
            return [str(p) for p in open_paths], ""

        @staticmethod
        def getSaveFileName(*_a, **_k):  # noqa: N802 - Qt's name
            return str(save_path), ""

    class Texts:
        @staticmethod
        def getText(*_a, **_k):  # noqa: N802 - Qt's name
            return text

    monkeypatch.setattr(case_attachments, "QFileDialog", Files)
    monkeypatch.setattr(case_attachments, "QInputDialog", Texts)


def _click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _audit(db, entity: str, action: str):
    with db.read() as s:
        return [e for e in entries(s, entity=entity) if e.action == action]


def _count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_attach_save_and_remove_through_the_attachments_tab(qtbot, window, copy_db, boxes,
                                                           tmp_path, monkeypatch):
    view = window.case_view
    window.open_case(REF)
    view.tabs.setCurrentWidget(view.attachments)
    panel = view.attachments
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Attachments (0)"
    assert not panel.save_button.isEnabled() and not panel.remove_button.isEnabled()
    content = os.urandom(300_000) + b"\x00\xff"
    scan = tmp_path / "bales at berth 7.jpg"
    scan.write_bytes(content)

    _dialogs(monkeypatch, open_paths=[scan], text=("photo taken at the inspection", True))
    with qtbot.waitSignal(view.add_attachment_requested) as sig:
        _click(qtbot, panel.add_button)
    assert sig.args == [REF, str(scan), "photo taken at the inspection"]
    qtbot.waitUntil(lambda: panel.count() == 1, timeout=WAIT_MS)
    cells = [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
    assert cells[0] == "bales at berth 7.jpg"
    assert cells[2] == "officer.chen"
    assert cells[4] == "photo taken at the inspection"
    assert view.tabs.tabText(view.tabs.indexOf(panel)) == "Attachments (1)"
    [info] = attachments.list_attachments(copy_db, REF)
    assert info.size == len(content)

    out = tmp_path / "elsewhere" / "copy.jpg"
    out.parent.mkdir()
    _dialogs(monkeypatch, save_path=out)
    panel.table.selectRow(0)
    with qtbot.waitSignal(view.save_attachment_requested) as sig:
        _click(qtbot, panel.save_button)
    assert sig.args == [info.id, str(out)]
    qtbot.waitUntil(lambda: out.exists(), timeout=WAIT_MS)
    assert out.read_bytes() == content

    _dialogs(monkeypatch, text=("duplicate of the customs photo", True))
    panel.table.selectRow(0)
    with qtbot.waitSignal(view.remove_attachment_requested) as sig:
        _click(qtbot, panel.remove_button)
    assert sig.args == [info.id, "duplicate of the customs photo"]
    qtbot.waitUntil(lambda: panel.count() == 0, timeout=WAIT_MS)
    [removed] = _audit(copy_db, "attachment", "delete")
    assert removed.entity_id == info.id
    assert removed.reason == "duplicate of the customs photo"
    assert removed.user == "officer.chen"
    assert info.sha256 in removed.old_value and "bales at berth 7.jpg" in removed.old_value
    assert _count(copy_db, Attachment) == 0
    assert boxes.shown == []


def test_remove_without_a_reason_does_nothing(qtbot, window, copy_db, tmp_path, monkeypatch):
    path = tmp_path / "letter.txt"
    path.write_text("to the shipping line", "utf-8")
    attachments.add_attachment(copy_db, REF, path)
    window.open_case(REF)
    panel = window.case_view.attachments
    window.case_view.tabs.setCurrentWidget(panel)
    panel.table.selectRow(0)
    _dialogs(monkeypatch, text=("   ", True))
    with qtbot.assertNotEmitted(window.case_view.remove_attachment_requested):
        _click(qtbot, panel.remove_button)
    assert _count(copy_db, Attachment) == 1


def test_a_file_too_large_is_refused_with_a_message(qtbot, window, copy_db, boxes,
                                                    tmp_path, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 1000)
    path = tmp_path / "video.mp4"
    path.write_bytes(b"\x00" * 1001)
    window.open_case(REF)
    audited = _count(copy_db, AuditEntry)
    window.case_view.add_attachment_requested.emit(REF, str(path), "")
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=WAIT_MS)
    assert "video.mp4" in boxes.shown[0][1] and "too large" in boxes.shown[0][1]
    assert _count(copy_db, Attachment) == 0
    assert _count(copy_db, AuditEntry) == audited
    assert window.case_view.attachments.count() == 0


def _note_row(view, note_id: int) -> int:
    table = view.notes_table
    return next(r for r in range(table.rowCount())
                if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == note_id)


def test_edit_a_note_is_audited(qtbot, window, copy_db, boxes):
    note_id = cases.add_note(copy_db, REF, "Shipper shares a phone with the consignee.")
    view = window.case_view
    window.open_case(REF)
    view.tabs.setCurrentIndex(next(i for i in range(view.tabs.count())  # the Notes tab
                                 if view.tabs.widget(i).isAncestorOf(view.notes_table)))
    assert not view.edit_note_button.isEnabled()  # nothing selected yet
    view.notes_table.selectRow(_note_row(view, note_id))
    _click(qtbot, view.edit_note_button)
    assert view.note_edit.toPlainText() == "Shipper shares a phone with the consignee."
    assert not view.add_note_button.isVisible()
    view.note_edit.setPlainText("Shipper shares a phone and a director with the consignee.")
    with qtbot.waitSignal(view.edit_note_requested) as sig:
        _click(qtbot, view.save_note_button)
    assert sig.args == [note_id, 1, "Shipper shares a phone and a director with the consignee."]
    qtbot.waitUntil(lambda: len(_audit(copy_db, "note", "update")) == 1, timeout=WAIT_MS)
    [entry] = _audit(copy_db, "note", "update")
    assert (entry.entity_id, entry.field, entry.user) == (note_id, "body", "officer.chen")
    assert entry.old_value == "Shipper shares a phone with the consignee."
    assert entry.new_value == "Shipper shares a phone and a director with the consignee."
    # The view is reloaded: the new text in the list, the editor back to adding notes.
    qtbot.waitUntil(lambda: view.notes_table.item(_note_row(view, note_id), 2).text()
                    == "Shipper shares a phone and a director with the consignee.",
                    timeout=WAIT_MS)
    assert view.add_note_button.isVisible() and not view.save_note_button.isVisible()
    assert view.note_edit.toPlainText() == ""
    assert boxes.shown == []


def test_a_stale_note_edit_shows_the_conflict_and_changes_nothing(qtbot, window, copy_db, boxes,
                                                                  tmp_path):
    note_id = cases.add_note(copy_db, REF, "Original text.")
    view = window.case_view
    window.open_case(REF)
    view.tabs.setCurrentIndex(next(i for i in range(view.tabs.count())  # the Notes tab
                                 if view.tabs.widget(i).isAncestorOf(view.notes_table)))
    view.notes_table.selectRow(_note_row(view, note_id))
    _click(qtbot, view.edit_note_button)
    # A colleague saves the same note meanwhile.
    colleague = Database(tmp_path / "demo.db", user="officer.lin")
    try:
        cases.edit_note(colleague, note_id, 1, "Colleague's text.")
    finally:
        colleague.dispose()
    view.note_edit.setPlainText("My text.")
    _click(qtbot, view.save_note_button)
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=WAIT_MS)
    assert "changed this note" in boxes.shown[0][1]
    with copy_db.read() as s:
        assert s.get(Note, note_id).body == "Colleague's text."
    assert [e.user for e in _audit(copy_db, "note", "update")] == ["officer.lin"]
    # Reloaded: the colleague's text in the list, ours still in the editor, now against the
    # current version.
    assert view.notes_table.item(_note_row(view, note_id), 2).text() == "Colleague's text."
    assert view.note_edit.toPlainText() == "My text."
    with qtbot.waitSignal(view.edit_note_requested) as sig:
        _click(qtbot, view.save_note_button)
    assert sig.args == [note_id, 2, "My text."]
    qtbot.waitUntil(lambda: len(_audit(copy_db, "note", "update")) == 2, timeout=WAIT_MS)


def test_a_wrong_version_sent_by_signal_is_refused(qtbot, window, copy_db, boxes):
    note_id = cases.add_note(copy_db, REF, "Original text.")
    window.open_case(REF)
    window.case_view.edit_note_requested.emit(note_id, 7, "Overwrite.")
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=WAIT_MS)
    with copy_db.read() as s:
        assert s.get(Note, note_id).body == "Original text."
    assert _audit(copy_db, "note", "update") == []


def test_the_dossier_button_asks_for_the_open_case_dossier(qtbot, window, monkeypatch):
    from app.actions import dossier

    asked = []
    monkeypatch.setattr(dossier, "export_dossier", asked.append)
    view = window.case_view
    assert not view.dossier_button.isEnabled()  # no case open yet
    window.open_case(REF)
    with qtbot.waitSignal(view.dossier_requested) as sig:
        _click(qtbot, view.dossier_button)
    assert sig.args == [REF]
    assert asked == [window]
