"""The risk engine's alerts for the workstation: each with its declaration's id, so that the
alerts view can open the declaration. (Sorting and filtering the declarations by risk is plain
SQL in casedb.browse.tables, which must not import this package: it loads polars.)"""

from __future__ import annotations

from sqlalchemy import select

from casedb.store.database import Database

from ..models import Alert
from . import AlertRow, list_alerts

CHUNK = 5_000


def alerts_with_declarations(db: Database, *, status: str | None = "new"
                             ) -> list[tuple[AlertRow, int]]:
    """The alerts (as ``casedb.alerts.list_alerts``, newest first) each with its declaration's
    id."""
    rows = list_alerts(db, status=status)
    ids = [r.id for r in rows]
    declaration_of: dict[int, int] = {}
    with db.read() as s:
        for i in range(0, len(ids), CHUNK):
            declaration_of.update(s.execute(select(Alert.id, Alert.declaration_id).where(
                Alert.id.in_(ids[i:i + CHUNK]))).all())
    return [(r, declaration_of[r.id]) for r in rows if r.id in declaration_of]
