"""HS-code switching: waste declared under a neighbouring uncontrolled code.

Two signals (UNODC/UNEP, Turning the Tide, 2024: waste plastic reappears as film, sheet or primary
forms after import bans and the Basel plastic amendments):

- **priced like the waste**: a declaration under a product code (3920 film, 3901-3907 primary
  forms, 8471/8473 computer parts...) whose value per kilogram sits nearer the going price of the
  controlled waste code beside it (same origin and currency, previous 12 months) than the going
  price of its own code, and below half of the latter;
- **a new code after an event**: a shipper that declared the controlled code in the two years
  before an enforcement date (China's ban, 1 January 2018; the Basel plastic amendments,
  1 January 2021; or dates in the setting ``risk.events``) and never the neighbouring code,
  declares the neighbouring code after it. Alone this is weak: honest traders change products
  too; with the price it is strong."""

from __future__ import annotations

import datetime as dt

import polars as pl
from sqlalchemy import select

from casedb.store.database import Database

from ..models import Setting
from .shifts import change_points
from .unit_values import MIN_REFERENCE, priced_with_references, references, with_log_price

NEIGHBOURS = {"3915": ("3920", "3901", "3902", "3903", "3904", "3905", "3906", "3907", "4707"),
              "8549": ("8471", "8473", "8542", "8517"), "8548": ("8471", "8473", "8542"),
              "2620": ("2618", "2619", "2621")}
_CONTROLLED_OF = {n: c for c, ns in NEIGHBOURS.items() for n in ns}
EVENTS = (dt.date(2018, 1, 1), dt.date(2021, 1, 1))
YEARS_BEFORE = 2
NEW_CODE_STRENGTH = 0.35


def events(db: Database) -> tuple[dt.date, ...]:
    """Enforcement dates: the defaults and those of the setting ``risk.events`` ({"dates": [...]})."""
    with db.read() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == "risk.events"))
    extra = tuple(dt.date.fromisoformat(d) for d in (value or {}).get("dates", ()))
    return tuple(sorted(set(EVENTS) | set(extra)))


def _with_controlled(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.col("hs").str.slice(0, 4).replace_strict(_CONTROLLED_OF, default=None)
        .alias("controlled"))


def priced_like_waste(frame: pl.DataFrame, *, min_reference: int = MIN_REFERENCE,
                      prices: pl.DataFrame | None = None) -> pl.DataFrame:
    """id, hs6, controlled, price, own_median, waste_median, currency, strength.
    ``prices``: unit_values.priced_with_references(frame) when it is computed already."""
    prices = priced_with_references(frame) if prices is None else prices
    priced = _with_controlled(prices)
    waste = _with_controlled(with_log_price(frame)).with_columns(
        pl.col("hs").str.slice(0, 4).alias("hs4"))
    waste = waste.filter(pl.col("hs4").is_in(list(NEIGHBOURS)))
    w_cells = waste.select("hs4", "origin", "currency").unique().with_row_index("cell")
    w_ref = references(waste.join(w_cells, on=["hs4", "origin", "currency"])).join(
        w_cells, on="cell").rename({"hs4": "controlled", "median": "waste_median",
                                    "n_ref": "waste_n"})
    j = (priced.filter(pl.col("controlled").is_not_null())
         .join(w_ref.select("controlled", "origin", "currency", "month", "waste_median",
                            "waste_n"), on=["controlled", "origin", "currency", "month"])
         .filter((pl.col("n_ref") >= min_reference) & (pl.col("waste_n") >= min_reference)))
    near_waste = (pl.col("lp") - pl.col("waste_median")).abs() < \
        (pl.col("lp") - pl.col("median")).abs()
    cheap = pl.col("lp") < pl.col("median") - 0.6931  # below half the code's going price
    hit = j.filter(near_waste & cheap)
    gap = (pl.col("median") - pl.col("lp")) / (pl.col("median") - pl.col("waste_median"))
    return hit.select("id", "hs6", "controlled", "currency",
                      pl.col("lp").exp().alias("price"), pl.col("median").exp()
                      .alias("own_median"), pl.col("waste_median").exp(),
                      (0.6 + 0.4 * gap.clip(0.0, 1.0)).alias("strength"))


def new_code_after_event(frame: pl.DataFrame, dates) -> pl.DataFrame:
    """id, controlled, event: declarations under a neighbouring code that their shipper took up
    after an event, having declared the controlled code (and never this one) before it."""
    f = _with_controlled(frame).with_columns(pl.col("hs").str.slice(0, 4).alias("hs4"))
    out = []
    for event in dates:
        start = event - dt.timedelta(days=365 * YEARS_BEFORE)
        before = f.filter((pl.col("date") >= start) & (pl.col("date") < event))
        had_waste = before.filter(pl.col("hs4").is_in(list(NEIGHBOURS))).select(
            "shipper", pl.col("hs4").alias("controlled")).unique()
        had_neighbour = before.filter(pl.col("controlled").is_not_null()).select(
            "shipper", "controlled").unique()
        after = f.filter((pl.col("date") >= event) & (pl.col("controlled").is_not_null())
                         & (pl.col("date") < event + dt.timedelta(days=365 * YEARS_BEFORE)))
        hits = after.join(had_waste, on=["shipper", "controlled"]).join(
            had_neighbour, on=["shipper", "controlled"], how="anti")
        out.append(hits.select("id", "hs6", "controlled", pl.lit(event).alias("event")))
    if not out:
        return pl.DataFrame(schema={"id": pl.Int64, "hs6": pl.Utf8, "controlled": pl.Utf8,
                                    "event": pl.Date})
    return pl.concat(out).unique(subset="id", keep="first")


def change_point_events(frame: pl.DataFrame) -> tuple[dt.date, ...]:
    """Months from which a controlled code's share of its family's tonnage (the code and its
    neighbours) falls, by the change points of casedb.analysis.shifts: the volume moved to
    the neighbouring codes, whatever the cause (a ban nobody configured, a seizure wave)."""
    f = frame.with_columns(pl.col("hs").str.slice(0, 4).alias("hs4")).with_columns(
        pl.col("hs4").replace_strict(_CONTROLLED_OF, default=pl.col("hs4")).alias("family"))
    f = f.filter(pl.col("family").is_in(list(NEIGHBOURS)) & pl.col("kg").is_not_null())
    monthly = f.group_by("family", "month").agg(
        pl.col("kg").sum().alias("all"),
        pl.col("kg").filter(pl.col("hs4") == pl.col("family")).sum().alias("controlled"))
    out = set()
    for g in monthly.sort("month").partition_by("family"):
        months = g["month"].to_list()
        shares = (g["controlled"] / g["all"]).to_list()
        for cp in change_points(shares, min_size=3, min_jump=0.1):
            if cp.after < cp.before:
                m = months[cp.index]
                out.add(dt.date(m // 12, m % 12 + 1, 1))
    return tuple(sorted(out))
