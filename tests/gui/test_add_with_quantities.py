"""Several declarations added to a case at once with the quantity seized of each, on a copy of
the demo database, from every place that offers "Add to case…": the browser, search results,
the company view and a split-shipment ring. The picker lists each declaration with its gross
weight; a quantity typed, blank (unknown) or filled from the gross weight goes into the seizure
record; a quantity that is not above 0 is refused in the dialog, nothing written."""

from __future__ import annotations

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from sqlalchemy import func, select

from casedb.cases import records as cases
from casedb.models import Declaration, DeclarationParty, Seizure
from widgets.case_picker import SEIZED

REF = TRUTH["cases"][0]


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    open_case(qtbot, w, REF)
    yield w
    close_window(w)


def _seized(db) -> dict[int, float | None]:
    with db.read() as s:
        cid = cases.case_id(s, REF)
        return dict(s.execute(select(Seizure.declaration_id, Seizure.quantity_kg)
                              .where(Seizure.case_id == cid)).all())


def _gross(db, ids) -> dict[int, float]:
    with db.read() as s:
        return dict(s.execute(select(Declaration.id, Declaration.gross_weight_kg)
                              .where(Declaration.id.in_(list(ids)))).all())


def _picker_filled(qtbot, window, ids):
    picker = window.case_management.dialog
    assert picker.case_ref() == REF and picker.quantities.rowCount() == len(ids)
    qtbot.waitUntil(lambda: picker.quantities.item(0, 0).text() != "…", timeout=WAIT_MS)
    return picker


def _select(view, rows) -> None:
    view.clearSelection()
    flags = view.selectionModel().SelectionFlag
    for r in rows:
        view.selectionModel().select(view.model().index(r, 0), flags.Select | flags.Rows)


def test_from_the_browser_each_with_its_quantity_and_a_bad_one_refused(qtbot, window):
    browser = window.browser
    browser.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: browser.declarations.model.rowCount() > 0, timeout=WAIT_MS)
    held = _seized(window.db)
    model = browser.declarations.model
    rows = [r for r in range(model.rowCount()) if model.row_id(r) not in held][:3]
    ids = [model.row_id(r) for r in rows]
    _select(browser.declarations.view, rows)
    browser.declarations.menu.trigger("Add to case…")
    picker = _picker_filled(qtbot, window, ids)
    assert not picker.quantity.isVisibleTo(picker)  # several: the table, not the box
    shown = [picker.quantities.item(r, 0).data(0x0100) for r in range(3)]
    assert shown == ids
    picker.fill_with_gross_weights()
    picker.quantities.item(1, SEIZED).setText("")  # unknown
    picker.quantities.item(2, SEIZED).setText("-4")
    picker.accept()
    assert picker.isVisible() and picker.problem.isVisible()  # refused, said on the row
    assert picker.quantities.item(2, 0).text() in picker.problem.text()
    picker.quantities.item(2, SEIZED).setText("2,500.5")
    picker.accept()
    gross = _gross(window.db, ids)
    qtbot.waitUntil(lambda: set(ids) <= set(_seized(window.db)), timeout=WAIT_MS)
    got = _seized(window.db)
    assert (got[ids[0]], got[ids[1]], got[ids[2]]) == (round(gross[ids[0]], 1), None, 2500.5)


def test_from_search_results_and_the_company_view(qtbot, window):
    with window.db.read() as s:  # the busiest vessel and the busiest party: many declarations
        vessel = s.execute(select(Declaration.vessel_name, func.count())
                           .where(Declaration.vessel_name.is_not(None))
                           .group_by(Declaration.vessel_name)
                           .order_by(func.count().desc())).first()[0]
        party = s.execute(select(DeclarationParty.party_id, func.count())
                          .group_by(DeclarationParty.party_id)
                          .order_by(func.count().desc())).first()[0]
    panel = window.search_actions.panel
    window.find()
    panel.search(vessel)
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0, timeout=WAIT_MS)
    held = _seized(window.db)
    rows = [r for r, h in enumerate(panel.hits)
            if h.kind == "declaration" and h.id not in held][:2]
    assert len(rows) == 2
    _select(panel.table, rows)
    ids = [panel.hits[r].id for r in rows]
    panel.table.table_menu.trigger("Add to case…")
    picker = _picker_filled(qtbot, window, ids)
    picker.quantities.item(0, SEIZED).setText("1200")
    picker.accept()
    qtbot.waitUntil(lambda: set(ids) <= set(_seized(window.db)), timeout=WAIT_MS)
    assert (_seized(window.db)[ids[0]], _seized(window.db)[ids[1]]) == (1200.0, None)
    window.company.open_party(party)
    qtbot.waitUntil(lambda: window.company.view.party is not None
                    and window.company.view.party.id == party, timeout=WAIT_MS)
    table = window.company.view.declarations
    held = _seized(window.db)
    free = [r for r in range(table.rowCount())
            if table.item(r, 0).data(0x0100) not in held][:3]
    assert len(free) >= 2
    _select(table, free)
    ids = [table.item(r, 0).data(0x0100) for r in free]
    table.table_menu.trigger("Add to case…")
    picker = _picker_filled(qtbot, window, ids)
    for r in range(len(ids)):
        picker.quantities.item(r, SEIZED).setText(str(100 * (r + 1)))
    picker.accept()
    qtbot.waitUntil(lambda: set(ids) <= set(_seized(window.db)), timeout=WAIT_MS)
    got = _seized(window.db)
    assert [got[i] for i in ids] == [100.0 * (r + 1) for r in range(len(ids))]


def test_from_a_ring_with_the_quantities_of_some(qtbot, window):
    dock = window.analysis
    window.analysis_actions.refresh_splits()
    qtbot.waitUntil(lambda: len(dock.shown_rings) > 0, timeout=60_000)
    held = _seized(window.db)
    index = next(i for i, r in enumerate(dock.shown_rings)
                 if len(set(r.declaration_ids) - set(held)) >= 2)
    ring = list(dock.shown_rings[index].declaration_ids)
    dock.splits.select_ring(index)
    dock.splits.add_case_button.click()
    picker = _picker_filled(qtbot, window, ring)
    picker.quantities.item(0, SEIZED).setText("750")
    first = picker.quantities.item(0, 0).data(0x0100)
    picker.accept()
    qtbot.waitUntil(lambda: set(ring) <= set(_seized(window.db)), timeout=WAIT_MS)
    got = _seized(window.db)
    assert got[first] == 750.0 or first in held  # already held: kept as it was
