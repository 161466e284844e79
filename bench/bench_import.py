"""Import benchmarks: a 1M-row CSV and a 200k-row xlsx end to end, beside the raw limit
(the reader alone, plus plain sqlite3 executemany of the same rows into the same table)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.world import write_bench_csv, write_bench_xlsx

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, resource, sys, time
from casedb.db import Database
from casedb import migrate
from casedb.importing.pipeline import import_file
db = Database(sys.argv[1]); migrate.upgrade(db)
t0 = time.perf_counter(); r = import_file(db, sys.argv[2]); secs = time.perf_counter() - t0
print(json.dumps({"secs": secs, "rows": r.rows_read, "imported": r.imported,
                  "refused": len(r.refused),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_RAW = """
import json, resource, sqlite3, sys, time
from casedb.db import Database
from casedb import migrate
from casedb.importing.readers import read_workbook
db = Database(sys.argv[1]); migrate.upgrade(db); db.dispose()
t0 = time.perf_counter(); sheets = read_workbook(sys.argv[2]); t_read = time.perf_counter() - t0
rows = [r for s in sheets for r in s.rows[1:]]
con = sqlite3.connect(sys.argv[1]); con.execute("PRAGMA journal_mode=WAL")
t1 = time.perf_counter()
with con:
    con.executemany("INSERT INTO declaration (authority, declaration_no, version, created_at) "
                    "VALUES ('', ?, 1, '2024-01-01')", ((f"{r[0]}",) for r in rows))
t_ins = time.perf_counter() - t1
print(json.dumps({"read": t_read, "insert": t_ins, "rows": len(rows),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, *args) -> dict:
    import json

    out = subprocess.run([sys.executable, "-c", code, *map(str, args)], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _measure(kind: str, path: Path, target_rps: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        full = _child(_CHILD, Path(tmp) / "full.db", path)
        raw = _child(_RAW, Path(tmp) / "raw.db", path)
    rps = full["rows"] / full["secs"]
    raw_rps = raw["rows"] / (raw["read"] + raw["insert"])
    return [
        {"name": f"{kind} import, {full['rows']:,} rows", "value": rps, "unit": "rows/s",
         "target": f">= {target_rps:,} rows/s",
         "limit": f"reader + sqlite3 executemany: {raw_rps:,.0f} rows/s "
                  f"(read {raw['rows'] / raw['read']:,.0f}/s, insert "
                  f"{raw['rows'] / raw['insert']:,.0f}/s)",
         "note": f"{full['imported']:,} imported, {full['refused']} refused, "
                 f"{full['secs']:.1f} s"},
        {"name": f"{kind} import peak memory", "value": full["peak_mb"], "unit": "MB",
         "target": "<= 1,500 MB", "limit": f"reader alone: {raw['peak_mb']:,.0f} MB", "note": ""},
    ]


def run(scale: int) -> list[dict]:
    csv_rows = min(scale, 1_000_000)
    xlsx_rows = min(scale // 5 if scale < 1_000_000 else 200_000, 200_000)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = write_bench_csv(Path(tmp) / "bench.csv", csv_rows)
        xlsx_path = write_bench_xlsx(Path(tmp) / "bench.xlsx", xlsx_rows)
        return _measure("CSV", csv_path, 50_000) + _measure("xlsx", xlsx_path, 25_000)
