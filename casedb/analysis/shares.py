"""Shares of routes (or importers, exporters, pairs) in each period, and their shifts.

One engine for declarations and trade statistics: a polars frame of (period, key, label, weight)
is grouped once; shares are fractions of each period's total."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import polars as pl

from .shifts import change_points


@dataclass(frozen=True)
class Series:
    route: str
    label: str
    shares: tuple[float, ...]
    tonnes: tuple[float, ...]

    def to_json(self) -> dict:
        return {"route": self.route, "label": self.label,
                "shares": [round(s, 6) for s in self.shares],
                "tonnes": [round(t, 3) for t in self.tonnes]}


@dataclass(frozen=True)
class Shift:
    route: str
    label: str
    before_share: float
    after_share: float
    change_point: str

    def to_json(self) -> dict:
        return {"route": self.route, "label": self.label,
                "before_share": round(self.before_share, 6),
                "after_share": round(self.after_share, 6), "change_point": self.change_point}


@dataclass(frozen=True)
class Mover:
    route: str
    label: str
    before_share: float
    after_share: float

    @property
    def change(self) -> float:
        return self.after_share - self.before_share


@dataclass(frozen=True)
class ShareTable:
    periods: tuple[str, ...]
    series: tuple[Series, ...]
    shifts: tuple[Shift, ...] = ()
    measure: str = "tonnes"
    lang: str = "en"  # of the names in the labels, and of the ports on a map of the table

    def share(self, route: str, period: str) -> float:
        i = self.periods.index(period)
        return next((s.shares[i] for s in self.series if s.route == route), 0.0)

    def to_json(self) -> dict:
        return {"periods": list(self.periods), "series": [s.to_json() for s in self.series],
                "shifts": [s.to_json() for s in self.shifts]}


def period_expr(column: str, period: str) -> pl.Expr:
    d = pl.col(column)
    if period == "year":
        return d.dt.year().cast(pl.Utf8)
    if period == "quarter":
        return d.dt.year().cast(pl.Utf8) + "-Q" + d.dt.quarter().cast(pl.Utf8)
    if period == "month":
        return d.dt.strftime("%Y-%m")
    raise ValueError(f"unknown period {period!r} (month, quarter or year)")


def share_table(frame: pl.DataFrame, *, top: int = 12, measure: str = "tonnes",
                lang: str = "en") -> ShareTable:
    """``frame``: columns period (str), route, label, weight (tonnes) -> shares per period.
    Routes beyond the ``top`` by total weight are kept (shares stay exact) but listed last."""
    if frame.is_empty():
        return ShareTable((), (), (), measure, lang)
    value = pl.len() if measure == "count" else pl.col("weight").sum()
    g = frame.group_by("period", "route").agg(value.cast(pl.Float64).alias("w"),
                                              pl.col("weight").sum().alias("t"),
                                              pl.col("label").first())
    return grouped_share_table(g, top=top, measure=measure, lang=lang)


def grouped_share_table(g: pl.DataFrame, *, top: int = 12, measure: str = "tonnes",
                        lang: str = "en") -> ShareTable:
    """share_table from its groups, already summed (by the database: a route query at ten
    million declarations returns a few thousand groups, not the rows): columns period, route,
    label, w (the measure) and t (tonnes), one row per (period, route)."""
    if g.is_empty():
        return ShareTable((), (), (), measure, lang)
    periods = sorted(g["period"].unique().to_list())
    totals = dict(g.group_by("period").agg(pl.col("w").sum()).iter_rows())
    order = g.group_by("route").agg(pl.col("w").sum()).sort(  # ties by key: one order
        "w", "route", descending=[True, False])["route"]
    wide = g.pivot(on="period", index=["route"], values="w").fill_null(0.0)
    tons = g.pivot(on="period", index=["route"], values="t").fill_null(0.0)
    labels = dict(g.select("route", "label").unique(subset="route").iter_rows())
    rows_w = {r[0]: r[1:] for r in wide.select("route", *[p for p in periods if p in wide.columns])
              .iter_rows()}
    rows_t = {r[0]: r[1:] for r in tons.select("route", *[p for p in periods if p in tons.columns])
              .iter_rows()}
    series = tuple(Series(route, labels.get(route) or route,
                          tuple(w / totals[p] if totals[p] else 0.0
                                for w, p in zip(rows_w[route], periods, strict=True)),
                          tuple(rows_t[route]))
                   for route in order.to_list()[: max(top, 1) * 50])
    return ShareTable(tuple(periods), series, (), measure, lang)


def with_shifts(table: ShareTable, *, top: int = 12, min_share: float = 0.02) -> ShareTable:
    """Change points of every route that reaches ``min_share`` in some period."""
    shifts = []
    for s in table.series[: top * 4]:
        if max(s.shares, default=0) < min_share:
            continue
        for cp in change_points(s.shares):
            shifts.append(Shift(s.route, s.label, cp.before, cp.after, table.periods[cp.index]))
    shifts.sort(key=lambda x: -abs(x.after_share - x.before_share))
    return replace(table, shifts=tuple(shifts))


def period_of(date: dt.date, period: str) -> str:
    if period == "year":
        return f"{date.year}"
    if period == "quarter":
        return f"{date.year}-Q{(date.month - 1) // 3 + 1}"
    return f"{date.year}-{date.month:02d}"


def risers_fallers(table: ShareTable, before: list[str], after: list[str],
                   n: int = 5) -> tuple[list[Mover], list[Mover]]:
    """The biggest gains and losses of share between two sets of periods: a route is a riser
    (its share grew) or a faller (it shrank), never both; unchanged routes are neither."""
    bi = [table.periods.index(p) for p in before if p in table.periods]
    ai = [table.periods.index(p) for p in after if p in table.periods]
    if not bi or not ai:
        return [], []
    movers = [Mover(s.route, s.label, sum(s.shares[i] for i in bi) / len(bi),
                    sum(s.shares[i] for i in ai) / len(ai)) for s in table.series]
    movers.sort(key=lambda m: m.change)
    risers = [m for m in reversed(movers) if m.change > 0][:n]
    return risers, [m for m in movers if m.change < 0][:n]


def around_event(table: ShareTable, event: dt.date, period: str) -> tuple[list[str], list[str]]:
    """Periods before and after an event date (the event's own period counts as after)."""
    cut = period_of(event, period)
    return [p for p in table.periods if p < cut], [p for p in table.periods if p >= cut]


def event_shifts(table: ShareTable, event: dt.date, period: str, n: int = 8) -> ShareTable:
    """Shifts measured around a given event date instead of detected change points."""
    before, after = around_event(table, event, period)
    cut = after[0] if after else period_of(event, period)
    risers, fallers = risers_fallers(table, before, after, n)
    shifts = tuple(Shift(m.route, m.label, m.before_share, m.after_share, cut)
                   for m in sorted(risers + fallers, key=lambda m: -abs(m.change)))
    return replace(table, shifts=shifts)
