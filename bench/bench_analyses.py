"""Analyses on a large case database: linked cases of one case, the full party network, route
shares by month, split detection, and resolving raw party names; each beside a raw limit."""

from __future__ import annotations

import sqlite3
import statistics
import time

import networkx as nx
import numpy as np
import polars as pl

from bench.world import build_bench_db
from casedb.analysis.routes import route_shares
from casedb.analysis.splits import detect_splits
from casedb.links.linked_cases import linked_cases
from casedb.links.network import party_network
from casedb.parties.resolution import fuzzy_pairs
from casedb.store.database import Database


def _time(fn, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _raw_read(path) -> float:
    con = sqlite3.connect(path)
    t0 = time.perf_counter()
    rows = con.execute("SELECT declaration_date, country_of_destination, gross_weight_kg "
                       "FROM declaration").fetchall()
    df = pl.DataFrame(rows, orient="row", schema=["d", "c", "w"])
    df.group_by("c").agg(pl.col("w").sum())
    con.close()
    return time.perf_counter() - t0


def _names(n: int) -> dict[int, str]:
    rng = np.random.default_rng(3)
    words = ["pacific", "green", "golden", "polymer", "recycling", "metals", "trading", "eco",
             "harbour", "orient", "delta", "prime", "united", "global", "royal", "jade"]
    out = {}
    for i in range(n):
        a, b = rng.choice(words, 2, replace=False)
        base = f"{a} {b} {i // 3:05d}"
        out[i] = base if i % 3 else base.replace("e", "a", 1)  # a typo variant now and then
    return out


def run(scale: int) -> list[dict]:
    path = build_bench_db(None, scale)
    db = Database(path)
    con = sqlite3.connect(path)
    refs = [r[0] for r in con.execute('SELECT case_ref FROM "case" ORDER BY id LIMIT 20')]
    con.close()
    linked = _time(lambda: [linked_cases(db, r) for r in refs]) / len(refs)
    net_t0 = time.perf_counter()
    g = party_network(db)
    net = time.perf_counter() - net_t0
    raw_graph = _time(lambda: nx.Graph(list(g.edges())))
    months = _time(lambda: route_shares(db, by="dest-country", period="month"))
    raw = _raw_read(path)
    splits = _time(lambda: detect_splits(db))
    names = _names(100_000)
    resolve = _time(lambda: fuzzy_pairs(names))
    rows = [
        {"name": "linked cases of one case (mean of 20)", "value": linked * 1000, "unit": "ms",
         "target": "<= 100 ms", "limit": "", "note": f"{scale:,} declarations"},
        {"name": "full party network", "value": net, "unit": "s", "target": "<= 15 s",
         "limit": f"networkx graph from the same edge list: {raw_graph:.2f} s",
         "note": f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges"},
        {"name": "route shares by month", "value": months, "unit": "s", "target": "<= 2 s",
         "limit": f"sqlite3 read + polars group-by of the same rows: {raw:.2f} s", "note": ""},
        {"name": "split detection", "value": splits, "unit": "s", "target": "<= 10 s",
         "limit": f"sqlite3 read + polars group-by: {raw:.2f} s", "note": ""},
        {"name": "resolve 100k raw party names (blocked fuzzy)", "value": resolve, "unit": "s",
         "target": "<= 30 s", "limit": "", "note": "rapidfuzz within token-prefix blocks"},
    ]
    db.dispose()
    return rows
