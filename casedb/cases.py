"""Cases: list, read, create and edit (optimistic locking, every change audited)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from . import audit
from .db import Database
from .errors import CaseDbError, ConflictError, NotFound
from .models import CASE_STATUSES, Case, Note, Seizure

EDITABLE = ("title", "status", "opened_on", "closed_on", "lead_officer", "summary", "tags")


@dataclass(frozen=True)
class CaseSummary:
    id: int
    case_ref: str
    title: str
    status: str
    opened_on: dt.date | None
    seizures: int
    declarations: int

    def to_json(self) -> dict:
        return {"case_ref": self.case_ref, "title": self.title, "status": self.status,
                "opened_on": self.opened_on.isoformat() if self.opened_on else None,
                "seizures": self.seizures, "declarations": self.declarations}


@dataclass(frozen=True)
class CaseRecord:
    id: int
    case_ref: str
    title: str
    status: str
    opened_on: dt.date | None
    closed_on: dt.date | None
    lead_officer: str | None
    summary: str
    tags: tuple[str, ...]
    version: int
    notes: tuple[NoteRecord, ...] = field(default=())


@dataclass(frozen=True)
class NoteRecord:
    id: int
    author: str
    created_at: dt.datetime
    updated_at: dt.datetime | None
    body: str
    version: int


def list_cases(db: Database, *, status: str | None = None) -> list[CaseSummary]:
    n_seiz = func.count(Seizure.id)
    n_decl = func.count(func.distinct(Seizure.declaration_id))
    q = (select(Case.id, Case.case_ref, Case.title, Case.status, Case.opened_on, n_seiz, n_decl)
         .outerjoin(Seizure, Seizure.case_id == Case.id)
         .group_by(Case.id).order_by(Case.case_ref))
    if status:
        q = q.where(Case.status == status)
    with db.read() as s:
        return [CaseSummary(*row) for row in s.execute(q)]


def case_id(session: Session, case_ref: str) -> int:
    cid = session.scalar(select(Case.id).where(Case.case_ref == case_ref))
    if cid is None:
        raise NotFound(f"no case {case_ref!r}")
    return cid


def get_case(db: Database, case_ref: str) -> CaseRecord:
    with db.read() as s:
        case = s.get(Case, case_id(s, case_ref))
        return _record(case)


def _record(case: Case) -> CaseRecord:
    notes = tuple(NoteRecord(n.id, n.author, n.created_at, n.updated_at, n.body, n.version)
                  for n in case.notes)
    return CaseRecord(case.id, case.case_ref, case.title, case.status, case.opened_on,
                      case.closed_on, case.lead_officer, case.summary, tuple(case.tags or ()),
                      case.version, notes)


def _check_status(status: str) -> None:
    if status not in CASE_STATUSES:
        raise CaseDbError(f"unknown case status {status!r}; one of {', '.join(CASE_STATUSES)}")


def create_case(db: Database, case_ref: str, title: str = "", *, reason: str = "",
                session: Session | None = None, **values) -> int:
    """Create a case (in ``session`` when given, else in a transaction of its own)."""
    if session is None:
        with db.begin() as s:
            return create_case(db, case_ref, title, reason=reason, session=s, **values)
    if session.scalar(select(Case.id).where(Case.case_ref == case_ref)) is not None:
        raise ConflictError(f"case {case_ref!r} exists already")
    _check_status(values.get("status", "open"))
    case = Case(case_ref=case_ref, title=title, **values)
    session.add(case)
    session.flush()
    audit.record(session, db.user, "create", "case", case.id, new=case_ref, reason=reason)
    return case.id


def update_case(db: Database, case_ref: str, expected_version: int, changes: dict, *,
                reason: str = "") -> int:
    """Apply ``changes`` if nobody changed the case since ``expected_version``; returns the new
    version. A concurrent writer gets ConflictError, never a silent overwrite."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise CaseDbError(f"cannot edit {', '.join(sorted(unknown))}")
    if "status" in changes:
        _check_status(changes["status"])
    try:
        with db.begin() as s:
            case = s.get(Case, case_id(s, case_ref), with_for_update=not db.is_sqlite)
            if case.version != expected_version:
                raise _conflict(case_ref, expected_version, case.version)
            diff = {k: (getattr(case, k), v) for k, v in changes.items() if getattr(case, k) != v}
            for k, (_old, new) in diff.items():
                setattr(case, k, list(new) if k == "tags" else new)
            if diff:
                s.flush()
                audit.record_changes(s, db.user, "case", case.id, diff, reason)
            return case.version
    except StaleDataError as exc:
        raise _conflict(case_ref, expected_version, None) from exc


def _conflict(case_ref: str, expected: int, found: int | None) -> ConflictError:
    now = f" (now version {found})" if found is not None else ""
    return ConflictError(
        f"case {case_ref} was changed by someone else since you opened it at version "
        f"{expected}{now}; reload it and apply your change again"
    )


def add_note(db: Database, case_ref: str, body: str, *, reason: str = "") -> int:
    with db.begin() as s:
        note = Note(case_id=case_id(s, case_ref), author=db.user, body=body)
        s.add(note)
        s.flush()
        audit.record(s, db.user, "create", "note", note.id, field="body", new=body, reason=reason)
        return note.id


def edit_note(db: Database, note_id: int, expected_version: int, body: str, *,
              reason: str = "") -> int:
    try:
        with db.begin() as s:
            note = s.get(Note, note_id)
            if note is None:
                raise NotFound(f"no note {note_id}")
            if note.version != expected_version:
                raise ConflictError(f"note {note_id} was changed by someone else; reload it")
            old = note.body
            if old != body:
                note.body = body
                note.updated_at = dt.datetime.now(dt.UTC)
                s.flush()
                audit.record(s, db.user, "update", "note", note.id, field="body", old=old,
                             new=body, reason=reason)
            return note.version
    except StaleDataError as exc:
        raise ConflictError(f"note {note_id} was changed by someone else; reload it") from exc


def add_declarations(db: Database, case_ref: str, declaration_ids, *, reason: str = "",
                     detection_method: str = "analysis", session: Session | None = None) -> int:
    """Tie declarations to a case (a seizure record each, the declaration's date as its date)
    unless already tied; audited. Returns how many were added."""
    if session is None:
        with db.begin() as s:
            return add_declarations(db, case_ref, declaration_ids, reason=reason,
                                    detection_method=detection_method, session=s)
    from .models import Declaration

    cid = case_id(session, case_ref)
    have = set(session.scalars(select(Seizure.declaration_id).where(Seizure.case_id == cid)))
    added = 0
    for did, date in session.execute(select(Declaration.id, Declaration.declaration_date)
                                     .where(Declaration.id.in_(list(declaration_ids)))):
        if did in have:
            continue
        seizure = Seizure(case_id=cid, declaration_id=did, seizure_date=date,
                          detection_method=detection_method)
        session.add(seizure)
        session.flush()
        audit.record(session, db.user, "add", "seizure", seizure.id, field="declaration",
                     new=str(did), reason=reason or f"added to {case_ref}")
        added += 1
    return added


def case_from_declarations(db: Database, case_ref: str, title: str, declaration_ids, *,
                           summary: str = "", detection_method: str = "analysis") -> int:
    """A new case holding the declarations, in one transaction (the detection method is the
    audit log's reason). Returns the case id."""
    reason = detection_method
    with db.begin() as s:
        cid = create_case(db, case_ref, title, reason=reason, session=s, summary=summary,
                          status="open", opened_on=dt.date.today())
        add_declarations(db, case_ref, declaration_ids, reason=reason,
                         detection_method=detection_method, session=s)
        return cid
