"""A table of database records: sorting and filtering happen in SQL through a RecordSource."""

from __future__ import annotations

import logging
from array import array
from typing import Protocol

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from .background import Runner
from .paged_model import PagedTableModel
from .table_menu import TableMenu, selected_rows


class RecordSource(Protocol):
    """``ids`` in the table's order; a source may also have ``first_ids(order, descending,
    limit)``, the first ``limit`` of them (ORDER BY ... LIMIT, milliseconds where all the ids
    take seconds): the table then shows those first and switches to all of them when they come.
    Its ``filters`` attribute, when it has one, tells a new query from a re-run of the same;
    its ``default_order``, the column the table is first sorted by (else the first column)."""

    columns: tuple[str, ...]

    def ids(self, order: str, descending: bool) -> list[int]: ...

    def rows(self, ids: list[int]) -> list[tuple]: ...


log = logging.getLogger(__name__)


class _TippedModel(PagedTableModel):
    """A paged model whose columns in ``tips`` show, as their tooltip, the row's value at the
    index given (a value fetched past the shown columns, e.g. a risk score's reason)."""

    def __init__(self, *args, tips: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        self._tips = tips

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        tip = self._tips.get(index.column()) if role == Qt.ItemDataRole.ToolTipRole else None
        if tip is not None and index.isValid() and 0 <= index.row() < self.rowCount():
            page, offset = divmod(index.row(), self.PAGE)
            rows = self._page(page)
            row = rows[offset] if offset < len(rows) else ()
            return (row[tip] or None) if tip < len(row) else None
        return super().data(index, role)


def _query_ids(source: RecordSource, order: str, descending: bool, generation: int):
    """The id query (ORDER BY and filters in SQL), about 1 s for 1M rows: run off the GUI
    thread, packed there too."""
    return generation, array("q", source.ids(order, descending))


def _query_first(source: RecordSource, order: str, descending: bool, limit: int,
                 generation: int):
    """The first ``limit`` ids of the same query (ORDER BY ... LIMIT)."""
    return generation, array("q", source.first_ids(order, descending, limit))


class RecordTable(QWidget):
    """Ids are queried in the background (by ``runner``); the newest query wins. A new query
    (another sort or other filters) whose source answers ``first_ids`` shows its first page
    first, then all its rows (appended: the view keeps its selection and scroll position);
    a re-run of the one shown keeps the rows shown until all the new ids are there.
    ``rows_pending``: the newest query's rows are not shown yet; ``loading``: not all of them.
    ``count_changed`` fires when the full count is known; a failed query leaves the table as it
    was (the runner says so)."""

    record_activated = Signal(int)  # record id
    count_changed = Signal(int)
    FIRST = PagedTableModel.PAGE  # rows of the first page: one page of the model

    def __init__(self, source: RecordSource, headers: list[str], parent: QWidget | None = None,
                 shown: dict | None = None, *, runner: Runner, tips: dict[int, int] | None = None):
        super().__init__(parent)
        self._source, self._runner = source, runner
        self._order = getattr(source, "default_order", source.columns[0])
        self._descending = False
        self.model = _TippedModel(headers, source.rows, self, shown, tips=tips or {})
        self._generation = 0
        self._running = 0  # queries not finished yet
        self._key = self._shown_key = None  # (order, descending, filters) queried / shown
        self._partial = False  # the model shows only a first page
        self.loading = self.rows_pending = False
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.verticalHeader().setVisible(False)
        # fixed rows: a reset to 1M rows need not size each one (it cost ~150 ms of GUI time)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(source.columns.index(self._order), Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionClicked.connect(self._on_header_section_clicked)
        self.view.doubleClicked.connect(self._on_view_activated)
        self.menu = TableMenu(self.view)  # views add their actions: add_action
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        """Re-run the id query (ORDER BY in SQL) in the background: its first page first when
        it is a new query and the source can, then all the ids."""
        self._generation += 1
        self._key = (self._order, self._descending, getattr(self._source, "filters", None))
        self.loading = self.rows_pending = True
        if hasattr(self._source, "first_ids") and self._key != self._shown_key:
            self._start(_query_first, self.FIRST, succeeded=self._on_first_ready)
        else:
            self._start(_query_ids, succeeded=self._on_ids_ready)

    def _start(self, fn, *args, succeeded) -> None:
        self._running += 1
        self._runner.run(fn, self._source, self._order, self._descending, *args,
                         self._generation, succeeded=succeeded,
                         finished=self._on_query_finished)

    def _on_first_ready(self, answer) -> None:
        generation, ids = answer
        if generation != self._generation:
            return  # an older query: sorting or the filters changed since
        self.model.set_ids(ids)
        self._shown_key, self._partial, self.rows_pending = self._key, True, False
        if len(ids) < self.FIRST:  # that is all of them
            self._on_ids_ready(answer)
        else:  # started before this job's end: the table stays loading
            self._start(_query_ids, succeeded=self._on_ids_ready)

    def _on_ids_ready(self, answer) -> None:
        generation, ids = answer
        if generation != self._generation:
            return  # an older query: sorting or the filters changed since
        if not (self._partial and self.model.extend_ids(ids)):
            self.model.set_ids(ids)  # a re-run, or the data changed since the first page
        self._shown_key, self._partial = self._key, False
        self.loading = self.rows_pending = False
        self.count_changed.emit(len(ids))

    def _on_query_finished(self) -> None:
        """A query ended: once none is left, the table is no longer loading (after a failure it
        stays as it was)."""
        self._running -= 1
        if not self._running:
            self.loading = self.rows_pending = False

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows (the current row when none is selected)."""
        return [self.model.row_id(r) for r in selected_rows(self.view)]

    def add_action(self, text: str, slot, *, single: bool = False) -> None:
        """A context-menu action called with the selected records' ids."""
        self.menu.add(text, lambda _rows: slot(self.selected_ids()), single=single)

    def set_column_widths(self, widths: list[int]) -> None:
        for i, w in enumerate(widths):
            self.view.setColumnWidth(i, w)

    def _on_header_section_clicked(self, section: int) -> None:
        column = self._source.columns[section]
        self._descending = not self._descending if column == self._order else False
        self._order = column
        self.view.horizontalHeader().setSortIndicator(
            section, Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder)
        self.refresh()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Enter opens the current record
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.currentIndex().isValid():
            self._on_view_activated(self.view.currentIndex())
        else:
            super().keyPressEvent(event)

    def _on_view_activated(self, index: QModelIndex) -> None:
        self.record_activated.emit(self.model.row_id(index.row()))
