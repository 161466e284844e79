"""Import into a PostgreSQL team server: a CSV end to end, beside the raw limit measured in the
same run (the reader alone, plus psycopg COPY of the same rows into the declaration table).

The server is the one ``scripts/pg-test-server`` runs on this machine (``make bench`` starts it
and passes its URL in WASTEINTEL_BENCH_PG_URL). Each measure gets a database of its own, dropped
afterwards. The issue sets no target for PostgreSQL; the row is there so that a team server's
import speed is watched like the laptop's."""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.bench_import import _CHILD, _child
from bench.world import write_bench_csv

URL_VARIABLE = "WASTEINTEL_BENCH_PG_URL"

_RAW = """
import gc, json, sys, time
import psycopg
from casedb.store.database import Database
from casedb import migrate
from casedb.importing.readers import read_workbook
db = Database(sys.argv[1]); migrate.upgrade(db); db.dispose()
gc.disable()
t0 = time.perf_counter(); sheets = read_workbook(sys.argv[2]); t_read = time.perf_counter() - t0
rows = [r for s in sheets for r in s.rows[1:]]
t1 = time.perf_counter()
with psycopg.connect(sys.argv[3]) as con, con.cursor() as cur:
    with cur.copy("COPY declaration (authority, declaration_no, version, created_at) "
                  "FROM STDIN") as copy:
        for r in rows:
            copy.write_row(("", str(r[0]), 1, "2024-01-01"))
t_ins = time.perf_counter() - t1
print(json.dumps({"read": t_read, "insert": t_ins, "rows": len(rows), "peak_mb": peak_mb()}))
"""


class _Database:
    """A fresh database on the server, dropped on exit; its URL for casedb and for psycopg."""

    def __init__(self, admin_url: str):
        self.admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://", 1),
                                   isolation_level="AUTOCOMMIT")
        self.name = f"wi_bench_{uuid.uuid4().hex[:12]}"
        self.url = admin_url.rsplit("/", 1)[0] + f"/{self.name}"

    def __enter__(self) -> str:
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        return self.url

    def __exit__(self, *exc) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


def run(scale: int) -> list[dict]:
    admin_url = os.environ.get(URL_VARIABLE)
    if not admin_url:
        raise RuntimeError(f"{URL_VARIABLE} is not set: run through 'make bench', which starts "
                           "the PostgreSQL server")
    n = min(max(scale // 5, 1000), 200_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_bench_csv(Path(tmp) / "bench.csv", n)
        with _Database(admin_url) as url:
            full = _child(_CHILD, url, path)
        with _Database(admin_url) as url:
            raw = _child(_RAW, url, path, url)
    rps = full["rows"] / full["secs"]
    raw_rps = raw["rows"] / (raw["read"] + raw["insert"])
    return [{
        "name": f"CSV import into PostgreSQL, {full['rows']:,} rows", "value": rps,
        "unit": "rows/s", "target": "(none set)",
        "limit": f"reader + psycopg COPY into declaration: {raw_rps:,.0f} rows/s (read "
                 f"{raw['rows'] / raw['read']:,.0f}/s, COPY {raw['rows'] / raw['insert']:,.0f}/s)",
        "note": f"{full['imported']:,} imported, {full['refused']} refused, {full['secs']:.1f} s; "
                f"local server, peak memory {full['peak_mb']:,.0f} MB"}]
