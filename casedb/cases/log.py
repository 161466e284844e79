"""How case writes are kept in the audit log so they can be explained and undone.

Every write of a case (an edit, declarations added or removed, a merge) happens in one
transaction, raises the case's version (the optimistic lock) and stamps all of its audit entries
with one timestamp: the entries sharing a stamp are one change, which a conflict message names
and ``casedb.cases.undo`` reverts. Values go into the log as text a person reads, tags and seizures as
JSON so that they can be read back."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from casedb import messages
from casedb.changes import CASES, ChangeSet
from casedb.errors import ConflictError, NotFound
from casedb.models import AuditEntry, Case, Seizure

SEIZURE_FIELDS = ("declaration_id", "seizure_date", "quantity_kg", "waste_category",
                  "basel_code", "offence", "detection_method", "outcome")
DATE_FIELDS = ("opened_on", "closed_on", "seizure_date")


@dataclass(frozen=True)
class CaseWrite:
    """What a case write changed: the cases (the first is the one written to, at ``version``),
    the fields edited, the seizure records added or removed and their declarations."""

    case_refs: tuple[str, ...]
    version: int
    fields: tuple[str, ...] = ()
    seizure_ids: tuple[int, ...] = ()
    declaration_ids: tuple[int, ...] = ()

    @property
    def changes(self) -> ChangeSet:
        """For the views: the cases, and the declarations whose case membership changed."""
        if not (self.fields or self.seizure_ids):
            return ChangeSet()
        return ChangeSet.of(CASES, case_refs=self.case_refs,
                            declaration_ids=self.declaration_ids)

    def __bool__(self) -> bool:
        return bool(self.fields or self.seizure_ids)

    def to_json(self) -> dict:
        return {"cases": list(self.case_refs), "version": self.version,
                "fields": list(self.fields), "seizures": list(self.seizure_ids),
                "declarations": list(self.declaration_ids)}


def load_case(session: Session, case_ref: str, *, lock: bool) -> Case:
    q = select(Case).where(Case.case_ref == case_ref)
    case = session.scalar(q.with_for_update(of=Case) if lock else q)
    if case is None:
        raise messages.error(NotFound, "no_case", ref=case_ref)
    return case


def check_version(session: Session, case: Case, expected: int | None) -> None:
    """Refuse a write prepared on an older version, naming who changed what since."""
    if expected is None or case.version == expected:
        return
    raise conflict(session, case, expected)


def conflict(session: Session, case: Case, expected: int) -> ConflictError:
    """The conflict of a write prepared on version ``expected``: who changed what since (in
    words in the user's language through casedb.cases.messages)."""
    return messages.error(ConflictError, "conflict", ref=case.case_ref, expected=expected,
                          version=case.version,
                          since=changes_since(session, case.id, case.version - expected))


def conflict_message(session: Session, case: Case, expected: int) -> str:
    return str(conflict(session, case, expected))


def changes_since(session: Session, case_id: int, groups: int) -> list[tuple[str, list[str]]]:
    """The last ``groups`` changes of a case, oldest first: (who, the fields or actions)."""
    if groups <= 0:
        return []
    rows = session.execute(select(AuditEntry.at, AuditEntry.actor, AuditEntry.action,
                                  AuditEntry.field)
                           .where(AuditEntry.entity == "case", AuditEntry.entity_id == case_id)
                           .order_by(AuditEntry.id.desc()).limit(500)).all()
    out: dict = {}
    for at, actor, action, fld in rows:
        if at not in out:
            if len(out) == groups:
                break
            out[at] = (actor, [])
        word = fld if action == "update" else f"{action} {fld or ''}".strip()
        if word not in out[at][1]:
            out[at][1].append(word)
    return list(reversed(out.values()))


def touch(case: Case) -> None:
    """Raise the case's version though none of its own columns changed (its seizures did)."""
    flag_modified(case, "title")


def text_of(name: str, value) -> str | None:
    """A case field's value as the audit log keeps it."""
    if name == "tags":
        return json.dumps(list(value or ()), ensure_ascii=False)
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def value_of(name: str, text: str | None):
    """A case field's value read back from the audit log."""
    if name == "tags":
        return json.loads(text) if text else []
    if text is None:
        return None
    if name in DATE_FIELDS:
        return dt.date.fromisoformat(text)
    return text


def seizure_json(z: Seizure) -> str:
    data = {"id": z.id, "case_id": z.case_id}
    data.update({k: text_of(k, getattr(z, k)) if k in DATE_FIELDS else getattr(z, k)
                 for k in SEIZURE_FIELDS})
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def seizure_values(text: str) -> dict:
    data = json.loads(text)
    for k in DATE_FIELDS:
        if data.get(k):
            data[k] = dt.date.fromisoformat(data[k])
    return data
