"""What an ods's tables expand to, measured before calamine reads them (see sheet_budget).

A row written once with table:number-rows-repeated="1048576" is a million rows; a cell with
table:number-columns-repeated="90" is ninety cells. LibreOffice ends every sheet so, with rows
and cells repeated to the end of the sheet but empty: those build nothing and count for nothing.
content.xml is read a megabyte at a time and split at the row ends; a row's cells are looked at
one by one only where some of them repeat and hold something.
"""

from __future__ import annotations

import re
import zipfile

from .sheet_budget import Budget, Extent, Q, pieces

ROW_END = b"</table:table-row>"
ROW_START = re.compile(rb"<table:table-row\b([^>]*?)(/?)>")
TABLE_START = re.compile(rb"<table:table\s([^>]*)>")
ROWS_REPEATED = re.compile(rb"number-rows-repeated" + Q + rb"(\d{1,12})")
COLUMNS_REPEATED = re.compile(rb"number-columns-repeated" + Q + rb"(\d{1,12})")
TABLE_NAME = re.compile(rb"\btable:name" + Q + rb"([^\"']*)")
CELL_END = b"</table:table-cell>"
CONTENT = (b"value-type", b"<text:")


class _Table:
    def __init__(self, name: str):
        self.name = name
        self.extent = Extent()
        self.row = 0  # rows so far, repeats counted


def check_ods(zf: zipfile.ZipFile, budget: Budget) -> None:
    """Refuse an ods whose tables expand past the limits (ReadError naming the table)."""
    if "content.xml" not in zf.namelist():
        return
    table: _Table | None = None
    for data in pieces(zf, "content.xml", budget, ROW_END, after=True):
        segments = data.split(ROW_END)
        if table is not None and _plain(data, len(segments) - 1):
            _plain_rows(budget, table, segments[:-1])
            segments = segments[-1:]
        for segment in segments:
            table = _segment(budget, table, segment)
    _close(budget, table)


def _plain(data: bytes, rows: int) -> bool:
    """Whether a piece holds only rows of one table, each written once with each cell once
    (as most writers but LibreOffice write them)."""
    return b"repeated" not in data and b"<table:table " not in data and \
        data.count(b"<table:table-row") == rows


def _plain_rows(budget: Budget, table: _Table, rows: list[bytes]) -> None:
    """Plain rows all at once: no Python step a row but to find the last that holds anything."""
    cells = list(map(bytes.count, rows, [b"<table:table-cell"] * len(rows)))
    last = len(rows) - 1
    while last >= 0 and not any(mark in rows[last] for mark in CONTENT):
        last -= 1
    if last >= 0:
        extent = table.extent
        extent.rows = table.row + last + 1
        extent.columns = max(extent.columns, max(cells))
        extent.values += sum(cells)
        extent.text_bytes += sum(map(len, rows))
        budget.check(table.name, extent)
    table.row += len(rows)


def _segment(budget: Budget, table: _Table | None, segment: bytes) -> _Table | None:
    """What comes before one row's end: perhaps a new table, rows without a body (``<.../>``),
    then the row that ends here."""
    if b"<table:table " in segment:
        for start in TABLE_START.finditer(segment):
            _close(budget, table)
            name = TABLE_NAME.search(start.group(1))
            table = _Table(name.group(1).decode("utf-8", "replace") if name else "?")
    starts = list(ROW_START.finditer(segment))
    if not starts:
        return table
    if table is None:
        table = _Table("?")
    for start in starts[:-1]:  # rows closed by "/>", or cut short: only their repeats count
        table.row += _repeat(ROWS_REPEATED, start.group(1))
    last = starts[-1]
    repeat = _repeat(ROWS_REPEATED, last.group(1))
    body = b"" if last.group(2) else segment[last.end():]
    columns, text, values = _row(body)
    extent = table.extent
    if columns:
        extent.rows = table.row + repeat
        extent.columns = max(extent.columns, columns)
        extent.text_bytes += text * repeat
        extent.values += values * repeat
        budget.check(table.name, extent)
    table.row += repeat
    return table


def _close(budget: Budget, table: _Table | None) -> None:
    if table is not None:
        budget.check(table.name, table.extent)
        budget.spend(table.name, table.extent)


def _repeat(pattern: re.Pattern, attrs: bytes | None) -> int:
    m = pattern.search(attrs) if attrs else None
    return max(int(m.group(1)), 1) if m else 1


def _row(body: bytes) -> tuple[int, int, int]:
    """(the columns up to the last cell that holds something, the bytes of text the row expands
    to, the cells in it) of one row's XML."""
    if not any(mark in body for mark in CONTENT):
        return 0, 0, 0
    body = _without_empty_tail(body)
    cells = body.count(b"<table:table-cell") + body.count(b"<table:covered-table-cell")
    columns, text = cells, len(body)
    if b"columns-repeated" in body:
        for repeated in COLUMNS_REPEATED.finditer(body):
            more = max(int(repeated.group(1)), 1) - 1
            columns += more
            start = body.rfind(b"<", 0, repeated.start())  # the cell's tag
            close = body.find(b">", repeated.end())
            end = body.find(CELL_END, close)
            tag, content = body[start:close], body[close:end if end >= 0 else None]
            if b"value-type" in tag or (not tag.endswith(b"/") and b"<text:" in content):
                text += more * (len(tag) + len(content))  # its text, once a column it repeats
    return columns, text, columns


def _without_empty_tail(body: bytes) -> bytes:
    """A row's XML without the empty cells that end it (LibreOffice repeats one to the edge of
    the sheet): they build nothing."""
    while True:
        at = body.rfind(b"<table:")
        tag = body[at:]
        if at < 0 or not tag.rstrip().endswith(b"/>") or b"value-type" in tag \
                or b"table-cell" not in tag[:30]:
            return body
        body = body[:at]
