"""Growth of the analyses with the number of declarations, on SQLite and on PostgreSQL, up to
the ten-million world of issue 22 (docs/scale.md).

For each size and engine, each analysis runs in a fresh child process that opens the world and
measures what an analyst waits for and the memory the client held (the child's peak, VmHWM):
the declaration table's first rows (the first page's ids by ORDER BY ... LIMIT, then its rows),
the linked cases of one case (mean of 10), route shares by month, split detection, and, for
reference, every declaration id in the table's order (what the table fetches in the background
to know its length and scroll).

The worlds are bench.scale_world's, built straight into the migrated schema and kept between
runs (SQLite files in ~/.cache/wasteintel-bench, PostgreSQL databases ``wi_scale_v<g>_<n>`` on
the bench server). ``make bench`` (bench.run) measures 100k, 1M and 10M declarations, on SQLite,
and on PostgreSQL when WASTEINTEL_BENCH_PG_URL is set; WASTEINTEL_BENCH_SCALE_SIZES (comma-
separated) chooses other sizes. Building the 10M worlds the first time takes about 10 to 30
minutes each on a shared two-CPU machine (docs/scale.md gives the measured times); they are
built under ``nice``.

    python -m bench.bench_scale --sizes 100000,1000000,10000000 --engines sqlite,postgresql
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.bench_import import _sampled_child

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]
PG_VARIABLE = "WASTEINTEL_BENCH_PG_URL"
SIZES_VARIABLE = "WASTEINTEL_BENCH_SCALE_SIZES"
DEFAULT_SIZES = (100_000, 1_000_000, 10_000_000)

_SETUP = """
import json, statistics, sys, time
from sqlalchemy import text
from casedb.store.database import Database
db = Database(sys.argv[1])
CPU = []  # the process's CPU seconds (every thread) of each timed call
def timed(fn):
    t0, c0 = time.perf_counter(), time.process_time(); out = fn()
    CPU.append(time.process_time() - c0); return time.perf_counter() - t0, out
"""
# analysis -> code setting ``seconds`` (and optionally ``extra``, a dict)
MEASURES = {
    "first_rows": """
from casedb.browse.tables import declaration_ids, declaration_rows
seconds, rows = timed(lambda: declaration_rows(db, declaration_ids(db, limit=100)))
extra = {"rows": len(rows)}
""",
    "linked": """
from casedb.links.linked_cases import linked_cases
with db.read() as s:
    refs = list(s.scalars(text('SELECT case_ref FROM "case" ORDER BY id LIMIT 10')))
linked_cases(db, refs[0])  # the first query of a process pays for compiling the statements
seconds = statistics.mean(timed(lambda r=r: linked_cases(db, r))[0] for r in refs)
extra = {}
""",
    "routes": """
from casedb.analysis.routes import route_shares
from casedb.analysis.routes import RouteQuery, _grouped
seconds, table = timed(lambda: route_shares(db, by="dest-country", period="month"))
grouping, _ = timed(lambda: _grouped(db, RouteQuery(by="dest-country", period="month")))
extra = {"periods": len(table.periods), "routes": len(table.series), "grouping_s": grouping}
""",
    "splits": """
from casedb.analysis.splits import detect_splits
seconds, rings = timed(lambda: detect_splits(db))
extra = {"rings": len(rings)}
""",
    "all_ids": """
from casedb.browse.tables import declaration_ids
seconds, ids = timed(lambda: declaration_ids(db))
extra = {"ids": len(ids)}
""",
}
_REPORT = """
import resource  # the CPU of child processes ended by now: SQLite's reading worker
print(json.dumps({"seconds": seconds, "cpu_s": CPU[0] if len(CPU) < 3 else statistics.mean(CPU),
                  "children_cpu_s": resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
                  + resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime,
                  "peak_mb": peak_mb(), **extra}))
"""


def world(n: int, engine: str) -> tuple[str, str]:
    """The world's URL, and how it was had (built now, in how long, or kept). Built (or only
    brought to the schema's head) by a child under ``nice``: the machine is shared."""
    started = time.perf_counter()
    args = ["--n", str(n), "--engine", engine]
    if engine == "postgresql":
        server = os.environ.get(PG_VARIABLE)
        if not server:
            raise SystemExit(f"{PG_VARIABLE} is not set: the PostgreSQL server's URL")
        args += ["--pg-url", server]
    out = subprocess.run(["nice", "-n", "10", sys.executable, "-m", "bench.scale_world", *args],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    path = out.stdout.strip().splitlines()[-1]
    took = time.perf_counter() - started
    url = path if engine == "postgresql" else f"sqlite:///{path}"
    return url, (f"world built in {took / 60:.0f} min" if took > 60 else "world kept")


def measure(url: str) -> dict[str, dict]:
    """Each analysis in a child of its own; "together_mb" is the highest sum of the memory of
    the child and its own children (SQLite's reading worker, casedb.store.arrow_sqlite)
    sampled every 100 ms."""
    return {name: _sampled_child(_SETUP + code + _REPORT, url) for name, code in MEASURES.items()}


def rows_for(n: int, engine: str, got: dict[str, dict], how: str) -> list[dict]:
    heaviest = max(got, key=lambda k: got[k]["peak_mb"])
    together = max(got.values(), key=lambda g: g["together_mb"])["together_mb"]
    peak = (f"client peak {got[heaviest]['peak_mb']:,.0f} MB ({heaviest}; target <= 2 GB), "
            f"with its reading worker at most {together:,.0f} MB at once")
    all_ids = (f"every id in order (the table's background query) {got['all_ids']['seconds']:.1f}"
               f" s, {got['all_ids']['peak_mb']:,.0f} MB")
    name = f"scale {n:,} {engine}"

    def row(what, key, unit, target, note=""):
        value = got[key]["seconds"] * (1000 if unit == "ms" else 1)
        worker = (f" + {got[key]['children_cpu_s']:.2f} s in the reading worker"
                  if got[key].get("children_cpu_s", 0) >= 0.01 else "")
        mem = f"CPU {got[key]['cpu_s']:.2f} s{worker}; {got[key]['peak_mb']:,.0f} MB"
        return {"name": f"{name}: {what}", "value": value, "unit": unit, "target": target,
                "limit": "", "note": "; ".join(x for x in (note, mem) if x)}

    return [
        row("declaration table first rows", "first_rows", "ms", "<= 300 ms", all_ids),
        row("linked cases (mean of 10)", "linked", "ms", "<= 100 ms"),
        row("route shares by month", "routes", "s", "<= 10 s",
            f"of which the database's GROUP BY {got['routes']['grouping_s']:.1f} s (run again); "
            "the rest is the change points of each route (shifts.py, ruptures; its first "
            "import 2-5 s) and does not grow with the declarations"),
        row("split detection", "splits", "s", "<= 60 s",
            f"{got['splits']['rings']} rings; {peak}; {how}"),
    ]


def measure_all(sizes: list[int], engines: list[str]) -> list[dict]:
    out = []
    for n in sizes:
        for engine in engines:
            url, how = world(n, engine)
            got = measure(url)
            log.info("%s %d: %s", engine, n, json.dumps(got))
            out += rows_for(n, engine, got, how)
    return out


def run(scale: int) -> list[dict]:
    """bench.run's entry: DEFAULT_SIZES, or those of SIZES_VARIABLE; ``scale`` is not used
    (the sizes are the issue's)."""
    asked = os.environ.get(SIZES_VARIABLE)
    sizes = [int(s) for s in asked.split(",")] if asked else list(DEFAULT_SIZES)
    engines = ["sqlite"] + (["postgresql"] if os.environ.get(PG_VARIABLE) else [])
    return measure_all(sizes, engines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                   help="declarations, comma-separated")
    p.add_argument("--engines", default="sqlite", help="sqlite,postgresql")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    rows = measure_all([int(s) for s in args.sizes.split(",")], args.engines.split(","))
    json.dump(rows, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
