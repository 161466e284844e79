"""Small input and table pieces the views share: a date edit whose minimum means "no date", and
read-only record tables filled from tuples (numbers sort as numbers)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QTableWidget, QTableWidgetItem, QWidget

from .paged_model import display
from .table_menu import TableMenu

NO_DATE = QDate(1900, 1, 1)  # a date edit at its minimum means "no date"
ID_ROLE = Qt.ItemDataRole.UserRole


def date_edit(parent: QWidget, special: str) -> QDateEdit:
    """A calendar date edit starting empty (``special`` shown for no date)."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(special)
    edit.setDate(NO_DATE)
    return edit


def day_of(edit: QDateEdit) -> dt.date | None:
    d = edit.date()
    return None if d == NO_DATE else dt.date(d.year(), d.month(), d.day())


def record_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    """An empty read-only table of rows, with the copy menu."""
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    TableMenu(t)
    return t


def rows_table(parent: QWidget, headers: list[str], rows: list[tuple]) -> QTableWidget:
    """A read-only table filled with ``rows`` (the case view's pages)."""
    t = QTableWidget(len(rows), len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(display(value)))
    t.resizeColumnsToContents()
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill(table: QTableWidget, rows: list[tuple], ids: list | None = None) -> None:
    """Rows into ``table`` (``ids[r]`` kept on each row's first cell); sortable afterwards."""
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem()
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                item.setData(Qt.ItemDataRole.DisplayRole, value)  # sorts as a number
            else:
                item.setText(display(value))
            table.setItem(r, c, item)
        if ids is not None:
            table.item(r, 0).setData(ID_ROLE, ids[r])
    table.resizeColumnsToContents()
    table.setSortingEnabled(True)
