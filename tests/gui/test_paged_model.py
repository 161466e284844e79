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
