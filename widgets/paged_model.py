"""A table model over huge SQL results: ids in memory, rows fetched a page at a time."""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

RowFetcher = Callable[[list[int]], list[tuple]]


def display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


class PagedTableModel(QAbstractTableModel):
    PAGE = 256
    MAX_PAGES = 64

    def __init__(self, headers: Sequence[str], fetch: RowFetcher, parent: QObject | None = None,
                 shown: dict[int, Callable[[str], str]] | None = None):
        super().__init__(parent)
        self._headers = list(headers)
        self._fetch = fetch
        self._shown = shown or {}  # column -> how its stored value reads (e.g. translated)
        self._ids = array("q")
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = ids if isinstance(ids, array) else array("q", ids)
        self._pages = OrderedDict()
        self.endResetModel()

    def extend_ids(self, ids: Sequence[int]) -> bool:
        """Show ``ids`` where the model shows their first rows (a first page queried with LIMIT):
        the rows past those are inserted, so that the view keeps its selection, current row and
        scroll position. False, and nothing changed, when the shown ids are not ``ids``' first
        ones (the data changed between the two queries): the caller resets instead."""
        ids = ids if isinstance(ids, array) else array("q", ids)
        old = len(self._ids)
        if len(ids) < old or ids[:old] != self._ids:
            return False
        if len(ids) > old:
            self.beginInsertRows(QModelIndex(), old, len(ids) - 1)
            self._ids = ids
            if old % self.PAGE:  # the last page was fetched short (a view may have asked for it
                self._pages.pop(old // self.PAGE, None)  # during beginInsertRows): it gains rows
            self.endInsertRows()
        return True

    def row_id(self, row: int) -> int:
        return self._ids[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            page, offset = divmod(index.row(), self.PAGE)
            rows = self._page(page)
            if offset < len(rows) and index.column() < len(rows[offset]):
                text = display(rows[offset][index.column()])
                shown = self._shown.get(index.column())
                return shown(text) if shown is not None and text else text
            return ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self._raw(index)
            if isinstance(value, (int, float)):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _raw(self, index: QModelIndex):
        page, offset = divmod(index.row(), self.PAGE)
        rows = self._page(page)
        return rows[offset][index.column()] if offset < len(rows) else None

    def _page(self, n: int) -> list[tuple]:
        if n in self._pages:
            self._pages.move_to_end(n)
            return self._pages[n]
        ids = list(self._ids[n * self.PAGE:(n + 1) * self.PAGE])
        rows = self._fetch(ids)
        self._pages[n] = rows
        if len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return rows
