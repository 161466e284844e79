"""Read functions for the browsing views: ids sorted and filtered in SQL, rows fetched by page,
and a search that finds cases by reference, party name under any spelling, container, bill of
lading or HS code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Select, func, or_, select

from .db import Database
from .models import (
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    Party,
    PartyName,
    Seizure,
)
from .normalize import country_iso3, name_key, port_locode
from .rawsql import fetch_ids

CASE_COLUMNS = ("case_ref", "title", "status", "opened_on", "lead_officer")
DECLARATION_COLUMNS = ("declaration_no", "declaration_date", "hs_code", "gross_weight_kg",
                       "country_of_export", "port_of_transshipment", "port_of_discharge",
                       "country_of_destination", "vessel_name", "bl_no")


@dataclass(frozen=True)
class Filters:
    text: str = ""
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    hs_prefix: str | None = None
    country: str | None = None  # export or destination: ISO3, ISO2 or a name
    port: str | None = None  # any leg: UN/LOCODE or a port name


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
    return q


def _decl_filtered(f: Filters) -> bool:
    return any((f.since, f.until, f.hs_prefix, f.country, f.port))


def case_ids(db: Database, filters: Filters = Filters(), order: str = "case_ref",
             descending: bool = False) -> list[int]:
    col = getattr(Case, order if order in CASE_COLUMNS else "case_ref")
    q = select(Case.id)
    if filters.status:
        q = q.where(Case.status == filters.status)
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
                    descending: bool = False) -> list[int]:
    col = getattr(Declaration, order if order in DECLARATION_COLUMNS else "declaration_date")
    q = _decl_filter(select(Declaration.id), filters)
    if filters.text.strip():
        q = q.where(Declaration.id.in_(_search_declarations(filters.text)))
    return _ids(db, q.order_by(col.desc() if descending else col.asc(), Declaration.id))


def declaration_rows(db: Database, ids: list[int]) -> list[tuple]:
    cols = [getattr(Declaration, c) for c in DECLARATION_COLUMNS]
    with db.read() as s:
        rows = {r[0]: r[1:] for r in s.execute(
            select(Declaration.id, *cols).where(Declaration.id.in_(ids)))}
    return [rows.get(i, ("",) * len(cols)) for i in ids]


def case_ref_of(db: Database, case_id: int) -> str:
    with db.read() as s:
        return s.scalar(select(Case.case_ref).where(Case.id == case_id)) or ""


# -- search -------------------------------------------------------------------------------
def _search_declarations(text: str):
    t = text.strip()
    upper = t.upper().replace(" ", "")
    hs = t.replace(".", "").replace(" ", "")
    conds = [Declaration.declaration_no == t, Declaration.bl_no == t,
             Declaration.id.in_(select(DeclarationContainer.declaration_id).where(
                 DeclarationContainer.container_no == upper))]
    if hs.isdigit() and 2 <= len(hs) <= 10:
        conds.append(Declaration.hs_code.startswith(hs, autoescape=True))
    return select(Declaration.id).where(or_(*conds))


@lru_cache(maxsize=8)
def _name_index(db_url: str, stamp: int) -> tuple[list[str], list[int]]:
    """Distinct name keys of raw party names -> party ids (stamp: party_name row count)."""
    db = Database(db_url)
    try:
        with db.read() as s:
            rows = s.execute(select(PartyName.name_key, PartyName.party_id).distinct()).all()
    finally:
        db.dispose()
    return [r[0] for r in rows], [r[1] for r in rows]


def party_ids_by_name(db: Database, text: str, min_score: float = 85) -> list[int]:
    """Parties whose name, under any spelling, is close to ``text`` (typos forgiven)."""
    from rapidfuzz import fuzz, process

    key = name_key(text)
    if not key:
        return []
    with db.read() as s:
        stamp = s.scalar(select(func.count()).select_from(PartyName)) or 0
        display = s.scalars(select(Party.id).where(
            func.lower(Party.display_name).contains(text.strip().lower(), autoescape=True))).all()
    keys, pids = _name_index(db.url, stamp)
    hits = process.extract(key, keys, scorer=fuzz.WRatio, score_cutoff=min_score, limit=50)
    return sorted({pids[i] for _, _, i in hits} | set(display))


def search_case_ids(db: Database, text: str) -> list[int]:
    t = text.strip()
    if not t:
        return []
    parties = party_ids_by_name(db, t) if len(t) >= 3 else []
    decls = _search_declarations(t)
    if parties:
        decls = decls.union(select(DeclarationParty.declaration_id).where(
            DeclarationParty.party_id.in_(parties)))
    q = select(Seizure.case_id).where(Seizure.declaration_id.in_(decls)).union(
        select(Case.id).where(or_(Case.case_ref.contains(t, autoescape=True),
                                  func.lower(Case.title).contains(t.lower(), autoescape=True))))
    with db.read() as s:
        return sorted(set(s.scalars(q)))
