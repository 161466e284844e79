"""What imports found besides the rows they stored, listed for review: the optional values kept
as written with a warning, and the declarations two sources disagree about (discrepancies:
intelligence, kept until someone explains or confirms them; every decision audited)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select

from casedb.store import audit
from casedb.store.database import Database

from ..errors import NotFound
from ..models import Declaration, ImportRun, SourceFile
from ..models.findings import DISCREPANCY_STATUSES, Discrepancy, ImportWarning


@dataclass(frozen=True)
class Finding:
    id: int
    kind: str  # warning | discrepancy
    declaration_no: str | None
    authority: str | None
    field: str
    value: str | None  # a warning: the value as written; a discrepancy: the value stored
    other: str | None  # a discrepancy: the other source's value
    reason: str
    status: str
    file: str
    sha256: str
    sheet: str
    row: int
    imported_by: str

    def to_json(self) -> dict:
        return asdict(self)


def _where(model, status: str | None, declaration_no: str | None):
    conds = []
    if status is not None and hasattr(model, "status"):
        conds.append(model.status == status)
    if declaration_no is not None:
        conds.append(Declaration.declaration_no == declaration_no)
    return conds


def _rows(db: Database, model, status, declaration_no, limit: int):
    """The findings of ``model`` with their declaration, file and importer, newest first."""
    q = (select(model, Declaration.declaration_no, Declaration.authority,
                SourceFile.file_name, SourceFile.sha256, ImportRun.actor)
         .outerjoin(Declaration, Declaration.id == model.declaration_id)
         .join(SourceFile, SourceFile.id == model.source_file_id)
         .join(ImportRun, ImportRun.id == model.import_run_id)
         .where(*_where(model, status, declaration_no))
         .order_by(model.id.desc()).limit(limit))
    with db.read() as s:
        return s.execute(q).all()


def discrepancies(db: Database, *, status: str | None = "open", declaration_no: str | None = None,
                  limit: int = 1000) -> list[Finding]:
    """The discrepancies (``status`` None: every one), newest first."""
    return [Finding(d.id, "discrepancy", no, auth,
                    d.field + (f" (item {d.item_no})" if d.item_no else ""), d.stored_value,
                    d.other_value, "two sources disagree", d.status, name, sha, d.sheet,
                    d.row_number, actor)
            for d, no, auth, name, sha, actor in _rows(db, Discrepancy, status, declaration_no,
                                                        limit)]


def warnings(db: Database, *, declaration_no: str | None = None,
             limit: int = 1000) -> list[Finding]:
    """The optional values imports kept as written, with why, newest first."""
    return [Finding(w.id, "warning", no, auth, w.field, w.raw_value, None, w.reason,
                    "kept as written", name, sha, w.sheet, w.row_number, actor)
            for w, no, auth, name, sha, actor in _rows(db, ImportWarning, None, declaration_no,
                                                        limit)]


def decide_discrepancy(db: Database, discrepancy_id: int, status: str, reason: str) -> Finding:
    """Mark a discrepancy explained (the sources agree once understood), confirmed (a real
    disagreement: intelligence) or open again; audited with the reason."""
    if status not in DISCREPANCY_STATUSES:
        raise ValueError(f"unknown status {status!r} ({', '.join(DISCREPANCY_STATUSES)})")
    with db.begin() as s:
        d = s.get(Discrepancy, discrepancy_id)
        if d is None:
            raise NotFound(f"no discrepancy {discrepancy_id}; list them with: wasteintel "
                           "review discrepancies --status all")
        old, d.status = d.status, status
        audit.record(s, db.user, "review", "discrepancy", discrepancy_id, field="status",
                     old=old, new=status, reason=reason)
    return next(f for f in discrepancies(db, status=None, limit=1_000_000)
                if f.id == discrepancy_id)
