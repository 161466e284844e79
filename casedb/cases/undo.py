"""Undo from the audit trail: the last change of a case (an edit, declarations added or removed,
a merge) or the last entity-resolution decision on a party (merge, split, rejection).

A change is the audit entries sharing one stamp (casedb.store.audit.stamp). Undoing writes the inverse as
a change of its own, marked ``undo`` with the stamp it reverts, so the log stays append-only and
says who undid what; calling again undoes the change before (several levels). A value changed
by someone since is not overwritten: the undo is refused with a ConflictError naming it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from casedb import messages
from casedb.cases import log as case_log
from casedb.changes import CASES, DECLARATIONS, PARTIES, ChangeSet
from casedb.errors import CaseDbError, ConflictError, NotFound
from casedb.models import AuditEntry, Case, Seizure
from casedb.store import audit, audit_groups
from casedb.store.database import Database

KINDS = ("case", "party")


@dataclass(frozen=True)
class Undone:
    """An undo: the stamp of the change it reverted, what it changed (for the views), and the
    new versions of the cases it wrote to."""

    stamp: str
    changes: ChangeSet
    versions: dict[str, int]

    def to_json(self) -> dict:
        return {"undone": self.stamp, "cases": sorted(self.changes.case_refs),
                "declarations": sorted(self.changes.declaration_ids),
                "parties": sorted(self.changes.party_ids), "versions": self.versions}


def undo_last(db: Database, kind: str, ident, *, reason: str = "") -> Undone:
    """Undo the last change not yet undone of a case (``ident``: its reference or id) or of a
    party's entity-resolution decisions (``ident``: the party id)."""
    if kind not in KINDS:
        raise messages.error(CaseDbError, "undo_kind", kind=kind, kinds=KINDS)
    with db.begin() as s:
        entity_id = _case_id(s, ident) if kind == "case" else int(ident)
        group = last_change(s, kind, entity_id)
        if group is None:
            raise messages.error(NotFound, "nothing_to_undo", kind=kind, ident=ident)
        at = group[0].at
        audit.stamp(s)
        why = reason or f"undo: {group[0].reason}".strip()
        if kind == "case":
            changed = _undo_case(db, s, group, why)
        else:
            from casedb.parties.undo import undo_decision

            changed = ChangeSet.of(PARTIES, DECLARATIONS,
                                   party_ids=undo_decision(db, s, group, why)), {}
        audit.record(s, db.user, "undo", kind, entity_id, field="change",
                     new=at.isoformat(), reason=why)
        return Undone(at.isoformat(), *changed)


def redo_last(db: Database, ident, *, reason: str = "") -> Undone:
    """Redo the case change last undone (``ident``: the case's reference or id), as long as no
    other change of the case came after the undo."""
    with db.begin() as s:
        cid = _case_id(s, ident)
        group = last_undo(s, cid)
        if group is None:
            raise messages.error(NotFound, "nothing_to_redo", kind="case", ident=ident)
        at = group[0].at
        audit.stamp(s)
        why = reason or f"redo: {group[0].reason}".strip()
        changed = _undo_case(db, s, group, why)
        audit.record(s, db.user, "redo", "case", cid, field="change", new=at.isoformat(),
                     reason=why)
        return Undone(at.isoformat(), *changed)


def last_undo(s: Session, case_id: int) -> list[AuditEntry] | None:
    """The entries of the last undo of a case not redone yet, if no other change came since."""
    found = audit_groups.last_undo_group(s, "case", case_id)
    return audit_groups.stamped(s, found[0], found[1][0].actor) if found else None


def _case_id(s: Session, ident) -> int:
    if isinstance(ident, int):
        return ident
    return case_log.load_case(s, str(ident), lock=False).id


def last_change(s: Session, entity: str, entity_id: int) -> list[AuditEntry] | None:
    """The entries of the last change of an entity that is neither an undo nor undone (all the
    entries of its stamp, whatever entity they name, oldest first)."""
    undone: set[str] = set()
    for at, entries in audit_groups.groups(s, entity, entity_id).items():
        markers = [e for e in entries if e.action == "undo"]
        if markers:
            undone.update(m.new_value for m in markers)
            continue
        if at.isoformat() in undone:
            continue
        if any(e.action == "create" for e in entries):
            return None  # back to the case's creation: nothing earlier to undo
        return audit_groups.stamped(s, at, entries[0].actor)
    return None


def _undo_case(db: Database, s: Session, group: list[AuditEntry],
               why: str) -> tuple[ChangeSet, dict]:
    cases: dict[int, Case] = {}
    declarations: list[int] = []
    for e in reversed(group):
        if e.entity != "case" or e.action in ("merge", "undo", "redo"):
            continue
        case = cases.get(e.entity_id) or s.get(Case, e.entity_id, with_for_update=not db.is_sqlite)
        if case is None:
            raise messages.error(NotFound, "case_gone", case=e.entity_id)
        cases[case.id] = case
        if e.action == "update":
            _revert_field(db, s, case, e, why)
        elif e.action == "add":
            declarations.append(_drop_seizure(db, s, case, e, why))
        elif e.action == "remove":
            declarations.append(_restore_seizure(db, s, case, e, why))
    for case in cases.values():
        case_log.touch(case)
    s.flush()
    refs = [c.case_ref for c in cases.values()]
    return (ChangeSet.of(CASES, case_refs=refs, declaration_ids=set(declarations) - {None}),
            {c.case_ref: c.version for c in cases.values()})


def _field_value(name: str, text: str | None):
    if name == "merged_into_id":
        return int(text) if text else None
    return case_log.value_of(name, text)


def _revert_field(db: Database, s: Session, case: Case, e: AuditEntry, why: str) -> None:
    now = case_log.text_of(e.field, getattr(case, e.field))
    if now != e.new_value:
        raise messages.error(ConflictError, "field_changed_since", ref=case.case_ref,
                             field=e.field, now=now)
    setattr(case, e.field, _field_value(e.field, e.old_value))
    audit.record(s, db.user, "update", "case", case.id, field=e.field, old=e.new_value,
                 new=e.old_value, reason=why)


def _drop_seizure(db: Database, s: Session, case: Case, e: AuditEntry, why: str) -> int:
    data = case_log.seizure_values(e.new_value)
    z = s.get(Seizure, data["id"])
    if z is None or z.case_id != case.id:
        raise messages.error(ConflictError, "record_removed_since", ref=case.case_ref)
    audit.record(s, db.user, "remove", "case", case.id, field="seizure",
                 old=case_log.seizure_json(z), reason=why)
    s.delete(z)
    return data["declaration_id"]


def _restore_seizure(db: Database, s: Session, case: Case, e: AuditEntry, why: str) -> int:
    data = case_log.seizure_values(e.old_value)
    if data.get("declaration_id") is not None and s.scalar(select(Seizure.id).where(
            Seizure.case_id == case.id,
            Seizure.declaration_id == data["declaration_id"])) is not None:
        raise messages.error(ConflictError, "holds_again", ref=case.case_ref)
    values = {k: data.get(k) for k in case_log.SEIZURE_FIELDS}
    free = s.get(Seizure, data["id"]) is None
    z = Seizure(case_id=case.id, **values, **({"id": data["id"]} if free else {}))
    s.add(z)
    s.flush()
    audit.record(s, db.user, "add", "case", case.id, field="seizure",
                 new=case_log.seizure_json(z), reason=why)
    return z.declaration_id


