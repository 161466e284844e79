"""Reading spreadsheets: xlsx/xlsm/xls/ods through python-calamine, once what their sheets expand
to has been measured against the limits (workbook_limits, ods_limits, xls_limits); HTML tables
and SpreadsheetML 2003 workbooks, whatever their name (html_table, spreadsheetml); text files
through csv with encoding and delimiter detection. Formulas are never evaluated (calamine returns
cached values)."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import logging
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError
from .encodings import has_nul, text_encoding
from .html_table import read_html_tables
from .markup import sniff
from .safety import ReadLimits, check_file, check_rows, check_zip
from .sheet_budget import Budget
from .spreadsheetml import read_spreadsheetml
from .workbook_limits import check_workbook
from .xls_limits import check_xls

log = logging.getLogger(__name__)

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
DELIMITERS = ",;\t|"


@dataclass
class RawSheet:
    name: str
    rows: list[list[object]]
    text: bool = False  # read from a text file: every cell a str or None


DEFAULT_LIMITS = ReadLimits()


def read_workbook(path, limits: ReadLimits = DEFAULT_LIMITS,
                  max_rows: int | None = None) -> list[RawSheet]:
    """Every sheet of a workbook (or the one table of a text file); ``max_rows`` reads only
    the top of each sheet, for a preview."""
    path = Path(path)
    check_file(path, limits)
    with open(path, "rb") as f:
        head = f.read(8)
    markup = None if head.startswith((ZIP, OLE2)) else sniff(path)
    if markup is not None:  # an HTML table or an XML workbook, whatever its name
        sheets = _markup_sheets(path, markup, limits, max_rows)
    elif head.startswith(ZIP):
        check_zip(path, limits)
        check_workbook(path, limits)
        sheets = _calamine(path, max_rows)
    elif head.startswith(OLE2):
        check_xls(path, Budget(path, limits))
        sheets = _calamine(path, max_rows)
    elif not _named_as_text(path):
        raise ReadError(str(path), f"not a valid {path.suffix.lower()[1:]} file")
    else:  # the csv module refuses cells longer than the limit as it reads
        sheets = [RawSheet(path.stem, _text_rows(path, limits, max_rows), text=True)]
    for s in sheets:
        check_rows(path, s.name, s.rows, limits, cells=not s.text)
    return sheets


def is_text_file(path: Path) -> bool:
    """Whether read_workbook reads ``path`` as a text file (csv, tsv, txt: a single table)."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return False
    return not head.startswith((ZIP, OLE2)) and _named_as_text(path) and sniff(path) is None


def _markup_sheets(path: Path, kind: str, limits: ReadLimits,
                   max_rows: int | None) -> list[RawSheet]:
    """The tables of an HTML page (every cell a str or None), or the sheets of a SpreadsheetML
    2003 workbook (cells typed as calamine types them)."""
    if kind == "html":
        return [RawSheet(name, _trim(rows), text=True)
                for name, rows in read_html_tables(path, limits, max_rows)]
    return [RawSheet(name, _trim(rows)) for name, rows in read_spreadsheetml(path, limits, max_rows)]


def _named_as_text(path: Path) -> bool:
    """A file that is neither a zip nor an OLE2 container: text, unless its name says it is a
    workbook (then it is a damaged one)."""
    suffix = path.suffix.lower()
    return not (suffix in (".xlsx", ".xlsm", ".ods") or (suffix == ".xls" and _binary(path)))


def _binary(path: Path) -> bool:
    with open(path, "rb") as f:
        chunk = f.read(4096)
    return b"\x00" in chunk and not chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


SHEET_READERS = 2  # sheets of one workbook parsed at a time


def _calamine(path: Path, max_rows: int | None = None) -> list[RawSheet]:
    """Every sheet, in the workbook's order. calamine lets go of the GIL while it parses a
    sheet (about three quarters of reading one), so with several sheets two are read at a
    time, each thread through a workbook handle of its own: four sheets of 50,000 rows took
    3.3 s one after the other, 2.1 s two at a time. One sheet gains nothing."""
    from python_calamine import CalamineWorkbook

    def read(names: list[str], wb=None) -> list[RawSheet]:
        own = wb or CalamineWorkbook.from_path(str(path))
        return [RawSheet(n, _trim(_sheet_rows(own.get_sheet_by_name(n), max_rows)))
                for n in names]

    try:
        wb = CalamineWorkbook.from_path(str(path))
        names = wb.sheet_names
        workers = min(SHEET_READERS, len(names), os.cpu_count() or 1)
        if workers < 2:
            return read(names, wb)
        # Sheet i goes to thread i % workers; the results are put back in the workbook's order.
        with ThreadPoolExecutor(workers, thread_name_prefix="sheet-reader") as pool:
            parts = list(pool.map(read, [names[i::workers] for i in range(workers)]))
        by_name = {sheet.name: sheet for part in parts for sheet in part}
        return [by_name[n] for n in names]
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - calamine raises its own error types
        reason = " ".join(str(exc).split())[:200] or exc.__class__.__name__
        raise ReadError(str(path), f"not a readable spreadsheet: {reason}") from None


def _sheet_rows(sheet, max_rows: int | None) -> list[list]:
    """The rows from the sheet's first row and column, as in the spreadsheet (so that row and
    column numbers match what the investigator sees); blank text cells read as None.
    iter_rows keeps leading empty rows but not leading empty columns: those are put back."""
    cells = []
    for r in itertools.islice(sheet.iter_rows(), max_rows):
        # Most rows have no blank text cell: one scan of the row tells, without a new list.
        if "" in r or any(c.__class__ is str and c.isspace() for c in r):
            r = [c if c.__class__ is not str or c.strip() else None for c in r]
        cells.append(r)
    first_column = sheet.start[1] if sheet.start else 0
    if first_column:
        pad = [None] * first_column
        cells = [pad + r for r in cells]
    return cells


def _trim(rows: list[list]) -> list[list]:
    while rows and all(c is None or c == "" for c in rows[-1]):
        rows.pop()
    return rows


def sniff_delimiter(text: str) -> str:
    lines = [ln for ln in text[:65536].splitlines()[:50] if ln.strip()]
    best, best_score = ",", -1.0
    for d in DELIMITERS:
        counts = [ln.count(d) for ln in lines]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * (1 if common else 0) + common * 0.01
        if score > best_score:
            best, best_score = d, score
    return best


SHARED_TEXTS_PER_COLUMN = 200_000  # beyond this a column's texts are mostly unique: start again
SHARING_BLOCK = 10_000  # rows between looks at how each column's texts repeat


@dataclass(frozen=True)
class TextTable:
    """A text file's bytes, with the encoding and the cell delimiter they were found to use."""

    path: Path
    data: bytes
    encoding: str
    delimiter: str


def open_text(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> TextTable:
    """The bytes of a text file, checked: one encoding decodes them all and no NUL is in them."""
    data = path.read_bytes()
    encoding = text_encoding(data, str(path))
    if has_nul(data, encoding):
        raise ReadError(str(path), "not a text file (contains NUL bytes)")
    head = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="").read(1 << 16)
    return TextTable(path, data, encoding, sniff_delimiter(head))


def text_records(table: TextTable, limits: ReadLimits = DEFAULT_LIMITS,
                 max_rows: int | None = None) -> Iterator[list[str]]:
    """The records of a text table as the csv module reads them, each a list of str; lines are
    decoded as they are read, so the text of the whole file is never held at once. Raises
    ReadError for a cell longer than the limit, more rows than the limit (blank ones count:
    20 MB of blank lines had held 1.5 GB) or malformed text, naming the row.

    A blank record (an empty line, or only delimiters) is handed out as one shared tuple of
    empty cells for each width: a run of blank lines costs a pointer a line, wherever it is
    held while what follows it is unknown."""
    text = io.TextIOWrapper(io.BytesIO(table.data), encoding=table.encoding, newline="")
    csv.field_size_limit(limits.max_cell_chars)
    reader = csv.reader(text, delimiter=table.delimiter)
    blanks = _BlankRecords(table, limits)
    n, limit = 0, limits.max_rows
    try:
        for r in itertools.islice(reader, max_rows):
            n += 1
            if n > limit:
                raise ReadError(str(table.path), f"sheet {table.path.stem!r} has more than "
                                                 f"{limits.max_rows:,} rows")
            # A record's first cell most often tells it holds something, without a call.
            yield r if (r and r[0]) or any(r) else blanks.record(n, len(r))
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise ReadError(str(table.path), f"row {n + 1}: a cell of more than "
                                             f"{limits.max_cell_chars:,} characters is too long") from None
        raise ReadError(str(table.path), f"malformed text file: {exc}") from None


class _BlankRecords:
    """The shared blank records of a text table, one per width up to the column limit (a
    million lines of 19 commas, as a spreadsheet exports formatted empty rows, take 8 MB).
    Wider ones are refused (as too wide) once there are more than MAX_WIDE_BLANK_CELLS of
    them: each would be a list of its own."""

    MAX_WIDE_BLANK_CELLS = 4_000_000

    def __init__(self, table: TextTable, limits: ReadLimits):
        self._table, self._limits = table, limits
        self._shared: dict[int, tuple] = {}
        self._wide_cells = 0

    def record(self, row: int, width: int) -> tuple | list:
        if width <= self._limits.max_columns:
            found = self._shared.get(width)
            if found is None:
                found = self._shared[width] = ("",) * width
            return found
        self._wide_cells += width
        if self._wide_cells > self.MAX_WIDE_BLANK_CELLS:
            raise ReadError(str(self._table.path), f"sheet {self._table.path.stem!r} row {row} "
                                                   f"has {width:,} columns")
        return [""] * width


def text_cells(record: list[str]) -> list:
    """A text record's cells as read_workbook gives them: empty cells and cells of spaces are
    None."""
    if record.__class__ is tuple:  # a shared blank record
        return [None] * len(record)
    if "" in record or any(map(str.isspace, record)):
        return [None if not c or c.isspace() else c for c in record]
    return record


def _text_rows(path: Path, limits: ReadLimits, max_rows: int | None = None) -> list[list[object]]:
    """Every row of a text file, each column's repeated texts held once (see SharedTexts)."""
    shared = SharedTexts()
    return _trim(list(map(shared.cells, text_records(open_text(path, limits), limits, max_rows))))


class SharedTexts:
    """Text records made rows, each column keeping one copy of each distinct cell text: a port,
    a date, a name repeats thousands of times and is held once (a million CSV rows take about
    600 MB so, 1.4 GB as plain lists of strings). Equal cells being one object also makes the
    normaliser's lookups by cell cheap: their hash is computed once and compared by identity.
    Empty cells and cells of spaces read as None."""

    def __init__(self) -> None:
        self._columns: list[dict] = []
        self._sizes: list[int] = []  # each column's count of texts at the last look
        self._rows = 0

    def cells(self, record: list[str]) -> list:
        columns = self._columns
        if len(record) > len(columns):
            columns += [{"": None} for _ in range(len(record) - len(columns))]
            self._sizes += [1] * (len(columns) - len(self._sizes))
        row = list(map(dict.setdefault, columns, record, record))  # no Python frame per cell
        if any(map(str.isspace, record)):  # rare: blank cells of spaces read as None too
            row = [None if c is not None and c.isspace() else c for c in row]
        self._rows += 1
        if self._rows % SHARING_BLOCK == 0:
            self._forget_unique_texts()
        return row

    def _forget_unique_texts(self) -> None:
        """Start a column's shared texts afresh when they stop paying: when nearly every text
        of the last block was new (declaration numbers, B/L numbers), or when they grow too
        many. A large table of texts that never repeat costs lookups that miss the CPU cache
        and memory that saves nothing."""
        columns, sizes = self._columns, self._sizes
        for i, col in enumerate(columns):
            if len(col) - sizes[i] > 0.9 * SHARING_BLOCK or len(col) > SHARED_TEXTS_PER_COLUMN:
                columns[i] = col = {"": None}
            sizes[i] = len(col)
