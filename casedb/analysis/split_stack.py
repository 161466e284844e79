"""Stacks of forwarders: the same load passed on from one company to the next.

A declaration's consignee ships goods of the same family, of the same weight (within 5%), within
30 days: the two declarations are one hop of a chain. Chains of two hops or more (three
declarations) whose middle companies live on these loads (most of their declarations are in the
chain) are the layering of the anti-money-laundering typologies: each layer hides the origin
from the next administration."""

from __future__ import annotations

import numpy as np
import polars as pl

from .split_hops import HOP_DAYS, WEIGHT_TOLERANCE, hops  # noqa: F401 - this module's too
from .split_windows import Window

MIN_DECLARATIONS = 3


def _layers(h: pl.DataFrame, frame: pl.DataFrame, totals=None) -> pl.DataFrame:
    """Hops through middle companies whose declarations are mostly these hops (``totals``:
    declarations per party id as shipper and as consignee, when ``frame`` is not all)."""
    if h.is_empty():
        return h
    in_hops = h.group_by("party").agg(pl.col("row").n_unique() + pl.col("next_row").n_unique())
    total = pl.concat([frame.select(pl.col("shipper").alias("party")),
                       frame.select(pl.col("consignee").alias("party"))]).drop_nulls() \
        .group_by("party").len() if totals is None else in_hops.select("party", pl.Series(
            "len", totals["shipper"][in_hops["party"].to_numpy()]
            + totals["consignee"][in_hops["party"].to_numpy()]))
    keep = in_hops.join(total, on="party").filter(pl.col("len") <= 2 * pl.col("row"))["party"]
    return h.filter(pl.col("party").is_in(keep.implode()))


def stack_windows(frame: pl.DataFrame, totals=None) -> list[Window]:
    h = _layers(hops(frame), frame, totals)
    if h.is_empty():
        return []
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for a, b, _ in h.iter_rows():
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for r in {*h["row"].to_list(), *h["next_row"].to_list()}:
        groups.setdefault(find(r), []).append(r)
    middle = dict(zip(h["row"].to_list(), h["party"].to_list(), strict=True))
    out = []
    for rows in groups.values():
        if len(rows) >= MIN_DECLARATIONS:
            layers = len({middle[r] for r in rows if r in middle})
            out.append(Window("stack", (middle.get(min(rows)),), np.array(sorted(rows)),
                              2.0 + 2.0 * layers, 0.5))
    return out
