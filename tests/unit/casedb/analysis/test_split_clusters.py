"""The sender clusters as one array (Clusters.roots, what the detector's cluster columns read)
name the cluster ``find`` names, party by party, on random unions with long chains."""

from __future__ import annotations

import random

import numpy as np
import polars as pl

from casedb.analysis.splits_data import Clusters, cluster_column


def test_roots_and_cluster_column_agree_with_find():
    rng = random.Random(22)
    c = Clusters()
    for _ in range(3_000):
        c.union(rng.randrange(5_000), rng.randrange(5_000))
    for a in range(5_000, 5_400):  # a chain: each union hangs a bigger tree under a smaller id
        c.union(a, a + 1)
    roots = c.roots(6_000)
    assert roots.tolist() == [c.find(p) for p in range(6_000)]
    assert len(set(roots.tolist())) < 5_000  # parties were tied
    parties = [rng.choice([None, *range(6_500)]) for _ in range(20_000)]
    frame = pl.DataFrame({"shipper": parties}, schema={"shipper": pl.Int32})
    expected = [-1 if p is None else c.find(p) for p in parties]
    assert cluster_column(frame, "shipper", c).tolist() == expected
    assert cluster_column(frame.clear(), "shipper", c).dtype == np.int64


def test_a_column_without_any_party_has_no_cluster():
    # A family whose declarations name no consignee at all (a dossier's one-declaration case):
    # the column is all null and no party has been tied.
    frame = pl.DataFrame({"consignee": [None, None]}, schema={"consignee": pl.Int64})
    assert cluster_column(frame, "consignee", Clusters()).tolist() == [-1, -1]
    c = Clusters()
    c.union(3, 7)
    assert cluster_column(frame, "consignee", c).tolist() == [-1, -1]
