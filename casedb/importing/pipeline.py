"""Importing seizure and declaration spreadsheets: read, find the header, map, normalise, store.

Each file imports in one transaction: an error, a cancel or a killed process leaves the database
exactly as it was. Every stored row records where it came from (file SHA-256, sheet, row).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import insert, select, update

from casedb.evidence.trail import keep_copy, keeps_copies
from casedb.importing.write_merge import DeclarationWriter
from casedb.progress import NullProgress, Progress
from casedb.store import audit
from casedb.store.database import Database

from ..errors import ReadError
from ..models import ImportRun, SourceFile
from ..models.base import clip
from .indexes import (
    WRITTEN_TABLES,
    import_transaction,
    refresh_statistics,
    retrying_races,
    secondary_indexes_deferred,
)
from .mapping import ColumnMapping
from .reader_process import ProcessSource
from .safety import FOLDER
from .sheets import Refusal, RowWarning, field_headers, read_sheets
from .sources import LocalSource, open_source
from .spec import ImportSpec

log = logging.getLogger(__name__)

CHUNK = 20_000  # rows normalised and written together
# Files from this size on are read and normalised by a second process (reader_process): 8 MB
# is about 50,000 rows of CSV or 80,000 of xlsx, where the overlap saves a second or more.
MIN_PROCESS_BYTES = 8 << 20
# The tables a large import fills, whose secondary indexes are rebuilt once after it (SQLite).
DEFERRED_INDEX_TABLES = ("declaration", "declaration_party", "declaration_container",
                         "row_provenance")
PREVIEW_HEAD_ROWS = 100  # rows read above the previewed data: title blocks, blank rows, header


# A file's verdict (FileReport.status; the command line adds "unreadable", "not declarations"
# and "needs a decision" for files it could not import at all).
IMPORTED, PARTLY, NOTHING = "imported", "partly imported", "nothing stored"


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
    warnings: tuple[RowWarning, ...] = ()
    # (sheet, row, field, the value stored, this source's value): two sources disagreeing
    discrepancies: tuple[tuple, ...] = ()
    dry_run: bool = False
    alerts: int = 0  # new watchlist alerts raised by the declarations it stored
    alerts_error: str = ""  # why the saved rules could not run, if they could not

    @property
    def changed(self) -> bool:
        return bool(self.imported or self.merged) and not self.dry_run

    @property
    def status(self) -> str:
        stored = self.imported + self.merged + self.unchanged
        if not stored:
            return NOTHING
        return PARTLY if self.refused else IMPORTED

    def to_json(self) -> dict:
        return {"file": self.file, "status": self.status, "sha256": self.sha256,
                "sheets": list(self.sheets), "rows_read": self.rows_read,
                "imported": self.imported, "merged": self.merged, "unchanged": self.unchanged,
                "refused": [r.to_json() for r in self.refused],
                "warnings": [w.to_json() for w in self.warnings],
                "discrepancies": [dict(zip(("sheet", "row", "field", "stored", "other"), d,
                                           strict=False)) for d in self.discrepancies],
                "dry_run": self.dry_run, "alerts": self.alerts,
                **({"alerts_error": self.alerts_error} if self.alerts_error else {})}


@dataclass(frozen=True)
class SheetPreview:
    name: str
    header_row: int  # 0-based index into rows
    headers: list[str]
    mappings: list[ColumnMapping]
    rows: list[list[str]]
    questions: tuple = ()  # what must be settled before it can be imported
    normalised: tuple = ()  # the first rows as they would be stored (dry_run.preview_normalised)


@dataclass(frozen=True)
class FilePreview:
    path: str
    sha256: str
    sheets: list[SheetPreview]


def file_sha256(path: Path) -> str:
    if Path(path).is_dir():  # dropped on the wizard with the files: its verdict, not a crash
        raise ReadError(str(path), FOLDER)
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def preview_file(path, spec: ImportSpec | None = None, max_rows: int = 50) -> FilePreview:
    path = Path(path)
    sheets = []
    # The top of each sheet is enough: title blocks and the header sit in the first rows.
    for s in read_sheets(path, spec, max_rows=max_rows + PREVIEW_HEAD_ROWS, strict=False):
        rows = [["" if c is None else str(c) for c in cells] for cells in s.head(max_rows)]
        sheets.append(SheetPreview(s.raw.name, s.header_row, s.headers, s.mappings, rows,
                                   s.questions))
    return FilePreview(str(path), file_sha256(path), sheets)


Watch = Callable[[Database, Iterable[int]], int]  # the saved rules over stored declarations


def import_file(db: Database, path, *, spec: ImportSpec | None = None,  # noqa: PLR0913
                progress: Progress | None = None, dry_run: bool = False,
                isolate: bool = False, watch: Watch | None = None) -> FileReport:
    """Import one spreadsheet in one transaction. Raises ReadError when it cannot be read.
    With ``dry_run`` the import runs whole and is rolled back: the report says what it would
    have done, and the database is left as it was. With ``isolate`` (the workstation) the
    file is read by a second process whatever its size, so a file that crashes the reader or
    exhausts its memory cannot take the window down. ``watch`` (the saved watchlist rules,
    ``casedb.alerts.run_watchlists``, which the application passes: the rules are an analysis,
    a layer above importing) runs over what the import stored and says how many alerts it
    raised."""
    progress = progress or NullProgress()
    path = Path(path)
    report = retrying_races(db, lambda: _import_file(db, path, spec, progress, dry_run, isolate))
    if report.changed and watch is not None:
        report = _run_watchlists(db, report, watch)
    return report


def _run_watchlists(db: Database, report: FileReport, watch: Watch) -> FileReport:
    """The saved rules run over what an import stored. The import is committed by then: a rule
    that cannot run is said in the report, never taken for a failed import."""
    from ..errors import CaseDbError

    try:
        return replace(report, alerts=watch(db, report.declaration_ids))
    except (CaseDbError, ValueError) as exc:
        log.warning("watchlists did not run after importing %s: %s", report.file, exc)
        return replace(report, alerts_error=str(exc))


def _open_source(path: Path, spec: ImportSpec | None, isolate: bool):
    """A large file is read and normalised by a second process while this one writes; reading
    a small one in place costs less than starting a process, unless it must be isolated."""
    return open_source(path, spec, CHUNK, isolate=isolate, min_process_bytes=MIN_PROCESS_BYTES)


class _DryRun(Exception):  # noqa: N818 - not an error: rolls a dry run's transaction back
    def __init__(self, report: FileReport):
        super().__init__(report.file)
        self.report = report


def _import_file(db: Database, path: Path, spec: ImportSpec | None,  # noqa: PLR0913
                 progress: Progress, dry_run: bool, isolate: bool) -> FileReport:
    source = _open_source(path, spec, isolate)
    try:
        return _import_from(db, path, source, spec, progress, dry_run)
    except _DryRun as done:
        return done.report
    finally:
        source.close()


def _import_from(db: Database, path: Path, source: LocalSource | ProcessSource,  # noqa: PLR0913
                 spec: ImportSpec | None, progress: Progress, dry_run: bool) -> FileReport:
    phases = _Phases()
    digest = file_sha256(path)  # while a reading process reads
    layouts = source.layouts()
    total = sum(s.count for s in layouts)
    phases.lap("read")
    refused: list[Refusal] = []
    warnings: list[RowWarning] = []
    progress.report(0, total)
    keep = not dry_run and keeps_copies(db)  # the evidence itself, when the team wants it kept
    with import_transaction(db, total, progress=progress) as session:
        source_id = _source_file(session, path, digest)
        if keep:
            keep_copy(db, path, session)
        run_id = session.execute(insert(ImportRun).values(
            source_file_id=source_id, actor=db.user, kind="declarations",
            spec=_spec_json(spec), summary={}).returning(ImportRun.id)).scalar_one()
        writer = DeclarationWriter(session, source_file_id=source_id, run_id=run_id,
                                   file_name=path.name, user=db.user)
        if _read_before(session, source_id, run_id, spec, writer, layouts):
            # The same bytes read with the same spec give the same rows, all stored already.
            writer.outcome.unchanged += total
            session.info[WRITTEN_TABLES] = ("source_file", "import_run", "audit_log")
            phases.lap("compare")
        else:
            refused += _write_chunks(session, source, writer, total, progress, phases,
                                     warnings)
            phases.lap("indexes")
        if refresh_statistics(session.connection(), writer.outcome.imported):
            phases.lap("statistics")
        out = writer.outcome
        headers = field_headers(layouts)
        refused += [Refusal(sh, row, headers.get((sh, col), col), why)
                    for sh, row, col, why in out.refused]
        refused.sort(key=lambda r: (r.sheet, r.row))
        report = FileReport(path.name, digest, tuple(s.name for s in layouts), total,
                            out.imported, out.merged, out.unchanged, tuple(refused),
                            frozenset(out.declaration_ids), tuple(warnings),
                            tuple(getattr(out, "discrepancies", ())), dry_run)
        _finish_run(session, db.user, run_id, report)
        if dry_run:
            raise _DryRun(report)  # rolls the transaction back
    phases.lap("commit")
    progress.report(total, total)
    log.info("imported %s: %d rows read, %d imported, %d merged, %d unchanged, %d refused (%s)",
             path.name, total, report.imported, report.merged, report.unchanged, len(refused),
             phases)
    return report


def _write_chunks(session, source: LocalSource | ProcessSource,  # noqa: PLR0913
                  writer: DeclarationWriter, total: int, progress: Progress, phases: _Phases,
                  warnings: list[RowWarning]) -> list[Refusal]:
    """Writes every chunk of ``source``; the rows refused while normalising (and the values
    warned of, into ``warnings``)."""
    refused: list[Refusal] = []
    done = 0
    new_rows = total - writer.rows_imported_before
    with secondary_indexes_deferred(session.connection(), DEFERRED_INDEX_TABLES, new_rows):
        for chunk, n_rows, bad in source.chunks():
            refused += bad
            warnings += [RowWarning(chunk.sheet, row, header, raw, why)
                         for row, _field, header, raw, why in chunk.warnings]
            phases.lap("normalise")
            progress.raise_if_cancelled()
            writer.write_chunk(chunk)
            phases.lap("write")
            done += n_rows
            progress.report(min(done, total), total)
            time.sleep(0)  # let a GUI thread run between chunks
        progress.raise_if_cancelled()  # before rebuilding any index
    return refused


def _read_before(session, source_id: int, run_id: int, spec: ImportSpec | None,
                 writer: DeclarationWriter, layouts) -> bool:
    """Whether this file was imported before with the same spec and every one of its data
    rows stored then: reading its rows again would change nothing (a re-import of a million
    rows took 11.6 s, nearly all of it normalising rows only to find them stored)."""
    if not writer.rows_imported_before:
        return False
    specs = session.scalars(select(ImportRun.spec).where(
        ImportRun.source_file_id == source_id, ImportRun.id != run_id,
        ImportRun.kind == "declarations")).all()
    wanted = _spec_json(spec)
    return bool(specs) and all(s == wanted for s in specs) and writer.stored_all(layouts)


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


def import_files(db: Database, paths: Iterable, *, spec: ImportSpec | None = None,
                 progress: Progress | None = None) -> list[FileReport]:
    return [import_file(db, p, spec=spec, progress=progress) for p in paths]


def _source_file(session, path: Path, digest: str) -> int:
    sid = session.scalar(select(SourceFile.id).where(SourceFile.sha256 == digest))
    if sid is None:
        sid = session.execute(insert(SourceFile).values(
            sha256=digest, file_name=clip(path.name, SourceFile.file_name), size=path.stat().st_size
        ).returning(SourceFile.id)).scalar_one()
    return sid


def _finish_run(session, user: str, run_id: int, report: FileReport) -> None:
    summary = report.to_json()
    for key in ("refused", "warnings", "discrepancies"):
        summary[key] = len(summary[key])
    session.execute(update(ImportRun).where(ImportRun.id == run_id).values(
        finished_at=dt.datetime.now(dt.UTC), summary=summary))
    audit.record(session, user, "import", "import_run", run_id, new=report.file,
                 reason=f"{report.imported} imported, {report.merged} merged, "
                        f"{report.unchanged} unchanged, {len(report.refused)} refused, "
                        f"{len(report.warnings)} warnings")


def _spec_json(spec: ImportSpec | None) -> dict:
    if spec is None:
        return {}
    to_json = getattr(spec, "to_json", None)
    return to_json() if callable(to_json) else {}
