"""Unit-value anomalies: the price filter of Zdanowicz (Pak & Zdanowicz, "U.S. trade with the
world: an estimate of 2001 lost U.S. federal income tax revenues due to over-invoiced imports
and under-invoiced exports").

For each HS6 code x origin x currency, the value per kilogram of every declaration is set
against the declarations of the same cell over the previous 12 months (the month itself left
out): their median and interquartile range, on a log scale (prices are skewed). A price beyond
the outer fence, ``fence`` interquartile ranges outside the quartiles, is flagged: far below,
under-invoicing (or scrap declared under a product code); far above, over-invoicing. Values in
different currencies are never compared: a currency is part of the cell. A cell with fewer than
``min_reference`` earlier declarations says nothing."""

from __future__ import annotations

import math

import polars as pl

MONTHS = 12
FENCE = 3.0
MIN_REFERENCE = 20
CELL = ("hs6", "origin", "currency")
MIN_IQR = 0.05  # on the log scale: a cell of identical prices still has some spread


def with_log_price(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows with a positive value and weight, and ``lp`` = ln(value per kg)."""
    return frame.filter((pl.col("value") > 0) & (pl.col("net_kg") > 0)).with_columns(
        (pl.col("value") / pl.col("net_kg")).log().alias("lp"),
        pl.col("currency").fill_null("?"), pl.col("origin").fill_null("?"))


def references(priced: pl.DataFrame, months: int = MONTHS) -> pl.DataFrame:
    """Per cell and month: median and quartiles of ``lp`` over the ``months`` months before it
    (each declaration counts in the reference of each of the following months). ``priced``
    needs an integer ``cell``."""
    base = priced.select("cell", "month", "lp")
    shifted = pl.concat([base.with_columns(pl.col("month") + k) for k in range(1, months + 1)])
    return shifted.group_by("cell", "month").agg(
        pl.col("lp").median().alias("median"), pl.col("lp").quantile(0.25).alias("q1"),
        pl.col("lp").quantile(0.75).alias("q3"), pl.len().alias("n_ref"))


def unit_value_anomalies(frame: pl.DataFrame, *, fence: float = FENCE,
                         min_reference: int = MIN_REFERENCE) -> pl.DataFrame:
    """The declarations priced outside their cell's fences: id, price (per kg), median (per
    kg), n_ref, factor (price / median) and direction ("under" or "over"), with ``strength``
    in 0..1 (1 from twice the fence's distance on)."""
    priced = with_log_price(frame)
    if priced.is_empty():
        return priced.select("id").with_columns(pl.lit(0.0).alias("strength"))
    cells = priced.select(CELL).unique().with_row_index("cell")
    priced = priced.join(cells, on=list(CELL))
    j = priced.join(references(priced), on=["cell", "month"], how="inner").filter(
        pl.col("n_ref") >= min_reference)
    iqr = pl.max_horizontal(pl.col("q3") - pl.col("q1"), pl.lit(MIN_IQR))
    low, high = pl.col("q1") - fence * iqr, pl.col("q3") + fence * iqr
    beyond = pl.when(pl.col("lp") < low).then((low - pl.col("lp")) / iqr) \
        .when(pl.col("lp") > high).then((pl.col("lp") - high) / iqr).otherwise(0.0)
    out = j.with_columns(beyond.alias("beyond")).filter(pl.col("beyond") > 0)
    return out.select(
        "id", "hs6", "origin", "currency", "n_ref",
        pl.col("lp").exp().alias("price"), pl.col("median").exp().alias("median"),
        (pl.col("lp") - pl.col("median")).exp().alias("factor"),
        pl.when(pl.col("lp") < pl.col("median")).then(pl.lit("under")).otherwise(pl.lit("over"))
        .alias("direction"),
        (0.5 + pl.col("beyond") / (2 * fence)).clip(0.0, 1.0).alias("strength"))


def describe(row: dict) -> str:
    """One sentence for an investigator."""
    times = row["factor"] if row["factor"] >= 1 else 1 / row["factor"]
    way = "below" if row["direction"] == "under" else "above"
    return (f"{row['price']:.2f} {row['currency']}/kg is {_times(times)} {way} the median "
            f"{row['median']:.2f} of HS {row['hs6']} from {row['origin']} over the previous 12 "
            f"months ({row['n_ref']} declarations)")


def _times(x: float) -> str:
    return f"{x:.1f}x" if x < 10 else f"{math.floor(x)}x"
