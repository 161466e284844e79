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

from casedb.progress import NullProgress, Progress
from casedb.store.database import Database

from ..models import Setting
from .split_context import SplitContext
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
from .split_shared import shared_evidence
from .splits_data import SPLIT_ROLES, Clusters, declaration_numbers, load, party_names

log = logging.getLogger(__name__)


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


def detect_splits(db: Database, *, since=None, until=None, min_score: float = 0.5,
                  thresholds_kg=None, progress: Progress | None = None) -> list[SplitRing]:
    """Rings of split shipments, best first. ``thresholds_kg``: thresholds to test besides those
    the data shows (default: the configured ones, setting ``splits.thresholds``). The frame
    read is cut into its goods families and let go: each family's rows are freed once searched
    (the largest last), so the client never holds all the rows beside a family's working
    columns."""
    frame = load(db, since, until)
    if frame.is_empty():
        return []
    configured = tuple(thresholds_kg) if thresholds_kg else thresholds(db)
    shared = shared_evidence(db, frame, configured)
    parts = _families(frame)
    del frame
    return _by_family(db, parts, shared, configured, min_score, progress or NullProgress())


def rings_in(db: Database, frame: pl.DataFrame, *, min_score: float = 0.5, thresholds_kg=None,
             progress: Progress | None = None, by_family: bool = True) -> list[SplitRing]:
    """The rings among the declarations of ``frame`` (splits_data.load). Every view groups by
    goods family, so each family is searched on its own, given what all of ``frame`` says
    (split_shared): the same rings as over the whole frame (``by_family=False``, the path
    before issue 22), with one family's working columns in memory at a time."""
    progress = progress or NullProgress()
    if frame.is_empty():
        return []
    configured = tuple(thresholds_kg) if thresholds_kg else thresholds(db)
    if not by_family:
        return _sorted(_rings(SplitContext(db, frame, configured), min_score, progress))
    shared = shared_evidence(db, frame, configured)
    return _by_family(db, _families(frame), shared, configured, min_score, progress)


def _families(frame: pl.DataFrame) -> dict[str, pl.DataFrame]:
    return {str(key[0]): part for key, part in
            frame.partition_by("family", as_dict=True, maintain_order=True).items()}


def _by_family(db: Database, parts: dict[str, pl.DataFrame], shared, configured,
               min_score: float, progress: Progress) -> list[SplitRing]:
    """The rings of each family of ``parts``, which is emptied as they are searched."""
    order = sorted(parts, key=lambda fam: (parts[fam].height, fam))
    rings: list[SplitRing] = []
    for i, fam in enumerate(order):
        part = parts.pop(fam)
        part = part.with_columns(pl.col(c).cast(t) for c, t in _USUAL.items()
                                 if c in part.columns)
        ctx = SplitContext(db, part, configured, shared)
        del part
        rings += _rings(ctx, min_score, _Share(progress, i, len(order)))
        del ctx
    return _sorted(rings)


# the types splits_data.load's compact frame gives back to a family searched
_USUAL = {"hs": pl.Utf8, "pod": pl.Utf8, "family": pl.Utf8} | dict.fromkeys(SPLIT_ROLES,
                                                                              pl.Int64)


class _Share:
    """The progress of one family's search: its share of the whole."""

    def __init__(self, outer: Progress, index: int, count: int):
        self.outer, self.index, self.count = outer, index, count

    def report(self, done: int, total: int) -> None:
        self.outer.report(self.index * total + done, self.count * total)

    def raise_if_cancelled(self) -> None:
        self.outer.raise_if_cancelled()


def _sorted(rings: list[SplitRing]) -> list[SplitRing]:
    return sorted(rings, key=lambda r: (-r.score, r.first))


def _rings(ctx: SplitContext, min_score: float, progress: Progress) -> list[SplitRing]:
    scored = [(*ctx.evaluate(win, min_score), win) for win in ctx.windows(progress)]
    scored = [x for x in scored if x[0] >= min_score]
    scored.sort(key=lambda x: -x[0])
    merged = _merge(scored, ctx.shipper)
    names = _names(ctx, merged)
    numbers = None if "no" in ctx.frame.columns else declaration_numbers(
        ctx.db, ctx.frame["id"].gather(np.concatenate([rows for *_, rows in merged]))
        if merged else ())
    rings = [_ring(ctx, score, ev, rows, names, numbers) for score, ev, rows in merged]
    log.info("split detection: %d rings from %d windows", len(rings), len(scored))
    return rings


def _merge(scored, shipper: np.ndarray) -> list[tuple[float, dict, np.ndarray]]:
    """Windows sharing at least half of the smaller one's declarations are one ring, scored
    as its best window; its declarations are all of theirs, except that a ring found through
    its shells' shared identifiers (a sender cluster) takes from the windows of its receivers
    only its own shippers' declarations: the other shippers of a busy consignee are not its
    shells (the demo's first ring had taken in three regular shippers that way)."""
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
        elif rings[target][1]["view"] == "sender" and ev["view"] != "sender":
            own = {int(shipper[r]) for r in rings[target][2]}
            rows = [r for r in rows if int(shipper[r]) in own]
        for r in rows:
            if r not in owner:
                owner[r] = target
                rings[target][2].append(r)
    return [(s, ev, np.array(sorted(rows))) for s, ev, rows in rings]


def _names(ctx: SplitContext, merged) -> dict[int, str]:
    """The names of every party of the rings, in one query."""
    ids = set()
    for _, ev, rows in merged:
        ids |= set(ctx.shipper[rows].tolist()) | set(ctx.consignee[rows].tolist())
        if ev["hub_role"] in ("consignee", "notify party", "broker"):
            ids.add(int(ev["hub"]))
    return party_names(ctx.db, ids)


def _ring(ctx: SplitContext, score: float, ev: dict, rows: np.ndarray,
          names: dict[int, str], numbers: dict[int, str] | None = None) -> SplitRing:
    w = ctx.frame[rows].sort("date")
    if numbers is not None:  # a compact frame: the numbers read for the rings only
        w = w.with_columns(pl.col("id").replace_strict(numbers, return_dtype=pl.Utf8)
                           .alias("no"))
    shippers = tuple(dict.fromkeys(int(x) for x in w["shipper"].drop_nulls()))
    consignees = tuple(dict.fromkeys(int(x) for x in w["consignee"].drop_nulls()))
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


def ring_timeline(db: Database, ring: SplitRing, frame: pl.DataFrame | None = None
                  ) -> list[tuple[dt.date, float, str, str]]:
    """(date, weight kg, shipper name, declaration no) for the ring's timeline chart, from
    ``frame``, the declarations the detector searched (splits_data.load), when given: loading
    them again for every ring cost as much as the detection."""
    frame = load(db) if frame is None else frame
    frame = frame.filter(pl.col("id").is_in(list(ring.declaration_ids))).sort("date")
    names = dict(zip(ring.shipper_ids, ring.shipper_names, strict=True))
    numbers = dict(zip(ring.declaration_ids, ring.declaration_nos, strict=True))
    return [(r["date"], r["kg"] or 0.0, names.get(r["shipper"], ""), numbers[r["id"]])
            for r in frame.iter_rows(named=True)]
