"""The company view on a copy of the demo database: a company opened from the link chart (a
double-click on its node) and from the case view's parties shows itself - its names as
written, identifiers, declarations a page at a time, cases and counterparties - as
casedb.parties.view reads it."""

from __future__ import annotations

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtCore import Qt

from casedb.parties.view import party_view

REF = TRUTH["cases"][0]


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    yield w
    close_window(w)


def _shown(qtbot, w, party_id: int) -> None:
    qtbot.waitUntil(lambda: w.company.view.party is not None
                    and w.company.view.party.id == party_id, timeout=WAIT_MS)
    assert w.company.dock.isVisible()


def test_a_company_double_clicked_on_the_link_chart_opens_as_itself(qtbot, window):
    chart = window.analysis.links
    window.analysis.tabs.setCurrentWidget(chart)
    with qtbot.waitSignal(chart.layout_finished, timeout=WAIT_MS):
        open_case(qtbot, window, REF)
    assert any(n.startswith("p") for n in chart.nodes)
    qtbot.waitExposed(chart.view)
    node = next(n for n in chart.nodes if n[0] == "p" and n[1:].isdigit())  # a party node
    point = chart.view.mapFromScene(chart.items.view_pos_of(chart.network.index[node]))
    viewport, left = chart.view.viewport(), Qt.MouseButton.LeftButton
    qtbot.mouseClick(viewport, left, pos=point)
    qtbot.mouseDClick(viewport, left, pos=point)  # what a mouse sends: ..., release
    qtbot.mouseRelease(viewport, left, pos=point)
    party_id = int(node[1:])
    _shown(qtbot, window, party_id)
    view, expected = window.company.view, party_view(window.db, party_id)
    assert view.title.text() == expected.display_name
    assert window.browser.search.text() == ""  # no longer typed into the case search
    assert [view.names.item(r, 0).text() for r in range(view.names.rowCount())] == [
        name for name, _n in expected.names]
    assert view.declarations.rowCount() == min(100, expected.declarations_total)
    cases = {view.cases.item(r, 0).text() for r in range(view.cases.rowCount())}
    assert REF in cases


def test_a_party_in_the_case_view_opens_its_company_and_pages_its_declarations(qtbot, window):
    open_case(qtbot, window, REF)
    tree = window.case_view.tabs.widget(2)
    item = max((tree.topLevelItem(i) for i in range(tree.topLevelItemCount())),
               key=lambda it: party_view(window.db, it.data(0, Qt.ItemDataRole.UserRole),
                                         page_size=1).declarations_total)
    party_id = item.data(0, Qt.ItemDataRole.UserRole)
    tree.itemDoubleClicked.emit(item.child(0) or item, 0)  # a name variant opens its party
    _shown(qtbot, window, party_id)
    view = window.company.view
    total = view.party.declarations_total
    view.set_page_size(2)
    if total > 2:
        view.next_button.click()
        qtbot.waitUntil(lambda: view.page == 1 and view.page_label.text().startswith("Page 2"),
                        timeout=WAIT_MS)
        second = party_view(window.db, party_id, page=1, page_size=2)
        assert [view.declarations.item(r, 0).text() for r in range(
            view.declarations.rowCount())] == [d.declaration_no for d in second.declarations]
    counter = view.counterparties
    if counter.rowCount():
        other = counter.item(0, 0).data(Qt.ItemDataRole.UserRole)
        counter.cellDoubleClicked.emit(0, 0)
        _shown(qtbot, window, other)


def test_a_merge_undone_from_the_company_view_brings_the_other_company_back(qtbot, window):
    from casedb.errors import NotFound
    from casedb.parties import resolution as entities

    open_case(qtbot, window, REF)
    keep, other = [p.id for p in window.case_view.case_file.parties[:2]]
    window.publish(entities.merge(window.db, keep, other, "same company, two spellings"))
    with pytest.raises(NotFound):
        party_view(window.db, other)
    window.company.open_party(keep)
    _shown(qtbot, window, keep)
    view = window.company.view
    assert any(view.history.item(r, 2).text() == "merge" for r in range(view.history.rowCount()))
    assert view.undo_button.isEnabled()
    view.undo_button.click()

    def back() -> bool:
        try:
            return party_view(window.db, other).id == other
        except NotFound:
            return False

    qtbot.waitUntil(back, timeout=WAIT_MS)


def test_a_party_double_clicked_in_the_review_queue_opens_its_company(qtbot, window):
    from app.actions.entity_review import open_entity_review

    flow = open_entity_review(window)
    table = flow.review.table
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=60_000)
    candidate = flow.review.current()
    table.cellDoubleClicked.emit(table.currentRow(), 1)
    _shown(qtbot, window, candidate.right_id)
    flow.dialog.close()
