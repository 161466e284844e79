"""Change points in a share series by binary segmentation with an L2 cost.

The series is split where the sum of squared deviations from the segment means falls most; each
segment is split again while a split lowers the cost by at least ``min_gain`` of the series'
variance and both segments keep ``min_size`` periods. A change point is reported as the first
period of the new regime, with the mean share before and after it (Killick & Eckley 2014 describe
the method; ruptures' Binseg with model "l2" gives the same splits)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ChangePoint:
    index: int  # first index of the new regime
    before: float  # mean of the segment before
    after: float  # mean of the segment after


def _best_split(x: np.ndarray, min_size: int) -> tuple[int, float]:
    n = len(x)
    if n < 2 * min_size:
        return -1, 0.0
    csum, csq = np.cumsum(x), np.cumsum(x * x)
    total = csq[-1] - csum[-1] ** 2 / n
    best_k, best_gain = -1, 0.0
    for k in range(min_size, n - min_size + 1):
        left = csq[k - 1] - csum[k - 1] ** 2 / k
        right = (csq[-1] - csq[k - 1]) - (csum[-1] - csum[k - 1]) ** 2 / (n - k)
        gain = total - left - right
        if gain > best_gain:
            best_k, best_gain = k, gain
    return best_k, best_gain


def change_points(values, *, min_size: int = 2, min_gain: float = 0.2, max_points: int = 3,
                  min_jump: float = 0.03) -> list[ChangePoint]:
    x = np.asarray(values, dtype=float)
    if len(x) < 2 * min_size or float(np.var(x)) == 0.0:
        return []
    scale = float(np.sum((x - x.mean()) ** 2))
    segments, cuts = [(0, len(x))], []
    while segments and len(cuts) < max_points:
        gains = [(_best_split(x[a:b], min_size), a, b) for a, b in segments]
        (k, gain), a, b = max(gains, key=lambda g: g[0][1])
        if k < 0 or gain < min_gain * scale:
            break
        segments.remove((a, b))
        segments += [(a, a + k), (a + k, b)]
        cuts.append(a + k)
    cuts.sort()
    bounds = [0, *cuts, len(x)]
    out = []
    for i, cut in enumerate(cuts):
        before, after = x[bounds[i]:cut].mean(), x[cut:bounds[i + 2]].mean()
        if abs(after - before) >= min_jump:
            out.append(ChangePoint(cut, float(before), float(after)))
    return out
