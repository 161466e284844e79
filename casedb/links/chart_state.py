"""A case's link chart kept with the case: the chart's state (nodes, positions, pins, hidden
nodes, filters and styles, as JSON: widgets/link_menu.py makes it) in the ``link_chart`` table,
one per case, written with an audit entry and read back by whoever opens the case.

Charts saved before the table existed lived in files beside the case database
(``<db>.charts/<ref>.json``, or the data folder for PostgreSQL); ``adopt_side_file`` moves one
into the database when its case is opened."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from casedb.cases.records import case_id
from casedb.changes import ChangeSet
from casedb.errors import CaseDbError
from casedb.models.base import utcnow
from casedb.models.chart import LinkChartState
from casedb.store import audit
from casedb.store.database import Database, default_data_dir

log = logging.getLogger(__name__)

AUDIT_FIELD = "link_chart"
MAX_STATE_BYTES = 50_000_000  # a chart of some 200,000 nodes; anything bigger is a mistake


def summary(state: dict) -> str:
    """What the audit says of a chart: its size, not its content."""
    return (f"{len(state.get('nodes', ()))} nodes, {len(state.get('edges', ()))} links, "
            f"{len(state.get('pinned', ()))} pinned, {len(state.get('hidden', ()))} hidden sets")


def save_chart_state(db: Database, case_ref: str, state: dict, *, reason: str = "") -> ChangeSet:
    """Keep ``state`` as the case's link chart (replacing the one kept before). NotFound for an
    unknown case; CaseDbError for a state that is not JSON or too big."""
    if not isinstance(state, dict):
        raise CaseDbError(f"the link chart of {case_ref} must be a JSON object, not "
                          f"{type(state).__name__}")
    try:
        size = len(json.dumps(state, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise CaseDbError(f"the link chart of {case_ref} cannot be stored as JSON: {exc}") from exc
    if size > MAX_STATE_BYTES:
        raise CaseDbError(f"the link chart of {case_ref} is {size:,} bytes, more than "
                          f"{MAX_STATE_BYTES:,}; hide or filter nodes before saving it")
    with db.begin() as s:
        cid = case_id(s, case_ref)
        row = s.get(LinkChartState, cid)
        old = summary(row.state) if row is not None else None
        if row is None:
            row = LinkChartState(case_id=cid, state=state, saved_by=db.user, version=1)
            s.add(row)
        else:
            row.state, row.saved_by, row.version = state, db.user, row.version + 1
            row.saved_at = utcnow()
        audit.record(s, db.user, "update" if old else "create", "case", cid,
                     field=AUDIT_FIELD, old=old, new=summary(state), reason=reason)
    return ChangeSet.of_case(case_ref)


def chart_state(db: Database, case_ref: str) -> dict | None:
    """The case's saved link chart, or None; NotFound for an unknown case."""
    with db.read() as s:
        cid = case_id(s, case_ref)
        return s.scalar(select(LinkChartState.state).where(LinkChartState.case_id == cid))


def delete_chart_state(db: Database, case_ref: str, *, reason: str = "") -> ChangeSet:
    """Forget the case's saved chart (the next opening lays it out anew)."""
    with db.begin() as s:
        cid = case_id(s, case_ref)
        row = s.get(LinkChartState, cid)
        if row is None:
            return ChangeSet()
        audit.record(s, db.user, "delete", "case", cid, field=AUDIT_FIELD,
                     old=summary(row.state), reason=reason)
        s.delete(row)
    return ChangeSet.of_case(case_ref)


# --- charts kept in files before ---------------------------------------------------------------

def side_file(db: Database, case_ref: str) -> Path:
    """Where earlier versions kept a case's chart: beside a SQLite database, else in the user's
    data folder under the server's name."""
    name = re.sub(r"[^\w.-]", "_", case_ref) + ".json"
    if db.is_sqlite:
        base = db.sqlite_path
        return base.with_name(base.name + ".charts") / name
    server = re.sub(r"[^\w.-]", "_", make_url(db.url).render_as_string(hide_password=True))
    return default_data_dir() / "charts" / server / name


def adopt_side_file(db: Database, case_ref: str) -> ChangeSet:
    """Move the case's chart from its old side file into the database, unless the database
    holds one already; the file is renamed ``.json.moved`` so that it is not read again. An
    unreadable file is left where it is (logged). Returns what changed."""
    path = side_file(db, case_ref)
    if not path.is_file():
        return ChangeSet()
    try:
        state = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("a saved link chart file cannot be read (%s); it is left where it is",
                    type(exc).__name__)
        return ChangeSet()
    changes = ChangeSet()
    if chart_state(db, case_ref) is None and isinstance(state, dict):
        changes = save_chart_state(db, case_ref, state,
                                   reason=f"moved in from the file {path.name}")
    try:
        path.replace(path.with_name(path.name + ".moved"))
    except OSError as exc:
        log.warning("a link chart file was moved into the database but could not be renamed "
                    "(%s)", type(exc).__name__)
    log.info("a case's link chart was moved from its side file into the case database")
    return changes


def open_chart_state(db: Database, case_ref: str) -> dict | None:
    """The case's chart as it should be shown on opening: from the database, after moving an
    old side file in when there is one."""
    adopt_side_file(db, case_ref)
    return chart_state(db, case_ref)
