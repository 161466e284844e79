"""Search that says what it found, in the workstation (Ctrl+F), on a copy of the demo database:
a phone number finds its company with the field, value and strength shown; a vessel written
with two letters swapped finds its declarations as a near spelling; a hit opens its company or
is added to a case."""

from __future__ import annotations

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from casedb.cases import records as cases
from casedb.models import Declaration, Party, PartyIdentifier, Seizure


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    yield w
    close_window(w)


def _search(qtbot, w, text: str) -> list[tuple[str, ...]]:
    w.find()
    panel = w.search_actions.panel
    assert w.search_actions.dock.isVisible()
    qtbot.waitUntil(lambda: panel.box.hasFocus(), timeout=WAIT_MS)
    panel.search(text)
    qtbot.waitUntil(lambda: panel.said.text() != "Searching…", timeout=WAIT_MS)
    t = panel.table
    return [tuple(t.item(r, c).text() for c in range(t.columnCount()))
            for r in range(t.rowCount())]


def test_a_phone_number_finds_its_company_and_says_it_matched_the_phone(qtbot, window):
    with window.db.read() as s:
        party_id, phone, name = s.execute(
            select(PartyIdentifier.party_id, PartyIdentifier.value, Party.display_name)
            .join(Party, Party.id == PartyIdentifier.party_id)
            .where(PartyIdentifier.kind == "phone").order_by(PartyIdentifier.id)).first()
    rows = _search(qtbot, window, phone)
    assert ("Company", name, "Phone", phone, "exact", "1.00") in rows
    panel = window.search_actions.panel
    row = rows.index(("Company", name, "Phone", phone, "exact", "1.00"))
    panel.table.cellDoubleClicked.emit(row, 0)
    qtbot.waitUntil(lambda: window.company.view.party is not None
                    and window.company.view.party.id == party_id, timeout=WAIT_MS)
    assert window.company.view.title.text() == name


def test_a_vessel_misspelt_is_found_as_a_near_spelling_and_added_to_a_case(qtbot, window):
    with window.db.read() as s:
        vessel, n = s.execute(select(Declaration.vessel_name, func.count())
                              .where(Declaration.vessel_name.is_not(None))
                              .group_by(Declaration.vessel_name)
                              .order_by(func.count().desc())).first()
    words = vessel.split()
    last = words[-1]
    typo = " ".join(words[:-1] + [last[:-2] + last[-1] + last[-2]])  # two letters swapped
    assert typo != vessel
    rows = _search(qtbot, window, typo)
    vessel_rows = [r for r in rows if r[2] == "Vessel"]
    assert vessel_rows and all(r[3] == vessel and r[4] == "near spelling" for r in vessel_rows)
    assert len(vessel_rows) == min(n, 200)
    if n >= 200:  # the panel says the list stops there
        assert "only the first ones: Vessel" in window.search_actions.panel.said.text()
    ref = TRUTH["cases"][0]
    open_case(qtbot, window, ref)
    panel = window.search_actions.panel
    panel.table.selectRow(rows.index(vessel_rows[0]))
    hit = panel.selected_hits()[0]
    panel.table.table_menu.trigger("Add to case…")
    picker = window.case_management.dialog
    assert picker.case_ref() == ref
    picker.accept()

    def held() -> bool:
        with window.db.read() as s:
            return hit.id in set(s.scalars(select(Seizure.declaration_id).where(
                Seizure.case_id == cases.case_id(s, ref))))

    qtbot.waitUntil(held, timeout=WAIT_MS)


def test_copy_from_the_results_puts_the_rows_on_the_clipboard(qtbot, window):
    rows = _search(qtbot, window, TRUTH["cases"][0])
    panel = window.search_actions.panel
    panel.table.selectRow(0)
    panel.table.setFocus()
    qtbot.waitUntil(lambda: panel.table.hasFocus(), timeout=WAIT_MS)
    copy = next(a for a in window.edit_menu.actions() if a.shortcut().matches(
        Qt.Key.Key_C | Qt.KeyboardModifier.ControlModifier).name == "ExactMatch")
    copy.trigger()
    assert QApplication.clipboard().text() == "\t".join(rows[0])
