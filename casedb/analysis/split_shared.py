"""What the split detector learns from all the declarations searched, before it looks at one goods
family: the sender clusters, the thresholds under which weights pile up (and so the bands of the
convergence views), the weights of every family, and how many declarations each party ships and
receives (a shell is a party whose declarations all fall in one window: counted over everything
searched, not over one family).

Every view of the detector groups by goods family (or by HS6, which holds one family), so once
these are known each family is searched on its own (casedb.analysis.splits): the rings are the
same as over the whole frame, and the client holds one family's working columns at a time."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from casedb.store.database import Database

from .split_evidence import ROUND_KG, WeightBase, pileups
from .splits_data import Clusters, clusters


@dataclass(frozen=True)
class SharedEvidence:
    clusters: Clusters
    piles: tuple[float, ...]
    bands: list[float]
    base: WeightBase
    totals: dict[str, np.ndarray]  # role -> declarations per party id (shipper, consignee)


def shared_evidence(db: Database, frame: pl.DataFrame, configured) -> SharedEvidence:
    """``frame``: every declaration searched, with columns kg, family, shipper and consignee."""
    piles = pileups(frame["kg"].drop_nulls().to_numpy())
    bands = sorted(set(ROUND_KG) | set(configured) | set(piles))
    base = WeightBase(frame.select("family", "kg"), configured, piles)
    shipper = frame["shipper"].fill_null(-1).to_numpy()
    consignee = frame["consignee"].fill_null(-1).to_numpy()
    size = int(max(shipper.max(initial=0), consignee.max(initial=0))) + 1
    totals = {"shipper": np.bincount(shipper[shipper >= 0], minlength=size),
              "consignee": np.bincount(consignee[consignee >= 0], minlength=size)}
    return SharedEvidence(clusters(db), piles, bands, base, totals)
