"""The split-shipment detector, all the shapes of the anti-money-laundering typologies.

A consignment broken into many declarations that each stay under a threshold. Candidate
windows of bursts come from several views of the declarations (split_windows):

- the sender cluster x goods family (shippers tied by a shared address, phone, email or tax id):
  *scatter-gather* through related shells, and *fan-out* (one sender, many receivers);
- the consignee cluster or notify party x goods family, and the consignee, notify party, broker
  or discharge port x goods x threshold band: *fan-in*, and shells that share no identifier but
  converge on the same receiver, port and goods in the same weeks;
- chains of forwarders passing the same load on (split_stack): a *stack*.

A window is scored on five pieces of evidence, each in 0..1 (split_evidence): the burst (a
Poisson tail against the group's own rate), the pile-up of weights under a threshold found in the
data, shells (parties whose declarations all fall in the window), links between the shippers
(a shared identifier, or several short-lived shippers converging) and the spread over discharge
ports. Windows found in several views are merged into one ring, which carries its reasons.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
import polars as pl
from sqlalchemy import select

from ..db import Database
from ..jobs import NullProgress, Progress
from ..models import Setting
from .split_evidence import (
    MIN_SHARE,
    ROUND_KG,
    Bunching,
    WeightBase,
    band_of,
    ephemeral,
    pileups,
    spread,
)
from .split_reasons import (  # noqa: F401 - the templates are part of this module's interface
    BURST,
    CODES,
    FAN_OUT,
    HUB,
    MANY,
    ONE,
    PORTS,
    SHARING,
    SHELLS,
    SOURCE,
    STACK,
    UNDER,
    explain,
)
from .split_stack import stack_windows
from .split_windows import WINDOW_DAYS, Window, scan
from .splits_data import Clusters, cluster_column, clusters, load, party_names

log = logging.getLogger(__name__)
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


@dataclass(frozen=True)
class SplitRing:
    score: float
    declaration_ids: tuple[int, ...]
    declaration_nos: tuple[str, ...]
    shipper_ids: tuple[int, ...]
    shipper_names: tuple[str, ...]
    consignee_ids: tuple[int, ...]
    consignee_names: tuple[str, ...]
    total_kg: float
    first: dt.date
    last: dt.date
    threshold_kg: float | None
    explanations: tuple[tuple[str, dict], ...]  # (English template, values), strongest first
    evidence: dict
    typology: str = "scatter-gather"  # | fan-in | fan-out | stack

    @property
    def reasons(self) -> tuple[str, ...]:
        """The explanations in English."""
        return tuple(template.format(**values) for template, values in self.explanations)

    def to_json(self) -> dict:
        return {"score": round(self.score, 3), "typology": self.typology,
                "declarations": list(self.declaration_nos),
                "shippers": list(self.shipper_names), "consignees": list(self.consignee_names),
                "total_kg": round(self.total_kg, 1), "first": self.first.isoformat(),
                "last": self.last.isoformat(), "threshold_kg": self.threshold_kg,
                "reasons": list(self.reasons)}


def thresholds(db: Database) -> tuple[float, ...]:
    """National thresholds configured for this database (setting ``splits.thresholds``, kg)."""
    with db.read() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == "splits.thresholds"))
    return tuple(float(x) for x in value["kg"]) if value and value.get("kg") else ()


class _Context:
    """The declarations as one frame, with what scoring a window needs."""

    def __init__(self, db: Database, frame: pl.DataFrame, configured):
        self.db = db
        self.clusters = clusters(db)
        piles = pileups(frame["kg"].drop_nulls().to_numpy())
        bands = sorted(set(ROUND_KG) | set(configured) | set(piles))
        self.frame = frame.with_columns(
            pl.Series("sender", cluster_column(frame, "shipper", self.clusters)),
            pl.Series("receiver", cluster_column(frame, "consignee", self.clusters)),
            (pl.col("date") - pl.date(1970, 1, 1)).dt.total_days().alias("day"),
            pl.col("hs").str.slice(0, 6).alias("hs6"),
            band_of(pl.col("kg"), bands).alias("band")).with_row_index("row")
        for col in ("sender", "receiver"):
            self.frame = self.frame.with_columns(
                pl.when(pl.col(col) < 0).then(None).otherwise(pl.col(col)).alias(col))
        self.base = WeightBase(self.frame, configured, piles)
        self._days: dict[tuple, dict] = {}
        self.totals = {role: dict(Counter(self.frame[role].drop_nulls().to_list()))
                       for role in ("shipper", "consignee")}

    def windows(self, progress: Progress) -> list[Window]:
        out = []
        banded = self.frame.filter(pl.col("band").is_not_null())
        for i, (view, keys, is_banded) in enumerate(VIEWS):
            progress.raise_if_cancelled()
            progress.report(i, len(VIEWS) + 1)
            out += scan(banded if is_banded else self.frame, view, list(keys))
        out += stack_windows(self.frame)
        progress.report(len(VIEWS) + 1, len(VIEWS) + 1)
        return out

    def evaluate(self, win: Window) -> tuple[float, dict]:
        w = self.frame[win.rows]
        kg = w["kg"].to_numpy().astype(float)
        days = int(w["day"].max() - w["day"].min()) + 1
        shippers = [p for p in dict.fromkeys(w["shipper"].to_list()) if p is not None]
        receivers = [p for p in dict.fromkeys(w["consignee"].to_list()) if p is not None]
        burst = min(1.0, max(0.0, (win.surprise - 2.0) / 4.0))
        bunch = self._bunching(win, kg, w["family"][0])
        eph_s = ephemeral(Counter(w["shipper"].drop_nulls().to_list()), self.totals["shipper"])
        eph_r = ephemeral(Counter(w["consignee"].drop_nulls().to_list()),
                          self.totals["consignee"])
        shells = max(eph_s if len(shippers) > 1 else 0.0, eph_r if len(receivers) > 1 else 0.0)
        ties = self.clusters.shared_by(shippers) if len(shippers) > 1 else []
        links = 1.0 if ties or win.view == "stack" else 0.5 * spread(len(shippers)) * shells
        n_ports = w["pod"].drop_nulls().n_unique()
        parts = {"burst": burst, "bunching": bunch.strength, "shells": shells, "links": links,
                 "ports": spread(n_ports)}
        score = sum(WEIGHTS[k] * v for k, v in parts.items())
        if len(receivers) > 3 and eph_r < 0.5:
            score *= 0.5  # spread over many regular receivers: a distributor, not a consignment
        return score, {"parts": parts, "view": win.view, "hub": win.key[0],
                       "banded": "band" in win.keys,
                       "hub_role": HUB_ROLE.get(win.view, ""), "bunching": bunch,
                       "burst_ratio": len(w) / max(win.expected * days / WINDOW_DAYS, 0.5),
                       "shells": shells, "ties": ties, "shippers": shippers,
                       "receivers": receivers, "n_ports": n_ports,
                       "typology": _typology(win.view, shippers, receivers, shells)}

    def _bunching(self, win: Window, kg: np.ndarray, family: str) -> Bunching:
        if "band" not in win.keys:
            return self.base.bunching(kg, family)
        # A banded view kept only the weights in one band: the pile-up is the window's share of
        # the hub's declarations in that band, against the band's share in the goods family.
        band, hub_keys = win.key[-1], tuple(k for k in win.keys if k != "band")
        days = self._hub_days(hub_keys).get(win.key[:-1], np.empty(0))
        w_days = self.frame["day"].to_numpy()[win.rows]
        pad = WINDOW_DAYS // 3  # the hub's declarations around the window count too
        total = max(int(np.searchsorted(days, w_days.max() + pad, side="right")
                        - np.searchsorted(days, w_days.min() - pad, side="left")), 1)
        share = len(win.rows) / total
        strength = self.base.band_strength(family, band, len(win.rows), total)
        return Bunching(band, share, strength * min(1.0, share / MIN_SHARE),
                        self.base.source(band))

    def _hub_days(self, keys: tuple[str, ...]) -> dict:
        if keys not in self._days:
            g = self.frame.drop_nulls(list(keys)).group_by(keys).agg(pl.col("day").sort())
            self._days[keys] = {tuple(r[:-1]): np.asarray(r[-1]) for r in g.iter_rows()}
        return self._days[keys]


def _typology(view: str, shippers: list, receivers: list, shells: float) -> str:
    if view == "stack":
        return "stack"
    if len(receivers) >= 3 and len(shippers) <= 2:
        return "fan-out"
    if view in ("notify", "broker", "port") or len(shippers) < 2 or shells < 0.5:
        return "fan-in"
    return "scatter-gather"


def detect_splits(db: Database, *, since=None, until=None, min_score: float = 0.5,
                  thresholds_kg=None, progress: Progress | None = None) -> list[SplitRing]:
    """Rings of split shipments, best first. ``thresholds_kg``: thresholds to test besides those
    the data shows (default: the configured ones, setting ``splits.thresholds``)."""
    progress = progress or NullProgress()
    frame = load(db, since, until)
    if frame.is_empty():
        return []
    configured = tuple(thresholds_kg) if thresholds_kg else thresholds(db)
    ctx = _Context(db, frame, configured)
    scored = [(*ctx.evaluate(win), win) for win in ctx.windows(progress)]
    scored = [x for x in scored if x[0] >= min_score]
    scored.sort(key=lambda x: -x[0])
    rings = [_ring(ctx, score, ev, rows) for score, ev, rows in _merge(ctx, scored)]
    log.info("split detection: %d rings from %d windows", len(rings), len(scored))
    return sorted(rings, key=lambda r: (-r.score, r.first))


def _merge(ctx: _Context, scored) -> list[tuple[float, dict, np.ndarray]]:
    """Windows sharing at least half of the smaller one's declarations are one ring, scored
    as its best window; its declarations are all of theirs."""
    owner: dict[int, int] = {}
    rings: list[list] = []
    for score, ev, win in scored:
        rows = [int(r) for r in win.rows]
        hits = Counter(owner[r] for r in rows if r in owner)
        target = next((i for i, c in hits.most_common()
                       if c * 2 >= min(len(rows), len(rings[i][2]))), None)
        if target is None:
            target = len(rings)
            rings.append([score, ev, []])
        for r in rows:
            if r not in owner:
                owner[r] = target
                rings[target][2].append(r)
    return [(s, ev, np.array(sorted(rows))) for s, ev, rows in rings]


def _ring(ctx: _Context, score: float, ev: dict, rows: np.ndarray) -> SplitRing:
    w = ctx.frame[rows].sort("date")
    shippers = tuple(dict.fromkeys(int(x) for x in w["shipper"].drop_nulls()))
    consignees = tuple(dict.fromkeys(int(x) for x in w["consignee"].drop_nulls()))
    hub = (ev["hub"],) if ev["hub_role"] in ("consignee", "notify party", "broker") else ()
    names = party_names(ctx.db, shippers + consignees + hub)
    ev = {**ev, "shippers": shippers, "receivers": consignees,
          "n_ports": w["pod"].drop_nulls().n_unique()}
    kg = w["kg"].fill_null(0).to_numpy()
    b = ctx.base.bunching(kg, w["family"][0])  # on the whole ring, not its best window
    if b.threshold and ev["view"] != "stack":  # a banded window's own weights prove nothing
        strength = ev["bunching"].strength if ev["banded"] else max(b.strength,
                                                                    ev["bunching"].strength)
        b = replace(b, strength=strength)
    else:
        b = ev["bunching"]
    ev["bunching"] = b
    return SplitRing(
        score, tuple(w["id"].to_list()), tuple(w["no"].to_list()), shippers,
        tuple(names.get(p, str(p)) for p in shippers), consignees,
        tuple(names.get(p, str(p)) for p in consignees), float(kg.sum()), w["date"].min(),
        w["date"].max(), b.threshold if b.strength > 0 else None,
        tuple(explain(w, ev, _ties(ctx.clusters, shippers), names)), ev, ev["typology"])


def _ties(c: Clusters, shippers) -> list[tuple[str, str]]:
    return c.shared_by(shippers) if len(shippers) > 1 else []


def ring_timeline(db: Database, ring: SplitRing) -> list[tuple[dt.date, float, str, str]]:
    """(date, weight kg, shipper name, declaration no) for the ring's timeline chart."""
    frame = load(db).filter(pl.col("id").is_in(list(ring.declaration_ids))).sort("date")
    names = dict(zip(ring.shipper_ids, ring.shipper_names, strict=True))
    return [(r["date"], r["kg"] or 0.0, names.get(r["shipper"], ""), r["no"])
            for r in frame.iter_rows(named=True)]
