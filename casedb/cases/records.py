"""Cases: list, read, create and edit (optimistic locking, every change audited)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from casedb import messages
from casedb.browse.statuses import matches
from casedb.cases import log as case_log
from casedb.cases import status as case_status
from casedb.errors import CaseDbError, ConflictError, NotFound
from casedb.models import Case, Note, Seizure
from casedb.security.references import new_reference
from casedb.store import audit
from casedb.store.database import Database

EDITABLE = ("title", "status", "opened_on", "closed_on", "lead_officer", "summary", "tags",
            "team", "classification")


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
    team: str | None = None
    classification: str | None = None
    merged_into: str | None = None  # the case this one was merged into

    def to_json(self) -> dict:
        return {"case_ref": self.case_ref, "title": self.title, "status": self.status,
                "opened_on": _iso(self.opened_on), "closed_on": _iso(self.closed_on),
                "lead_officer": self.lead_officer, "team": self.team,
                "classification": self.classification, "summary": self.summary,
                "tags": list(self.tags), "version": self.version,
                "merged_into": self.merged_into}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


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
        q = q.where(matches(Case.status, status))
    with db.read() as s:
        return [CaseSummary(cid, ref, title, case_status.canonical(st), opened, *counts)
                for cid, ref, title, st, opened, *counts in s.execute(q)]


def case_id(session: Session, case_ref: str) -> int:
    cid = session.scalar(select(Case.id).where(Case.case_ref == case_ref))
    if cid is None:
        raise messages.error(NotFound, "no_case", ref=case_ref)
    return cid


def get_case(db: Database, case_ref: str) -> CaseRecord:
    with db.read() as s:
        case = s.get(Case, case_id(s, case_ref))
        return _record(case)


def _record(case: Case) -> CaseRecord:
    notes = tuple(NoteRecord(n.id, n.author, n.created_at, n.updated_at, n.body, n.version)
                  for n in case.notes)
    into = None
    if case.merged_into_id:
        into = object_session(case).scalar(select(Case.case_ref)
                                           .where(Case.id == case.merged_into_id))
    return CaseRecord(case.id, case.case_ref, case.title, case_status.canonical(case.status),
                      case.opened_on,
                      case.closed_on, case.lead_officer, case.summary, tuple(case.tags or ()),
                      case.version, notes, case.team, case.classification, into)


def create_case(db: Database, case_ref: str, title: str = "", *, reason: str = "",
                session: Session | None = None, **values) -> int:
    """Create a case (in ``session`` when given, else in a transaction of its own)."""
    if session is None:
        with db.begin() as s:
            return create_case(db, case_ref, title, reason=reason, session=s, **values)
    if session.scalar(select(Case.id).where(Case.case_ref == case_ref)) is not None:
        raise messages.error(ConflictError, "case_exists", ref=case_ref)
    if not case_ref.strip():
        raise messages.error(CaseDbError, "case_needs_ref")
    case_status.check_new(values.get("status", "open"))
    case = Case(case_ref=case_ref, title=title, **values)
    with new_reference(session, case_ref):  # a case the user may not see may hold it
        session.add(case)
        session.flush()
    audit.record(session, db.user, "create", "case", case.id, new=case_ref, reason=reason)
    return case.id


def update_case(db: Database, case_ref: str, expected_version: int, changes: dict, *,
                reason: str = "") -> int:
    """Apply ``changes`` if nobody changed the case since ``expected_version``; returns the new
    version. A concurrent writer gets ConflictError, never a silent overwrite."""
    return edit_case(db, case_ref, changes, expected_version=expected_version,
                     reason=reason).version


def edit_case(db: Database, case_ref: str, changes: dict, *, expected_version: int | None,
              reason: str = "") -> case_log.CaseWrite:
    """Edit a case's fields (a status only along the workflow, casedb.cases.status), audited
    field by field with ``reason``. ``expected_version`` None edits whatever version is there.
    Returns what changed (the fields, the new version)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise messages.error(CaseDbError, "not_editable", fields=sorted(unknown),
                             editable=EDITABLE)
    if "status" in changes:
        case_status.check_new(changes["status"])
    try:
        with db.begin() as s:
            audit.stamp(s)
            case = case_log.load_case(s, case_ref, lock=not db.is_sqlite)
            case_log.check_version(s, case, expected_version)
            if "status" in changes:
                case_status.check_move(case_ref, case.status, changes["status"])
            diff = {k: (getattr(case, k), v) for k, v in changes.items()
                    if _differs(k, getattr(case, k), v)}
            for k, (_old, new) in diff.items():
                setattr(case, k, list(new) if k == "tags" else new)
            if diff:
                s.flush()
                audit.record_changes(s, db.user, "case", case.id, {
                    k: (case_log.text_of(k, old), case_log.text_of(k, new))
                    for k, (old, new) in diff.items()}, reason)
                audit.stamp(s)
            return case_log.CaseWrite((case_ref,), case.version, tuple(sorted(diff)))
    except StaleDataError as exc:
        raise _raced(db, case_ref, expected_version) from exc


def _raced(db: Database, case_ref: str, expected: int | None) -> ConflictError:
    """Another writer committed between our read and our write: say who changed what."""
    with db.read() as s:
        case = case_log.load_case(s, case_ref, lock=False)
        if expected is not None:
            return case_log.conflict(s, case, expected)
    return messages.error(ConflictError, "conflict_on_save", ref=case_ref)


def _differs(name: str, old, new) -> bool:
    if name == "tags":
        return list(old or ()) != list(new or ())
    return old != new


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
                raise messages.error(NotFound, "no_note", note=note_id)
            if note.version != expected_version:
                raise messages.error(ConflictError, "note_conflict", note=note_id)
            old = note.body
            if old != body:
                note.body = body
                note.updated_at = dt.datetime.now(dt.UTC)
                s.flush()
                audit.record(s, db.user, "update", "note", note.id, field="body", old=old,
                             new=body, reason=reason)
            return note.version
    except StaleDataError as exc:
        raise messages.error(ConflictError, "note_conflict", note=note_id) from exc
