"""Shares, shifts and mirror discrepancies on trade statistics (same shapes as routes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl
from sqlalchemy import select

from ..analysis.shares import ShareTable, event_shifts, share_table, with_shifts
from ..db import Database
from ..models import TradeFlow
from ..normalize import country_name

BY = ("importer", "exporter", "pair")


def _frame(db: Database, hs: str | None, reporter, flow, dataset) -> pl.DataFrame:
    t = TradeFlow
    q = select(t.year, t.exporter, t.importer, t.net_weight_kg, t.reporter, t.flow, t.dataset)
    if hs:
        q = q.where(t.hs_code.startswith(hs, autoescape=True))
    if reporter:
        q = q.where(t.reporter == reporter)
    if flow:
        q = q.where(t.flow == flow)
    if dataset:
        q = q.where(t.dataset == dataset)
    with db.engine.connect() as conn:
        rows = conn.execute(q).all()
    return pl.DataFrame(rows, schema={"year": pl.Int32, "exporter": pl.Utf8, "importer": pl.Utf8,
                                      "kg": pl.Float64, "reporter": pl.Utf8, "flow": pl.Utf8,
                                      "dataset": pl.Utf8}, orient="row")


def _name(code: str, lang: str = "en") -> str:
    try:
        return country_name(code, lang)
    except (KeyError, LookupError):
        return code


@dataclass(frozen=True)
class TradeQuery:
    hs: str | None = "3915"
    by: str = "importer"  # importer | exporter | pair
    reporter: str | None = None
    flow: str | None = None
    event: dt.date | None = None
    dataset: str | None = None
    lang: str = "en"  # of the country names in the labels


def trade_shares(db: Database, query: TradeQuery | None = None, **fields) -> ShareTable:
    """Shares per year by importer, exporter or pair; ``fields`` are those of TradeQuery."""
    q = query or TradeQuery(**fields)
    by, event = q.by, q.event
    if by not in BY:
        raise ValueError(f"unknown grouping {by!r}; one of {', '.join(BY)}")
    f = _frame(db, q.hs, q.reporter, q.flow, q.dataset)
    key = pl.col(by) if by != "pair" else pl.col("exporter") + ">" + pl.col("importer")
    f = f.with_columns(key.alias("route"), pl.col("year").cast(pl.Utf8).alias("period"),
                       (pl.col("kg").fill_null(0.0) / 1000.0).alias("weight"))
    routes = f["route"].unique().to_list()
    labels = pl.DataFrame({"route": routes,
                           "label": [" → ".join(_name(p, q.lang) for p in r.split(">"))
                                     for r in routes]},
                          schema={"route": pl.Utf8, "label": pl.Utf8})
    table = share_table(f.select("period", "route", "weight").join(labels, on="route"),
                        lang=q.lang)
    return event_shifts(table, event, "year") if event else with_shifts(table)


@dataclass(frozen=True)
class MirrorGap:
    exporter: str
    importer: str
    year: int
    export_reported_t: float
    import_reported_t: float
    ratio: float

    def to_json(self) -> dict:
        return {"exporter": self.exporter, "importer": self.importer, "year": self.year,
                "export_reported_t": round(self.export_reported_t, 3),
                "import_reported_t": round(self.import_reported_t, 3),
                "ratio": round(self.ratio, 3)}


def mirror_discrepancies(db: Database, *, hs: str | None = "3915", ratio: float = 1.5,
                         min_tonnes: float = 100.0) -> list[MirrorGap]:
    """Pairs whose flow as reported by the exporter and by the importer disagree by more than
    ``ratio`` (either way). Needs reporter-specific data (Comtrade), not reconciled BACI."""
    f = _frame(db, hs, None, None, None).filter(pl.col("reporter").is_not_null())
    g = f.group_by("year", "exporter", "importer", "flow").agg(pl.col("kg").sum() / 1000.0)
    x = g.filter(pl.col("flow") == "export").drop("flow").rename({"kg": "x"})
    m = g.filter(pl.col("flow") == "import").drop("flow").rename({"kg": "m"})
    j = x.join(m, on=["year", "exporter", "importer"], how="inner").filter(
        pl.max_horizontal("x", "m") >= min_tonnes)
    j = j.with_columns((pl.max_horizontal("x", "m") / pl.min_horizontal("x", "m").clip(1e-9))
                       .alias("r")).filter(pl.col("r") > ratio).sort("r", descending=True)
    return [MirrorGap(r["exporter"], r["importer"], r["year"], r["x"], r["m"], r["r"])
            for r in j.iter_rows(named=True)]
