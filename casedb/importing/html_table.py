"""The tables of an HTML page saved as a spreadsheet (.xls), each read as a sheet.

Read with the standard library's html.parser, a megabyte at a time: entities decoded, runs of
white space made one space as a browser shows them, ``<br>`` and paragraph ends a line break,
<script> and <style> left out. A cell spanning several rows is repeated down them (each row then
holds the whole record, as the export means it); a cell spanning several columns stands in the
first of them, the others are blank (as a merged cell of a workbook reads). Where Excel saved a
number with the value it shows rounded, its ``x:num`` attribute gives the value itself.
Rows, columns, cells and each cell's length are held to the ReadLimits as the page is read.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import ReadError
from .markup import encoding_of, text_pieces
from .safety import ReadLimits

_SPACES = re.compile(r"[ \t\r\n\f\v\xa0]+")
BREAK = "\x00"  # a line break the page asks for (<br>, a paragraph's end), not one in its source
# A number as a page shows it (signs, grouping, a percent), not a date (12.01.2023, 2023-01-02)
# nor a code whose leading zeros the number would lose (0101).
_NUMBER_SHOWN = re.compile(r"^\(?[-+]?(?!0\d)[\d\s.,'’\u00a0]*\d[\d\s.,'’\u00a0]*%?\)?$")
_DATE_SHOWN = re.compile(r"^\d{1,2}[.,]\d{1,2}[.,]\d{2,4}$")
_SKIPPED = {"script", "style", "template", "noscript", "select"}
_BREAKS = {"br"}
_BLOCK_ENDS = {"p", "div", "li"}
_NO_ATTRS: dict = {}
MAX_ROWSPAN = 65_534  # as browsers cap it
MAX_COLSPAN = 1_000
# Cells that spans make, beyond those written: a few bytes of rowspan="65534" colspan="1000"
# would otherwise make sixty million.
SPAN_CELLS_FREE = 1_000_000
SPAN_CELLS_PER_WRITTEN = 10


class _Table:
    def __init__(self, limits: ReadLimits, budget: list[int]):
        self.rows: list[list] = []
        self.caption: list[str] = []
        self._limits = limits
        self._budget = budget  # [cells left for the whole page, cells written, cells spans made]
        self._spans: dict[int, tuple[object, int]] = {}  # column -> (value, rows still to fill)
        self._row: list | None = None

    def start_row(self) -> None:
        self.end_row()
        self._row = []
        self._fill_spans()

    def _fill_spans(self) -> None:
        row = self._row
        while len(row) in self._spans:
            col = len(row)
            value, left = self._spans[col]
            row.append(value)
            if left <= 1:
                del self._spans[col]
            else:
                self._spans[col] = (value, left - 1)

    def add_cell(self, value, rowspan: int, colspan: int) -> None:
        if self._row is None:
            self.start_row()  # a cell outside any <tr>: a row of its own begins
        row = self._row
        if self._spans:
            self._fill_spans()
        row.append(value)
        self._budget[1] += 1
        if colspan > 1 or rowspan > 1:
            self._spread(row, value, rowspan, colspan)
        if self._spans:
            self._fill_spans()
        if len(row) > self._limits.max_columns:
            raise _Refused(f"row {len(self.rows) + 1} has more than "
                           f"{self._limits.max_columns:,} columns")

    def _spread(self, row: list, value, rowspan: int, colspan: int) -> None:
        row.extend([None] * (colspan - 1))
        if rowspan > 1:
            self._spans[len(row) - colspan] = (value, rowspan - 1)
        self._budget[2] += colspan - 1 + (rowspan - 1)
        if self._budget[2] > SPAN_CELLS_FREE + SPAN_CELLS_PER_WRITTEN * self._budget[1]:
            raise _Refused("cells spanning more rows and columns than it has cells "
                           f"(more than {SPAN_CELLS_FREE:,} beyond those written)")

    def end_row(self) -> None:
        if self._row is None:
            return
        row = self._row
        if self._spans:  # cells spanning down into columns this row did not reach
            last = max(self._spans)
            while len(row) <= last:
                if len(row) in self._spans:
                    self._fill_spans()
                else:
                    row.append(None)
        self._row = None
        self._budget[0] -= max(len(row), 1)
        if self._budget[0] < 0:
            raise _Refused(f"more than {self._limits.max_cells:,} cells")
        self.rows.append(row)
        if len(self.rows) > self._limits.max_rows:
            raise _Refused(f"more than {self._limits.max_rows:,} rows in a table")

    def finish(self) -> None:
        self.end_row()
        while self._spans:  # rows that cells still span below the last <tr>
            self.start_row()
            self.end_row()


class _Refused(Exception):
    pass


class _TablePage(HTMLParser):
    """Collects every <table> of a page; a table inside a cell is a table of its own."""

    def __init__(self, limits: ReadLimits):
        super().__init__(convert_charrefs=True)
        self.tables: list[_Table] = []
        self._limits = limits
        self._budget = [limits.max_cells, 0, 0]
        self._open: list[_Table] = []
        self._cell: list[str] | None = None  # the text of the open cell
        self._cell_attrs: dict = {}
        self._cells_open: list[tuple[list[str] | None, dict]] = []  # of the tables around
        self._skip = 0
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "table":
            self._cells_open.append((self._cell, self._cell_attrs))
            self._cell, self._cell_attrs = None, {}
            table = _Table(self._limits, self._budget)
            self._open.append(table)
            self.tables.append(table)
        elif not self._open:
            return
        elif tag == "tr":
            self._close_cell()
            self._open[-1].start_row()
        elif tag in ("td", "th"):
            self._close_cell()
            self._cell, self._cell_attrs = [], dict(attrs) if attrs else _NO_ATTRS
        elif tag == "caption":
            self._in_caption = True
        elif tag in _BREAKS:
            self._text(BREAK)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BREAKS:
            self._text(BREAK)
        elif tag in ("td", "th"):  # <td/>: an empty cell
            self.handle_starttag(tag, attrs)
            self._close_cell()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(self._skip - 1, 0)
        elif not self._open:
            return
        elif tag == "table":
            self._close_cell()
            self._open.pop().finish()
            self._cell, self._cell_attrs = self._cells_open.pop()
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_cell()
            self._open[-1].end_row()
        elif tag == "caption":
            self._in_caption = False
        elif tag in _BLOCK_ENDS:
            self._text(BREAK)

    def handle_data(self, data: str) -> None:
        if self._skip or not self._open:
            return
        data = data.replace(BREAK, "")
        if self._in_caption:
            self._open[-1].caption.append(data)
        else:
            self._text(data)

    def _text(self, text: str) -> None:
        if self._cell is None:
            return
        self._cell.append(text)
        if len(self._cell) > 64:  # a long cell: keep its pieces few, and check its length
            self._cell[:] = ["".join(self._cell)]
            if len(self._cell[0]) > 2 * self._limits.max_cell_chars + 1024:
                self._close_cell()

    def _close_cell(self) -> None:
        if self._cell is None:
            return
        parts, attrs = self._cell, self._cell_attrs
        self._cell, self._cell_attrs = None, _NO_ATTRS
        value = cell_text("".join(parts))
        if value is not None and len(value) > self._limits.max_cell_chars:
            table = self._open[-1]
            raise _Refused(f"row {len(table.rows) + 1}: a cell of more than "
                           f"{self._limits.max_cell_chars:,} characters is too long")
        if not attrs:
            self._open[-1].add_cell(value, 1, 1)
            return
        number = attrs.get("x:num")
        if number and value and _NUMBER_SHOWN.match(value) and not _DATE_SHOWN.match(value):
            value = number.strip()  # the value Excel holds, not the one it shows rounded
        self._open[-1].add_cell(value, _span(attrs.get("rowspan"), MAX_ROWSPAN),
                                _span(attrs.get("colspan"), MAX_COLSPAN))


def _span(text: str | None, most: int) -> int:
    try:
        n = int((text or "1").strip())
    except ValueError:
        return 1
    return min(max(n, 1), most)


def cell_text(text: str) -> str | None:
    """A cell's text as a browser shows it: white space runs made one space, line breaks kept,
    blank lines and the ends trimmed; None when nothing is left."""
    if BREAK not in text:
        return _SPACES.sub(" ", text).strip() or None
    lines = (_SPACES.sub(" ", line).strip() for line in text.split(BREAK))
    joined = "\n".join(line for line in lines if line)
    return joined or None


def read_html_tables(path: Path, limits: ReadLimits,
                     max_rows: int | None = None) -> list[tuple[str, list[list]]]:
    """(name, rows) of each table of the page with any cell: the file's stem for a single table,
    else the table's caption or "Table n". ``max_rows`` stops reading once every table has
    that many rows (a preview). Raises ReadError for a page without a table, one past the
    limits, or one that does not decode."""
    page = _TablePage(limits)
    try:
        for text in text_pieces(path, encoding_of(path, "html")):
            page.feed(text)
            if max_rows is not None and page.tables and \
                    all(len(t.rows) >= max_rows for t in page.tables):
                break
        page.close()
        for table in page._open:
            table.finish()
    except _Refused as exc:
        raise ReadError(str(path), f"an HTML table with {exc}") from None
    tables = [t for t in page.tables if any(any(c is not None for c in r) for r in t.rows)]
    if not tables:
        raise ReadError(str(path), "an HTML page without a table, not a spreadsheet; export "
                                   "the data as xlsx or csv")
    names: list[str] = []
    for i, table in enumerate(tables, start=1):
        caption = cell_text("".join(table.caption)) or ""
        name = path.stem if len(tables) == 1 else (caption[:31] or f"Table {i}")
        while name in names:
            name = f"{name} ({i})"
        names.append(name)
    return [(name, t.rows[:max_rows]) for name, t in zip(names, tables, strict=True)]
