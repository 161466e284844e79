"""Growth of the analyses with the number of declarations, on SQLite and on PostgreSQL, up to
the ten-million world of issue 22 (docs/scale.md).

For each size and engine, one child process opens the world and measures what an analyst
waits for: the linked cases of one case (mean of 10), split detection, route shares by month,
the declaration table's first rows (its ids in the table's order, then the first 100 rows),
and the child's own peak memory (VmHWM). The SQLite world is bench.world's (cached in
WASTEINTEL_BENCH_CACHE); the PostgreSQL world is that file copied into a database named
``wi_scale_<n>_<head>`` on the server, kept between runs (drop it by hand to rebuild).

``make bench`` (bench.run) measures only a small world: min(scale, 100k) declarations, on
SQLite, and on PostgreSQL when WASTEINTEL_BENCH_PG_URL is set. The large worlds are built only
when asked for explicitly:

    python -m bench.bench_scale --sizes 100000,300000 [--engines sqlite,postgresql]
    python -m bench.bench_scale --sizes 10000000 --build-10m   # hours and tens of GB

or with WASTEINTEL_BENCH_SCALE_SIZES=10000000 in bench.run's environment. Building the 10M
world without --build-10m (or the variable) is refused: on a shared machine it takes the CPU
for hours.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import sys
import time

from bench.bench_import import _PEAK, _child
from bench.world import build_bench_db

log = logging.getLogger(__name__)
PG_VARIABLE = "WASTEINTEL_BENCH_PG_URL"
SIZES_VARIABLE = "WASTEINTEL_BENCH_SCALE_SIZES"
DEFAULT_MAX = 100_000  # what make bench measures by default
LARGE = 1_000_000  # from here on, only with the explicit flag
# The tables of a world, parents first, as copied into PostgreSQL.
TABLES = ("party", "party_name", "party_identifier", "declaration", "declaration_container",
          "declaration_party", "case", "seizure", "source_file", "import_run", "row_provenance")

_MEASURE = _PEAK + """
import json, statistics, sys, time
from casedb.store.database import Database
from casedb.analysis.routes import route_shares
from casedb.analysis.splits import detect_splits
from casedb.browse.tables import declaration_ids, declaration_rows
from casedb.links.linked_cases import linked_cases
from sqlalchemy import text
db = Database(sys.argv[1])
with db.read() as s:
    refs = list(s.scalars(text('SELECT case_ref FROM "case" ORDER BY id LIMIT 10')))
    n = s.scalar(text("SELECT count(*) FROM declaration"))
def timed(fn):
    t0 = time.perf_counter(); out = fn(); return time.perf_counter() - t0, out
first, _ = timed(lambda: declaration_rows(db, declaration_ids(db)[:100]))
linked = statistics.mean(timed(lambda r=r: linked_cases(db, r))[0] for r in refs)
routes, _ = timed(lambda: route_shares(db, by="dest-country", period="month"))
splits, rings = timed(lambda: detect_splits(db))
print(json.dumps({"declarations": n, "first_rows_ms": first * 1000, "linked_ms": linked * 1000,
                  "routes_s": routes, "splits_s": splits, "rings": len(rings),
                  "peak_mb": peak_mb()}))
"""


def sqlite_world(n: int) -> str:
    started = time.perf_counter()
    path = build_bench_db(None, n)
    log.info("SQLite world of %d declarations ready in %.0f s", n, time.perf_counter() - started)
    return f"sqlite:///{path}"


def pg_world(n: int, admin_url: str) -> str:
    """The SQLite world of ``n`` copied into a PostgreSQL database kept for the next run."""
    import psycopg

    from casedb.store import migrate
    from casedb.store.database import Database

    (head,) = migrate.heads()
    name = f"wi_scale_{n}_{head}"
    base = admin_url.split("://", 1)[1].rsplit("/", 1)[0]
    url = f"postgresql://{base}/{name}"
    with psycopg.connect(f"postgresql://{base}/postgres", autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return url
        admin.execute(f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    try:
        db = Database(url)
        migrate.upgrade(db)
        db.dispose()
        _copy_tables(sqlite_world(n).removeprefix("sqlite:///"), url)
    except BaseException:
        with psycopg.connect(f"postgresql://{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        raise
    log.info("PostgreSQL world of %d declarations copied in %.0f s", n,
             time.perf_counter() - started)
    return url


def _copy_tables(sqlite_path: str, url: str) -> None:
    import psycopg

    src = sqlite3.connect(sqlite_path)
    with psycopg.connect(url) as dst, dst.cursor() as cur:
        for table in TABLES:
            cols = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')]
            names = ", ".join(f'"{c}"' for c in cols)
            with cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in src.execute(f'SELECT {names} FROM "{table}"'):
                    copy.write_row(row)
            cur.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM \"{table}\"))"
                        if "id" in cols else "SELECT 1")
        cur.execute("ANALYZE")
    src.close()


def measure(url: str) -> dict:
    return _child(_MEASURE, url)


def rows_for(n: int, engine: str, result: dict) -> list[dict]:
    note = (f"{engine}, {result['declarations']:,} declarations, client peak "
            f"{result['peak_mb']:,.0f} MB (target <= 2 GB)")
    return [
        {"name": f"scale {n:,} {engine}: declaration table first rows",
         "value": result["first_rows_ms"], "unit": "ms", "target": "<= 300 ms", "limit": "",
         "note": note},
        {"name": f"scale {n:,} {engine}: linked cases (mean of 10)",
         "value": result["linked_ms"], "unit": "ms", "target": "<= 100 ms", "limit": "",
         "note": note},
        {"name": f"scale {n:,} {engine}: route shares by month", "value": result["routes_s"],
         "unit": "s", "target": "<= 10 s", "limit": "", "note": note},
        {"name": f"scale {n:,} {engine}: split detection", "value": result["splits_s"],
         "unit": "s", "target": "<= 60 s", "limit": "", "note": f"{result['rings']} rings; "
                                                               f"{note}"},
    ]


def measure_all(sizes: list[int], engines: list[str], *, allow_large: bool) -> list[dict]:
    out = []
    for n in sizes:
        if n >= LARGE and not allow_large:
            raise SystemExit(f"{n:,} declarations: building that world takes the machine for a "
                             f"long time; add --build-10m (or set {SIZES_VARIABLE})")
        for engine in engines:
            if engine == "postgresql":
                admin = os.environ.get(PG_VARIABLE)
                if not admin:
                    raise SystemExit(f"{PG_VARIABLE} is not set: the PostgreSQL server's URL")
                url = pg_world(n, admin)
            else:
                url = sqlite_world(n)
            out += rows_for(n, engine, measure(url))
    return out


def run(scale: int) -> list[dict]:
    """bench.run's entry: the small world by default, the sizes of SIZES_VARIABLE if set."""
    asked = os.environ.get(SIZES_VARIABLE)
    sizes = [int(s) for s in asked.split(",")] if asked else [min(scale, DEFAULT_MAX)]
    engines = ["sqlite"] + (["postgresql"] if os.environ.get(PG_VARIABLE) else [])
    return measure_all(sizes, engines, allow_large=bool(asked))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="100000", help="declarations, comma-separated")
    p.add_argument("--engines", default="sqlite", help="sqlite,postgresql")
    p.add_argument("--build-10m", action="store_true",
                   help="allow worlds of a million declarations and more")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = measure_all([int(s) for s in args.sizes.split(",")], args.engines.split(","),
                       allow_large=args.build_10m)
    json.dump(rows, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
