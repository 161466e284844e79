"""Route shares and shifts over declarations: by destination country or port, origin ->
destination pair, or the full route through the transit port; by month, quarter or year; by
tonnage or by count. Route keys join codes with '>' (UN/LOCODEs for ports, ISO alpha-3 for
countries)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl
from sqlalchemy import func, select

from casedb.store.database import Database
from casedb.store.polars_query import fetch_frame

from ..models import Declaration
from ..normalize import country_name, port_name
from .shares import (
    ShareTable,
    event_shifts,
    grouped_share_table,
    period_expr,
    share_table,
    with_shifts,
)

BY = ("dest-country", "dest-port", "pair", "route")


_KEY_COLUMNS = {  # only what a grouping needs is read
    "dest-country": ("dest",), "dest-port": ("pod",), "pair": ("exp", "dest"),
    "route": ("exp", "via", "pod"),
}


def _where(q, hs_prefix, since, until):
    d = Declaration
    q = q.where(d.declaration_date.is_not(None))
    if hs_prefix:
        q = q.where(d.hs_code.startswith(hs_prefix, autoescape=True))
    if since:
        q = q.where(d.declaration_date >= since)
    if until:
        q = q.where(d.declaration_date <= until)
    return q


def _columns(by: str) -> dict:
    if by not in _KEY_COLUMNS:
        raise ValueError(f"unknown grouping {by!r}; one of {', '.join(BY)}")
    d = Declaration
    columns = {"exp": d.country_of_export, "dest": d.country_of_destination,
               "via": d.port_of_transshipment, "pod": d.port_of_discharge}
    return {k: columns[k] for k in _KEY_COLUMNS[by]}


def _frame(db: Database, hs_prefix, since, until, by: str) -> pl.DataFrame:
    """Every declaration's date, weight and route columns (the path before issue 22, kept to
    check the grouped one against: tests)."""
    d = Declaration
    columns = _columns(by)
    q = _where(select(d.declaration_date, func.coalesce(d.net_weight_kg, d.gross_weight_kg),
                      *columns.values()), hs_prefix, since, until)
    schema = {"date": pl.Date, "kg": pl.Float64} | dict.fromkeys(columns, pl.Utf8)
    return fetch_frame(db, q, schema)


def _grouped(db: Database, q: RouteQuery) -> pl.DataFrame:
    """(period, route, label, w, t) from the declarations summed by the database per day and
    route columns (GROUP BY in the order of the index ix_declaration_day_route, migration 0010,
    which holds every column read: SQLite walks the index instead of sorting ten million rows;
    a few hundred thousand groups come back, not the rows), then by period and route here."""
    d = Declaration
    _columns(q.by)  # an unknown grouping is refused before the database is asked
    columns = {"exp": d.country_of_export, "dest": d.country_of_destination,
               "via": d.port_of_transshipment, "pod": d.port_of_discharge}
    kg = func.coalesce(d.net_weight_kg, d.gross_weight_kg)
    stmt = _where(select(d.declaration_date, *columns.values(), func.count(),
                         func.coalesce(func.sum(kg), 0.0)), q.hs_prefix, q.since, q.until) \
        .group_by(d.declaration_date, *columns.values())
    schema = {"date": pl.Date} | dict.fromkeys(columns, pl.Utf8) | {"n": pl.Int64,
                                                                    "kg": pl.Float64}
    frame = _keys(fetch_frame(db, stmt, schema), q.by).with_columns(
        period_expr("date", q.period).alias("period"))
    value = pl.col("n").sum().cast(pl.Float64) if q.measure == "count" else \
        pl.col("kg").sum() / 1000.0
    g = frame.group_by("period", "route").agg(value.alias("w"),
                                              (pl.col("kg").sum() / 1000.0).alias("t"))
    labels = {r: label(r, q.by, q.lang) for r in g["route"].unique().to_list()}
    return g.with_columns(pl.col("route").replace_strict(labels, return_dtype=pl.Utf8)
                          .alias("label"))


def _keys(frame: pl.DataFrame, by: str) -> pl.DataFrame:
    unknown = pl.lit("???")
    if by == "dest-country":
        key = pl.col("dest").fill_null(unknown)
    elif by == "dest-port":
        key = pl.col("pod").fill_null(unknown)
    elif by == "pair":
        key = pl.col("exp").fill_null(unknown) + ">" + pl.col("dest").fill_null(unknown)
    elif by == "route":
        key = pl.concat_str([pl.col("exp").fill_null(unknown), pl.col("via"),
                             pl.col("pod").fill_null(unknown)], separator=">",
                            ignore_nulls=True)
    else:
        raise ValueError(f"unknown grouping {by!r}; one of {', '.join(BY)}")
    return frame.with_columns(key.alias("route"))


def label(route: str, by: str, lang: str = "en") -> str:
    parts = route.split(">")
    if by == "dest-port":
        return port_name(route, lang)
    if by == "route":
        return " → ".join([_country(parts[0], lang)] + [port_name(p, lang) for p in parts[1:]])
    return " → ".join(_country(p, lang) for p in parts)


def _country(code: str, lang: str) -> str:
    try:
        return country_name(code, lang)
    except (KeyError, LookupError):
        return code


@dataclass(frozen=True)
class RouteQuery:
    hs_prefix: str | None = None
    by: str = "dest-country"
    period: str = "year"
    since: dt.date | None = None
    until: dt.date | None = None
    measure: str = "tonnes"  # or "count"
    event: dt.date | None = None
    lang: str = "en"  # of the country and port names in the labels


def route_shares(db: Database, query: RouteQuery | None = None, **fields) -> ShareTable:
    """Shares per period of each route; ``fields`` are those of RouteQuery. The database sums
    the declarations by day and route columns (``_grouped``)."""
    q = query or RouteQuery(**fields)
    table = grouped_share_table(_grouped(db, q), measure=q.measure, lang=q.lang)
    return event_shifts(table, q.event, q.period) if q.event else with_shifts(table)


def route_shares_from_rows(db: Database, query: RouteQuery | None = None, **fields
                           ) -> ShareTable:
    """route_shares grouped in the client from every declaration's row: the path before
    issue 22, kept so tests show both give the same table."""
    q = query or RouteQuery(**fields)
    hs_prefix, by, period, measure, event = q.hs_prefix, q.by, q.period, q.measure, q.event
    frame = _keys(_frame(db, hs_prefix, q.since, q.until, by), by)
    frame = frame.with_columns(
        period_expr("date", period).alias("period"),
        (pl.col("kg").fill_null(0.0) / 1000.0).alias("weight"))
    routes = frame["route"].unique().to_list()
    labels = pl.DataFrame({"route": routes, "label": [label(r, by, q.lang) for r in routes]},
                          schema={"route": pl.Utf8, "label": pl.Utf8})
    frame = frame.select("period", "route", "weight").join(labels, on="route", how="left")
    table = share_table(frame, measure=measure, lang=q.lang)
    return event_shifts(table, event, period) if event else with_shifts(table)
