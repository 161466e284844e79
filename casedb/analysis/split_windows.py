"""Bursts of declarations in sliding windows, for every group of a view at once (numpy, no loop
over groups).

A view groups declarations by some key (the sender cluster and goods family; a consignee, notify
party, broker or port with the goods and the threshold band...). In each group sorted by day,
every declaration opens a window of ``window`` days; the window's count is set against the
group's own rate outside it, as a Poisson tail (a regular weekly shipper's window holds what its
rate predicts; a shell company that exists only for a month has no rate but a floor of half a
declaration over its active span). The best windows of a group that do not overlap are kept and
extended while the next declaration of the group follows within a third of a window, so a ring
longer than a window is one ring, not two."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy.stats import poisson

WINDOW_DAYS = 45
MIN_DECLARATIONS = 5
MAX_WINDOWS = 5_000  # per view, the most surprising first
BASE_DAYS = 365  # a group's rate is measured over a year at least (a shell lives for weeks)
_DAYS = 1 << 22  # more days than any span of declaration dates


@dataclass(frozen=True)
class Window:
    view: str
    key: tuple  # the group's key values
    rows: np.ndarray  # positions in the frame
    surprise: float  # -log10 of the Poisson tail of the count
    expected: float  # what the group's rate predicts for the window
    keys: tuple[str, ...] = ()  # the view's key columns


def _groups(frame: pl.DataFrame, keys: list[str]) -> tuple[pl.DataFrame, np.ndarray]:
    """The rows of groups of at least MIN_DECLARATIONS, sorted by group and day, and each row's
    group number (groups told apart by the hash of their key: no join)."""
    f = frame.select("row", "day", "kg", *keys).drop_nulls(keys).with_columns(
        pl.struct(keys).hash().alias("h"))
    f = f.filter(pl.len().over("h") >= MIN_DECLARATIONS)
    if f.is_empty():
        return f, np.zeros(0, dtype=np.int64)
    # sorted by (h, day) stably as one integer: a sort on two columns with maintain_order cost
    # three times as much (2 of the plastics family's 3 s at a million declarations)
    day0 = f["day"].min()
    f = f.with_columns((pl.col("h").rank("dense").cast(pl.UInt64) * _DAYS
                        + (pl.col("day") - day0).cast(pl.UInt64)).alias("k")) \
        .sort("k", maintain_order=True).drop("k")
    h = f["h"].to_numpy()
    g = np.cumsum(np.r_[False, h[1:] != h[:-1]]) if len(h) else np.zeros(0, dtype=np.int64)
    return f, g.astype(np.int64)


def scan(frame: pl.DataFrame, view: str, keys: list[str], *, window: int = WINDOW_DAYS,
         min_surprise: float = 4.0) -> list[Window]:
    """The windows of ``view`` whose count the group's rate makes unlikely (p < 10^-min_surprise).
    ``frame`` needs columns row (its own position), day (an integer), kg and ``keys``."""
    f, g = _groups(frame, keys)
    if f.is_empty():
        return []
    day = f["day"].to_numpy().astype(np.int64)
    combined = g * 1_000_000 + day
    idx = np.arange(len(g))
    n_in = np.searchsorted(combined, combined + window, side="left") - idx
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    size = np.diff(np.r_[starts, len(g)])
    first, last = day[starts], day[np.r_[starts[1:], len(g)] - 1]
    span = np.maximum(last - first + 1 - window, BASE_DAYS)
    outside = size[g] - n_in
    expected = (outside + 0.5) / span[g] * window
    ok = n_in >= MIN_DECLARATIONS
    surprise = np.zeros(len(g))
    surprise[ok] = -poisson.logsf(n_in[ok] - 1, expected[ok]) / np.log(10)
    cand = np.flatnonzero(ok & (surprise >= min_surprise))
    cand = cand[np.argsort(-surprise[cand], kind="stable")][: MAX_WINDOWS * 4]
    rows = f["row"].to_numpy()
    kg = f["kg"].fill_null(np.nan).to_numpy()
    taken = np.zeros(len(g), dtype=bool)
    out = []
    for i in cand:
        end = i + n_in[i]
        if taken[i:end].any():
            continue
        i0, end = _extend(g, day, kg, (i, end), window // 3, combined)
        taken[i0:end] = True
        out.append(Window(view, f.select(keys).row(int(i)), rows[i0:end], float(surprise[i]),
                          float(expected[i]), tuple(keys)))
        if len(out) >= MAX_WINDOWS:
            break
    return out


def _extend(g: np.ndarray, day: np.ndarray, kg: np.ndarray, span: tuple[int, int], gap: int,
            combined: np.ndarray) -> tuple[int, int]:
    """The window grown over the next (and previous) declarations of its group that follow
    within ``gap`` days and weigh what the window's declarations weigh (within 5%), the whole
    at most three times the window's days (``combined``: group and day as one sorted integer).
    Each direction is one array test up to the first declaration that does not fit: one at a
    time, a window of a long group (a busy port's goods in one band: 150,000 declarations at
    ten million) walked thousands of them in Python."""
    start, end = span
    core = kg[start:end]
    core = core[np.isfinite(core)]
    low, high = (core.min() * 0.95, core.max() * 1.05) if len(core) else (-np.inf, np.inf)
    limit = 3 * (day[end - 1] - day[start] + 1)
    rule = (g[start], gap, low, high)
    stop = int(np.searchsorted(combined, combined[start] + limit, side="right"))
    end += _fitting(g[end:stop], day[end - 1:stop], kg[end:stop], rule)
    first = int(np.searchsorted(combined, combined[end - 1] - limit, side="left"))
    start -= _fitting(g[first:start][::-1], day[first:start + 1][::-1], kg[first:start][::-1],
                      rule)
    return start, end


def _fitting(g: np.ndarray, day: np.ndarray, kg: np.ndarray, rule: tuple) -> int:
    """How many of the declarations fit in a row (``day`` starts with the one before them)."""
    group, gap, low, high = rule
    with np.errstate(invalid="ignore"):
        fits = (g == group) & (np.abs(np.diff(day)) <= gap) & (low <= kg) & (kg <= high)
    misfit = np.flatnonzero(~fits)
    return int(misfit[0]) if len(misfit) else len(fits)
