"""Saved rules run after every import, and the alerts they raise, kept until reviewed.

The import flow calls ``run_watchlists(db, declaration_ids)`` with the ids it wrote; an alert is
raised once per rule and declaration (a re-import raises nothing new)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from casedb.store.database import Database

from ..errors import NotFound
from ..models import ALERT_STATUSES, WATCH_KINDS, Alert, Declaration, Watchlist
from ..models.base import utcnow
from ..normalize.containers import normalize_container
from .rules import DETECTORS, RuleError, _route, matches

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AlertRow:
    id: int
    rule_id: int
    rule: str
    kind: str
    value: str
    declaration_no: str
    declaration_date: dt.date | None
    reason: str
    status: str
    created_at: dt.datetime

    def to_json(self) -> dict:
        return {"id": self.id, "rule": self.rule, "rule_id": self.rule_id, "kind": self.kind,
                "value": self.value, "declaration_no": self.declaration_no,
                "declaration_date": self.declaration_date.isoformat()
                if self.declaration_date else None, "reason": self.reason,
                "status": self.status, "created_at": self.created_at.isoformat()}


def add_watchlist(db: Database, kind: str, value: str, *, name: str | None = None,
                  params: dict | None = None) -> int:
    """A new saved rule; its id."""
    if kind not in WATCH_KINDS:
        raise RuleError(f"watchlist kind {kind!r}: one of {', '.join(WATCH_KINDS)}")
    if kind == "detector" and value not in DETECTORS:
        raise RuleError(f"detector {value!r}: one of {', '.join(DETECTORS)}")
    if not value.strip():
        raise RuleError(f"a {kind} rule needs a value to watch")
    _check_value(kind, value.strip())
    with db.begin() as s:
        rule = Watchlist(name=name or f"{kind} {value}", kind=kind, value=value.strip(),
                         params=params or {}, active=True, created_by=db.user)
        s.add(rule)
        s.flush()
        return rule.id


def _check_value(kind: str, value: str) -> None:
    """A rule whose value cannot be matched is refused when saved, not at every import."""
    if kind == "container":
        try:
            normalize_container(value)
        except ValueError as exc:
            raise RuleError(f"container rule: {exc}") from None
    elif kind == "route":
        _route(value)


def _risk_signals(db: Database):
    cache: dict = {}

    def get() -> dict:
        if not cache:
            from ..risk import risk_scores

            cache["rows"] = {r.declaration_id: (r.score, r.signals) for r in risk_scores(db)}
        return cache["rows"]
    return get


def run_watchlists(db: Database, declaration_ids=None) -> int:
    """Run every active rule over ``declaration_ids`` (None: every declaration); the number of
    new alerts. Call it after each import with the ids the import wrote."""
    ids = None if declaration_ids is None else {int(i) for i in declaration_ids}
    if ids is not None and not ids:
        return 0
    with db.read() as s:
        rules = list(s.scalars(select(Watchlist).where(Watchlist.active.is_(True))))
    if not rules:
        return 0
    signals = _risk_signals(db)
    rows = []
    for rule in rules:
        for declaration_id, reason in matches(db, rule, ids, signals):
            rows.append({"watchlist_id": rule.id, "declaration_id": declaration_id,
                         "reason": reason, "status": "new", "created_at": utcnow()})
    if not rows:
        return 0
    ins = (sqlite_insert if db.is_sqlite else pg_insert)(Alert)
    stmt = ins.on_conflict_do_nothing(index_elements=["watchlist_id", "declaration_id"])
    with db.begin() as s:
        before = _count(s)
        for i in range(0, len(rows), 5_000):
            s.execute(stmt, rows[i:i + 5_000])
        new = _count(s) - before
    log.info("watchlists: %d rules, %d new alerts", len(rules), new)
    return new


def _count(s) -> int:
    return int(s.scalar(select(func.count()).select_from(Alert)))


def list_alerts(db: Database, *, status: str | None = "new") -> list[AlertRow]:
    """Alerts (of ``status``; None: all), newest first."""
    a, w, d = Alert, Watchlist, Declaration
    q = (select(a.id, w.id, w.name, w.kind, w.value, d.declaration_no, d.declaration_date,
                a.reason, a.status, a.created_at)
         .join(w, w.id == a.watchlist_id).join(d, d.id == a.declaration_id)
         .order_by(a.created_at.desc(), a.id.desc()))
    if status:
        q = q.where(a.status == status)
    with db.read() as s:
        return [AlertRow(*r) for r in s.execute(q)]


def review_alerts(db: Database, alert_ids, *, status: str = "reviewed") -> int:
    """Mark alerts reviewed (or dismissed); the number changed."""
    if status not in ALERT_STATUSES:
        raise RuleError(f"alert status {status!r}: one of {', '.join(ALERT_STATUSES)}")
    wanted = {int(i) for i in alert_ids}
    with db.begin() as s:
        missing = wanted - set(s.scalars(select(Alert.id).where(Alert.id.in_(wanted))))
        if missing:
            raise NotFound(f"alert {', '.join(map(str, sorted(missing)))} not found: list the "
                           "alerts with wasteintel alerts --all")
        s.execute(update(Alert).where(Alert.id.in_(wanted)).values(
            status=status, reviewed_by=db.user, reviewed_at=utcnow()))
    return len(wanted)


def list_watchlists(db: Database) -> list[dict]:
    """The saved rules, oldest first."""
    with db.read() as s:
        rules = s.scalars(select(Watchlist).order_by(Watchlist.id))
        return [{"id": r.id, "name": r.name, "kind": r.kind, "value": r.value,
                 "params": r.params, "active": r.active, "created_by": r.created_by}
                for r in rules]
