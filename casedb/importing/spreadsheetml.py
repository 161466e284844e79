"""SpreadsheetML 2003: the XML workbook Excel 2002/2003 saves as "XML Spreadsheet", still written
by many reporting tools and customs systems under an .xls or .xml name.

    <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="...same...">
      <Worksheet ss:Name="Sheet1"><Table ss:ExpandedRowCount="3" ss:ExpandedColumnCount="2">
        <Row><Cell><Data ss:Type="String">Declaration No.</Data></Cell>...</Row>
        <Row ss:Index="3"><Cell ss:Index="2" ss:MergeAcross="1"><Data ss:Type="Number">5</Data>

Read as a stream (xml.etree's pull parser, each row dropped once read), values typed as calamine
types a workbook's (Number a float, DateTime a date or datetime, Boolean a bool); a merged cell
stands in its first cell. ``ss:Index`` may skip rows and columns: the rows and columns it
reaches, and the cells they make, are held to the ReadLimits as they are met. A document type
declaration (which no spreadsheet program writes, and which entity tricks need) is refused.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import ReadError
from .markup import HEAD_BYTES, encoding_of, text_pieces
from .safety import ReadLimits

BLANK_ROW: tuple = ()  # the rows ss:Index skips: one shared empty row
# Blank cells that ss:Index and ss:MergeAcross make, beyond the cells written: a few bytes of
# <Cell ss:Index="1000"> a row would otherwise make a thousand each.
MADE_CELLS_FREE = 1_000_000
MADE_CELLS_PER_WRITTEN = 10


class _Refused(Exception):
    pass


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(elem: ET.Element, name: str) -> str | None:
    for key, value in elem.attrib.items():
        if _local(key) == name:
            return value
    return None


def _index(elem: ET.Element, name: str, most: int, what: str) -> int | None:
    text = _attr(elem, name)
    if text is None:
        return None
    try:
        n = int(text)
    except ValueError:
        raise _Refused(f"a {what} numbered {text[:20]!r}") from None
    if n < 1 or n > most:
        raise _Refused(f"{what} {n:,}, beyond the {most:,} allowed")
    return n


def typed(kind: str | None, text: str | None):
    """A cell's value as its ss:Type says."""
    if text is None or not text.strip():
        return None
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            value = dt.datetime.fromisoformat(text.strip())
        except ValueError:
            return text
        return value.date() if value.time() == dt.time() else value
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE")
    return text


class _Workbook:
    def __init__(self, limits: ReadLimits, max_rows: int | None):
        self.limits = limits
        self.max_rows = max_rows
        self.sheets: list[tuple[str, list]] = []
        self.cells_left = limits.max_cells
        self.written = 0
        self.made = 0
        self._rows: list | None = None
        self._table: ET.Element | None = None

    def start(self, elem: ET.Element) -> None:
        name = _local(elem.tag)
        if name == "Worksheet":
            self._rows = []
            self.sheets.append((_attr(elem, "Name") or f"Sheet{len(self.sheets) + 1}", self._rows))
        elif name == "Table" and self._rows is not None:
            self._table = elem
            lim = self.limits
            rows = _index(elem, "ExpandedRowCount", lim.max_rows, "a table declaring rows") or 0
            cols = _index(elem, "ExpandedColumnCount", lim.max_columns,
                          "a table declaring columns") or 0
            if rows * cols > lim.max_cells:
                raise _Refused(f"a table declaring {rows:,} rows by {cols:,} columns, more than "
                               f"the {lim.max_cells:,} cells allowed")

    def end(self, elem: ET.Element) -> None:
        name = _local(elem.tag)
        if name == "Row" and self._rows is not None:
            self._row(elem)
            if self._table is not None:
                self._table.clear()  # the rows read are dropped as they are read
        elif name == "Worksheet":
            self._rows, self._table = None, None
            elem.clear()

    def _row(self, elem: ET.Element) -> None:
        rows, lim = self._rows, self.limits
        at = _index(elem, "Index", lim.max_rows, "row")
        if at is not None and at <= len(rows):
            raise _Refused(f"row {at:,} given after row {len(rows):,}")
        while at is not None and len(rows) < at - 1:
            rows.append(BLANK_ROW)
            self._spend(1)
        row: list = []
        for cell in elem:
            if _local(cell.tag) != "Cell":
                continue
            col = _index(cell, "Index", lim.max_columns, "column")
            if col is not None:
                if col <= len(row):
                    raise _Refused(f"row {len(rows) + 1}: column {col:,} given after column "
                                   f"{len(row):,}")
                self.made += col - 1 - len(row)
                row.extend([None] * (col - 1 - len(row)))
            row.append(self._value(cell, len(rows) + 1))
            across = _index(cell, "MergeAcross", lim.max_columns, "merged cell width") or 0
            row.extend([None] * across)
            self.written += 1
            self.made += across
            if len(row) > lim.max_columns:
                raise _Refused(f"row {len(rows) + 1} has more than {lim.max_columns:,} columns")
        rows.append(row)
        self._spend(max(len(row), 1))
        if len(rows) > lim.max_rows:
            raise _Refused(f"sheet {self.sheets[-1][0]!r} has more than {lim.max_rows:,} rows")

    def _value(self, cell: ET.Element, row: int):
        data = next((c for c in cell if _local(c.tag) == "Data"), None)
        if data is None:
            return None
        text = "".join(data.itertext())
        if len(text) > self.limits.max_cell_chars:
            raise _Refused(f"row {row}: a cell of more than {self.limits.max_cell_chars:,} "
                           "characters is too long")
        return typed(_attr(data, "Type"), text)

    def _spend(self, cells: int) -> None:
        self.cells_left -= cells
        if self.cells_left < 0:
            raise _Refused(f"more than {self.limits.max_cells:,} cells")
        if self.made > MADE_CELLS_FREE + MADE_CELLS_PER_WRITTEN * self.written:
            raise _Refused("cells skipping or merging more columns than it has cells (more "
                           f"than {MADE_CELLS_FREE:,} beyond those written)")


def _no_entities(*_args) -> None:
    raise _Refused("an entity declaration, which no spreadsheet program writes")


def read_spreadsheetml(path: Path, limits: ReadLimits,
                       max_rows: int | None = None) -> list[tuple[str, list[list]]]:
    """(name, rows) of each worksheet. Raises ReadError for malformed XML, a document type
    declaration, or a workbook past the limits."""
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    if b"<!DOCTYPE" in head.replace(b"\x00", b"") or b"<!ENTITY" in head.replace(b"\x00", b""):
        raise ReadError(str(path), "an XML workbook with a document type declaration, which no "
                                   "spreadsheet program writes; refused")
    book = _Workbook(limits, max_rows)
    parser = ET.XMLPullParser(("start", "end"))
    expat = getattr(getattr(parser, "_parser", None), "parser", None)
    if expat is not None:  # entities are refused wherever they are declared
        expat.EntityDeclHandler = _no_entities
    try:
        for text in text_pieces(path, encoding_of(path, "spreadsheetml")):
            parser.feed(text)
            for event, elem in parser.read_events():
                (book.start if event == "start" else book.end)(elem)
        parser.close()
        for event, elem in parser.read_events():
            (book.start if event == "start" else book.end)(elem)
    except ET.ParseError as exc:
        raise ReadError(str(path), f"a damaged XML workbook ({exc})") from None
    except _Refused as exc:
        raise ReadError(str(path), f"an XML workbook with {exc}") from None
    return [(name, rows[:max_rows] if max_rows else rows) for name, rows in book.sheets]
