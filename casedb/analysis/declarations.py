"""The declarations every detector reads, loaded once: a polars frame with the parties of each
declaration by role (shipper, consignee, notify, broker, forwarder: one column each, read apart
from the declarations, which is cheaper than a join per role).

``kg`` is the gross weight (what a threshold on a consignment counts; the net weight when no
gross is given), ``net_kg`` the net weight (what a price per kilogram counts; the gross weight
when no net is given)."""

from __future__ import annotations

import datetime as dt

import polars as pl
from sqlalchemy import case, func, select

from casedb.store.database import Database
from casedb.store.polars_query import fetch_frame

from ..models import Declaration, DeclarationParty

ROLES = ("shipper", "consignee", "notify", "broker", "forwarder")
SCHEMA = {"id": pl.Int64, "no": pl.Utf8, "date": pl.Date, "hs": pl.Utf8, "kg": pl.Float64,
          "net_kg": pl.Float64, "value": pl.Float64, "currency": pl.Utf8, "origin": pl.Utf8,
          "pol": pl.Utf8, "via": pl.Utf8, "pod": pl.Utf8, "dest": pl.Utf8}


def load_declarations(db: Database, since: dt.date | None = None,
                      until: dt.date | None = None) -> pl.DataFrame:
    """Every dated declaration (between ``since`` and ``until``), one row each."""
    d = Declaration
    q = select(d.id, d.declaration_no, d.declaration_date, d.hs_code,
               func.coalesce(d.gross_weight_kg, d.net_weight_kg),
               func.coalesce(d.net_weight_kg, d.gross_weight_kg), d.declared_value, d.currency,
               func.coalesce(d.country_of_origin, d.country_of_export), d.port_of_loading,
               d.port_of_transshipment, d.port_of_discharge, d.country_of_destination) \
        .where(d.declaration_date.is_not(None))
    if since:
        q = q.where(d.declaration_date >= since)
    if until:
        q = q.where(d.declaration_date <= until)
    frame = fetch_frame(db, q, SCHEMA)
    frame = frame.join(_roles(db, frame), on="id", how="left").with_columns(
        pl.col("hs").str.slice(0, 6).alias("hs6"),
        (pl.col("date").dt.year() * 12 + pl.col("date").dt.month() - 1).alias("month"))
    return frame.with_columns(pl.col(r).cast(pl.Int64) for r in ROLES)


def _roles(db: Database, frame: pl.DataFrame) -> pl.DataFrame:
    """One row per declaration, a party id per role: pivoted by the database (its rows are
    stored in declaration order), so that a fifth of the values cross into Python."""
    dp = DeclarationParty
    cols = [func.max(case((dp.role == role, dp.party_id))).label(role) for role in ROLES]
    q = select(dp.declaration_id, *cols).where(dp.role.in_(ROLES)).group_by(dp.declaration_id)
    if frame.height:
        q = q.where(dp.declaration_id.between(int(frame["id"].min()), int(frame["id"].max())))
    return fetch_frame(db, q, {"id": pl.Int64} | dict.fromkeys(ROLES, pl.Int64))
