"""Split-shipment rings as a sortable, filterable table: score, typology, shippers, the
identifiers they share, declarations, tonnes, ports, dates, the cases already holding its
declarations, and its strongest reason. One row per ring (``casedb.analysis.ring_rows.RingRow``);
until the rows with what needs the database arrive (shared identifiers, ports, cases), a ring's
row is built from the ring itself and those columns say so."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from casedb.analysis.ring_rows import RingRow

from .table_menu import TableMenu

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # what a column sorts by (numbers as numbers)
INDEX_ROLE = Qt.ItemDataRole.UserRole + 2  # the ring's place in the list shown
# The facts first (they fit the dock's width), then the long lists; WHY stays last.
(SCORE, TYPOLOGY, DECLARATIONS, TONNES, FIRST, LAST, IN_CASES, SHIPPERS, SHARED, PORTS,
 WHY) = range(11)
PENDING = "…"  # a column whose values are still being read


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def _typology(kind: str) -> str:
    words = {"scatter-gather": translate("RingTable", "scatter-gather"),
             "fan-in": translate("RingTable", "fan-in"),
             "fan-out": translate("RingTable", "fan-out"),
             "stack": translate("RingTable", "stack")}
    return words.get(kind, kind)


def _kind(kind: str) -> str:
    words = {"phone": translate("RingTable", "phone"),
             "address": translate("RingTable", "address"),
             "email": translate("RingTable", "email"),
             "tax_id": translate("RingTable", "tax id"), "fax": translate("RingTable", "fax")}
    return words.get(kind, kind)


def plain_row(index: int, ring) -> RingRow:
    """A ring's row from the ring alone (no shared identifiers, ports or cases yet)."""
    return RingRow(index, ring.score, ring.typology, tuple(ring.shipper_names),
                   tuple(ring.consignee_names), (), len(ring.declaration_ids),
                   ring.total_kg / 1000, (), ring.first, ring.last, (), -1)


class RingTableModel(QAbstractTableModel):
    """The rings' rows; ``detailed`` once rows from casedb.analysis.ring_rows are shown."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[RingRow] = []
        self.reasons: list[str] = []  # each ring's strongest reason, in the user's language
        self.detailed = False

    def headers(self) -> list[str]:
        names = {SCORE: translate("RingTable", "Score"),
                 TYPOLOGY: translate("RingTable", "Typology"),
                 DECLARATIONS: translate("RingTable", "Declarations"),
                 TONNES: translate("RingTable", "Tonnes"),
                 FIRST: translate("RingTable", "First"), LAST: translate("RingTable", "Last"),
                 IN_CASES: translate("RingTable", "Already in cases"),
                 SHIPPERS: translate("RingTable", "Shippers"),
                 SHARED: translate("RingTable", "Shared identifiers"),
                 PORTS: translate("RingTable", "Ports"), WHY: translate("RingTable", "Why")}
        return [names[c] for c in range(WHY + 1)]

    def set_rows(self, rows: list[RingRow], reasons: list[str], *, detailed: bool) -> None:
        self.beginResetModel()
        self.rows, self.reasons, self.detailed = list(rows), list(reasons), detailed
        self.endResetModel()

    def update_rows(self, rows: list[RingRow]) -> bool:
        """The same rings' rows with their details; False (nothing changed) when ``rows`` are
        not of the rings shown."""
        if [(r.index, r.declarations) for r in rows] != \
                [(r.index, r.declarations) for r in self.rows]:
            return False
        self.rows, self.detailed = list(rows), True
        if rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, self.columnCount() - 1))
        return True

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        return 0 if parent.isValid() else WHY + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section <= WHY:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, role == Qt.ItemDataRole.ToolTipRole)
        if role == SORT_ROLE:
            return self._key(row, column)
        if role == INDEX_ROLE:
            return row.index
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SCORE, DECLARATIONS,
                                                                    TONNES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: RingRow, column: int, full: bool) -> str:
        if not self.detailed and column in (SHARED, PORTS, IN_CASES):
            return translate("RingTable", "being read…") if full else PENDING
        if column == SHARED:
            return ("\n" if full else "; ").join(
                translate("RingTable", "%1 %2 (%3 shippers)").replace("%1", _kind(kind))
                .replace("%2", value)
                .replace("%3", str(n)) for kind, value, n in row.shared)
        if column == IN_CASES:
            return self._in_cases(row, full)
        if column == WHY:
            return self.reasons[row.index] if row.index < len(self.reasons) else ""
        texts = {SCORE: lambda: f"{row.score:.2f}", TYPOLOGY: lambda: _typology(row.typology),
                 SHIPPERS: lambda: ("\n" if full else ", ").join(row.shippers),
                 DECLARATIONS: lambda: str(row.declarations),
                 TONNES: lambda: f"{row.tonnes:,.1f}", PORTS: lambda: ", ".join(row.ports),
                 FIRST: row.first.isoformat, LAST: row.last.isoformat}
        return texts[column]() if column in texts else ""

    def _in_cases(self, row: RingRow, full: bool) -> str:
        if not row.in_cases:
            return (translate("RingTable", "None of its declarations is in a case") if full
                    else translate("RingTable", "none"))
        held = ", ".join(f"{ref} ({n})" for ref, n in row.in_cases)
        if not full:
            return held
        return translate("RingTable", "%1; %2 of its %3 declarations in no case").replace(
            "%1", held).replace(
            "%2", str(row.free)).replace("%3", str(row.declarations))

    def _key(self, row: RingRow, column: int):
        keys = {SCORE: row.score, TYPOLOGY: _typology(row.typology),
                SHIPPERS: len(row.shippers), SHARED: len(row.shared),
                DECLARATIONS: row.declarations, TONNES: row.tonnes,
                PORTS: ", ".join(row.ports), FIRST: _day(row.first), LAST: _day(row.last),
                IN_CASES: sum(n for _ref, n in row.in_cases), WHY: self._text(row, WHY, False)}
        return keys.get(column)


def _day(day: dt.date) -> int:
    return day.toordinal()


class RingProxy(QSortFilterProxyModel):
    """Sorts by each column's SORT_ROLE; the filter box matches any column's text."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


class RingTable(QTableView):
    """The rings' table view: sorted by score first; ``ring_at(view_row)`` says which ring."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table_model = RingTableModel(self)
        self.proxy = RingProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.menu = TableMenu(self)

    def ring_at(self, view_row: int) -> int:
        """The ring index (its place in the list shown) of a row as sorted and filtered."""
        index = self.proxy.index(view_row, 0)
        return index.data(INDEX_ROLE) if index.isValid() else -1

    def view_row_of(self, ring_index: int) -> int:
        for r in range(self.proxy.rowCount()):
            if self.ring_at(r) == ring_index:
                return r
        return -1

    def fit_columns(self) -> None:
        self.resizeColumnsToContents()
        for column in (SHIPPERS, SHARED, PORTS, IN_CASES):
            self.setColumnWidth(column, min(self.columnWidth(column), 260))
