"""The declarations as the split detector scores them: one frame with the sender and receiver
clusters, the day, the HS6 and the threshold band of each declaration, and numpy columns so
that thousands of candidate windows are scored without building a frame for each."""

from __future__ import annotations

import numpy as np
import polars as pl

from casedb.progress import Progress
from casedb.store.database import Database

from .split_evidence import MIN_SHARE, Bunching, band_of, spread
from .split_shared import SharedEvidence, shared_evidence
from .split_stack import stack_windows
from .split_windows import WINDOW_DAYS, Window, scan
from .splits_data import cluster_column

WEIGHTS = {"burst": 0.3, "bunching": 0.3, "shells": 0.2, "links": 0.1, "ports": 0.1}
# (view, keys, banded): banded views keep only the declarations just under a round threshold
VIEWS = (("sender", ("sender", "family"), False),
         ("consignee", ("receiver", "family"), False),
         ("notify", ("notify", "family"), False),
         ("broker", ("broker", "family"), False),
         ("consignee", ("receiver", "family", "band"), True),
         ("notify", ("notify", "hs6", "band"), True),
         ("broker", ("broker", "hs6", "band"), True),
         ("port", ("pod", "hs6", "band"), True))
HUB_ROLE = {"consignee": "consignee", "notify": "notify party", "broker": "broker",
            "port": "discharge port"}
PAD = WINDOW_DAYS // 3  # a hub's declarations around a banded window count too


def _codes(series: pl.Series) -> np.ndarray:
    return series.cast(pl.Utf8).cast(pl.Categorical).to_physical().fill_null(-1) \
        .cast(pl.Int64).to_numpy()


class SplitContext:
    def __init__(self, db: Database, frame: pl.DataFrame, configured,
                 shared: SharedEvidence | None = None):
        """``shared``: what all the declarations searched say, when ``frame`` is one goods
        family of them (split_shared); by default, what ``frame`` says."""
        self.db = db
        shared = shared or shared_evidence(db, frame, configured)
        self.clusters = shared.clusters
        f = frame.with_columns(
            pl.Series("sender", cluster_column(frame, "shipper", self.clusters)),
            pl.Series("receiver", cluster_column(frame, "consignee", self.clusters)),
            (pl.col("date") - pl.date(1970, 1, 1)).dt.total_days().alias("day"),
            pl.col("hs").str.slice(0, 6).alias("hs6"),
            band_of(pl.col("kg"), shared.bands).alias("band")).with_row_index("row")
        self.frame = f.with_columns(pl.when(pl.col(c) < 0).then(None).otherwise(pl.col(c))
                                    .alias(c) for c in ("sender", "receiver"))
        self.base = shared.base
        self.day = self.frame["day"].to_numpy()
        self.kg = self.frame["kg"].cast(pl.Float64).fill_null(np.nan).to_numpy()
        self.shipper = self.frame["shipper"].fill_null(-1).to_numpy()
        self.consignee = self.frame["consignee"].fill_null(-1).to_numpy()
        self.pod = _codes(self.frame["pod"])
        self.totals = shared.totals
        self._hub_totals: dict[int, np.ndarray] = {}

    def windows(self, progress: Progress) -> list[Window]:
        out = []
        banded = self.frame.filter(pl.col("band").is_not_null())
        for i, (view, keys, is_banded) in enumerate(VIEWS):
            progress.raise_if_cancelled()
            progress.report(i, len(VIEWS) + 1)
            found = scan(banded if is_banded else self.frame, view, list(keys))
            if is_banded and found:
                self._count_hub(found, tuple(k for k in keys if k != "band"))
            out += found
        out += stack_windows(self.frame, self.totals)
        progress.report(len(VIEWS) + 1, len(VIEWS) + 1)
        return out

    def _count_hub(self, windows: list[Window], hub_keys: tuple[str, ...]) -> None:
        """For windows of a banded view: how many declarations of the hub (all weights) fall
        in the window's days, padded; kept by window id."""
        # the hub as a number (the rank of its key's hash): no join, and one integer sorted
        # instead of the frame by two columns (3 s a view on plastics at ten million)
        f = self.frame.select("day", *hub_keys).drop_nulls(list(hub_keys)).with_columns(
            pl.struct(hub_keys).hash().rank("dense").cast(pl.Int64).alias("g"))
        combined = np.sort(f["g"].to_numpy() * 1_000_000 + f["day"].to_numpy())
        g_of = {tuple(r[:-1]): r[-1] for r in
                f.select(*hub_keys, "g").unique(subset="g").iter_rows()}
        for w in windows:
            g = g_of.get(tuple(w.key[:-1]))
            days = self.day[w.rows]
            lo, hi = g * 1_000_000 + days.min() - PAD, g * 1_000_000 + days.max() + PAD
            self._hub_totals[id(w)] = int(np.searchsorted(combined, hi, side="right")
                                          - np.searchsorted(combined, lo, side="left"))

    def _parties(self, rows: np.ndarray, role: str) -> tuple[list[int], float]:
        """The parties of ``role`` in order of appearance, and how much they are shells."""
        ids = (self.shipper if role == "shipper" else self.consignee)[rows]
        ids = ids[ids >= 0]
        if len(ids) == 0:
            return [], 0.0
        uniq, counts = np.unique(ids, return_counts=True)
        shells = float(np.mean(counts / self.totals[role][uniq]))
        return list(dict.fromkeys(ids.tolist())), shells

    def evaluate(self, win: Window, min_score: float = 0.0) -> tuple[float, dict]:
        """The window's score and evidence; below ``min_score`` whatever its weights, the
        pile-up of its weights is not tested (most windows: it is the dear part)."""
        rows = win.rows
        days = int(self.day[rows].max() - self.day[rows].min()) + 1
        shippers, eph_s = self._parties(rows, "shipper")
        receivers, eph_r = self._parties(rows, "consignee")
        shells = max(eph_s if len(shippers) > 1 else 0.0, eph_r if len(receivers) > 1 else 0.0)
        ties = self.clusters.shared_by(shippers) if len(shippers) > 1 else []
        pods = self.pod[rows]
        n_ports = len(np.unique(pods[pods >= 0]))
        parts = {"burst": min(1.0, max(0.0, (win.surprise - 2.0) / 4.0)), "bunching": 0.0,
                 "shells": shells, "ports": spread(n_ports),
                 "links": 1.0 if ties or win.view == "stack" else
                 0.5 * spread(len(shippers)) * shells}
        damp = 0.5 if len(receivers) > 3 and eph_r < 0.5 else 1.0  # a distributor's receivers
        bunch = Bunching(None, 0.0, 0.0, "")
        if damp * sum(WEIGHTS[k] * v for k, v in parts.items()) + WEIGHTS["bunching"] \
                >= min_score:
            bunch = self._bunching(win)
            parts["bunching"] = bunch.strength
        score = damp * sum(WEIGHTS[k] * v for k, v in parts.items())
        return score, {"parts": parts, "view": win.view, "hub": win.key[0],
                       "banded": "band" in win.keys, "hub_role": HUB_ROLE.get(win.view, ""),
                       "bunching": bunch, "shells": shells, "ties": ties,
                       "burst_ratio": len(rows) / max(win.expected * days / WINDOW_DAYS, 0.5),
                       "shippers": shippers, "receivers": receivers, "n_ports": n_ports,
                       "typology": typology(win.view, shippers, receivers, shells)}

    def _bunching(self, win: Window) -> Bunching:
        family = self.frame["family"][int(win.rows[0])]  # not a numpy column: a str per row
        if "band" not in win.keys:
            return self.base.bunching(self.kg[win.rows], family)
        # A banded view kept only the weights in one band: the pile-up is the window's share of
        # the hub's declarations in that band, against the band's share in the goods family.
        band = win.key[-1]
        total = max(self._hub_totals.get(id(win), len(win.rows)), 1)
        share = len(win.rows) / total
        strength = self.base.band_strength(family, band, len(win.rows), total)
        return Bunching(band, share, strength * min(1.0, share / MIN_SHARE),
                        self.base.source(band))


def typology(view: str, shippers: list, receivers: list, shells: float) -> str:
    if view == "stack":
        return "stack"
    if len(receivers) >= 3 and len(shippers) <= 2:
        return "fan-out"
    if view in ("notify", "broker", "port") or len(shippers) < 2 or shells < 0.5:
        return "fan-in"
    return "scatter-gather"
