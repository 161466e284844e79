"""A window's extension over the next and previous declarations of its group (split_windows
._extend, one array test a direction) grows exactly as the declaration-by-declaration walk it
replaced: on random groups with close and distant days, weights in and out of the window's
range and missing weights."""

from __future__ import annotations

import numpy as np

from casedb.analysis.split_windows import _extend


def _walk(g, day, kg, span, gap):
    """The walk one declaration at a time (the detector's code before issue 22)."""
    start, end = span
    core = kg[start:end]
    core = core[np.isfinite(core)]
    low, high = (core.min() * 0.95, core.max() * 1.05) if len(core) else (-np.inf, np.inf)
    limit = 3 * (day[end - 1] - day[start] + 1)

    def fits(i, j):
        return bool(g[i] == g[start] and abs(day[i] - day[j]) <= gap and low <= kg[i] <= high
                    and day[max(i, end - 1)] - day[min(i, start)] <= limit)

    while end < len(g) and fits(end, end - 1):
        end += 1
    while start > 0 and fits(start - 1, start):
        start -= 1
    return start, end


def test_extension_equals_the_walk():
    rng = np.random.default_rng(22)
    grown = 0
    for _ in range(300):
        sizes = rng.integers(1, 80, rng.integers(1, 6))
        g = np.repeat(np.arange(len(sizes)), sizes).astype(np.int64)
        day = np.concatenate([np.sort(rng.integers(18_000, 18_000 + int(rng.integers(5, 400)), n))
                              for n in sizes]).astype(np.int64)
        kg = rng.choice([9_500.0, 9_700.0, 9_900.0, 12_000.0, np.nan], len(g),
                        p=[0.3, 0.3, 0.3, 0.05, 0.05])
        combined = g * 1_000_000 + day
        for _ in range(10):
            i = int(rng.integers(0, len(g)))
            end = int(np.searchsorted(combined, combined[i] + 45, side="left"))
            expected = _walk(g, day, kg, (i, end), 15)
            assert _extend(g, day, kg, (i, end), 15, combined) == expected
            grown += expected != (i, end)
    assert grown > 500  # most windows did grow, both ways
