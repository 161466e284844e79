"""The evidence a split-shipment window is scored on, each in 0..1.

Thresholds come from the data, not from a list: for a window, every whole tonne from 1 to 60 t
(half tonnes under 5 t) and every threshold configured is a candidate; the window's weights
pile up just under one of them (in [85%, 100%) of it) far more often than the weights of the
same goods across the whole database fall there. The pile-up is a binomial tail against that
base rate, less the log of the number of candidates tried (a Bonferroni correction), so a ring
kept just under 20 t, 17 t or a national 7.5 t limit is found alike, and a window of ordinary
weights is not. Across the whole database, thresholds under which weights pile up more than
above (``pileups``) are reported and form the bands of the convergence views."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy.special import bdtrc
from scipy.stats import binom

BAND_LOW = 0.85  # a weight kept "just under" a threshold: 85-100% of it
ROUND_KG = (1_000.0, 2_000.0, 2_500.0, 5_000.0, 10_000.0, 15_000.0, 20_000.0, 25_000.0,
            30_000.0, 40_000.0, 50_000.0)  # bands of the convergence views (do not overlap)
GRID_KG = tuple(float(x) for x in [*range(500, 5_000, 500), *range(5_000, 60_001, 1_000)])
MIN_BASE_RATE = 0.01
MIN_SHARE = 0.6  # of a window's weights under the threshold
SURPRISE_FULL = 4.0  # a pile-up this surprising (after the correction) counts in full


def binomial_surprise(k, n, p):
    """-log10 P(X >= k), X ~ Binomial(n, p) (scipy's ufunc: no per-call overhead)."""
    tail = bdtrc(np.asarray(k) - 1, n, p)
    return -np.log10(np.clip(tail, 1e-300, 1.0))


@dataclass(frozen=True)
class Bunching:
    threshold: float | None
    share: float  # of the window's weights in the band
    strength: float  # 0..1
    source: str  # "configured", "pile-up", or "round figure"


PRIOR = 20.0  # declarations' worth of the whole database's weights mixed into a family's
PREFERENCE = {"configured": 2.0, "round figure": 1.0, "pile-up": 0.5}  # ties go to these


class WeightBase:
    """The distribution of weights per goods family, to tell a pile-up from chance."""

    def __init__(self, frame: pl.DataFrame, configured=(), pileups=()):
        # partitioned by the family's category, each sorted by polars: by its text and numpy's
        # sort, ten million weights took 2.5 s
        self._sorted = {str(fam): g["kg"].drop_nulls().sort().to_numpy()
                        for (fam,), g in frame.partition_by("family", as_dict=True).items()
                        if fam is not None}
        self.configured = tuple(float(x) for x in configured)
        self.pileups = tuple(pileups)
        self.candidates = np.array(sorted(set(GRID_KG) | set(self.configured)
                                          | set(self.pileups)))
        everything = frame["kg"].drop_nulls().sort().to_numpy()
        self._all = self._in_band(everything) / max(len(everything), 1)
        self._bonus = np.array([PREFERENCE.get(self.source(t), 0.0) for t in self.candidates])

    def _in_band(self, kg: np.ndarray) -> np.ndarray:
        return (np.searchsorted(kg, self.candidates, side="left")
                - np.searchsorted(kg, self.candidates * BAND_LOW, side="left"))

    def rates(self, family: str, k: np.ndarray, n: int) -> np.ndarray:
        """The chance of a weight in each band for this family, leaving out the window's own
        ``k`` of ``n`` (a family known only through the window falls back on all weights)."""
        kg = self._sorted.get(family, np.empty(0))
        rest = np.maximum(self._in_band(kg) - k, 0)
        n_rest = max(len(kg) - n, 0)
        p = (rest + PRIOR * self._all) / (n_rest + PRIOR)
        return np.clip(p, MIN_BASE_RATE, 1.0)

    def band_strength(self, family: str, band: float, k: int, total: int) -> float:
        """How surely ``k`` of ``total`` declarations in the band of ``band`` are a pile-up."""
        i = int(np.searchsorted(self.candidates, band))
        p = float(self.rates(family, np.zeros(len(self.candidates), dtype=int), 0)[i])
        surprise = binomial_surprise(k, total, p) - math.log10(len(ROUND_KG))
        return min(1.0, max(0.0, float(surprise)) / SURPRISE_FULL)

    def source(self, threshold: float) -> str:
        return ("configured" if threshold in self.configured else
                "round figure" if threshold in ROUND_KG else
                "pile-up" if threshold in self.pileups else "")

    def bunching(self, kg: np.ndarray, family: str) -> Bunching:
        kg = kg[np.isfinite(kg)]
        if len(kg) < 3:
            return Bunching(None, 0.0, 0.0, "")
        t = self.candidates
        k = ((kg[:, None] >= BAND_LOW * t) & (kg[:, None] < t)).sum(axis=0)
        p = self.rates(family, k, len(kg))
        surprise = binomial_surprise(k, len(kg), p) - math.log10(len(t))
        surprise[(k < 3) | (k < MIN_SHARE * len(kg))] = 0.0  # "each" stays under it
        if surprise.max() <= 0:
            return Bunching(None, 0.0, 0.0, "")
        # the threshold named: the lowest that most weights stay under (a preferred source
        # first), the strength: the strongest pile-up found
        valid = (k >= 3) & (k >= MIN_SHARE * len(kg))
        held = np.flatnonzero(valid & (k == k[valid].max()))
        best = int(held[np.argmax(self._bonus[held] * 1e6 - t[held])])
        threshold = float(t[best])
        return Bunching(threshold, float(k[best] / len(kg)),
                        min(1.0, float(surprise.max()) / SURPRISE_FULL), self.source(threshold))


def pileups(kg: np.ndarray, *, min_excess: int = 20) -> tuple[float, ...]:
    """Whole tonnes under which the database's weights pile up: the count in [97%, 100%) of
    the threshold beats the count in [100%, 103%) by a binomial test (p < 1e-6) and by at
    least ``min_excess`` declarations."""
    kg = pl.Series(kg[np.isfinite(kg)]).sort().to_numpy()  # polars: a third of numpy's time
    out = []
    for t in GRID_KG:
        under = np.searchsorted(kg, t) - np.searchsorted(kg, 0.97 * t)
        over = np.searchsorted(kg, 1.03 * t) - np.searchsorted(kg, t)
        if under - over >= min_excess and binom.sf(under - 1, under + over, 0.5) < 1e-6:
            out.append(t)
    return tuple(out)


def band_of(kg: pl.Expr, thresholds) -> pl.Expr:
    """The threshold whose band holds each weight (the smallest), or null."""
    expr = pl.lit(None, dtype=pl.Float64)
    for t in sorted(thresholds, reverse=True):
        expr = pl.when((kg >= BAND_LOW * t) & (kg < t)).then(pl.lit(t)).otherwise(expr)
    return expr


def ephemeral(counts_in: dict, totals: dict) -> float:
    """How much the parties are shells: the mean share of each party's declarations that fall
    in the window (1: it exists only there; a regular trader: near 0)."""
    shares = [counts_in[p] / totals[p] for p in counts_in if totals.get(p)]
    return float(np.mean(shares)) if shares else 0.0


def spread(n: int, full: int = 3) -> float:
    """0 for one, 1 from ``full`` on."""
    return min(1.0, max(0, n - 1) / max(full - 1, 1))
