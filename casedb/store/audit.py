"""The append-only audit log: who, when, what, old and new value, why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from casedb.models import AuditEntry
from casedb.store.database import OS_USER


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
    os_user = session.info.get(OS_USER)
    session.add(AuditEntry(
        actor=user, action=action, entity=entity, entity_id=entity_id,
        field=details.get("field"), old_value=_text(details.get("old")),
        new_value=_text(details.get("new")), reason=details.get("reason") or "",
        os_user=os_user if os_user != user else None,
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
    os_user: str | None = None  # on PostgreSQL, the OS user the client named beside its role


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
                 e.new_value, e.reason, e.os_user)
        for e in session.scalars(q)
    ]


def record_export(db, kind: str, destination, *, entity: str = "export",
                  entity_id: int | None = None, detail: str = "") -> None:
    """Audit that data left the database: ``kind`` (dossier, table, bundle, graph, backup), the
    file it went to (``destination``, its absolute path), and ``detail``: what it held (the
    case, the rows, redacted or not). In a transaction of its own, after the file is written;
    a failure to record is raised, so the caller can say the export went unrecorded. In the
    workstation it waits for another program's write lock (casedb.store.write_lock)."""
    with db.begin(writes=True) as session:
        record(session, db.user, "export", entity, entity_id, field=kind,
               new=str(Path(destination).resolve()), reason=detail)


def stamp(session: Session) -> dt.datetime:
    """One timestamp on every audit entry this transaction writes (before and after this call):
    they are one change."""
    now = session.info.setdefault(STAMP, dt.datetime.now(dt.UTC))
    _stamp_pending(session)
    return now


STAMP = "casedb.store.audit.stamp"


def _stamp_pending(session: Session) -> None:
    now = session.info[STAMP]
    for obj in session.new:
        if isinstance(obj, AuditEntry) and obj.at is None:
            obj.at = now


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    if STAMP in session.info:
        _stamp_pending(session)
