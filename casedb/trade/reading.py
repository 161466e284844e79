"""Reading a trade-statistics file into a frame of text cells, whatever its wrapping.

CSV (or TSV, or semicolon-separated), plain or gzipped, in UTF-8, Big5 (Taiwan's portal) or
Windows-1252; banner lines above the header and notes below the data (USA Trade Online, Taiwan's
portal) are stepped over; the JSON of UN Comtrade's API (``{"data": [...]}``) and of the Census
Bureau's API (a list of rows, the first the header) are read too. Every cell stays text: the
layouts decide what a number, a code or a period is.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl

from ..errors import ReadError

LINE = "_line"  # the column of each row's line number in the file
MAX_BANNER = 40  # lines looked at for the header
TEXT_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".txt", ".dat", ".json", ".json.gz", ".gz")


def readable(path: Path) -> bool:
    """Whether a file in a folder is one to import (the others are skipped with a note)."""
    return path.name.lower().endswith(TEXT_SUFFIXES)


def _bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(str(path), "no such file") from None
    except OSError as exc:
        raise ReadError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            raise ReadError(str(path), "is a damaged gzip file; download it again") from None
    if data[:4] == b"PK\x03\x04":
        raise ReadError(str(path), "is a ZIP archive or a spreadsheet; unpack it, or save the "
                                   "sheet as CSV, and import the CSV file")
    return data


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp950", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _separator(line: str) -> str:
    counts = {sep: line.count(sep) for sep in (",", ";", "\t", "|")}
    return max(counts, key=lambda s: counts[s])


def _cells(line: str, sep: str) -> list[str]:
    try:
        return [c.strip() for c in next(csv.reader([line], delimiter=sep))]
    except (csv.Error, StopIteration):
        return []


def _strings(frame: pl.DataFrame, first_line: int) -> pl.DataFrame:
    """Text cells without their padding, each row with its line in the file (``_line``);
    rows with fewer than two cells (notes, footers, blank lines) left out."""
    frame = frame.select(pl.all().cast(pl.Utf8).str.strip_chars())
    cells = [pl.col(c).is_not_null() & (pl.col(c) != "") for c in frame.columns]
    frame = frame.with_row_index(LINE, offset=first_line)
    return frame.filter(pl.sum_horizontal(cells) >= 2)


def _json(path: Path, text: str) -> pl.DataFrame:
    try:
        data = json.loads(text)
    except ValueError:
        raise ReadError(str(path), "is not valid JSON; download it again") from None
    if isinstance(data, dict):
        if data.get("error"):
            raise ReadError(str(path), f"holds an error from the API that wrote it: "
                                       f"{str(data['error'])[:200]}")
        data = data.get("data", data.get("dataset"))
    if isinstance(data, list) and data and all(isinstance(r, list) for r in data):
        header, rows = [str(c) for c in data[0]], data[1:]
        data = [dict(zip(header, r, strict=False)) for r in rows]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ReadError(str(path), "is JSON but not a table of trade records (UN Comtrade's "
                                   "\"data\" list or the Census Bureau's rows)")
    if not data:
        raise ReadError(str(path), "holds no records")
    columns = list(dict.fromkeys(k for r in data for k in r))
    table = {c: [None if r.get(c) is None else str(r.get(c)) for r in data] for c in columns}
    return _strings(pl.DataFrame(table, schema={c: pl.Utf8 for c in columns}), 1)


def read_table(path: Path, is_header: Callable[[list[str]], bool]) -> tuple[pl.DataFrame, int]:
    """The file's table as text cells, and the number of lines above its header."""
    text = _text(_bytes(path))
    if text.lstrip()[:1] in ("{", "["):
        return _json(path, text), 0
    lines = text.splitlines()
    start = None
    for i, line in enumerate(lines[:MAX_BANNER]):
        if is_header(_cells(line, _separator(line))):
            start = i
            break
    if start is None:
        start = next((i for i, line in enumerate(lines[:MAX_BANNER]) if line.strip()), 0)
    sep = _separator(lines[start]) if lines else ","
    body = "\n".join(lines[start:])
    try:
        frame = pl.read_csv(io.StringIO(body), separator=sep, infer_schema=False,
                            truncate_ragged_lines=True)
    except Exception:  # noqa: BLE001 - polars raises several kinds; its hints are not ours
        raise ReadError(str(path), "is not a CSV file we can read (a broken quote, or lines "
                                   "of different lengths); open it in a spreadsheet and save "
                                   "it again as CSV") from None
    frame = frame.rename({c: " ".join(c.split()) for c in frame.columns})
    return _strings(frame, start + 2), start
