"""Linked cases in the case view, on a copy of the demo database: each linked case with its
title, status and dates and who holds the shared value on each side; more hops and weak links
find more cases, never fewer."""

from __future__ import annotations

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window

from casedb.cases import records as cases
from widgets.case_words import status_word


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    yield w
    close_window(w)


def _refs(panel) -> set[str]:
    return {r.case_ref for r in panel.rows}


def test_linked_cases_show_title_status_dates_and_both_sides(qtbot, window):
    a, b = TRUTH["linked_pairs"][0]["cases"]
    open_case(qtbot, window, a)
    panel = window.case_view.linked
    qtbot.waitUntil(lambda: bool(panel.rows) and all(r.title for r in panel.rows), timeout=WAIT_MS)
    row = next(r for r in panel.rows if r.case_ref == b)
    other = cases.get_case(window.db, b)
    t = panel.table
    shown = [[t.item(i, c).text() for c in range(t.columnCount())] for i in range(t.rowCount())
             if t.item(i, 0).text() == b]
    assert shown and all(s[11] == other.title and s[4] == status_word(other.status)
                         for s in shown)
    assert row.first is not None and row.shared
    assert all(s[2] and s[3] for s in shown)  # who holds it here and there
    one_hop = _refs(panel)
    panel.hops.setValue(2)
    qtbot.waitUntil(lambda: panel.said.text() != "Looking…", timeout=WAIT_MS)
    assert one_hop <= _refs(panel)
    assert {r.hops for r in panel.rows} <= {1, 2}
    panel.weak.setChecked(True)
    qtbot.waitUntil(lambda: panel.said.text() != "Looking…", timeout=WAIT_MS)
    assert one_hop <= _refs(panel)
