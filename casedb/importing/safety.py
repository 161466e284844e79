"""Guards against hostile files: zip bombs, truncated archives, enormous files and cells."""

from __future__ import annotations

import itertools
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError


@dataclass(frozen=True)
class ReadLimits:
    max_file_bytes: int = 2 << 30
    max_uncompressed_bytes: int = 1 << 30
    max_ratio: int = 200
    max_members: int = 10_000
    max_cell_chars: int = 32_767
    max_rows: int = 5_000_000  # blank rows count too
    max_columns: int = 1_000
    # A workbook's sheets as read: rows by columns from A1 to the last cell that holds anything.
    # 40M cells is a million rows of 40 columns; one cell at ALL1048576 alone is a billion.
    max_cells: int = 40_000_000
    # A sheet mostly empty is read as densely as a full one (python-calamine and our rows hold
    # every cell up to the last): beyond this many cells, at least one in max_cells_per_value
    # must hold something. Two cells at A1 and ZZ50000 would otherwise take 2 GB.
    max_sparse_cells: int = 4_000_000
    max_cells_per_value: int = 20
    # The bytes of text a workbook's cells expand to: shared strings with every cell that repeats
    # one, repeated ods cells and rows.
    max_text_bytes: int = 1 << 30
    max_shared_strings: int = 20_000_000


FOLDER = "is a folder, not a file; name the files in it"


def check_file(path: Path, limits: ReadLimits) -> int:
    if path.is_dir():
        raise ReadError(str(path), FOLDER)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(str(path), f"cannot open file: {exc.strerror or exc}") from None
    if size == 0:
        raise ReadError(str(path), "file is empty")
    if size > limits.max_file_bytes:
        raise ReadError(str(path), f"file is too large ({size:,} bytes)")
    return size


def check_zip(path: Path, limits: ReadLimits) -> None:
    """Inspect a zip container (xlsx, xlsm, ods) without extracting it."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise ReadError(str(path), f"not a valid spreadsheet: damaged or truncated zip ({exc})") \
            from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ReadError(str(path), f"not a valid spreadsheet: unreadable zip ({exc})") from None
    if len(infos) > limits.max_members:
        raise ReadError(str(path), f"refused: {len(infos):,} parts in the archive")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 10_000_000 and ratio > limits.max_ratio:
            raise ReadError(str(path), f"refused: {info.filename} expands {ratio:,.0f} times "
                                       "(zip bomb)")
    if total > limits.max_uncompressed_bytes:
        raise ReadError(str(path), f"refused: expands to {total:,} bytes")


def check_rows(path: Path, sheet: str, rows: list, limits: ReadLimits, cells: bool = True) -> None:
    """Refuse a sheet too long or too wide, or (``cells``) with a cell too long."""
    if len(rows) > limits.max_rows:
        raise ReadError(str(path), f"sheet {sheet!r} has more than {limits.max_rows:,} rows")
    if rows and max(map(len, rows)) > limits.max_columns:
        r, row = next((r, row) for r, row in enumerate(rows) if len(row) > limits.max_columns)
        raise ReadError(str(path), f"sheet {sheet!r} row {r + 1} has {len(row):,} columns")
    # One pass over the cells without a call per cell; the culprit is looked for only if any.
    if not cells or all(_longest_text(rows[i:i + 20_000]) <= limits.max_cell_chars
                        for i in range(0, len(rows), 20_000)):  # slices: no long stall
        return
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) > limits.max_cell_chars:
                raise ReadError(str(path), f"sheet {sheet!r} row {r + 1} column {c + 1}: cell of "
                                           f"{len(cell):,} characters is too long")


def _longest_text(rows: list) -> int:
    """The length of the longest text cell, in one pass without a call per cell."""
    texts = filter(str.__instancecheck__, itertools.chain.from_iterable(rows))
    return max(map(len, texts), default=0)
