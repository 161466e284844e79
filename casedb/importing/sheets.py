"""The sheets of a file as the importer sees them: where each header and its data rows are, how
the columns map, and the rows normalised a chunk at a time.

A workbook's sheets are read whole (WorkbookSheets); a text file is read as a stream
(text_stream.TextStream). Either hands an import the layout of its sheets and then their
normalised chunks (see sources.py).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NeedsDecision, NotDeclarations, ReadError
from .columns import Chunk, ColumnNormaliser
from .content import SAMPLE_ROWS
from .header import data_end, header_row, header_texts, is_trailing, two_row_header
from .mapping import ColumnMapping, auto_map, score_columns
from .questions import Question, questions, trade_statistics_columns
from .readers import RawSheet, read_workbook
from .spec import ImportSpec, apply_spec

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refusal:
    sheet: str
    row: int
    column: str
    reason: str

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "reason": self.reason}


@dataclass(frozen=True)
class RowWarning:
    """An optional value that could not be read exactly, kept as written; the row went in."""

    sheet: str
    row: int
    column: str
    value: str  # as written
    reason: str

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "value": self.value, "reason": self.reason}


@dataclass(frozen=True)
class SheetLayout:
    """What the writer needs to know of a sheet: its name, its column mapping, its data rows."""

    name: str
    mappings: tuple[ColumnMapping, ...]
    count: int
    # The 1-based spreadsheet row numbers of the data rows, as runs [first, one past the last).
    data_rows: tuple[tuple[int, int], ...] = ()


@dataclass
class Sheet:
    raw: RawSheet
    header_row: int
    headers: list[str]
    mappings: list[ColumnMapping]
    start: int  # 0-based index of the first data row in raw.rows
    end: int  # and one past the last (a totals row is not data)
    count: int = 0  # rows with data (blank rows are skipped)
    data_rows: list[tuple[int, int]] = field(default_factory=list)
    questions: tuple = ()  # see HeaderPlace
    trade_columns: tuple = ()

    @property
    def name(self) -> str:
        return self.raw.name

    def __post_init__(self) -> None:
        self.data_rows = row_runs(list(map(has_data, self.raw.rows[self.start:self.end])),
                                  self.start + 1)
        self.count = run_length(self.data_rows)

    @property
    def layout(self) -> SheetLayout:
        return SheetLayout(self.raw.name, tuple(self.mappings), self.count,
                           tuple(self.data_rows))

    def chunks(self, size: int, first: int | None = None):
        """(1-based row numbers, rows) of the data rows, ``size`` rows of the sheet at a time;
        with ``first``, the chunks start at ``first`` rows and double up to ``size``. The rows
        handed out are dropped from the sheet, so memory falls as the import goes."""
        rows = self.raw.rows
        for a, b in chunk_bounds(self.start, self.end, size, first):
            numbers = [i + 1 for i, r in enumerate(rows[a:b], start=a) if has_data(r)]
            yield numbers, [rows[i - 1] for i in numbers]
            rows[a:b] = itertools.repeat(None, b - a)

    def head(self, n: int) -> list[list]:
        return [r for r in self.raw.rows[self.start:self.end] if has_data(r)][:n]


def chunk_bounds(start: int, end: int, size: int, first: int | None = None
                 ) -> Iterator[tuple[int, int]]:
    """[a, b) of each chunk of the rows ``start``..``end`` (0-based): ``size`` rows, or with
    ``first`` starting at that many and doubling up to ``size``."""
    a, step = start, min(first or size, size)
    while a < end:
        b = min(a + step, end)
        yield a, b
        a, step = b, min(2 * step, size)


def row_runs(flags: Sequence[bool], first_row: int) -> list[tuple[int, int]]:
    """The runs [first, one past the last) of the row numbers whose flag holds, ``flags[0]``
    being that of row ``first_row``."""
    if all(flags):
        return [(first_row, first_row + len(flags))] if flags else []
    runs, start = [], None
    for row, flag in enumerate(flags, start=first_row):
        if flag and start is None:
            start = row
        elif not flag and start is not None:
            runs.append((start, row))
            start = None
    if start is not None:
        runs.append((start, first_row + len(flags)))
    return runs


def run_length(runs: Sequence[tuple[int, int]]) -> int:
    return sum(b - a for a, b in runs)


def add_runs(runs: list[tuple[int, int]], more: list[tuple[int, int]]) -> None:
    """Append ``more`` to ``runs``, joining a run that goes on where the last one stopped."""
    if runs and more and runs[-1][1] == more[0][0]:
        runs[-1] = (runs[-1][0], more[0][1])
        more = more[1:]
    runs += more


def has_data(row) -> bool:
    """Whether any cell of the row holds something; a row's first cell usually tells."""
    return bool(row) and (row[0] is not None or row.count(None) != len(row))


@dataclass(frozen=True)
class HeaderPlace:
    """Where a sheet's header is and how its columns map."""

    row: int  # 0-based
    headers: list[str]
    mappings: list[ColumnMapping]
    found: bool  # detected, not set by the import spec: then the data stops before totals
    questions: tuple[Question, ...] = ()  # what must be settled before importing it
    trade_columns: tuple[str, ...] = ()  # the columns that make it look like trade statistics


def sample_rows(rows: list[list], header: int) -> list[list]:
    """The first data rows below the header, for content scoring (blank and totals rows
    left out)."""
    out = []
    for r in rows[header + 1:]:
        if len(out) >= SAMPLE_ROWS:
            break
        if has_data(r) and not is_trailing(r):
            out.append(r)
    return out


def place_header(path: Path, name: str, rows: list[list], spec: ImportSpec | None) -> HeaderPlace:
    """The header of a sheet from its first rows (at least SCAN_ROWS of them, and down to the
    import spec's header row when it names one; the rows below it, up to SAMPLE_ROWS, are the
    sample its columns' values are scored on). Raises ReadError when the spec's header row is
    past the end of the sheet."""
    best = header_row(rows)
    row = spec.header_row - 1 if spec is not None and spec.header_row else best
    if row >= len(rows):
        raise ReadError(str(path), f"the import spec puts the header on row {row + 1}, but sheet "
                                   f"{name!r} has {len(rows):,} rows")
    found = row == best
    headers = (header_texts(rows[row]) if found
               else [str(c).strip() if c is not None else "" for c in rows[row]])
    if found and (two := two_row_header(rows, best)):
        row, headers = two
    samples = sample_rows(rows, row)
    scored = score_columns(headers, samples)  # once: for the mapping and for its questions
    mappings = auto_map(headers, samples, candidates=scored)
    if spec is not None:
        mappings = apply_spec(mappings, spec, headers)
    asked = tuple(questions(name, headers, mappings, samples, spec, scored))
    trade = tuple(trade_statistics_columns(headers, mappings))
    return HeaderPlace(row, headers, list(mappings), found, asked, trade)


def _layout(path: Path, raw: RawSheet, spec: ImportSpec | None) -> Sheet | None:
    if not raw.rows:
        return None
    place = place_header(path, raw.name, raw.rows, spec)
    end = data_end(raw.rows, place.row) if place.found else len(raw.rows)
    return Sheet(raw, place.row, place.headers, place.mappings, place.row + 1, end,
                 questions=place.questions, trade_columns=place.trade_columns)


def unusable_sheets(path: Path, places: Sequence = ()) -> ReadError:
    """The error for a file with no sheet to import: trade statistics, or no sheet with
    recognisable columns."""
    for place in places:
        if place.trade_columns:
            return NotDeclarations(str(path), (
                "looks like trade statistics, not declarations (columns "
                f"{', '.join(place.trade_columns[:4])}); import it with 'wasteintel trade import'"))
    return NotDeclarations(str(path), "no sheet with recognisable columns (such as "
                                      "'Declaration No.' or '報單號碼'); an import spec can name them")


DECLARATION_SHEET_FIELDS = 3  # a sheet mapping fewer fields is a note, a legend, a cover


def choose_sheets(path: Path, sheets: list, strict: bool) -> list:
    """The sheets to import. A sheet with questions stops the file (NeedsDecision) unless it
    is only a note beside sheets that can be imported; without ``strict`` (a preview) every
    sheet with recognisable columns is kept, questions and all."""
    usable = [s for s in sheets if any(m.field for m in s.mappings) and not s.trade_columns]
    for s in sheets:
        if s not in usable and not s.trade_columns:
            log.info("%s: sheet %r has no recognisable columns; skipped", path.name,
                     getattr(s, "name", ""))
    if not strict:
        if not usable:
            raise unusable_sheets(path, sheets)
        return usable
    ready = [s for s in usable if not s.questions]
    asking = [s for s in usable if s.questions and (
        sum(1 for m in s.mappings if m.field) >= DECLARATION_SHEET_FIELDS or not ready)]
    if asking:
        qs = tuple(q for s in asking for q in s.questions)
        raise NeedsDecision(str(path), "; ".join(q.reason for q in qs[:4]), qs)
    if not ready:
        raise unusable_sheets(path, sheets)
    for s in usable:
        if s not in ready:
            log.info("%s: sheet %r left out: %s", path.name, getattr(s, "name", ""),
                     "; ".join(q.reason for q in s.questions))
    return ready


def read_sheets(path: Path, spec: ImportSpec | None, max_rows: int | None = None,
                strict: bool = True) -> list[Sheet]:
    """The sheets of ``path`` to import. Raises ReadError (NeedsDecision, NotDeclarations)."""
    wanted = set(spec.sheets) if spec is not None and spec.sheets else None
    laid = []
    for raw in read_workbook(path, max_rows=max_rows):
        if wanted is not None and raw.name not in wanted:
            continue
        sheet = _layout(path, raw, spec)
        if sheet is not None:
            laid.append(sheet)
    return choose_sheets(path, laid, strict)


def normalised_chunks(sheets: Sequence[Sheet], spec: ImportSpec | None, size: int,
                      first: int | None = None) -> Iterator[tuple[Chunk, int, list[Refusal]]]:
    """(chunk, rows it came from, the rows refused among them) for each ``size`` rows of each
    sheet (with ``first``, a sheet's chunks start at that many rows and double); a refusal names
    the sheet, row, column and reason."""
    for sheet in sheets:
        norm = ColumnNormaliser(sheet.mappings, spec)
        norm.learn(sheet.raw.rows[sheet.start:sheet.end])
        for numbers, rows in sheet.chunks(size, first):
            chunk, bad = norm.normalise(sheet.raw.name, numbers, rows)
            yield chunk, len(rows), [Refusal(sheet.raw.name, *r) for r in bad]


def field_headers(layouts: Sequence[SheetLayout]) -> dict[tuple[str, str], str]:
    """(sheet, canonical field) -> the header text the investigator sees."""
    return {(s.name, m.field): m.header for s in layouts for m in s.mappings if m.field}


class WorkbookSheets:
    """The sheets of a workbook, read whole (by ``layouts``), then normalised a chunk at a time."""

    def __init__(self, path: Path, spec: ImportSpec | None):
        self._path = path
        self._spec = spec
        self._sheets: list[Sheet] = []

    def layouts(self) -> list[SheetLayout]:
        self._sheets = read_sheets(self._path, self._spec)
        return [s.layout for s in self._sheets]

    def chunks(self, size: int, first: int | None = None
               ) -> Iterator[tuple[Chunk, int, list[Refusal]]]:
        return normalised_chunks(self._sheets, self._spec, size, first)
