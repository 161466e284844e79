"""The measure of a workbook's sheets before any reader builds them (workbook_limits, ods_limits,
xls_limits): each sheet's extent (the rows and columns a reader builds, from A1 to its last
cell), the cells holding anything, the bytes of text it expands to; the budget of ReadLimits
they are held to; and the parts of a zip read as a stream, a megabyte at a time."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError
from .safety import ReadLimits

PIECE = 1 << 20  # decompressed bytes read at a time
# What a damaged zip raises (an unsupported method or version, encryption, a bad CRC...).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
              RuntimeError, ValueError, KeyError)
MAX_CARRY = 64 << 20  # one element (a row of an ods, a tag) may not be longer than this

Q = rb"\s*=\s*[\"']"  # an attribute's equals sign and opening quote
P = rb"(?:[\w.-]+:)?"  # a namespace prefix
def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


@dataclass
class Extent:
    """The rows and columns a sheet is read to (from A1) and the bytes of text it expands to."""

    rows: int = 0
    columns: int = 0
    text_bytes: int = 0
    values: int = 0  # cells that hold something

    @property
    def cells(self) -> int:
        return self.rows * self.columns


class Budget:
    """The limits, and what the sheets read so far have used of them."""

    def __init__(self, path: Path, limits: ReadLimits):
        self.path, self.limits = path, limits
        self.cells = 0
        self.text_bytes = 0

    def refuse(self, reason: str) -> ReadError:
        return ReadError(str(self.path), reason)

    def check(self, sheet: str, extent: Extent, declared: bool = False) -> None:
        """Refuse a sheet whose extent goes past a limit (``declared``: as its XML says it is)."""
        lim = self.limits
        says = "declares" if declared else "has"
        if extent.rows > lim.max_rows:
            raise self.refuse(f"sheet {sheet!r} {says} {extent.rows:,} rows, more than the "
                              f"{lim.max_rows:,} allowed")
        if extent.columns > lim.max_columns:
            raise self.refuse(f"sheet {sheet!r} {says} {extent.columns:,} columns, more than the "
                              f"{lim.max_columns:,} allowed")
        if self.cells + extent.cells > lim.max_cells:
            raise self.refuse(f"sheet {sheet!r} {says} {extent.rows:,} rows by {extent.columns:,} "
                              f"columns, more than the {lim.max_cells:,} cells allowed")
        if self.text_bytes + extent.text_bytes > lim.max_text_bytes:
            raise self.refuse(f"sheet {sheet!r} expands to more than {lim.max_text_bytes:,} "
                              "bytes of text")

    def spend(self, sheet: str, extent: Extent) -> None:
        """A sheet measured to its end: refused if mostly empty, else counted."""
        lim = self.limits
        if extent.cells > max(lim.max_sparse_cells, lim.max_cells_per_value * extent.values):
            raise self.refuse(f"sheet {sheet!r} has {extent.rows:,} rows by {extent.columns:,} "
                              f"columns but only {extent.values:,} cells with anything in them, "
                              "too sparse to read safely")
        self.cells += extent.cells
        self.text_bytes += extent.text_bytes


def pieces(zf: zipfile.ZipFile, name: str, budget: Budget, cut: bytes,
           after: bool = False) -> Iterator[bytes]:
    """The decompressed bytes of a part, a megabyte or so at a time, each piece ending just before
    the last ``cut`` in it (``after``: just after it), so that no element of interest is split;
    the rest waits for the next."""
    carry = b""
    try:
        with zf.open(name) as f:
            while piece := f.read(PIECE):
                data = carry + piece
                i = data.rfind(cut)
                if i <= 0:
                    if len(data) > MAX_CARRY:
                        raise budget.refuse(f"{name} holds an element longer than "
                                            f"{MAX_CARRY:,} bytes")
                    carry = data
                    continue
                if after:
                    i += len(cut)
                carry = data[i:]
                yield data[:i]
    except ZIP_ERRORS as exc:
        raise budget.refuse(f"not a valid spreadsheet: {name} is damaged ({exc})") from None
    if carry:
        yield carry


def small_part(zf: zipfile.ZipFile, name: str, budget: Budget) -> bytes:
    """A part that is small in any real workbook (relationships), read whole up to 16 MB."""
    try:
        with zf.open(name) as f:
            data = f.read(16 << 20)
    except KeyError:
        return b""
    except ZIP_ERRORS as exc:
        raise budget.refuse(f"not a valid spreadsheet: {name} is damaged ({exc})") from None
    return data
