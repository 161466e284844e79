"""Quality and speed of the detectors on a freshly seeded risk world (casedb.synth.risk_world):
per typology recall, precision and F1 at declaration level, precision among the top 1% and 5% of
the risk ranking beside the base rate, and the time of all detectors together (risk_scores).

A declaration is flagged for a typology when it carries a signal of that kind with a weight of
0.5 or more (split shapes: the ring's shape). Recall counts the planted declarations of the
typology so flagged; precision counts the flagged declarations that are illicit (of any
typology: a unit-value signal on a misdeclared code is right). The world is built once per scale
and seed and kept (WASTEINTEL_BENCH_CACHE)."""

from __future__ import annotations

import json
import logging
import sqlite3
import time

import polars as pl

from bench.world import cache_dir
from casedb.risk import risk_scores
from casedb.store import migrate
from casedb.store.database import Database
from casedb.synth.risk_load import load_world
from casedb.synth.risk_plants import TYPOLOGIES
from casedb.synth.risk_world import build_risk_world

log = logging.getLogger(__name__)
SEED = 2026
MIN_WEIGHT = 0.5


def risk_world_db(n: int, seed: int = SEED):
    """The SQLite database of a risk world of ``n`` declarations, and its truth (cached)."""
    (head,) = migrate.heads()
    path = cache_dir() / f"risk_{n}_{seed}_{head}.db"
    truth_path = path.with_suffix(".truth.json")
    if not (path.exists() and truth_path.exists()):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".building")
        tmp.unlink(missing_ok=True)
        world = build_risk_world(n, seed)
        db = Database(tmp)
        migrate.upgrade(db)
        load_world(db, world)
        db.dispose()
        tmp.rename(path)
        truth_path.write_text(json.dumps(world.truth), encoding="utf-8")
    return path, json.loads(truth_path.read_text("utf-8"))


def _raw_read(path) -> float:
    con = sqlite3.connect(path)
    t0 = time.perf_counter()
    rows = con.execute("SELECT id, declaration_date, hs_code, gross_weight_kg, declared_value, "
                       "port_of_discharge FROM declaration").fetchall()
    pl.DataFrame(rows, orient="row", schema=["i", "d", "h", "w", "v", "p"]).group_by("h").len()
    con.close()
    return time.perf_counter() - t0


def quality(rows, truth: dict) -> list[dict]:
    illicit = {no: t for t, nos in truth["illicit"].items() for no in nos}
    flagged: dict[str, set[str]] = {t: set() for t in TYPOLOGIES}
    for r in rows:
        for s in r.signals:
            if s.weight >= MIN_WEIGHT and s.kind in flagged:
                flagged[s.kind].add(r.declaration_no)
    out = []
    for t in TYPOLOGIES:
        planted = {no for no, x in illicit.items() if x == t}
        got = flagged[t]
        recall = len(got & planted) / len(planted) if planted else 0.0
        precision = len({no for no in got if no in illicit}) / len(got) if got else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out.append({"name": f"{t}: recall / precision / F1", "value": f1, "unit": "F1",
                    "target": "", "limit": "",
                    "note": f"recall {recall:.3f} ({len(got & planted)}/{len(planted)}), "
                            f"precision {precision:.3f} ({len(got)} flagged)"})
    return out


def top_precision(rows, truth: dict) -> list[dict]:
    illicit = {no for nos in truth["illicit"].values() for no in nos}
    n = truth["declarations"]
    base = len(illicit) / n
    out = []
    for share in (0.01, 0.05):
        k = max(1, int(n * share))
        top = rows[:k]  # unscored declarations rank after every scored one
        hits = sum(r.declaration_no in illicit for r in top)
        best = min(1.0, len(illicit) / k)
        out.append({"name": f"precision at the top {share:.0%} of the risk ranking",
                    "value": hits / k, "unit": "", "target": "",
                    "limit": f"base rate {base:.4f}; at most {best:.3f} (illicit / inspected)",
                    "note": f"{hits} illicit among {k} inspected"})
    return out


def run(scale: int) -> list[dict]:
    path, truth = risk_world_db(scale)
    db = Database(path)
    raw = _raw_read(path)
    t0 = time.perf_counter()
    rows = risk_scores(db)
    elapsed = time.perf_counter() - t0
    db.dispose()
    n = truth["declarations"]
    return [
        {"name": "all detectors together (risk_scores)", "value": elapsed, "unit": "s",
         "target": "<= 30 s at 1M on SQLite",
         "limit": f"sqlite3 read of 6 columns + polars group-by: {raw:.2f} s",
         "note": f"{n:,} declarations, {truth['illicit_declarations']:,} planted; "
                 f"{len(rows):,} with a signal"},
        *top_precision(rows, truth), *quality(rows, truth)]
