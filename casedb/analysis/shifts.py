"""Change points in a share series, found by ruptures (PELT, L2 cost) with a penalty chosen on
the series itself.

The penalty is the BIC of a mean shift in Gaussian noise: ``2 * sigma^2 * log(n)`` (a new regime
costs two parameters, its start and its mean), where ``sigma`` is the noise of the series,
estimated robustly from the median absolute deviation of its first differences (a shift moves
one difference only, so it barely moves the estimate). A noisy monthly series thus needs a
bigger jump than a smooth yearly one; nothing is tuned by hand. A change point is reported as
the first period of the new regime, with the mean share before and after it; jumps smaller than
``min_jump`` (a share, 0.03 = 3 points) are not reported, and at most ``max_points`` are kept,
the biggest jumps first.

``score_change_points`` measures detections against known events with a margin, as change-point
benchmarks do (van den Burg & Williams, 2020): precision, recall and F1, each true change matched
at most once; the "no change" baseline detects nothing."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MAD_TO_SIGMA = 1.4826  # the median absolute deviation of Gaussian noise, in standard deviations


@dataclass(frozen=True)
class ChangePoint:
    index: int  # first index of the new regime
    before: float  # mean of the segment before
    after: float  # mean of the segment after


def noise_sigma(x: np.ndarray) -> float:
    """The noise of a series from its first differences (robust to a few shifts)."""
    d = np.diff(x)
    if len(d) == 0:
        return 0.0
    sigma = MAD_TO_SIGMA * float(np.median(np.abs(d - np.median(d)))) / math.sqrt(2)
    if sigma == 0.0:  # a piecewise constant series: all its variation is in its jumps
        sigma = float(np.std(d)) / math.sqrt(2)
    return sigma


def bic_penalty(x: np.ndarray) -> float:
    return 2.0 * noise_sigma(x) ** 2 * math.log(len(x))


def change_points(values, *, min_size: int = 2, max_points: int = 3,
                  min_jump: float = 0.03) -> list[ChangePoint]:
    import ruptures

    x = np.asarray(values, dtype=float)
    if len(x) < 2 * min_size or float(np.var(x)) == 0.0:
        return []
    pen = bic_penalty(x)
    if pen <= 0.0:
        return []
    ends = ruptures.Pelt(model="l2", min_size=min_size, jump=1).fit(x).predict(pen=pen)
    bounds = [0, *ends]
    out = []
    for i, cut in enumerate(ends[:-1]):
        before, after = x[bounds[i]:cut].mean(), x[cut:bounds[i + 2]].mean()
        if abs(after - before) >= min_jump:
            out.append(ChangePoint(cut, float(before), float(after)))
    out.sort(key=lambda c: -abs(c.after - c.before))
    return sorted(out[:max_points], key=lambda c: c.index)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def score_change_points(found, truth, margin: int = 1) -> Score:
    """Detections (``found``) against true change points (``truth``), both as positions (years,
    period indexes): a detection within ``margin`` of a true change that no other detection
    took counts as a hit. Nothing found, nothing true: a perfect score."""
    found, truth = sorted(set(found)), sorted(set(truth))
    if not found and not truth:
        return Score(1.0, 1.0, 1.0)
    free, hits = list(truth), 0
    for f in found:
        match = next((t for t in free if abs(f - t) <= margin), None)
        if match is not None:
            free.remove(match)
            hits += 1
    precision = hits / len(found) if found else 0.0
    recall = hits / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return Score(precision, recall, f1)
