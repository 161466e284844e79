"""The forwarder hops found by binary search (split_hops, issue 22) are the pairs the join of every
load in with every load out found: random frames with busy companies, loads on the same day, a
month apart to the day, missing and zero weights, missing families and parties."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from casedb.analysis.split_hops import HOP_DAYS, WEIGHT_TOLERANCE, hops


def joined_hops(frame: pl.DataFrame) -> pl.DataFrame:
    """The hops as split_stack found them before issue 22: a join per company and family."""
    a = frame.filter(pl.col("consignee").is_not_null()).select(
        pl.col("row"), pl.col("consignee").alias("party"), "family", "day", "kg")
    b = frame.filter(pl.col("shipper").is_not_null()).select(
        pl.col("row").alias("next_row"), pl.col("shipper").alias("party"), "family",
        pl.col("day").alias("next_day"), pl.col("kg").alias("next_kg"))
    j = a.join(b, on=["party", "family"])
    return j.filter((pl.col("next_day") >= pl.col("day"))
                    & (pl.col("next_day") - pl.col("day") <= HOP_DAYS)
                    & ((pl.col("next_kg") / pl.col("kg") - 1).abs() <= WEIGHT_TOLERANCE)
                    & (pl.col("row") != pl.col("next_row"))).select("row", "next_row", "party")


def random_frame(seed: int, n: int, parties: int) -> pl.DataFrame:
    rng = np.random.default_rng(seed)

    def sometimes_null(values, share):
        return [None if x < share else v for v, x in zip(values, rng.random(n), strict=True)]

    kg = rng.choice([0.0, 1_000.0, 1_020.0, 1_049.0, 1_051.0, 20_000.0, 19_500.0], n)
    return pl.DataFrame({
        "shipper": sometimes_null(rng.integers(0, parties, n).tolist(), 0.05),
        "consignee": sometimes_null(rng.integers(0, parties, n).tolist(), 0.05),
        "family": sometimes_null(rng.choice(["plastics", "paper", "e-waste"], n).tolist(), 0.02),
        "day": rng.integers(19_000, 19_000 + 3 * HOP_DAYS, n),
        "kg": sometimes_null(kg.tolist(), 0.05),
    }, schema={"shipper": pl.Int64, "consignee": pl.Int64, "family": pl.Utf8, "day": pl.Int64,
               "kg": pl.Float64}).with_row_index("row")


@pytest.mark.parametrize("seed,n,parties", [(1, 2_000, 40), (2, 5_000, 7), (3, 300, 300)])
def test_binary_search_finds_the_pairs_of_the_join(seed, n, parties):
    frame = random_frame(seed, n, parties)
    expected = joined_hops(frame).sort("row", "next_row")
    found = hops(frame)
    assert len(expected) > 100 or parties == 300
    assert found.schema == expected.schema
    assert found.equals(expected)


def test_no_loads_no_hops():
    frame = random_frame(4, 50, 10).filter(pl.col("row") < 0)
    assert hops(frame).is_empty() and joined_hops(frame).is_empty()
