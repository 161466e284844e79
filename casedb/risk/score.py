"""One explainable risk score per declaration, from the signals of every detector.

Each signal has a kind, a weight in 0..1 (how sure the detector is on its own) and a reason in
plain words. The score is their noisy-or, ``1 - prod(1 - weight)``: one strong signal is enough
to rank a declaration high, several weak ones add up, and the score never exceeds 1. The signals:

=================  ====================================================================
scatter-gather,    a split-shipment ring holding the declaration, by its shape
fan-in, fan-out,   (casedb.analysis.splits): the ring's score
stack
unit-value         value per kg outside the fences of its HS6 x origin x currency cell
hs-switch          priced like the controlled waste beside its code; or a code its
                   shipper took up after an enforcement date (weak alone)
transshipment      a transit port off the sea lane (detour ratio)
port-hop           new discharge ports after a seizure; new countries after an event
=================  ====================================================================
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

import polars as pl

from casedb.progress import NullProgress, Progress
from casedb.store.database import Database

from ..analysis import hs_switch, splits_data, transshipment, unit_values
from ..analysis.declarations import load_declarations
from ..analysis.splits import rings_in

log = logging.getLogger(__name__)
PORT_HOP_EVENT = 0.2
PORT_HOP_SEIZURE = 0.5
SPLIT_KINDS = ("scatter-gather", "fan-in", "fan-out", "stack")


@dataclass(frozen=True)
class Signal:
    kind: str
    weight: float
    reason: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "weight": round(self.weight, 3), "reason": self.reason}


@dataclass(frozen=True)
class RiskRow:
    declaration_id: int
    declaration_no: str
    date: dt.date
    score: float
    signals: tuple[Signal, ...]

    def to_json(self) -> dict:
        return {"declaration_no": self.declaration_no, "score": round(self.score, 4),
                "signals": [s.to_json() for s in self.signals]}


def combine(weights) -> float:
    out = 1.0
    for w in weights:
        out *= 1.0 - min(max(w, 0.0), 1.0)
    return 1.0 - out


class _Signals:
    def __init__(self):
        self.by_id: dict[int, list[Signal]] = defaultdict(list)

    def add(self, ids, kind: str, weights, reasons) -> None:
        for i, w, r in zip(ids, weights, reasons, strict=True):
            self.by_id[int(i)].append(Signal(kind, float(w), r))


def _splits(db: Database, since, frame: pl.DataFrame, out: _Signals) -> None:
    if since is not None:
        frame = frame.filter(pl.col("date") >= since)
    for ring in rings_in(db, splits_data.load(db, declarations=frame)):
        head = ring.reasons[0] if ring.reasons else ""
        more = "; ".join(ring.reasons[1:3])
        reason = f"split shipment ({ring.typology}): {head}" + (f"; {more}" if more else "")
        out.add(ring.declaration_ids, ring.typology, [ring.score] * len(ring.declaration_ids),
                [reason] * len(ring.declaration_ids))


def _unit_values(frame: pl.DataFrame, prices: pl.DataFrame, out: _Signals) -> None:
    uv = unit_values.unit_value_anomalies(frame, prices=prices)
    rows = uv.to_dicts()
    out.add(uv["id"], "unit-value", (0.9 * r["strength"] for r in rows),
            [unit_values.describe(r) for r in rows])


def _hs_switches(db: Database, frame: pl.DataFrame, prices: pl.DataFrame,
                 out: _Signals) -> None:
    priced = hs_switch.priced_like_waste(frame, prices=prices)
    out.add(priced["id"], "hs-switch", priced["strength"],
            [f"HS {r['hs6']} at {r['price']:.2f} {r['currency']}/kg is priced like HS "
             f"{r['controlled']} waste (median {r['waste_median']:.2f}), not like its own code "
             f"(median {r['own_median']:.2f})" for r in priced.iter_rows(named=True)])
    dates = sorted(set(hs_switch.events(db)) | set(hs_switch.change_point_events(frame)))
    new = hs_switch.new_code_after_event(frame, dates)
    out.add(new["id"], "hs-switch", [hs_switch.NEW_CODE_STRENGTH] * new.height,
            [f"its shipper declared HS {r['controlled']} before {r['event']} and never "
             f"HS {r['hs6'][:4]}; it declares HS {r['hs6']} since"
             for r in new.iter_rows(named=True)])


def _routes(db: Database, frame: pl.DataFrame, out: _Signals) -> None:
    d = transshipment.detours(frame)
    out.add(d["id"], "transshipment", d["strength"],
            [f"via {r['via']}: {r['ratio']:.1f}x the direct sea route {r['pol']} → {r['pod']}"
             for r in d.iter_rows(named=True)])
    s = transshipment.hops_after_seizure(db, frame)
    out.add(s["id"], "port-hop", [PORT_HOP_SEIZURE] * s.height,
            [f"discharge port {r['pod']}, new for this shipper since its seizure of "
             f"{r['since']}" for r in s.iter_rows(named=True)])
    e = transshipment.hops_after_event(frame, hs_switch.events(db))
    out.add(e["id"], "port-hop", [PORT_HOP_EVENT] * e.height,
            [f"its shipper sent all to one country before {r['event']}; now also to "
             f"{r['dest']}" for r in e.iter_rows(named=True)])


def risk_scores(db: Database, *, since: dt.date | None = None,
                progress: Progress | None = None) -> list[RiskRow]:
    """Every declaration (dated ``since`` or later) with at least one signal, riskiest first.
    The unit-value references reach 12 months before ``since``."""
    progress = progress or NullProgress()
    start = since - dt.timedelta(days=366) if since else None
    frame = load_declarations(db, start)
    out = _Signals()
    prices = unit_values.priced_with_references(frame)
    steps = (lambda: _splits(db, since, frame, out), lambda: _unit_values(frame, prices, out),
             lambda: _hs_switches(db, frame, prices, out), lambda: _routes(db, frame, out))
    for i, step in enumerate(steps):
        progress.raise_if_cancelled()
        progress.report(i, len(steps))
        step()
    progress.report(len(steps), len(steps))
    keep = frame if since is None else frame.filter(pl.col("date") >= since)
    keep = keep.filter(pl.col("id").is_in(list(out.by_id)))
    rows = [RiskRow(i, no, date, combine(s.weight for s in out.by_id[i]),
                    tuple(sorted(out.by_id[i], key=lambda s: -s.weight)))
            for i, no, date in keep.select("id", "no", "date").iter_rows()]
    rows.sort(key=lambda r: (-r.score, r.declaration_no))
    log.info("risk: %d declarations with signals", len(rows))
    return rows
