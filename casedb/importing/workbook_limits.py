"""What a workbook's sheets expand to, measured before any reader builds them.

A few kilobytes of xlsx or ods can describe a sheet of a billion cells: one cell at ALL1048576
(python-calamine, then our rows, hold every row and column up to it), half a million cells
pointing at one 32,000-character shared string (each cell gets its own copy), an ods row
repeated a million times. The readers would ask for tens of gigabytes and the process would die
without a word. Here the parts of the zip are read as a stream, a megabyte of XML at a time (never
the whole decompressed part), with regular expressions over the raw bytes, and what the sheets
expand to is held against the ReadLimits: rows, columns, cells (rows × columns from A1, as read),
bytes of text. The expressions count generously where the XML strays from what writers write
(no ``r`` attribute, single quotes): a limit may refuse a little early, never late. A sheet's
declared <dimension> is noted, not trusted either way: Excel counts styled empty cells in it.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
import zipfile
from array import array
from operator import itemgetter
from pathlib import Path, PurePosixPath

import numpy as np

from ..errors import ReadError
from .ods_limits import check_ods
from .safety import ReadLimits
from .sheet_budget import ZIP_ERRORS, Budget, Extent, column_number, pieces, small_part
from .sheet_budget import P as _P
from .sheet_budget import Q as _Q
from .xlsx_cells import plain_cells

log = logging.getLogger(__name__)

DIMENSION = re.compile(rb"<" + _P + rb"dimension\s[^>]*?\bref" + _Q + rb"\$?([A-Z]{1,4})\$?(\d{1,10})"
                       rb"(?::\$?([A-Z]{1,4})\$?(\d{1,10}))?")
CELL_TAG = re.compile(rb"<" + _P + rb"c[\s/>]")
CELL_REF = re.compile(rb"<" + _P + rb"c\s[^>]*?\br" + _Q + rb"([A-Z]{1,4})(\d{1,10})")
ROW_TAG = re.compile(rb"<" + _P + rb"row[\s/>]")
ROW_NUMBER = re.compile(rb"<" + _P + rb"row\s[^>]*?\br" + _Q + rb"(\d{1,10})")
SHARED_CELL = re.compile(rb"\st" + _Q + rb"s[\"']")
SHARED_INDEX = re.compile(rb"\st" + _Q + rb"s[\"'][^>]*>\s*(?:<" + _P + rb"f\b[^>]*(?:/>|>[^<]*</"
                          + _P + rb"f>)\s*)?<" + _P + rb"v>\s*(\d{1,10})")
SHARED_STRING = re.compile(rb"<" + _P + rb"si[\s/>]")
RELATIONSHIP = re.compile(rb"<" + _P + rb"Relationship\s[^>]*>")
TARGET = re.compile(rb"\bTarget" + _Q + rb"([^\"']+)")
REL_ID = re.compile(rb"\bId" + _Q + rb"([^\"']+)")
SHEET = re.compile(rb"<" + _P + rb"sheet\s[^>]*>")
SHEET_NAME = re.compile(rb"\bname" + _Q + rb"([^\"']*)")
SHEET_RID = re.compile(rb"\b[\w.-]+:id" + _Q + rb"([^\"']+)")


# ---------------------------------------------------------------------------------------- xlsx

def check_xlsx(zf: zipfile.ZipFile, budget: Budget) -> None:
    names = {i.filename for i in zf.infolist()}
    lengths = _shared_string_lengths(zf, names, budget)
    for part, sheet in _worksheet_parts(zf, names, budget):
        extent = _xlsx_extent(zf, part, sheet, lengths, budget)
        budget.check(sheet, extent)
        budget.spend(sheet, extent)


def _worksheet_parts(zf: zipfile.ZipFile, names: set[str], budget: Budget
                     ) -> list[tuple[str, str]]:
    """(part, sheet name) of the worksheets the workbook's relationships name, and of any other
    part under xl/worksheets/ (named by its file)."""
    targets = {}
    for rel in RELATIONSHIP.findall(small_part(zf, "xl/_rels/workbook.xml.rels", budget)):
        target, rid = TARGET.search(rel), REL_ID.search(rel)
        if target and rid and b"/worksheet" in rel:
            t = target.group(1).decode("utf-8", "replace")
            targets[rid.group(1)] = posixpath.normpath(t.lstrip("/") if t.startswith("/")
                                                       else f"xl/{t}")
    named = {}
    for tag in SHEET.findall(small_part(zf, "xl/workbook.xml", budget)):
        name, rid = SHEET_NAME.search(tag), SHEET_RID.search(tag)
        if name and rid and rid.group(1) in targets:
            named[targets[rid.group(1)]] = html.unescape(name.group(1).decode("utf-8", "replace"))
    parts = {n for n in names if n.lower().startswith("xl/worksheets/") and n.endswith(".xml")}
    parts |= set(targets.values())
    return [(p, named.get(p, PurePosixPath(p).stem)) for p in sorted(parts) if p in names]


def _shared_string_lengths(zf: zipfile.ZipFile, names: set[str], budget: Budget) -> array:
    """The bytes of XML each shared string takes (more than its text: a bound on it); their
    total counts against the text allowed, as a reader holds them all."""
    lengths = array("I")  # 4 bytes a string: 80 MB at the most
    part = next((n for n in names if n.lower() == "xl/sharedstrings.xml"), None)
    if part is None:
        return lengths
    limit = budget.limits.max_shared_strings
    for data in pieces(zf, part, budget, b"<"):
        parts = SHARED_STRING.split(data)
        if lengths:
            lengths[-1] += len(parts[0])
        lengths.extend(map(len, parts[1:]))
        if len(lengths) > limit:
            raise budget.refuse(f"more than {limit:,} shared strings")
    total = int(np.frombuffer(lengths, np.uint32).sum(dtype=np.uint64)) if lengths else 0
    if total > budget.limits.max_text_bytes:
        raise budget.refuse(f"its shared strings take more than {budget.limits.max_text_bytes:,} "
                            "bytes")
    budget.text_bytes += total
    return lengths


class _XlsxSheetScan:
    """One worksheet's XML, a piece at a time."""

    def __init__(self, sheet: str, lengths: array, budget: Budget):
        self.sheet, self.lengths, self.budget = sheet, lengths, budget
        self.shared_lengths = np.frombuffer(lengths, np.uint32) if lengths else np.zeros(0, np.uint32)
        self.longest = int(self.shared_lengths.max(initial=0))
        self.extent = Extent()
        self.max_row = 0  # from the r of rows and cells
        self.rows_unnumbered = 0  # rows without r: each one below the one before
        self.max_column = 0
        self.unplaced = 0  # the most cells without r in one row
        self.carried = 0  # cells without r in the row the last piece ended in
        self.declared = False

    def take(self, data: bytes) -> None:
        if not self.declared:
            self._declared(data)
        plain = plain_cells(data)
        if plain is None:
            self._any_cells(data)
        else:
            self.max_row = max(self.max_row, plain.max_row)
            self.max_column = max(self.max_column, plain.max_column)
            self.extent.values += plain.values
        if plain is not None and plain.shared is not None:
            self._add_shared(plain.shared)
        elif (b'"s"' in data or b"'s'" in data) and SHARED_CELL.search(data):
            self._shared(data)

    def _add_shared(self, indexes) -> None:
        lengths = self.shared_lengths
        self.extent.text_bytes += int(lengths[indexes[indexes < len(lengths)]].sum())
        self._check_text()

    def _any_cells(self, data: bytes) -> None:
        """Cells however written: prefixed, r not first, single quotes, no r at all (then the
        rows' r and count place them). Every cell counts, with a value or not."""
        refs = CELL_REF.findall(data)
        self.max_row = max(self.max_row, max(map(int, map(itemgetter(1), refs)), default=0))
        self.max_column = max(self.max_column, *map(column_number,
                                                    {col for col, _ in refs} or {b"@"}))
        cells = len(CELL_TAG.findall(data))
        self.extent.values += cells
        if cells > len(refs):
            rows = list(map(int, ROW_NUMBER.findall(data)))
            self.max_row = max(self.max_row, max(rows, default=0))
            self.rows_unnumbered += len(ROW_TAG.findall(data)) - len(rows)
            self._unplaced(data)

    def _declared(self, data: bytes) -> None:
        """The <dimension ref> before the cells: the sheet as its writer says it is. Excel and
        openpyxl count styled empty cells in it, which no reader builds, so a dimension past
        the limits is only noted: the cells themselves decide."""
        m = DIMENSION.search(data)
        if m is None and b"sheetData" not in data:
            return  # not reached yet
        self.declared = True
        if m is None:
            return
        last_col, last_row = (m.group(3), m.group(4)) if m.group(3) else (m.group(1), m.group(2))
        if not (last_col and last_row):
            return
        try:
            self.budget.check(self.sheet, Extent(int(last_row), column_number(last_col)),
                              declared=True)
        except ReadError as exc:
            log.info("%s: %s; its cells are measured instead", self.budget.path.name, exc.reason)

    def _unplaced(self, data: bytes) -> None:
        """Cells without r go one column right of the cell before: their count in a row, after
        its last numbered cell, bounds how far right they reach."""
        counts = [len(CELL_TAG.findall(row)) for row in ROW_TAG.split(data)]
        counts[0] += self.carried
        self.carried = counts[-1]
        self.unplaced = max(self.unplaced, max(counts))

    def _shared(self, data: bytes) -> None:
        """Each cell of a shared string holds its own copy: the bytes they expand to."""
        n = len(SHARED_CELL.findall(data))
        if not n:
            return
        indexes = list(map(int, SHARED_INDEX.findall(data)))
        known = len(self.lengths)
        self.extent.text_bytes += sum(map(self.lengths.__getitem__,
                                          (i for i in indexes if i < known)))
        self.extent.text_bytes += (n - len(indexes)) * self.longest  # cells written oddly
        self._check_text()

    def _check_text(self) -> None:
        if self.extent.text_bytes + self.budget.text_bytes > self.budget.limits.max_text_bytes:
            raise self.budget.refuse(f"sheet {self.sheet!r} expands to more than "
                                     f"{self.budget.limits.max_text_bytes:,} bytes of text "
                                     "(cells repeating long shared strings)")

    def finish(self) -> Extent:
        self.extent.rows = self.max_row + self.rows_unnumbered
        self.extent.columns = self.max_column + self.unplaced
        return self.extent


def _xlsx_extent(zf: zipfile.ZipFile, part: str, sheet: str, lengths: array,
                 budget: Budget) -> Extent:
    scan = _XlsxSheetScan(sheet, lengths, budget)
    for data in pieces(zf, part, budget, b"</"):
        scan.take(data)
        budget.check(sheet, scan.finish())
    return scan.finish()


def check_workbook(path: Path, limits: ReadLimits) -> None:
    """Refuse an xlsx/xlsm or ods whose sheets expand past ``limits`` (ReadError naming the
    sheet and the limit), before any reader builds them."""
    budget = Budget(path, limits)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "xl/workbook.bin" in names:  # calamine reads it, but nothing here measures it
                raise budget.refuse("an Excel binary workbook (xlsb), which is not read; save it "
                                    "as xlsx and import that")
            if "content.xml" in names and not any(n.startswith("xl/") for n in names):
                check_ods(zf, budget)
            else:
                check_xlsx(zf, budget)
    except ZIP_ERRORS as exc:
        raise budget.refuse(f"not a valid spreadsheet: damaged zip ({exc})") from None
