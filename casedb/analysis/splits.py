"""The split-shipment detector.

A consignment broken into many declarations that each stay under a threshold, spread over
several shippers (often shells sharing an address or phone), one or a few consignees and several
ports, within days or weeks. Declarations are grouped by sender cluster x goods family; each group
is scanned with a sliding window; a window is scored on four pieces of evidence, each in 0..1:

- burst: declarations in the window against the group's own rate outside it (a regular weekly
  shipper is not a burst; a one-off large consignment is not a window at all);
- shippers: several shippers of one cluster (shells tied by an identifier);
- bunching: weights just under a round threshold (90-100% of it), the threshold detected among
  the candidates or set in the settings (key ``splits.thresholds``, kilograms);
- ports: several discharge ports for one flow.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import numpy as np
import polars as pl
from sqlalchemy import select

from ..db import Database
from ..jobs import NullProgress, Progress
from ..models import Setting
from .splits_data import Clusters, cluster_column, clusters, load, party_names

log = logging.getLogger(__name__)
WINDOW_DAYS = 45
MIN_DECLARATIONS = 5
THRESHOLDS_KG = (5_000.0, 10_000.0, 20_000.0, 25_000.0)
WEIGHTS = {"burst": 0.35, "shippers": 0.25, "bunching": 0.25, "ports": 0.15}


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

    @property
    def reasons(self) -> tuple[str, ...]:
        """The explanations in English."""
        return tuple(template.format(**values) for template, values in self.explanations)

    def to_json(self) -> dict:
        return {"score": round(self.score, 3), "declarations": list(self.declaration_nos),
                "shippers": list(self.shipper_names), "consignees": list(self.consignee_names),
                "total_kg": round(self.total_kg, 1), "first": self.first.isoformat(),
                "last": self.last.isoformat(), "threshold_kg": self.threshold_kg,
                "reasons": list(self.reasons)}


def thresholds(db: Database) -> tuple[float, ...]:
    with db.read() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == "splits.thresholds"))
    if value and value.get("kg"):
        return tuple(float(x) for x in value["kg"])
    return THRESHOLDS_KG


def bunching(kg: np.ndarray, candidates) -> tuple[float, float | None]:
    """Share of weights in [90%, 100%) of the best round threshold, and that threshold."""
    best, best_t = 0.0, None
    for t in candidates:
        frac = float(np.mean((kg >= 0.9 * t) & (kg < t)))
        if frac > best:
            best, best_t = frac, t
    return best, best_t


def _best_window(days: np.ndarray) -> tuple[int, int]:
    ends = np.searchsorted(days, days + WINDOW_DAYS, side="right")
    counts = ends - np.arange(len(days))
    start = int(np.argmax(counts))
    return start, int(ends[start])


def _score(g: pl.DataFrame, start: int, end: int, candidates) -> tuple[float, dict]:
    days = g["day"].to_numpy()
    n = end - start
    span = max(int(days[-1] - days[0]) + 1, WINDOW_DAYS)
    outside = (len(days) - n) / max(span - WINDOW_DAYS, WINDOW_DAYS) * WINDOW_DAYS
    burst_ratio = n / max(outside, 0.5)
    w = g.slice(start, n)
    kg = w["kg"].fill_null(0).to_numpy()
    frac, threshold = bunching(kg, candidates)
    n_shippers = w["shipper"].n_unique()
    n_ports = w["pod"].drop_nulls().n_unique()
    n_consignees = w["receiver"].n_unique()
    parts = {"burst": min(1.0, max(0.0, (burst_ratio - 1.0) / 4.0)),
             "shippers": min(1.0, (n_shippers - 1) / 2.0),
             "bunching": frac if frac >= 0.6 else 0.0,
             "ports": min(1.0, (n_ports - 1) / 2.0)}
    score = sum(WEIGHTS[k] * v for k, v in parts.items())
    if n_consignees > 3:
        score *= 0.5  # spread over many receivers: a distributor, not a consignment
    return score, {"parts": parts, "burst_ratio": burst_ratio, "threshold": threshold,
                   "fraction_under": frac, "n_shippers": n_shippers, "n_ports": n_ports}


def detect_splits(db: Database, *, since=None, until=None, min_score: float = 0.5,
                  thresholds_kg=None, progress: Progress | None = None) -> list[SplitRing]:
    progress = progress or NullProgress()
    frame = load(db, since, until)
    if frame.is_empty():
        return []
    c = clusters(db)
    frame = frame.with_columns(
        pl.Series("sender", cluster_column(frame, "shipper", c)),
        pl.Series("receiver", cluster_column(frame, "consignee", c)),
        (pl.col("date") - pl.date(1970, 1, 1)).dt.total_days().alias("day"))
    candidates = tuple(thresholds_kg) if thresholds_kg else thresholds(db)
    sizes = frame.group_by("sender", "family").len().filter(pl.col("len") >= MIN_DECLARATIONS)
    groups = frame.join(sizes.select("sender", "family"), on=["sender", "family"]).sort(
        "sender", "family", "date").partition_by("sender", "family", maintain_order=True)
    hits = []
    for i, g in enumerate(groups):
        if i % 200 == 0:
            progress.raise_if_cancelled()
            progress.report(i, len(groups))
        if g["sender"][0] < 0:
            continue
        start, end = _best_window(g["day"].to_numpy())
        if end - start < MIN_DECLARATIONS:
            continue
        score, ev = _score(g, start, end, candidates)
        if score >= min_score:
            hits.append((score, g.slice(start, end - start), ev))
    progress.report(len(groups), len(groups))
    rings = [_ring(db, c, score, w, ev) for score, w, ev in hits]
    return sorted(rings, key=lambda r: (-r.score, r.first))


def _ring(db: Database, c: Clusters, score: float, w: pl.DataFrame, ev: dict) -> SplitRing:
    shippers = tuple(dict.fromkeys(int(x) for x in w["shipper"].drop_nulls()))
    consignees = tuple(dict.fromkeys(int(x) for x in w["consignee"].drop_nulls()))
    names = party_names(db, shippers + consignees)
    kg = w["kg"].fill_null(0).to_numpy()
    first, last = w["date"].min(), w["date"].max()
    return SplitRing(
        score, tuple(w["id"].to_list()), tuple(w["no"].to_list()), shippers,
        tuple(names.get(p, str(p)) for p in shippers), consignees,
        tuple(names.get(p, str(p)) for p in consignees), float(kg.sum()), first, last,
        ev["threshold"], tuple(_reasons(c, w, kg, shippers, ev)), ev)


# Explanations are English templates with named values, so that the workstation and the dossier
# can show them in the investigator's language (casedb.dossier.labels.SPLIT_REASONS).
MANY = "{n} declarations in {days} days from {shippers} shippers; {tonnes} t in all"
SHARING = ("{n} declarations in {days} days from {shippers} shippers sharing {ties}; "
           "{tonnes} t in all")
ONE = "{n} declarations in {days} days from one shipper; {tonnes} t in all"
UNDER = "each {low}-{high}% of {threshold} t"
BURST = "a burst: {ratio}x the group's usual rate"
PORTS = "spread over {count} discharge ports ({ports})"
CODES = "the same goods declared under HS {codes}"


def _reasons(c: Clusters, w: pl.DataFrame, kg: np.ndarray, shippers, ev: dict
             ) -> list[tuple[str, dict]]:
    days = max((w["date"].max() - w["date"].min()).days, 1)
    ties = c.shared_by(shippers)
    head = {"n": len(w), "days": days, "shippers": len(shippers),
            "tonnes": f"{kg.sum() / 1000:,.0f}"}
    if len(shippers) == 1:
        out = [(ONE, head)]
    elif ties:
        out = [(SHARING, {**head, "ties": ", ".join(v for _, v in ties[:2])})]
    else:
        out = [(MANY, head)]
    t = ev["threshold"]
    if t and ev["fraction_under"] >= 0.6:
        pct = kg[(kg >= 0.9 * t) & (kg < t)] / t * 100
        out.append((UNDER, {"low": f"{pct.min():.0f}", "high": f"{pct.max():.0f}",
                            "threshold": f"{t / 1000:g}"}))
    if ev["burst_ratio"] > 2:
        out.append((BURST, {"ratio": f"{ev['burst_ratio']:.0f}"}))
    if ev["n_ports"] > 1:
        ports = ", ".join(sorted(w["pod"].drop_nulls().unique().to_list()))
        out.append((PORTS, {"count": ev["n_ports"], "ports": ports}))
    families = sorted(w["hs"].drop_nulls().str.slice(0, 4).unique().to_list())
    if len(families) > 1:
        out.append((CODES, {"codes": ", ".join(families)}))
    return out


def ring_timeline(db: Database, ring: SplitRing) -> list[tuple[dt.date, float, str, str]]:
    """(date, weight kg, shipper name, declaration no) for the ring's timeline chart."""
    frame = load(db).filter(pl.col("id").is_in(list(ring.declaration_ids))).sort("date")
    names = dict(zip(ring.shipper_ids, ring.shipper_names, strict=True))
    return [(r["date"], r["kg"] or 0.0, names.get(r["shipper"], ""), r["no"])
            for r in frame.iter_rows(named=True)]
