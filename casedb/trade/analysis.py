"""Shares and shifts on trade statistics (same shapes as routes), one dataset at a time.

``by``: importer or exporter (shares of world imports or exports, from reporters' totals where
a dataset has them, else from the sum over partners), partner (a reporter's partners), pair.
A year given month by month with fewer than twelve months is flagged partial
(``partial_periods``); a year given whole is preferred to its months."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import polars as pl
from sqlalchemy import select

from casedb.store.database import Database

from ..analysis.shares import ShareTable, event_shifts, share_table, with_shifts
from ..errors import CaseDbError
from ..models import TradeFlow
from .datasets import partial_years
from .partners import WORLD, Resolver, label

BY = ("importer", "exporter", "pair", "partner")
PERIODS = ("year", "month")
FRAME = {"dataset": pl.Utf8, "reporter": pl.Utf8, "flow": pl.Utf8, "exporter": pl.Utf8,
         "importer": pl.Utf8, "year": pl.Int32, "month": pl.Int32, "partial": pl.Boolean,
         "kg": pl.Float64, "value": pl.Float64, "currency": pl.Utf8}
MEASURES = ("tonnes", "value")


class TradeQueryError(CaseDbError):
    """A share or mirror query that cannot be answered as asked (it says what to add)."""


def load(db: Database, hs: str | None, datasets: tuple[str, ...] = ()) -> pl.DataFrame:
    t = TradeFlow
    q = select(t.dataset, t.reporter, t.flow, t.exporter, t.importer, t.year, t.month,
               t.partial, t.net_weight_kg, t.value, t.currency)
    if hs:
        q = q.where(t.hs_code.startswith(hs, autoescape=True))
    if datasets:
        q = q.where(t.dataset.in_(datasets))
    with db.engine.connect() as conn:
        rows = conn.execute(q).all()
    return pl.DataFrame(rows, schema=FRAME, orient="row")


def whole_years_first(f: pl.DataFrame, period: str) -> pl.DataFrame:
    """Where a dataset gives a year whole and month by month, one of them: the whole year for
    yearly shares, the months for monthly ones."""
    group = ["dataset", "reporter", "flow", "year"]
    if period == "month":
        return f.filter(pl.col("month").is_not_null())
    annual = f.filter(pl.col("month").is_null()).select(group).unique()
    monthly = f.filter(pl.col("month").is_not_null()).join(annual, on=group, how="anti",
                                                           nulls_equal=True)
    return pl.concat([f.filter(pl.col("month").is_null()), monthly])


def totals_or_partners(f: pl.DataFrame) -> pl.DataFrame:
    """A reporter's total (partner World) where the dataset has one, else its partners."""
    world = (pl.col("exporter") == WORLD) | (pl.col("importer") == WORLD)
    group = ["dataset", "reporter", "flow", "year", "month"]
    has_total = f.filter(world).select(group).unique().with_columns(pl.lit(True).alias("_t"))
    f = f.join(has_total, on=group, how="left", nulls_equal=True)
    return f.filter(world == pl.col("_t").fill_null(False)).drop("_t")


def _reporter_code(text: str | None) -> str | None:
    if not text:
        return None
    return Resolver().code(text)


@dataclass(frozen=True)
class TradeShareTable(ShareTable):
    """``measure``: "tonnes" (net mass), or "value (GBP)" when the flows have no mass; the
    series' ``tonnes`` are net mass either way."""

    datasets: tuple[str, ...] = ()
    partial_periods: dict = field(default_factory=dict)  # period -> months held ([] unknown)
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {**super().to_json(), "measure": self.measure, "datasets": list(self.datasets),
                "partial_periods": self.partial_periods, "notes": list(self.notes)}


@dataclass(frozen=True)
class TradeQuery:
    hs: str | None = "3915"
    by: str = "importer"  # importer | exporter | pair | partner
    reporter: str | None = None  # a name or an ISO code
    flow: str | None = None  # import | export
    event: dt.date | None = None
    dataset: str | tuple[str, ...] | None = None
    lang: str = "en"  # of the country names in the labels
    period: str = "year"  # year | month
    measure: str | None = None  # tonnes | value; None: tonnes, or value where no mass is given


def _datasets(q: TradeQuery) -> tuple[str, ...]:
    if not q.dataset:
        return ()
    return (q.dataset,) if isinstance(q.dataset, str) else tuple(q.dataset)


def _flow(q: TradeQuery, f: pl.DataFrame) -> str:
    if q.flow:
        return q.flow
    if q.by in ("importer", "exporter"):
        return "import" if q.by == "importer" else "export"
    flows = set(f.filter(pl.col("reporter").is_not_null())["flow"].to_list())
    if len(flows) > 1:
        raise TradeQueryError(f"shares by {q.by}: the data hold imports and exports; "
                              f"choose one with --flow import or --flow export")
    return flows.pop() if flows else "import"


def _select(f: pl.DataFrame, reporter: str | None, flow: str, by: str) -> pl.DataFrame:
    """The rows of one flow (reconciled rows serve both) as ``reporter`` reports it."""
    rec = pl.col("reporter").is_null()
    f = f.filter(rec | (pl.col("flow") == flow))
    if reporter:
        side = "exporter" if flow == "export" else "importer"
        f = f.filter(pl.when(rec).then(pl.col(side) == reporter)
                     .otherwise(pl.col("reporter") == reporter))
    own = (by == "importer" and flow == "import") or (by == "exporter" and flow == "export")
    if own:
        return totals_or_partners(f)
    return f.filter((pl.col("exporter") != WORLD) & (pl.col("importer") != WORLD))


def _one_dataset(f: pl.DataFrame, chosen: tuple[str, ...]) -> None:
    found = sorted(set(f["dataset"].to_list()))
    if len(found) > 1 and not chosen:
        raise TradeQueryError(f"several trade datasets hold these flows ({', '.join(found)}); "
                              f"name one with --dataset, or several to add them up")


def _key(by: str, flow: str) -> pl.Expr:
    if by == "pair":
        return pl.col("exporter") + ">" + pl.col("importer")
    if by == "partner":
        return pl.col("importer") if flow == "export" else pl.col("exporter")
    return pl.col(by)


def _partials(f: pl.DataFrame, period: str) -> dict:
    if period != "year" or f.is_empty():
        return {}
    part = partial_years(f, ["dataset", "reporter", "flow", "year"])
    out: dict[str, list[int]] = {}
    for y, months in part.select("year", "months").iter_rows():
        out.setdefault(str(y), sorted(set(months)))
    return dict(sorted(out.items()))


def _measure(f: pl.DataFrame, asked: str | None) -> tuple[pl.Expr, str, list[str]]:
    """What the shares are of: net mass in tonnes, or values of one currency."""
    has_mass = f["kg"].is_not_null()
    if asked == "tonnes" or (asked is None and (has_mass.any() or f.is_empty())):
        missing = f.filter(~has_mass & f["value"].is_not_null()).height
        notes = [f"{missing} flow(s) with a value but no net mass count as 0 t"] \
            if missing else []
        return pl.col("kg").fill_null(0.0) / 1000.0, "tonnes", notes
    currencies = sorted(set(f["currency"].drop_nulls().to_list()))
    if len(currencies) != 1:
        raise TradeQueryError(
            "these flows have no net mass and values in "
            + (", ".join(currencies) + ", which cannot be added up; choose one --dataset"
               if currencies else "no currency; shares cannot be computed"))
    return pl.col("value").fill_null(0.0), f"value ({currencies[0]})", []


def _tonnes(table: ShareTable, f: pl.DataFrame) -> tuple:
    """The series' net mass by period (when the shares are of values)."""
    t = f.group_by("route", "period").agg((pl.col("kg").sum() / 1000.0).alias("t"))
    got = {(r, p): w for r, p, w in t.iter_rows()}
    return tuple(replace(s, tonnes=tuple(got.get((s.route, p), 0.0) for p in table.periods))
                 for s in table.series)


def trade_shares(db: Database, query: TradeQuery | None = None, **fields) -> TradeShareTable:
    """Shares per year (or month) by importer, exporter, partner or pair; ``fields`` are those
    of TradeQuery."""
    q = query or TradeQuery(**fields)
    if q.by not in BY:
        raise TradeQueryError(f"unknown grouping {q.by!r}; one of {', '.join(BY)}")
    if q.period not in PERIODS:
        raise TradeQueryError(f"unknown period {q.period!r}; year or month")
    if q.measure not in (None, *MEASURES):
        raise TradeQueryError(f"unknown measure {q.measure!r}; tonnes or value")
    reporter = _reporter_code(q.reporter)
    if q.by == "partner" and not reporter:
        raise TradeQueryError("shares by partner need a reporter: add --reporter")
    chosen = _datasets(q)
    f = load(db, q.hs, chosen)
    flow = _flow(q, f)
    f = _select(f, reporter, flow, q.by)
    if f.is_empty() and (reporter or chosen):
        raise TradeQueryError(f"no trade flows of HS {q.hs or 'any'} match"
                              + (f" the reporter {q.reporter}" if reporter else "")
                              + f" ({flow}s)" + (f" in {', '.join(chosen)}" if chosen else "")
                              + "; `wasteintel trade datasets` lists what is there")
    _one_dataset(f, chosen)
    f = whole_years_first(f, q.period)
    if q.period == "month" and f.is_empty() and not load(db, q.hs, chosen).is_empty():
        raise TradeQueryError("these flows are given for whole years only: use --period year")
    period = (pl.col("year").cast(pl.Utf8) if q.period == "year"
              else pl.format("{}-{}", pl.col("year"), pl.col("month").cast(pl.Utf8)
                             .str.zfill(2)))
    weight, measure, notes = _measure(f, q.measure)
    f = f.with_columns(_key(q.by, flow).alias("route"), period.alias("period"),
                       weight.alias("weight"))
    routes = f["route"].unique().to_list()
    labels = pl.DataFrame({"route": routes,
                           "label": [" → ".join(label(p, q.lang) for p in r.split(">"))
                                     for r in routes]},
                          schema={"route": pl.Utf8, "label": pl.Utf8})
    base = share_table(f.select("period", "route", "weight").join(labels, on="route"),
                       lang=q.lang)
    series = base.series if measure == "tonnes" else _tonnes(base, f)
    table = TradeShareTable(base.periods, series, base.shifts, measure, base.lang,
                            tuple(sorted(set(f["dataset"].to_list()))),
                            _partials(f, q.period), tuple(notes))
    return event_shifts(table, q.event, q.period) if q.event else with_shifts(table)
