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


def _keys(side: pl.DataFrame, codes: dict, day0: int, span: int) -> np.ndarray:
    """(party, family, day) as one integer, ordered as the triple: no join, no hashing."""
    fam = side["family"].cast(pl.Utf8).replace_strict(codes, return_dtype=pl.Int64).to_numpy()
    party = side["party"].cast(pl.Int64).to_numpy()
    return ((party - _PARTY0) * len(codes) + fam) * span + (side["day"].cast(pl.Int64)
                                                            .to_numpy() - day0)


_PARTY0 = -(1 << 31)  # party ids are 32-bit: keys stay positive


def hops(frame: pl.DataFrame) -> pl.DataFrame:
    """(row, next_row, party): ``party`` received ``row`` and shipped ``next_row`` within
    HOP_DAYS days, of the same goods family, weights within WEIGHT_TOLERANCE; ``frame`` needs
    columns row, shipper, consignee, family, day and kg. Sorted by row, next_row."""
    a, b = _side(frame, "consignee"), _side(frame, "shipper")
    schema = {"row": a.schema["row"], "next_row": b.schema["row"], "party": a.schema["party"]}
    if a.is_empty() or b.is_empty():
        return pl.DataFrame(schema=schema)
    families = sorted(set(a["family"].cast(pl.Utf8).unique().to_list())
                      | set(b["family"].cast(pl.Utf8).unique().to_list()))
    codes = {f: i for i, f in enumerate(families)}
    day0 = int(min(a["day"].min(), b["day"].min()))
    span = int(max(a["day"].max(), b["day"].max())) - day0 + HOP_DAYS + 1
    a_key, b_key = _keys(a, codes, day0, span), _keys(b, codes, day0, span)
    # any order of equal keys gives the same pairs (sorted at the end): polars' sort, several
    # times faster than numpy's stable one on millions of keys
    a_order, b_order = (pl.Series(k).arg_sort().to_numpy() for k in (a_key, b_key))
    a_key, b_key = a_key[a_order], b_key[b_order]  # sorted: the searches walk forwards
    lo = np.searchsorted(b_key, a_key, side="left")
    hi = np.searchsorted(b_key, a_key + HOP_DAYS, side="right")
    count = hi - lo
    left = a_order[np.repeat(np.arange(len(a_key)), count)]
    right = b_order[np.repeat(lo - np.cumsum(count) + count, count) + np.arange(count.sum())]
    kg = a["kg"].cast(pl.Float64).fill_null(np.nan).to_numpy()[left]
    next_kg = b["kg"].cast(pl.Float64).fill_null(np.nan).to_numpy()[right]
    row = a["row"].to_numpy()[left]
    next_row = b["row"].to_numpy()[right]
    with np.errstate(divide="ignore", invalid="ignore"):
        keep = (np.abs(next_kg / kg - 1) <= WEIGHT_TOLERANCE) & (row != next_row)
    out = pl.DataFrame({"row": row[keep], "next_row": next_row[keep],
                        "party": a["party"].to_numpy()[left][keep]}, schema=schema)
    return out.sort("row", "next_row")
