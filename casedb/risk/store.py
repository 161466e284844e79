"""Keeping the risk scores in the case database (table ``risk_score``), so that views can sort
and filter declarations by risk without running the detectors."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from casedb.store.database import Database

from ..models import Declaration, RiskScore
from ..models.base import utcnow
from .score import RiskRow

CHUNK = 5_000


def store_scores(db: Database, rows: list[RiskRow], *, since=None) -> int:
    """Replace the stored scores (of the declarations dated ``since`` or later) with ``rows``."""
    now = utcnow()
    values = [{"declaration_id": r.declaration_id, "score": r.score, "computed_at": now,
               "signals": [s.to_json() for s in r.signals]} for r in rows]
    with db.begin() as s:
        q = delete(RiskScore)
        if since is not None:
            dated = select(Declaration.id).where(Declaration.declaration_date >= since)
            q = q.where(RiskScore.declaration_id.in_(dated))
        s.execute(q)
        for i in range(0, len(values), CHUNK):
            s.execute(insert(RiskScore), values[i:i + CHUNK])
    return len(values)


def stored_scores(db: Database, *, top: int | None = None) -> list[dict]:
    """The stored scores, riskiest first: declaration_no, score, signals."""
    q = (select(Declaration.declaration_no, RiskScore.score, RiskScore.signals)
         .join(Declaration, Declaration.id == RiskScore.declaration_id)
         .order_by(RiskScore.score.desc(), Declaration.declaration_no))
    if top:
        q = q.limit(top)
    with db.read() as s:
        return [{"declaration_no": no, "score": round(score, 4), "signals": signals}
                for no, score, signals in s.execute(q)]
