"""The hops of split_stack found without joining every load a company received with every load
it shipped: a company's shipments sorted by day, each load it received finds those of the next
HOP_DAYS days by binary search. The join held (loads in) x (loads out) pairs per company and
goods family, about seven per declaration, most of them months apart: on ten million
declarations, seventy million rows and gigabytes, for the few thousand pairs within a month."""

from __future__ import annotations

import numpy as np
import polars as pl

HOP_DAYS = 30
WEIGHT_TOLERANCE = 0.05


def _side(frame: pl.DataFrame, role: str) -> pl.DataFrame:
    return frame.select("row", pl.col(role).alias("party"), "family", "day", "kg") \
        .drop_nulls(["party", "family", "day"])


def hops(frame: pl.DataFrame) -> pl.DataFrame:
    """(row, next_row, party): ``party`` received ``row`` and shipped ``next_row`` within
    HOP_DAYS days, of the same goods family, weights within WEIGHT_TOLERANCE; ``frame`` needs
    columns row, shipper, consignee, family, day and kg. Sorted by row, next_row."""
    a, b = _side(frame, "consignee"), _side(frame, "shipper")
    keys = pl.concat([a.select("party", "family"), b.select("party", "family")]).unique() \
        .with_row_index("g")
    a = a.join(keys, on=["party", "family"])
    b = b.join(keys, on=["party", "family"]).sort("g", "day")
    span = 1 << 32  # days apart in the combined key: groups never mix
    b_key = b["g"].cast(pl.Int64).to_numpy() * span + b["day"].cast(pl.Int64).to_numpy()
    a_key = a["g"].cast(pl.Int64).to_numpy() * span + a["day"].cast(pl.Int64).to_numpy()
    lo = np.searchsorted(b_key, a_key, side="left")
    hi = np.searchsorted(b_key, a_key + HOP_DAYS, side="right")
    count = hi - lo
    left = np.repeat(np.arange(len(a_key)), count)
    right = np.repeat(lo - np.cumsum(count) + count, count) + np.arange(count.sum())
    kg = a["kg"].cast(pl.Float64).fill_null(np.nan).to_numpy()[left]
    next_kg = b["kg"].cast(pl.Float64).fill_null(np.nan).to_numpy()[right]
    row = a["row"].to_numpy()[left]
    next_row = b["row"].to_numpy()[right]
    with np.errstate(divide="ignore", invalid="ignore"):
        keep = (np.abs(next_kg / kg - 1) <= WEIGHT_TOLERANCE) & (row != next_row)
    out = pl.DataFrame({"row": row[keep], "next_row": next_row[keep],
                        "party": a["party"].to_numpy()[left][keep]},
                       schema={"row": a.schema["row"], "next_row": b.schema["row"],
                               "party": a.schema["party"]})
    return out.sort("row", "next_row")
