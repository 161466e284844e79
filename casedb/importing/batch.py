"""Importing several files as one batch: every file gets its verdict, whatever happens to the
others (a file that needs a decision or cannot be read does not stop the batch)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from casedb.progress import NullProgress, Progress
from casedb.store.database import Database

from ..errors import CaseDbError, NeedsDecision, NotDeclarations, ReadError
from .pipeline import FileReport, Watch, import_file
from .spec import ImportSpec

UNREADABLE, NOT_DECLARATIONS, NEEDS_DECISION = "unreadable", "not declarations", "needs a decision"
FAILED = "failed"  # the database refused the file's transaction: nothing of it was written


@dataclass(frozen=True)
class FileOutcome:
    """One file of a batch: its report, or why nothing of it was imported."""

    path: str
    report: FileReport | None = None
    status_if_failed: str = ""
    reason: str = ""
    questions: tuple = ()

    @property
    def status(self) -> str:
        return self.report.status if self.report is not None else self.status_if_failed

    @property
    def file(self) -> str:
        return Path(self.path).name

    @property
    def changed(self) -> bool:
        return self.report is not None and self.report.changed

    @property
    def declaration_ids(self) -> frozenset[int]:
        return self.report.declaration_ids if self.report is not None else frozenset()


def import_batch(db: Database, paths: Iterable, *, spec: ImportSpec | None = None,
                 progress: Progress | None = None, isolate: bool = False,
                 watch: Watch | None = None) -> list[FileOutcome]:
    """Import each file in its own transaction; the outcome of every one (``isolate`` and
    ``watch``: see pipeline.import_file)."""
    progress = progress or NullProgress()
    out = []
    for path in paths:
        progress.raise_if_cancelled()
        try:
            out.append(FileOutcome(str(path), import_file(
                db, path, spec=spec, progress=progress, isolate=isolate, watch=watch)))
        except NeedsDecision as exc:
            out.append(FileOutcome(str(path), None, NEEDS_DECISION, exc.reason,
                                   tuple(exc.questions)))
        except NotDeclarations as exc:
            out.append(FileOutcome(str(path), None, NOT_DECLARATIONS, exc.reason))
        except ReadError as exc:
            out.append(FileOutcome(str(path), None, UNREADABLE, exc.reason))
        except CaseDbError as exc:
            out.append(FileOutcome(str(path), None, FAILED, str(exc)))
    return out
