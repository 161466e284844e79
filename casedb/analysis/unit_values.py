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

import numpy as np
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


def references(priced: pl.DataFrame, months: int = MONTHS,
               min_reference: int = MIN_REFERENCE) -> pl.DataFrame:
    """Per cell and month (those with declarations): median and quartiles of ``lp`` over the
    ``months`` months before it, and how many prices they hold (cells holding fewer than
    ``min_reference`` are left out). ``priced`` needs an integer ``cell``. Sorted by cell and
    month, the prices of a month's reference are one slice of the array."""
    f = priced.select("cell", "month", "lp").sort("cell", "month")
    key = f["cell"].cast(pl.Int64).to_numpy() * 100_000 + f["month"].to_numpy()
    lp = f["lp"].to_numpy()
    pairs = np.unique(key)
    lo = np.searchsorted(key, pairs - months, side="left")
    hi = np.searchsorted(key, pairs, side="left")
    n = hi - lo
    keep = np.flatnonzero(n >= min_reference)
    stats = np.array([_quartiles(lp[lo[i]:hi[i]]) for i in keep]).reshape(-1, 3)
    return pl.DataFrame({"cell": pairs[keep] // 100_000, "month": pairs[keep] % 100_000,
                         "q1": stats[:, 0], "median": stats[:, 1], "q3": stats[:, 2],
                         "n_ref": n[keep]}).with_columns(
        pl.col("cell").cast(f["cell"].dtype), pl.col("month").cast(f["month"].dtype))


_AT = np.array([0.25, 0.5, 0.75])


def _quartiles(values: np.ndarray) -> np.ndarray:
    """np.percentile's linear quartiles without its per-call overhead (thousands of calls)."""
    v = np.sort(values)
    pos = _AT * (len(v) - 1)
    i = pos.astype(np.int64)
    j = np.minimum(i + 1, len(v) - 1)
    return v[i] + (v[j] - v[i]) * (pos - i)


def priced_with_references(frame: pl.DataFrame) -> pl.DataFrame:
    """The priced declarations of ``frame`` beside their cell's reference of the month (the
    unit-value and HS-switch detectors can share it)."""
    priced = with_log_price(frame)
    cells = priced.select(CELL).unique().with_row_index("cell")
    priced = priced.join(cells, on=list(CELL))
    return priced.join(references(priced), on=["cell", "month"], how="inner")


def unit_value_anomalies(frame: pl.DataFrame, *, fence: float = FENCE,
                         min_reference: int = MIN_REFERENCE,
                         prices: pl.DataFrame | None = None) -> pl.DataFrame:
    """The declarations priced outside their cell's fences: id, price (per kg), median (per
    kg), n_ref, factor (price / median) and direction ("under" or "over"), with ``strength``
    in 0..1 (1 from twice the fence's distance on). ``prices``: priced_with_references(frame)
    when it is computed already."""
    prices = priced_with_references(frame) if prices is None else prices
    j = prices.filter(pl.col("n_ref") >= min_reference)
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
