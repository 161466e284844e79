"""The split rings' table: Qt's model contract (qtmodeltester) on the model and its sorting
proxy, numbers and dates sorted as such, the filter box, the row of each ring found after a sort;
and on the workstation, the rows' cases filled in from the database and kept up to date when a
ring's declarations go into a case."""

from __future__ import annotations

import datetime as dt

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtCore import Qt

from casedb.analysis.ring_rows import RingRow
from widgets.ring_table import DECLARATIONS, FIRST, IN_CASES, PENDING, SHARED, TONNES, RingTable


def _row(i: int, tonnes: float, declarations: int, first: dt.date, cases=()) -> RingRow:
    return RingRow(i, 0.9 - i / 10, "fan-in", (f"Shell {i} Ltd", "Other Ltd"), ("Buyer",),
                   (("phone", f"+886 2 555 000{i}", 2),), declarations, tonnes,
                   ("MYPKG", "TWKHH"), first, first + dt.timedelta(days=30), tuple(cases),
                   declarations - sum(n for _r, n in cases))


ROWS = [_row(0, 9.5, 12, dt.date(2019, 5, 1), [("TW-2019-001", 3)]),
        _row(1, 120.0, 4, dt.date(2018, 1, 9)),
        _row(2, 45.25, 30, dt.date(2020, 2, 2), [("TW-2020-007", 30)])]


@pytest.fixture
def table(qtbot):
    t = RingTable()
    qtbot.addWidget(t)
    return t


def _column(t: RingTable, column: int) -> list[str]:
    return [t.proxy.index(r, column).data() for r in range(t.proxy.rowCount())]


def test_the_ring_model_and_its_proxy_keep_qts_contract(qtmodeltester, table):
    qtmodeltester.check(table.table_model)  # empty
    table.table_model.set_rows(ROWS, ["a", "b", "c"], detailed=False)
    qtmodeltester.check(table.table_model)
    assert table.table_model.update_rows(ROWS)
    qtmodeltester.check(table.table_model)
    qtmodeltester.check(table.proxy)


def test_numbers_and_dates_sort_as_such_and_the_ring_is_found_after_a_sort(table):
    table.table_model.set_rows(ROWS, ["a", "b", "c"], detailed=True)
    table.sortByColumn(TONNES, Qt.SortOrder.AscendingOrder)
    assert _column(table, TONNES) == ["9.5", "45.2", "120.0"]  # as text "120.0" < "45.2"
    assert [table.ring_at(r) for r in range(3)] == [0, 2, 1]
    table.sortByColumn(DECLARATIONS, Qt.SortOrder.DescendingOrder)
    assert _column(table, DECLARATIONS) == ["30", "12", "4"]
    table.sortByColumn(FIRST, Qt.SortOrder.AscendingOrder)
    assert _column(table, FIRST) == ["2018-01-09", "2019-05-01", "2020-02-02"]
    assert table.view_row_of(2) == 2 and table.view_row_of(1) == 0
    table.sortByColumn(IN_CASES, Qt.SortOrder.DescendingOrder)
    assert table.ring_at(0) == 2  # 30 of its declarations in a case


def test_cases_and_identifiers_are_shown_once_read_and_the_filter_matches_them(table):
    table.table_model.set_rows(ROWS, ["a", "b", "c"], detailed=False)
    assert _column(table, IN_CASES) == [PENDING] * 3
    other = [_row(0, 1.0, 99, dt.date(2019, 1, 1))]
    assert not table.table_model.update_rows(other)  # rows of other rings: ignored
    assert table.table_model.update_rows(ROWS)
    row0 = table.view_row_of(0)
    assert table.proxy.index(row0, IN_CASES).data() == "TW-2019-001 (3)"
    tip = table.proxy.index(row0, IN_CASES).data(Qt.ItemDataRole.ToolTipRole)
    assert "9 of its 12 declarations in no case" in tip
    assert "+886 2 555 0000 (2 shippers)" in table.proxy.index(row0, SHARED).data()
    table.proxy.setFilterFixedString("tw-2020")
    assert [table.ring_at(r) for r in range(table.proxy.rowCount())] == [2]
    table.proxy.setFilterFixedString("")
    assert table.proxy.rowCount() == 3


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    yield w
    close_window(w)


def test_the_rings_cases_come_from_the_database_and_follow_a_ring_added_to_a_case(
        qtbot, window):
    dock = window.analysis
    window.analysis_actions.refresh_splits()
    view = dock.splits
    qtbot.waitUntil(lambda: view.ring_count() > 0 and view.rings.table_model.detailed,
                    timeout=60_000)
    model = view.rings.table_model
    ring_index = next(r.index for r in model.rows if r.free > 0)
    ring = dock.shown_rings[ring_index]
    ref = TRUTH["cases"][0]
    open_case(qtbot, window, ref)
    before = dict(model.rows[ring_index].in_cases).get(ref, 0)
    view.select_ring(ring_index)
    assert view.current_ring() == ring_index
    with qtbot.waitSignal(dock.ring_to_case_requested, timeout=WAIT_MS) as asked:
        view.rings.menu.trigger("Add to case…")  # the right-click menu, as the button
    assert asked.args == [ring_index]
    picker = window.case_management.dialog
    assert picker.case_ref() == ref
    picker.accept()
    n = len(ring.declaration_ids)
    qtbot.waitUntil(lambda: view.ring_count() > 0 and model.detailed and any(
        dict(r.in_cases).get(ref, 0) == n and r.declarations == n for r in model.rows),
        timeout=60_000)
    assert before < n
