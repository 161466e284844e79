"""What a case holds, changed by hand: a new case, declarations and seizures added and removed
(with their quantities), two cases merged. Each write is one transaction that raises the case's
version (so a stale window gets a ConflictError naming what changed), is audited with its reason
as one change (casedb.cases.log) and returns what it changed as a ``CaseWrite`` (its ``changes``
is the ChangeSet for the views, its ``version`` the case's new version)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from casedb import messages
from casedb.cases import log as case_log
from casedb.cases import status as case_status
from casedb.cases.log import CaseWrite
from casedb.cases.records import EDITABLE, create_case
from casedb.errors import CaseDbError, NotFound
from casedb.models import Case, Declaration, Seizure
from casedb.store import audit
from casedb.store.database import Database


def new_case(db: Database, case_ref: str, *, reason: str = "", **values) -> CaseWrite:
    """A case made by hand; each field given is audited. ``values``: the editable fields
    (title, summary, opened_on, lead_officer, team, status, tags, classification)."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise messages.error(CaseDbError, "no_such_fields", fields=sorted(unknown),
                             editable=EDITABLE)
    values.setdefault("opened_on", dt.date.today())
    values.setdefault("status", "open")
    with db.begin() as s:
        audit.stamp(s)
        cid = create_case(db, case_ref, values.pop("title", ""), reason=reason, session=s,
                          **values)
        case = s.get(Case, cid)
        given = [name for name in EDITABLE if getattr(case, name) not in (None, "", [])]
        for name in given:
            audit.record(s, db.user, "update", "case", cid, field=name,
                         new=case_log.text_of(name, getattr(case, name)), reason=reason)
        return CaseWrite((case_ref,), case.version, ("case_ref", *given))


def declaration_ids(db: Database, numbers) -> list[int]:
    """The ids of declarations by their numbers (or "B/L ..." shipment keys), refusing any that
    is not in the database, or that two authorities both use."""
    numbers = list(dict.fromkeys(numbers))
    with db.read() as s:
        rows = s.execute(select(Declaration.declaration_no, Declaration.id)
                         .where(Declaration.declaration_no.in_(numbers))).all()
    found: dict[str, list[int]] = {}
    for no, did in rows:
        found.setdefault(no, []).append(did)
    missing = [n for n in numbers if n not in found]
    if missing:
        raise messages.error(NotFound, "no_declarations", numbers=missing[:5],
                             more=len(missing) > 5)
    twice = [n for n in numbers if len(found[n]) > 1]
    if twice:
        raise messages.error(CaseDbError, "declaration_twice", number=twice[0])
    return [found[n][0] for n in numbers]


def declaration_facts(db: Database, declaration_ids) -> list[tuple[int, str, float | None]]:
    """(id, number, gross kg) of declarations, for the quantities asked when adding them."""
    ids = list(declaration_ids)
    out = []
    with db.read() as s:
        for i in range(0, len(ids), 900):
            out += s.execute(select(Declaration.id, Declaration.declaration_no,
                                    Declaration.gross_weight_kg)
                             .where(Declaration.id.in_(ids[i:i + 900]))).all()
    return [tuple(row) for row in out]


def held_by_cases(db: Database, declaration_ids) -> dict[str, list[int]]:
    """Which cases already hold any of the declarations: case reference -> their ids (for the
    warning before a ring or a selection becomes a new case)."""
    ids = list(declaration_ids)
    out: dict[str, list[int]] = {}
    with db.read() as s:
        for i in range(0, len(ids), 900):
            for ref, did in s.execute(select(Case.case_ref, Seizure.declaration_id)
                                      .join(Seizure, Seizure.case_id == Case.id)
                                      .where(Seizure.declaration_id.in_(ids[i:i + 900]))):
                out.setdefault(ref, []).append(did)
    return {ref: sorted(v) for ref, v in sorted(out.items())}


def add_declarations(db: Database, case_ref: str, declaration_ids, *, reason: str = "",
                     detection_method: str = "analysis", session: Session | None = None) -> int:
    """Tie declarations to a case (a seizure record each, the declaration's date as its date)
    unless already tied; audited. Returns how many were added."""
    if session is None:
        changed = add_to_case(db, case_ref, declaration_ids, reason=reason,
                              detection_method=detection_method)
    else:
        changed = add_in(session, db, case_ref, declaration_ids, reason=reason,
                         detection_method=detection_method)
    return len(changed.seizure_ids)


def add_to_case(db: Database, case_ref: str, declarations, *, reason: str = "",
                detection_method: str = "analysis",
                expected_version: int | None = None) -> CaseWrite:
    """Declarations into a case: ``declarations`` their ids, or a dict of id -> kg seized (None
    where unknown). Those already in the case are left as they are (the CaseWrite may be
    empty)."""
    with db.begin() as s:
        return add_in(s, db, case_ref, declarations, reason=reason,
                      detection_method=detection_method, expected_version=expected_version)


def add_in(session: Session, db: Database, case_ref: str, declarations, *, reason: str = "",
           **how) -> CaseWrite:
    """add_to_case in the caller's transaction (``how``: detection_method, expected_version)."""
    detection_method = how.get("detection_method", "analysis")
    expected_version = how.get("expected_version")
    audit.stamp(session)
    case = case_log.load_case(session, case_ref, lock=not db.is_sqlite)
    case_log.check_version(session, case, expected_version)
    quantities = declarations if isinstance(declarations, dict) else {}
    if any(kg is not None and not kg > 0 for kg in quantities.values()):
        raise messages.error(CaseDbError, "quantity_positive")
    have = set(session.scalars(select(Seizure.declaration_id).where(Seizure.case_id == case.id)))
    added = []
    for did, date in session.execute(select(Declaration.id, Declaration.declaration_date)
                                     .where(Declaration.id.in_(list(declarations)))
                                     .order_by(Declaration.id)):
        if did in have:
            continue
        seizure = Seizure(case_id=case.id, declaration_id=did, seizure_date=date,
                          detection_method=detection_method, quantity_kg=quantities.get(did))
        added.append(seizure)
    return _added(db, session, case, added, reason or f"added to {case_ref}")


def add_seizure(db: Database, case_ref: str, *, reason: str = "",
                expected_version: int | None = None, **values) -> CaseWrite:
    """A seizure record of its own (``values``: declaration_id, seizure_date, quantity_kg,
    waste_category, basel_code, offence, detection_method, outcome)."""
    unknown = set(values) - set(case_log.SEIZURE_FIELDS)
    if unknown:
        raise messages.error(CaseDbError, "no_seizure_fields", fields=sorted(unknown))
    if values.get("quantity_kg") is not None and not values["quantity_kg"] > 0:
        raise messages.error(CaseDbError, "quantity_positive")
    with db.begin() as s:
        audit.stamp(s)
        case = case_log.load_case(s, case_ref, lock=not db.is_sqlite)
        case_log.check_version(s, case, expected_version)
        if values.get("declaration_id") is not None and s.scalar(select(Seizure.id).where(
                Seizure.case_id == case.id,
                Seizure.declaration_id == values["declaration_id"])) is not None:
            raise messages.error(CaseDbError, "holds_already", ref=case_ref)
        return _added(db, s, case, [Seizure(case_id=case.id, **values)], reason)


def _added(db: Database, s: Session, case: Case, seizures: list, reason: str) -> CaseWrite:
    s.add_all(seizures)
    s.flush()
    for z in seizures:
        audit.record(s, db.user, "add", "case", case.id, field="seizure",
                     new=case_log.seizure_json(z), reason=reason)
    if seizures:
        case_log.touch(case)
        s.flush()
    return CaseWrite((case.case_ref,), case.version, (), tuple(z.id for z in seizures),
                     tuple(z.declaration_id for z in seizures if z.declaration_id is not None))


def remove_from_case(db: Database, case_ref: str, declaration_ids=(), *, seizure_ids=(),
                     reason: str = "", expected_version: int | None = None) -> CaseWrite:
    """Take declarations (or seizure records by id) out of a case; each removed seizure is kept
    whole in the audit log, so the removal can be undone. A declaration not in the case is an
    error, so nothing is removed silently short."""
    with db.begin() as s:
        audit.stamp(s)
        case = case_log.load_case(s, case_ref, lock=not db.is_sqlite)
        case_log.check_version(s, case, expected_version)
        held = list(s.scalars(select(Seizure).where(Seizure.case_id == case.id)))
        want_d, want_s = set(declaration_ids), set(seizure_ids)
        gone = [z for z in held if z.declaration_id in want_d or z.id in want_s]
        missing = want_d - {z.declaration_id for z in gone}
        if missing or want_s - {z.id for z in gone}:
            raise messages.error(NotFound, "does_not_hold", ref=case_ref,
                                 count=len(missing) or None)
        _remove(db, s, case, gone, reason)
        return CaseWrite((case_ref,), case.version, (), tuple(sorted(z.id for z in gone)),
                         tuple(sorted({z.declaration_id for z in gone} - {None})))


def _remove(db: Database, s: Session, case: Case, gone: list, reason: str) -> None:
    for z in gone:
        audit.record(s, db.user, "remove", "case", case.id, field="seizure",
                     old=case_log.seizure_json(z), reason=reason)
        s.delete(z)
    if gone:
        case_log.touch(case)
        s.flush()


def merge_cases(db: Database, keep_ref: str, other_ref: str, *, reason: str = "",
                expected_versions: tuple[int, int] | None = None) -> CaseWrite:
    """Merge ``other_ref`` into ``keep_ref``: its seizures move over (a declaration both hold
    stays once), it is closed and points at the case it went into; its notes and attachments
    stay where they were written. One change on both cases, undone as one."""
    if keep_ref == other_ref:
        raise messages.error(CaseDbError, "merge_itself", ref=keep_ref)
    with db.begin() as s:
        audit.stamp(s)
        keep = case_log.load_case(s, keep_ref, lock=not db.is_sqlite)
        other = case_log.load_case(s, other_ref, lock=not db.is_sqlite)
        if other.merged_into_id is not None:
            raise messages.error(CaseDbError, "merged_already", ref=other_ref)
        if expected_versions:
            case_log.check_version(s, keep, expected_versions[0])
            case_log.check_version(s, other, expected_versions[1])
        have = set(s.scalars(select(Seizure.declaration_id).where(Seizure.case_id == keep.id)))
        moving = list(s.scalars(select(Seizure).where(Seizure.case_id == other.id)))
        audit.record(s, db.user, "merge", "case", keep.id, field="case", old=other_ref,
                     new=keep_ref, reason=reason)
        moved = {z.declaration_id for z in moving} - {None}
        _remove(db, s, other, moving, reason)
        copies = [Seizure(case_id=keep.id, **{k: getattr(z, k) for k in case_log.SEIZURE_FIELDS})
                  for z in moving if z.declaration_id is None or z.declaration_id not in have]
        changed = _added(db, s, keep, copies, reason)
        _close_merged(db, s, other, keep, reason)
        s.flush()
        return CaseWrite((keep_ref, other_ref), keep.version, ("merged_into_id", "status"),
                         changed.seizure_ids, tuple(sorted(moved)))


def _close_merged(db: Database, s: Session, other: Case, keep: Case, reason: str) -> None:
    diff = {"merged_into_id": (None, keep.id)}
    if other.status != "closed":
        diff["status"] = (other.status, "closed")
    other.merged_into_id = keep.id
    other.status = "closed"
    audit.record_changes(s, db.user, "case", other.id, diff, reason)


def case_from_declarations(db: Database, case_ref: str, title: str, declaration_ids, *,
                           summary: str = "", detection_method: str = "analysis") -> int:
    """A new case holding the declarations, in one transaction (the detection method is the
    audit log's reason). Returns the case id."""
    reason = detection_method
    with db.begin() as s:
        audit.stamp(s)
        cid = create_case(db, case_ref, title, reason=reason, session=s, summary=summary,
                          status="open", opened_on=dt.date.today())
        add_in(s, db, case_ref, declaration_ids, reason=reason,
               detection_method=detection_method)
        return cid


__all__ = ["add_declarations", "add_in", "declaration_facts", "held_by_cases", "add_seizure", "add_to_case", "case_from_declarations",
           "case_status", "declaration_ids", "merge_cases", "new_case", "remove_from_case"]
