"""The declaration table on the demo database shows its first page (ORDER BY ... LIMIT) before
all the ids are fetched, then switches to all of them without the view jumping: the full-id
query here waits on an event the test sets."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import text

from app.jobs import JobRunner
from app.sources import DeclarationSource
from casedb.browse.tables import DECLARATION_COLUMNS, Filters
from widgets.record_table import RecordTable

WAIT_MS = 20_000


class GatedSource(DeclarationSource):
    """The real source, whose full id query waits until ``gate`` is set."""

    def __init__(self, db):
        super().__init__(db)
        self.gate = threading.Event()
        self.full_queries = 0

    def ids(self, order: str, descending: bool) -> list[int]:
        self.full_queries += 1
        assert self.gate.wait(WAIT_MS / 1000), "the test never let the full query run"
        return super().ids(order, descending)


def _truth(db, order_by: str) -> list[int]:
    with db.read() as s:
        return list(s.scalars(text(f"SELECT id FROM declaration ORDER BY {order_by}")))


def _shown(table: RecordTable) -> list[int]:
    return [table.model.row_id(r) for r in range(table.model.rowCount())]


@pytest.fixture
def gated(qtbot, demo_db):
    runner = JobRunner()
    source = GatedSource(demo_db)
    table = RecordTable(source, [c for c in DECLARATION_COLUMNS[:-1]], runner=runner)
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)
    yield table, source
    source.gate.set()
    assert runner.wait(WAIT_MS)


def test_first_rows_come_before_all_the_ids_and_the_switch_keeps_the_view(qtbot, gated,
                                                                         demo_db):
    table, source = gated
    by_date = _truth(demo_db, "declaration_date, id")  # first sorted by date
    assert len(by_date) > 2 * table.FIRST  # the demo has more than a first page
    counts = []
    table.count_changed.connect(counts.append)
    table.refresh()
    qtbot.waitUntil(lambda: not table.rows_pending, timeout=WAIT_MS)
    assert table.loading and not source.gate.is_set()
    assert _shown(table) == by_date[:table.FIRST] and counts == []
    number = table.model.data(table.model.index(0, 0))
    with demo_db.read() as s:
        assert number == s.scalar(text("SELECT declaration_no FROM declaration WHERE id = :i"),
                                  {"i": by_date[0]})
    date = DECLARATION_COLUMNS.index("declaration_date")
    assert table.view.horizontalHeader().sortIndicatorSection() == date
    qtbot.waitUntil(lambda: source.full_queries == 1, timeout=WAIT_MS)  # started, waiting
    # the investigator selects rows and scrolls down the first page meanwhile
    view = table.view
    for row in (40, 41, 200):
        view.selectionModel().select(table.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)
    view.selectionModel().setCurrentIndex(table.model.index(200, 0),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
    view.scrollTo(table.model.index(200, 0))
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    chosen = table.selected_ids()

    source.gate.set()
    qtbot.waitUntil(lambda: not table.loading, timeout=WAIT_MS)
    assert _shown(table) == by_date and counts == [len(by_date)]
    assert view.verticalScrollBar().value() == scrolled
    assert table.selected_ids() == chosen == [by_date[r] for r in (40, 41, 200)]
    assert view.currentIndex().row() == 200
    assert table.model.data(table.model.index(len(by_date) - 1, 0))  # a row past the first page

    # another sort: its first page first again, then all of it, the sort indicator kept
    source.gate.clear()
    weight = DECLARATION_COLUMNS.index("gross_weight_kg")
    view.horizontalHeader().sectionClicked.emit(weight)
    view.horizontalHeader().sectionClicked.emit(weight)  # again: descending
    qtbot.waitUntil(lambda: not table.rows_pending, timeout=WAIT_MS)
    by_weight = _truth(demo_db, "gross_weight_kg DESC, id DESC")  # ties reversed too
    assert table.loading and _shown(table) == by_weight[:table.FIRST]
    source.gate.set()
    qtbot.waitUntil(lambda: not table.loading, timeout=WAIT_MS)
    assert _shown(table) == by_weight and counts[-1] == len(by_weight)
    assert view.horizontalHeader().sortIndicatorSection() == weight


def test_a_rerun_of_the_shown_query_keeps_its_rows_until_all_are_there(qtbot, gated, demo_db):
    table, source = gated
    source.gate.set()
    table.refresh()
    qtbot.waitUntil(lambda: not table.loading, timeout=WAIT_MS)
    everything = _shown(table)
    source.gate.clear()
    table.refresh()  # the same sort and filters (as after a write): no first page
    qtbot.waitUntil(lambda: source.full_queries == 2, timeout=WAIT_MS)
    assert table.loading and table.rows_pending and _shown(table) == everything
    source.gate.set()
    qtbot.waitUntil(lambda: not table.loading, timeout=WAIT_MS)
    assert _shown(table) == everything == _truth(demo_db, "declaration_date, id")


def test_a_narrow_filter_needs_only_the_first_query(qtbot, gated, demo_db):
    table, source = gated
    with demo_db.read() as s:
        day = s.scalar(text("SELECT declaration_date FROM declaration GROUP BY declaration_date "
                            "ORDER BY count(*), declaration_date LIMIT 1"))
        that_day = list(s.scalars(text("SELECT id FROM declaration WHERE declaration_date = :d "
                                       "ORDER BY id"), {"d": day}))
    day = dt.date.fromisoformat(str(day)[:10])
    source.filters = Filters(since=day, until=day)
    counts = []
    table.count_changed.connect(counts.append)
    table.refresh()
    qtbot.waitUntil(lambda: not table.loading, timeout=WAIT_MS)  # the gate is still closed
    assert 0 < len(that_day) < table.FIRST
    assert _shown(table) == that_day and counts == [len(that_day)]
    assert source.full_queries == 0
