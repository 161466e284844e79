"""Exports: tables to CSV and XLSX with formula injection neutralised. (The case bundle that
another WasteIntel imports is casedb.exchange.)"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from casedb.errors import CaseDbError
from casedb.store.export_file import export_file

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell that a spreadsheet would run as a formula becomes inert text (leading quote)."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def write_table(path, header: list[str], rows, *, db=None, detail: str = "",
                progress=None) -> Path:
    """Write a table to CSV or XLSX, readable by its owner only, whole or not at all
    (casedb.store.export_file); with ``db``, audited there as an export holding ``detail``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise CaseDbError(f"unknown table format {path.suffix!r}: use .csv or .xlsx")
    with export_file(path, db, "table", detail=detail, progress=progress) as out:
        (_write_csv if suffix == ".csv" else _write_xlsx)(out.path, header, rows)
    return path


def _write_csv(path: Path, header: list[str], rows) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow([neutralise(h) for h in header])
        w.writerows([[neutralise(_cell(v)) for v in r] for r in rows])


def _write_xlsx(path: Path, header: list[str], rows) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                         "strings_to_urls": False})
    ws = wb.add_worksheet("export")
    ws.write_row(0, 0, [neutralise(h) for h in header])
    for i, r in enumerate(rows, start=1):
        for j, v in enumerate(r):
            v = neutralise(_cell(v))
            if isinstance(v, str):
                ws.write_string(i, j, v)
            elif v is not None:
                ws.write(i, j, v)
    wb.close()


def _cell(v):
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def export_records(db, kind: str, path, filters=None, progress=None) -> int:
    """The case or declaration table, with the browser's filters and order, to CSV or XLSX
    (cells neutralised). Returns the number of rows written."""
    from casedb.browse import tables as browse

    f = filters or browse.Filters()
    if kind == "cases":
        ids, fetch, header = browse.case_ids(db, f), browse.case_rows, browse.CASE_COLUMNS
    elif kind == "declarations":
        ids, fetch = browse.declaration_ids(db, f), browse.declaration_rows
        header = browse.DECLARATION_COLUMNS
    else:
        raise CaseDbError(f"unknown table {kind!r}: cases or declarations")

    def rows():
        for start in range(0, len(ids), 5000):
            if progress is not None:
                progress.raise_if_cancelled()
                progress.report(start, len(ids))
            yield from fetch(db, ids[start:start + 5000])

    write_table(path, list(header), rows(), db=db, detail=f"{len(ids)} {kind}",
                progress=progress)
    return len(ids)
