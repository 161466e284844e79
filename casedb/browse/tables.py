"""Read functions for the browsing views: ids sorted and filtered in SQL, rows fetched by page,
and a search that finds cases by reference, party name under any spelling, container, bill of
lading or HS code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select

from casedb.browse.statuses import matches as status_matches
from casedb.models import Case, Declaration, RiskScore, Seizure
from casedb.normalize import country_iso3, port_locode
from casedb.store.cursor_query import fetch_ids
from casedb.store.database import Database

CASE_COLUMNS = ("case_ref", "title", "status", "opened_on", "lead_officer")
DECLARATION_COLUMNS = ("declaration_no", "risk", "declaration_date", "hs_code", "gross_weight_kg",
                       "country_of_export", "port_of_transshipment", "port_of_discharge",
                       "country_of_destination", "vessel_name", "bl_no", "risk_reason")
# the stored risk score (table risk_score, casedb.risk; a declaration without one counts 0) and
# its strongest signal's reason (the browser's tooltip on the score)
RISK_COLUMNS = ("risk", "risk_reason")


@dataclass(frozen=True)
class Filters:
    text: str = ""
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    hs_prefix: str | None = None
    country: str | None = None  # export or destination: ISO3, ISO2 or a name
    port: str | None = None  # any leg: UN/LOCODE or a port name
    min_risk: float | None = None  # the stored risk score at least this (0..1)


def _decl_filter(q: Select, f: Filters) -> Select:
    if f.since:
        q = q.where(Declaration.declaration_date >= f.since)
    if f.until:
        q = q.where(Declaration.declaration_date <= f.until)
    if f.hs_prefix:
        q = q.where(Declaration.hs_code.startswith(f.hs_prefix, autoescape=True))
    if f.country:
        # as typed: a name or code is normalised; one not recognised matches nothing
        country = country_iso3(f.country) or f.country.upper()
        q = q.where(or_(Declaration.country_of_export == country,
                        Declaration.country_of_destination == country))
    if f.port:
        port = port_locode(f.port) or f.port.upper()
        q = q.where(or_(Declaration.port_of_loading == port,
                        Declaration.port_of_transshipment == port,
                        Declaration.port_of_discharge == port))
    if f.min_risk:
        q = q.where(Declaration.id.in_(
            select(RiskScore.declaration_id).where(RiskScore.score >= f.min_risk)))
    return q


def _decl_filtered(f: Filters) -> bool:
    return any((f.since, f.until, f.hs_prefix, f.country, f.port, f.min_risk))


def case_ids(db: Database, filters: Filters = Filters(), order: str = "case_ref",
             descending: bool = False) -> list[int]:
    col = getattr(Case, order if order in CASE_COLUMNS else "case_ref")
    q = select(Case.id)
    if filters.status:  # older words for a status too
        q = q.where(status_matches(Case.status, filters.status))
    if _decl_filtered(filters):
        sub = _decl_filter(select(Seizure.case_id).join(
            Declaration, Declaration.id == Seizure.declaration_id), filters)
        q = q.where(Case.id.in_(sub))
    if filters.text.strip():
        q = q.where(Case.id.in_(search_case_ids(db, filters.text)))
    return _ids(db, q.order_by(col.desc() if descending else col.asc(), Case.id))


def _ids(db: Database, q) -> list[int]:
    return fetch_ids(db, q)


def case_rows(db: Database, ids: list[int]) -> list[tuple]:
    cols = [getattr(Case, c) for c in CASE_COLUMNS]
    with db.read() as s:
        rows = {r[0]: r[1:] for r in s.execute(select(Case.id, *cols).where(Case.id.in_(ids)))}
    return [rows.get(i, ("",) * len(cols)) for i in ids]


def declaration_ids(db: Database, filters: Filters = Filters(), order: str = "declaration_date",
                    descending: bool = False, limit: int | None = None) -> list[int]:
    """The ids in the table's order; ``limit``: only the first ones (the first page: ORDER BY
    ... LIMIT, which the database answers from the sort column's index in milliseconds where
    fetching all ten million ids takes seconds)."""
    q = _decl_filter(select(Declaration.id), filters)
    if filters.text.strip():
        from casedb.browse.search import declaration_id_query

        q = q.where(Declaration.id.in_(declaration_id_query(db, filters.text)))
    if order in RISK_COLUMNS:
        score = func.coalesce(RiskScore.score, 0.0)
        q = q.outerjoin(RiskScore, RiskScore.declaration_id == Declaration.id)
        q = q.order_by(score.desc() if descending else score.asc(), Declaration.id)
    else:
        col = getattr(Declaration, order if order in DECLARATION_COLUMNS else "declaration_date")
        # ties by id, reversed with the column: a descending page is the ascending order read
        # backwards, which the (date, id) index serves (0011; on SQLite the date index and its
        # rowid). The risk order stays ties by id ascending: it is a sort in any case.
        tie = Declaration.id.desc() if descending else Declaration.id
        q = q.order_by(col.desc() if descending else col.asc(), tie)
    return _ids(db, q if limit is None else q.limit(limit))


def declaration_rows(db: Database, ids: list[int]) -> list[tuple]:
    """Each declaration's DECLARATION_COLUMNS."""
    stored = {"risk": RiskScore.score, "risk_reason": RiskScore.signals}
    cols = [stored.get(c) or getattr(Declaration, c) for c in DECLARATION_COLUMNS]
    with db.read() as s:
        rows = {r[0]: r[1:] for r in s.execute(
            select(Declaration.id, *cols)
            .outerjoin(RiskScore, RiskScore.declaration_id == Declaration.id)
            .where(Declaration.id.in_(ids)))}
    reason = DECLARATION_COLUMNS.index("risk_reason")
    for i, row in rows.items():  # the stored signals -> the strongest one's reason
        rows[i] = (*row[:reason], _top_reason(row[reason]), *row[reason + 1:])
    return [rows.get(i, ("",) * len(cols)) for i in ids]


def _top_reason(signals) -> str:
    """The reason of the strongest signal in a stored risk_score.signals list."""
    if not signals:
        return ""
    return str(max(signals, key=lambda sig: sig.get("weight", 0)).get("reason", ""))


def case_ref_of(db: Database, case_id: int) -> str:
    with db.read() as s:
        return s.scalar(select(Case.case_ref).where(Case.id == case_id)) or ""


# -- search -------------------------------------------------------------------------------
def search_case_ids(db: Database, text: str) -> list[int]:
    """Cases by reference or title, or holding a declaration found by number, B/L, container,
    vessel, IMO, voyage, HS code or one of its parties (name under any spelling, phone,
    address): casedb.browse.search, which says what matched."""
    from casedb.browse.search import matching_case_ids

    if not text.strip():
        return []
    return matching_case_ids(db, text)
