"""The paged table model keeps Qt's model contract (pytest-qt's qtmodeltester), empty, full,
after new ids and after a reset to fewer rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from widgets.paged_model import PagedTableModel

HEADERS = ["Declaration", "Date", "kg"]


def _rows(ids: list[int]) -> list[tuple]:
    return [(f"D{i}", dt.date(2023, 1, 1) + dt.timedelta(days=i % 300), 1000.5 * i) for i in ids]


def test_the_paged_model_passes_qtmodeltester(qtmodeltester):
    model = PagedTableModel(HEADERS, _rows)
    qtmodeltester.check(model)  # empty
    model.set_ids(range(1, 20_000))  # more pages than it keeps (MAX_PAGES): some evicted
    qtmodeltester.check(model)
    assert model.data(model.index(299, 0)) == "D300" and model.row_id(299) == 300
    model.set_ids([7, 3])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.data(model.index(1, 2)) == "3,002"
    assert model.headerData(5, Qt.Orientation.Horizontal) is None


def test_all_the_ids_after_a_first_page_are_inserted_after_it(qtmodeltester):
    model = PagedTableModel(HEADERS, _rows)
    model.set_ids(range(1, 101))  # a first page, shorter than the model's page
    qtmodeltester.check(model)
    assert model.data(model.index(99, 0)) == "D100"  # its short page fetched
    inserted = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    assert model.extend_ids(range(1, 20_000))
    qtmodeltester.check(model)
    assert inserted == [(100, 19_998)] and resets == []
    assert model.rowCount() == 19_999 and model.data(model.index(150, 0)) == "D151"
    assert model.extend_ids(range(1, 20_000)) and inserted == [(100, 19_998)]  # the same: no-op
    assert not model.extend_ids([2, 1, 3])  # not the shown ones first: nothing changes
    assert not model.extend_ids(range(1, 50))  # fewer
    assert model.rowCount() == 19_999 and resets == [] and len(inserted) == 1
