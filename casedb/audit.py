"""The append-only audit log: who, when, what, old and new value, why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import AuditEntry


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def record(session: Session, user: str, action: str, entity: str, entity_id: int | None,
           **details) -> None:
    """Append one entry; the caller's transaction decides whether it stands.

    ``details``: ``field``, ``old``, ``new`` (any value; stored as text) and ``reason``."""
    unknown = set(details) - {"field", "old", "new", "reason"}
    if unknown:
        raise TypeError(f"unknown audit details: {', '.join(sorted(unknown))}")
    session.add(AuditEntry(
        actor=user, action=action, entity=entity, entity_id=entity_id,
        field=details.get("field"), old_value=_text(details.get("old")),
        new_value=_text(details.get("new")), reason=details.get("reason") or "",
    ))


def record_changes(session: Session, user: str, entity: str, entity_id: int,
                   changes: dict[str, tuple], reason: str = "") -> None:
    """One 'update' entry per changed field; ``changes`` maps field -> (old, new)."""
    for name, (old, new) in changes.items():
        record(session, user, "update", entity, entity_id, field=name, old=old, new=new,
               reason=reason)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    user: str
    action: str
    entity: str
    entity_id: int | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str


def entries(session: Session, *, entity: str | None = None, entity_ids=None,
            limit: int | None = None) -> list[AuditRow]:
    q = select(AuditEntry).order_by(AuditEntry.id)
    if entity is not None:
        q = q.where(AuditEntry.entity == entity)
    if entity_ids is not None:
        q = q.where(AuditEntry.entity_id.in_(list(entity_ids)))
    if limit:
        q = q.limit(limit)
    return [
        AuditRow(e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.field, e.old_value,
                 e.new_value, e.reason)
        for e in session.scalars(q)
    ]
