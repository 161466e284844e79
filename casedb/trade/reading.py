"""Reading a trade-statistics file into a frame of text cells, whatever its wrapping.

CSV (or TSV, or semicolon-separated), plain or gzipped, in UTF-8, Big5 (Taiwan's portal) or
Windows-1252; banner lines above the header and notes below the data (USA Trade Online, Taiwan's
portal) are stepped over; the JSON of UN Comtrade's API (``{"data": [...]}``) and of the Census
Bureau's API (a list of rows, the first the header) are read too. Every cell stays text: the
layouts decide what a number, a code or a period is.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl

from ..errors import ReadError

WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # xlsx/ods (a ZIP), xls (OLE2)
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
        raise ReadError(str(path), "is a ZIP archive; unpack it and import the files in it")
    return data


# Words a Big5 file of trade statistics holds (headers, countries): a Windows-1252 file would
# also decode as Big5 (its accented letters pair with the next byte), but into none of these.
BIG5_WORDS = ("貨品", "國家", "日期", "進出口", "重量", "價值", "美元", "新臺幣", "新台幣",
              "數量", "出口", "進口", "日本", "美國", "中國", "香港", "越南", "馬來西亞", "泰國")


def _text(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel's "Unicode text"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp950")
        if any(word in text for word in BIG5_WORDS):
            return text
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _separator(line: str) -> str:
    counts = {sep: line.count(sep) for sep in (",", ";", "\t", "|")}
    return max(counts, key=lambda s: counts[s])


def _cells(line: str, sep: str) -> list[str]:
    try:
        return [c.strip() for c in next(csv.reader([line], delimiter=sep))]
    except (csv.Error, StopIteration):
        return []


def _frame(header: list[str], rows: list[list], lines: list[int]) -> pl.DataFrame:
    """Text cells without their padding, each row with its line in the file (``_line``);
    rows with fewer than two cells (notes, footers) left out."""
    names: list[str] = []
    for i, h in enumerate(header):
        name = " ".join(str(h).split()) or f"column {i + 1}"
        names.append(name if name not in names else f"{name} ({i + 1})")
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    frame = pl.DataFrame({n: list(c) for n, c in zip(names, columns, strict=True)},
                         schema={n: pl.Utf8 for n in names})
    frame = frame.select(pl.all().str.strip_chars())
    cells = [pl.col(c).is_not_null() & (pl.col(c) != "") for c in frame.columns]
    frame = frame.with_columns(pl.Series(LINE, lines, dtype=pl.Int64))
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
        data = next((data[k] for k in ("data", "value", "dataset") if k in data), None)
    if isinstance(data, list) and data and all(isinstance(r, list) for r in data):
        header, rows = [str(c) for c in data[0]], data[1:]
        data = [dict(zip(header, r, strict=False)) for r in rows]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ReadError(str(path), "is JSON but not a table of trade records (UN Comtrade's "
                                   "\"data\" list or the Census Bureau's rows)")
    if not data:
        raise ReadError(str(path), "holds no records")
    data = [_flat(r) for r in data]
    columns = list(dict.fromkeys(k for r in data for k in r))
    rows = [[None if r.get(c) is None else str(r.get(c)) for c in columns] for r in data]
    return _frame(columns, rows, list(range(1, len(rows) + 1)))


def _flat(record: dict) -> dict:
    """HMRC's OData records nest their lookups ({"Country": {"CountryName": ...}}): the
    nested fields become columns of their own (a name already taken keeps the outer one)."""
    out = {k: v for k, v in record.items() if not isinstance(v, dict)}
    for v in record.values():
        if isinstance(v, dict):
            for k, inner in v.items():
                if not isinstance(inner, (dict, list)):
                    out.setdefault(k, inner)
    return out


def _cell(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _sheets(path: Path, is_header: Callable[[list[str]], bool]) -> pl.DataFrame:
    """A workbook (xlsx, xls, ods): the first sheet with a header a layout knows (else the
    first), read by the import's reader with its limits; cells as text."""
    from ..importing.readers import read_workbook

    sheets = [[[_cell(c) for c in row] for row in sheet.rows] for sheet in read_workbook(path)]
    found = [(rows, i) for rows in sheets for i, row in enumerate(rows[:MAX_BANNER])
             if is_header([c or "" for c in row])]
    rows, start = found[0] if found else (sheets[0] if sheets else [], 0)
    if not rows:
        raise ReadError(str(path), "holds no rows")
    header = rows[start]
    while header and header[-1] is None:
        header = header[:-1]
    body = [(r + [None] * len(header))[:len(header)] for r in rows[start + 1:]]
    return _frame(header, body, list(range(start + 2, start + 2 + len(body))))


def read_table(path: Path, is_header: Callable[[list[str]], bool]
               ) -> tuple[pl.DataFrame, list[int]]:
    """The file's table as text cells, and the lines that hold more cells than its header
    (a comma inside an unquoted name shifts every cell after it: such rows are refused)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        head = b""
    if head.startswith(WORKBOOKS) or path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        return _sheets(path, is_header), []
    text = _text(_bytes(path))
    if text.lstrip()[:1] in ("{", "["):
        return _json(path, text), []
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines[:MAX_BANNER])
                  if is_header(_cells(line, _separator(line)))), None)
    if start is None:
        start = next((i for i, line in enumerate(lines[:MAX_BANNER]) if line.strip()), 0)
    sep = _separator(lines[start]) if lines else ","
    reader = csv.reader(io.StringIO("\n".join(lines[start:])), delimiter=sep)
    rows, numbers, ragged = [], [], []
    try:
        header = next(reader, [])
        for record in reader:
            if len(record) > len(header) and any(c.strip() for c in record[len(header):]):
                ragged.append(start + reader.line_num)
                continue
            rows.append((record + [None] * len(header))[:len(header)])
            numbers.append(start + reader.line_num)
    except csv.Error:
        raise ReadError(str(path), f"is not a CSV file we can read (near line "
                                   f"{start + reader.line_num}: a broken quote or a stray "
                                   f"character); open it in a spreadsheet and save it again "
                                   f"as CSV") from None
    return _frame(header, rows, numbers), ragged
