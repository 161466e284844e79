"""A record's audit entries as changes: the entries sharing one stamp (casedb.store.audit.stamp)
are one change, which casedb.cases.undo reverts and redoes and casedb.parties.redo makes again.
An undo is marked ``undo`` with the stamp it reverted, a redo ``redo`` with the stamp of the undo
it reverted."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from casedb.models import AuditEntry


def last_undo_group(s: Session, entity: str,
                    entity_id: int) -> tuple[dt.datetime, list[AuditEntry]] | None:
    """(stamp, entries naming the entity) of its last undo not redone yet, if no other change
    of it came since (a redo is marked ``redo`` with the stamp of the undo it reverted)."""
    redone: set[str] = set()
    for at, entries in groups(s, entity, entity_id).items():
        actions = {e.action for e in entries}
        if "redo" in actions:
            redone.update(e.new_value for e in entries if e.action == "redo")
        elif "undo" not in actions:
            return None  # a change after the undo: nothing to redo
        elif at.isoformat() not in redone:
            return at, entries
    return None


def groups(s: Session, entity: str, entity_id: int) -> dict[dt.datetime, list[AuditEntry]]:
    """The entity's recent audit entries by stamp, newest first."""
    rows = s.scalars(select(AuditEntry).where(AuditEntry.entity == entity,
                                              AuditEntry.entity_id == entity_id)
                     .order_by(AuditEntry.id.desc()).limit(2000)).all()
    out: dict = {}
    for e in rows:
        out.setdefault(e.at, []).append(e)
    return out


def stamped(s: Session, at: dt.datetime, actor: str) -> list[AuditEntry]:
    """Every entry of one change (its stamp and author), whatever entity it names."""
    return list(s.scalars(select(AuditEntry).where(AuditEntry.at == at, AuditEntry.actor == actor)
                          .order_by(AuditEntry.id)))
