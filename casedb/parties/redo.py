"""Redo of entity-resolution decisions undone (casedb.cases.undo.undo_last on a party): the
decision is made again through casedb.parties.resolution (merge, rejection, split), audited as a
decision of its own with the reason "redo: ...", and marked ``redo`` with the stamp of the undo it
reverts, in the decision's own transaction and stamp (so that undoing again undoes the decision
made again): the decision is resolution's own code, so the marker is added by a before-commit
hook armed for this thread while it runs.

Several levels: the undos of a party not yet redone are redone newest first; a decision made
on the party since its last undo ends what can be redone (as in any editor)."""

from __future__ import annotations

import datetime as dt
from contextvars import ContextVar
from dataclasses import dataclass

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from casedb import messages
from casedb.changes import DECLARATIONS, PARTIES, ChangeSet
from casedb.errors import NotFound
from casedb.models import AuditEntry
from casedb.store import audit, audit_groups
from casedb.store.database import Database

DECISIONS = ("merge", "reject", "split")


@dataclass(frozen=True)
class Redone:
    """A decision made again: the stamp of the undo it reverts, the decision, what changed."""

    undo_stamp: str
    action: str  # merge | reject | split
    changes: ChangeSet

    def to_json(self) -> dict:
        return {"redone": self.undo_stamp, "decision": self.action,
                "parties": sorted(self.changes.party_ids)}


def redo_last_decision(db: Database, party_id: int, *, reason: str = "") -> Redone:
    """Make again the entity-resolution decision on ``party_id`` undone last."""
    with db.read() as s:
        found = last_undone_decision(s, party_id)
    if found is None:
        raise messages.error(NotFound, "nothing_to_redo", kind="party", ident=party_id)
    undo_stamp, decision = found
    by_action = {e.action: e for e in decision
                 if e.entity == "party" and e.field in ("party", "match", "name")}
    why = reason or f"redo: {decision[0].reason}".strip()
    armed = _MARKER.set((db.user, party_id, undo_stamp, why))
    try:
        action, changes = _apply(db, party_id, by_action, why)
    finally:
        _MARKER.reset(armed)
    return Redone(undo_stamp, action, changes)


# (user, party id, undo stamp, reason) of the redo running in this thread, if any.
_MARKER: ContextVar[tuple | None] = ContextVar("casedb.parties.redo.marker", default=None)


@event.listens_for(Session, "before_commit")
def _mark_redo(session: Session) -> None:
    """The redo marker, in the transaction (and stamp) of the decision made again."""
    marker = _MARKER.get()
    if marker is None or audit.STAMP not in session.info:
        return
    _MARKER.set(None)  # once: the decision's own transaction
    user, party_id, undo_stamp, why = marker
    audit.record(session, user, "redo", "party", party_id, field="change", new=undo_stamp,
                 reason=why)


def _apply(db: Database, party_id: int, by_action: dict, why: str) -> tuple[str, ChangeSet]:
    from casedb.parties import resolution

    if "merge" in by_action:
        other = int(by_action["merge"].old_value.split(" ", 1)[0])
        return "merge", resolution.merge(db, party_id, other, why)
    if "reject" in by_action:  # "not {b} {name}"
        other = int(by_action["reject"].new_value.split(" ", 2)[1])
        return "reject", resolution.reject(db, party_id, other, why)
    if "split" in by_action:
        new = resolution.split(db, party_id, by_action["split"].old_value, why)
        return "split", ChangeSet.of(PARTIES, DECLARATIONS, party_ids=(party_id, new))
    raise messages.error(NotFound, "redo_unknown", party=party_id)


def last_undone_decision(s: Session, party_id: int) -> tuple[str, list[AuditEntry]] | None:
    """(the undo's stamp, the entries of the decision it undid) of the party's undo to redo
    next, or None."""
    found = audit_groups.last_undo_group(s, "party", party_id)
    if found is None:
        return None
    at, entries = found
    stamp = next(e.new_value for e in entries if e.action == "undo")
    decision = [e for e in s.scalars(select(AuditEntry).where(
        AuditEntry.entity == "party", AuditEntry.at == dt.datetime.fromisoformat(stamp))
        .order_by(AuditEntry.id)) if e.action in DECISIONS]
    return (at.isoformat(), decision) if decision else None
