"""Importing seizure and declaration spreadsheets: read, find the header, map, normalise, store.

Each file imports in one transaction: an error, a cancel or a killed process leaves the database
exactly as it was. Every stored row records where it came from (file SHA-256, sheet, row).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import logging
import time
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select, update

from .. import audit
from ..db import Database
from ..errors import ReadError
from ..jobs import NullProgress, Progress
from ..models import ImportRun, SourceFile
from .columns import ColumnNormaliser
from .header import detect_header
from .indexes import import_transaction, refresh_statistics, secondary_indexes_deferred
from .mapping import ColumnMapping, auto_map
from .readers import RawSheet, read_workbook
from .spec import ImportSpec, apply_spec
from .store import DeclarationWriter

log = logging.getLogger(__name__)

CHUNK = 20_000  # rows normalised and written together
# The tables a large import fills, whose secondary indexes are rebuilt once after it (SQLite).
DEFERRED_INDEX_TABLES = ("declaration", "declaration_party", "declaration_container",
                         "row_provenance")
PREVIEW_HEAD_ROWS = 100  # rows read above the previewed data: title blocks, blank rows, header


@dataclass(frozen=True)
class Refusal:
    sheet: str
    row: int
    column: str
    reason: str

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "reason": self.reason}


@dataclass(frozen=True)
class FileReport:
    file: str
    sha256: str
    sheets: tuple[str, ...]
    rows_read: int
    imported: int
    merged: int
    unchanged: int
    refused: tuple[Refusal, ...] = ()
    declaration_ids: frozenset[int] = field(default=frozenset(), compare=False, repr=False)

    @property
    def changed(self) -> bool:
        return bool(self.imported or self.merged)

    def to_json(self) -> dict:
        return {"file": self.file, "sha256": self.sha256, "sheets": list(self.sheets),
                "rows_read": self.rows_read, "imported": self.imported, "merged": self.merged,
                "unchanged": self.unchanged, "refused": [r.to_json() for r in self.refused]}


@dataclass(frozen=True)
class SheetPreview:
    name: str
    header_row: int  # 0-based index into rows
    headers: list[str]
    mappings: list[ColumnMapping]
    rows: list[list[str]]


@dataclass(frozen=True)
class FilePreview:
    path: str
    sha256: str
    sheets: list[SheetPreview]


@dataclass
class _Sheet:
    raw: RawSheet
    header_row: int
    headers: list[str]
    mappings: list[ColumnMapping]
    start: int  # 0-based index of the first data row in raw.rows
    end: int  # and one past the last (a totals row is not data)
    count: int = 0  # rows with data (blank rows are skipped)

    def __post_init__(self) -> None:
        self.count = sum(map(_has_data, self.raw.rows[self.start:self.end]))

    def chunks(self, size: int):
        """(1-based row numbers, rows) of the data rows, ``size`` rows of the sheet at a time;
        the rows handed out are dropped from the sheet, so memory falls as the import goes."""
        rows = self.raw.rows
        for a in range(self.start, self.end, size):
            b = min(a + size, self.end)
            numbers = [i + 1 for i, r in enumerate(rows[a:b], start=a) if _has_data(r)]
            yield numbers, [rows[i - 1] for i in numbers]
            rows[a:b] = itertools.repeat(None, b - a)

    def head(self, n: int) -> list[list]:
        return [r for r in self.raw.rows[self.start:self.end] if _has_data(r)][:n]


def _has_data(row) -> bool:
    """Whether any cell of the row holds something; a row's first cell usually tells."""
    return bool(row) and (row[0] is not None or row.count(None) != len(row))


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _layout(raw: RawSheet, spec: ImportSpec | None) -> _Sheet | None:
    if not raw.rows:
        return None
    info = detect_header(raw.rows)
    header_row = info.row_index
    if spec is not None and spec.header_row:
        header_row = spec.header_row - 1
    headers = ([str(c).strip() if c is not None else "" for c in raw.rows[header_row]]
               if header_row != info.row_index else list(info.headers))
    mappings = auto_map(headers)
    if spec is not None:
        mappings = apply_spec(mappings, spec, headers)
    start = header_row + 1 if header_row != info.row_index else info.data_start
    end = info.data_end if header_row == info.row_index else len(raw.rows)
    return _Sheet(raw, header_row, headers, list(mappings), start, end)


def _sheets(path: Path, spec: ImportSpec | None, max_rows: int | None = None) -> list[_Sheet]:
    wanted = set(spec.sheets) if spec is not None and spec.sheets else None
    out = []
    for raw in read_workbook(path, max_rows=max_rows):
        if wanted is not None and raw.name not in wanted:
            continue
        sheet = _layout(raw, spec)
        if sheet is not None and any(m.field for m in sheet.mappings):
            out.append(sheet)
        elif sheet is not None:
            log.info("%s: sheet %r has no recognisable columns; skipped", path.name, raw.name)
    if not out:
        raise ReadError(str(path), "no sheet with recognisable columns (such as 'Declaration No.'"
                                   " or '報單號碼'); an import spec can name them")
    return out


def preview_file(path, spec: ImportSpec | None = None, max_rows: int = 50) -> FilePreview:
    path = Path(path)
    sheets = []
    # The top of each sheet is enough: title blocks and the header sit in the first rows.
    for s in _sheets(path, spec, max_rows=max_rows + PREVIEW_HEAD_ROWS):
        rows = [["" if c is None else str(c) for c in cells] for cells in s.head(max_rows)]
        sheets.append(SheetPreview(s.raw.name, s.header_row, s.headers, s.mappings, rows))
    return FilePreview(str(path), file_sha256(path), sheets)


def _chunks(sheets: Sequence[_Sheet], spec: ImportSpec | None, refused: list):
    """Normalised chunks of each sheet; bad rows go to ``refused`` with sheet, row, column and
    reason."""
    for sheet in sheets:
        norm = ColumnNormaliser(sheet.mappings, spec)
        norm.learn(sheet.raw.rows[sheet.start:sheet.end])
        for numbers, rows in sheet.chunks(CHUNK):
            chunk, bad = norm.normalise(sheet.raw.name, numbers, rows)
            refused += [Refusal(sheet.raw.name, *r) for r in bad]
            yield chunk, len(rows)


def _field_headers(sheets: Sequence[_Sheet]) -> dict[tuple[str, str], str]:
    """(sheet, canonical field) -> the header text the investigator sees."""
    return {(s.raw.name, m.field): m.header for s in sheets for m in s.mappings if m.field}


def import_file(db: Database, path, *, spec: ImportSpec | None = None,
                progress: Progress | None = None) -> FileReport:
    """Import one spreadsheet in one transaction. Raises ReadError when it cannot be read."""
    progress = progress or NullProgress()
    path = Path(path)
    with _collector_paused():
        return _import_file(db, path, spec, progress)


def _import_file(db: Database, path: Path, spec: ImportSpec | None,
                 progress: Progress) -> FileReport:
    phases = _Phases()
    digest = file_sha256(path)
    sheets = _sheets(path, spec)
    total = sum(s.count for s in sheets)
    phases.lap("read")
    refused: list[Refusal] = []
    progress.report(0, total)
    with import_transaction(db, total) as session:
        source_id = _source_file(session, path, digest)
        run_id = session.execute(insert(ImportRun).values(
            source_file_id=source_id, actor=db.user, kind="declarations",
            spec=_spec_json(spec), summary={}).returning(ImportRun.id)).scalar_one()
        writer = DeclarationWriter(session, source_file_id=source_id, run_id=run_id,
                                   file_name=path.name, user=db.user)
        done = 0
        new_rows = total - writer.rows_imported_before
        with secondary_indexes_deferred(session.connection(), DEFERRED_INDEX_TABLES, new_rows):
            for chunk, n_rows in _chunks(sheets, spec, refused):
                phases.lap("normalise")
                progress.raise_if_cancelled()
                writer.write_chunk(chunk)
                phases.lap("write")
                done += n_rows
                progress.report(min(done, total), total)
                time.sleep(0)  # let a GUI thread run between chunks
            progress.raise_if_cancelled()  # before rebuilding any index
        phases.lap("indexes")
        if refresh_statistics(session.connection(), writer.outcome.imported):
            phases.lap("statistics")
        out = writer.outcome
        headers = _field_headers(sheets)
        refused += [Refusal(sh, row, headers.get((sh, col), col), why)
                    for sh, row, col, why in out.refused]
        refused.sort(key=lambda r: (r.sheet, r.row))
        report = FileReport(path.name, digest, tuple(s.raw.name for s in sheets), total,
                            out.imported, out.merged, out.unchanged, tuple(refused),
                            frozenset(out.declaration_ids))
        _finish_run(session, db.user, run_id, report)
    phases.lap("commit")
    _release(sheets, writer)
    progress.report(total, total)
    log.info("imported %s: %d rows read, %d imported, %d merged, %d unchanged, %d refused (%s)",
             path.name, total, report.imported, report.merged, report.unchanged, len(refused),
             phases)
    return report


class _Phases:
    """Seconds spent in each phase of an import, for the log: where a slow import's time goes."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self._last
        self._last = now

    def __str__(self) -> str:
        return ", ".join(f"{name} {secs:.1f} s" for name, secs in self.seconds.items())


@contextmanager
def _collector_paused():
    """No cyclic garbage collection while a file imports. The rows read and the writer's maps
    live until the end, and every full collection rescans them: at 200k rows each took up to
    0.3 s holding the GIL, slowing the import and freezing a GUI. The import makes little
    cyclic garbage; the collector resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _release(sheets: Sequence[_Sheet], writer: DeclarationWriter) -> None:
    """Free the rows read and the writer's maps a chunk at a time: freeing 200k rows, or the
    200k declarations the writer met, at once holds the GIL long enough to freeze a GUI."""
    for sheet in sheets:
        free_gradually(sheet.raw.rows)
    for container in writer.bulky():
        free_gradually(container)


def free_gradually(container, chunk: int = 5000) -> None:
    """Empty a list, dict or set ``chunk`` items at a time, letting other threads run between."""
    if isinstance(container, list):
        while container:
            del container[-chunk:]
            time.sleep(0)
        return
    # popitem/pop, not deleting the first keys: each new iterator would step over the slots
    # already emptied, which makes emptying a million keys quadratic.
    pop = container.popitem if isinstance(container, dict) else container.pop
    while container:
        for _ in range(min(chunk, len(container))):
            pop()
        time.sleep(0)


def import_files(db: Database, paths: Iterable, *, spec: ImportSpec | None = None,
                 progress: Progress | None = None) -> list[FileReport]:
    return [import_file(db, p, spec=spec, progress=progress) for p in paths]


def _source_file(session, path: Path, digest: str) -> int:
    sid = session.scalar(select(SourceFile.id).where(SourceFile.sha256 == digest))
    if sid is None:
        sid = session.execute(insert(SourceFile).values(
            sha256=digest, file_name=path.name[:400], size=path.stat().st_size
        ).returning(SourceFile.id)).scalar_one()
    return sid


def _finish_run(session, user: str, run_id: int, report: FileReport) -> None:
    summary = report.to_json()
    summary["refused"] = len(report.refused)
    session.execute(update(ImportRun).where(ImportRun.id == run_id).values(
        finished_at=dt.datetime.now(dt.UTC), summary=summary))
    audit.record(session, user, "import", "import_run", run_id, new=report.file,
                 reason=f"{report.imported} imported, {report.merged} merged, "
                        f"{report.unchanged} unchanged, {len(report.refused)} refused")


def _spec_json(spec: ImportSpec | None) -> dict:
    if spec is None:
        return {}
    to_json = getattr(spec, "to_json", None)
    return to_json() if callable(to_json) else {}
