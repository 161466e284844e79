"""A text file's table read as a stream: a survey of the whole file, then its rows a chunk at a time.

read_workbook holds every row of a file before an import can begin: a million-row CSV takes
three seconds to read that way, with nothing written meanwhile. A text file is read twice
instead, from its bytes in memory (so both passes read the same bytes, whatever happens to the
file meanwhile):

- the survey parses every record without keeping it: it finds the header in the first rows,
  learns the columns' conventions (d/m/y against m/d/y, decimal commas) from the data rows,
  counts them, and finds where the data ends (before a totals row and blank rows);
- the second pass hands out the data rows a chunk at a time, normalised as they are read (each
  column's repeated texts shared, as read_workbook shares them: the normaliser's lookups by
  cell then compare by identity, which halves its time).

The layout, the row numbers, the chunks and the refusals are those that read_workbook and
read_sheets give for the same file (tests/unit/casedb/importing/test_text_stream.py).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from pathlib import Path

from ..errors import ReadError
from .columns import Chunk, ColumnNormaliser
from .content import SAMPLE_ROWS
from .header import SCAN_ROWS, is_total_row
from .readers import (
    DEFAULT_LIMITS,
    SharedTexts,
    TextTable,
    is_text_file,
    open_text,
    text_cells,
    text_records,
)
from .safety import ReadLimits, check_file
from .sheets import (
    HeaderPlace,
    Refusal,
    SheetLayout,
    WorkbookSheets,
    add_runs,
    choose_sheets,
    chunk_bounds,
    has_data,
    place_header,
    row_runs,
    run_length,
    unusable_sheets,
)
from .spec import ImportSpec

log = logging.getLogger(__name__)

BLOCK = 10_000  # rows surveyed together: where the data may end is looked at once a block


class TextStream:
    """The one table of a text file (csv, tsv, txt), read as a stream."""

    def __init__(self, path: Path, spec: ImportSpec | None, limits: ReadLimits = DEFAULT_LIMITS):
        self._path = path
        self._spec = spec
        self._limits = limits
        self._table: TextTable | None = None
        self._survey: _Survey | None = None

    @property
    def name(self) -> str:
        return self._path.stem

    def layouts(self) -> list[SheetLayout]:
        """Surveys the file. Raises ReadError as read_sheets does."""
        check_file(self._path, self._limits)
        self._table = open_text(self._path, self._limits)
        survey = _Survey(self._path, self.name, self._spec, self._limits)
        survey.read(text_records(self._table, self._limits))
        wanted = self._spec is None or not self._spec.sheets or self.name in self._spec.sheets
        if survey.place is None or not wanted:
            raise unusable_sheets(self._path)
        choose_sheets(self._path, [survey.place], strict=True)
        self._survey = survey
        return [SheetLayout(self.name, tuple(survey.place.mappings),
                            run_length(survey.data_rows), tuple(survey.data_rows))]

    def chunks(self, size: int, first: int | None = None
               ) -> Iterator[tuple[Chunk, int, list[Refusal]]]:
        """(chunk, rows it came from, the rows refused among them) for each ``size`` rows of
        the sheet; with ``first``, the chunks start at that many rows and double."""
        survey, table = self._survey, self._table
        if survey is None or table is None:
            raise RuntimeError("chunks() before layouts()")
        records = map(SharedTexts().cells, text_records(table, self._limits))
        start, end = survey.place.row + 1, survey.end
        records = itertools.islice(records, start, end)
        for a, b in chunk_bounds(start, end, size, first):
            block = list(itertools.islice(records, b - a))
            numbers = [i for i, r in enumerate(block, start=a + 1) if has_data(r)]
            rows = block if len(numbers) == len(block) else [block[i - a - 1] for i in numbers]
            chunk, bad = survey.normaliser.normalise(self.name, numbers, rows)
            yield chunk, len(rows), [Refusal(self.name, *r) for r in bad]


class _Survey:
    """One pass over a text table's records: its header, its limits, its data rows found and
    observed for the normaliser, where its data ends. The records stay as the csv module reads
    them: the date orders and decimal commas learnt, the totals rows found, are the same for an
    empty cell, a cell of spaces and None."""

    def __init__(self, path: Path, name: str, spec: ImportSpec | None, limits: ReadLimits):
        self._path, self._name, self._spec, self._limits = path, name, spec, limits
        self.place: HeaderPlace | None = None
        self.normaliser: ColumnNormaliser | None = None
        self.end = 0  # one past the last data row (0-based)
        self.data_rows: list[tuple[int, int]] = []  # runs of 1-based row numbers, as Sheet's
        self._pending: list[list] = []  # rows after ``end`` that may close the sheet
        self._pending_first = 0  # the 0-based row number of the first of them
        self._any_data = False  # a row with data, wherever it is
        self._too_wide: tuple[int, int] | None = None  # (row, columns) of the first too wide

    def read(self, records: Iterator[list]) -> None:
        spec_row = self._spec.header_row if self._spec is not None else None
        head = []
        for i, row in enumerate(itertools.islice(records, max(SCAN_ROWS, spec_row or 0)
                                                 + SAMPLE_ROWS)):
            self._check(i, row)  # a hostile row is refused before reading on
            head.append(row)
        if not head:
            return
        self.place = place_header(self._path, self._name, list(map(text_cells, head)),
                                  self._spec)
        self.normaliser = ColumnNormaliser(self.place.mappings, self._spec)
        start = self.place.row + 1
        self.end = start
        self._any_data = any(map(_has_text, head[:start]))
        closing = _closes_sheet if self.place.found else _blank
        block, first = head[start:], start
        max_columns, max_rows = self._limits.max_columns, self._limits.max_rows
        wide = self._too_wide is not None
        for i, row in enumerate(records, start=len(head)):
            if len(row) > max_columns or i >= max_rows or wide:
                wide = self._check(i, row)
            block.append(row)
            if len(block) >= BLOCK:
                self._take(block, first, closing)
                block, first = [], i + 1
        self._take(block, first, closing)
        self._pending = []
        if not self._any_data:
            self.place = None  # nothing but blank rows: no sheet
            return
        self.normaliser.settle()

    def _check(self, i: int, row: list) -> bool:
        """The limits read_workbook holds a sheet to (the cells' length is checked by the csv
        module as it reads). A row too wide is refused as soon as it, or a row after it, has
        data: a blank one at the end of the file is not part of the sheet. Returns whether a
        row too wide has been met."""
        if i >= self._limits.max_rows and _has_text(row):
            raise ReadError(str(self._path),
                            f"sheet {self._name!r} has more than {self._limits.max_rows:,} rows")
        if len(row) > self._limits.max_columns and self._too_wide is None:
            self._too_wide = (i, len(row))
        if self._too_wide is not None and _has_text(row):
            wide, n = self._too_wide
            raise ReadError(str(self._path), f"sheet {self._name!r} row {wide + 1} has {n:,} "
                                             "columns")
        return self._too_wide is not None

    def _take(self, block: list[list], first: int, closing) -> None:
        """Rows ``first``.. of the sheet: up to the last that cannot close the sheet they are
        data (with any rows pending before them); the rest wait for what follows."""
        last = len(block) - 1
        while last >= 0 and closing(block[last]):
            last -= 1
        if last < 0:
            if not self._pending:
                self._pending_first = first
            self._pending += block
            self._any_data = self._any_data or any(map(_has_text, block))
            return
        data_first = self._pending_first if self._pending else first
        data = self._pending + block[:last + 1]
        self.normaliser.observe(data)
        add_runs(self.data_rows, row_runs(list(map(_has_text, data)), data_first + 1))
        self.end = first + last + 1
        self._pending = block[last + 1:]
        self._pending_first = self.end
        self._any_data = True  # the row at ``last`` cannot close the sheet: it has data


def _has_text(record: list[str]) -> bool:
    """Whether a text record has data (sheets.has_data of its cells): a cell not empty and not
    only spaces. The survey reads records as the csv module gives them, without making them
    cells: none of what it looks at tells an empty cell or spaces from None."""
    if not record:
        return False
    first = record[0]
    return bool(first and not first.isspace()) or any(c and not c.isspace() for c in record)


def _blank(record: list[str]) -> bool:
    return not _has_text(record)


def _closes_sheet(record: list[str]) -> bool:
    """A totals row or a blank one (header.is_trailing)."""
    return not _has_text(record) or is_total_row(record)


def open_sheets(path: Path, spec: ImportSpec | None) -> TextStream | WorkbookSheets:
    """The sheets of ``path`` (a text file as a stream, a workbook whole); nothing is read until
    ``layouts()``."""
    return TextStream(path, spec) if is_text_file(path) else WorkbookSheets(path, spec)
