"""Import benchmarks: a 1M-row CSV and a 200k-row xlsx end to end, beside the raw limit
(the reader alone, plus plain sqlite3 executemany of the same rows into the same table) and, for
context, plain sqlite3 executemany of every row the importer writes for the same file.

Peak memory is each child's own high-water mark (VmHWM): ru_maxrss is no use in a child started
by subprocess, since Linux carries the parent's high-water mark over into it at exec. The import's
figure is the importer and the process that reads the file for it together: the highest sum of
their PSS, sampled from outside every 100 ms; the sum of their own peaks stands beside it. The
speed comes from another run of the same import, whose memory is not sampled."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.world import write_bench_csv, write_bench_xlsx

ROOT = Path(__file__).resolve().parents[1]

# Prepended to every child script: the mm is fresh after exec, so VmHWM is the child's own peak.
_PEAK = """
def peak_mb():
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
    except OSError:  # not Linux: macOS gives its peak in bytes; Windows has no resource module
        import resource, sys
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20 if sys.platform ==
                                                                       "darwin" else 1 << 10)
"""

_CHILD = """
import gc, json, sys, time
gc.disable()  # a process that only imports, as the workstation's and the command's are
from casedb.store.database import Database
from casedb.store import migrate
from casedb.importing.pipeline import import_file
db = Database(sys.argv[1]); migrate.upgrade(db)
t0 = time.perf_counter(); r = import_file(db, sys.argv[2]); secs = time.perf_counter() - t0
import resource  # the reading process, ended and waited for: its peak (Linux: KiB)
reader_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"secs": secs, "rows": r.rows_read, "imported": r.imported,
                  "refused": len(r.refused), "peak_mb": peak_mb(), "reader_mb": reader_mb}))
"""

_RAW = """
import gc, json, sqlite3, sys, time
from casedb.store.database import Database
from casedb.store import migrate
from casedb.importing.readers import read_workbook
db = Database(sys.argv[1]); migrate.upgrade(db); db.dispose()
gc.disable()  # as the import does: a fair limit
t0 = time.perf_counter(); sheets = read_workbook(sys.argv[2]); t_read = time.perf_counter() - t0
rows = [r for s in sheets for r in s.rows[1:]]
con = sqlite3.connect(sys.argv[1]); con.execute("PRAGMA journal_mode=WAL")
t1 = time.perf_counter()
with con:
    con.executemany("INSERT INTO declaration (authority, declaration_no, version, created_at) "
                    "VALUES ('', ?, 1, '2024-01-01')", ((f"{r[0]}",) for r in rows))
t_ins = time.perf_counter() - t1
print(json.dumps({"read": t_read, "insert": t_ins, "rows": len(rows), "peak_mb": peak_mb()}))
"""

# The full data model of a bench file (columns of bench.world.HEADER), cheaply converted: the
# cost of the writes, with the indexes and pragmas of the real database, not of normalisation.
_FULL = """
import gc, json, sqlite3, sys, time
from casedb.store.database import Database
from casedb.store import migrate
from casedb.importing.readers import read_workbook
db = Database(sys.argv[1]); migrate.upgrade(db); db.dispose()
gc.disable()  # as the import does: a fair limit
t0 = time.perf_counter(); sheets = read_workbook(sys.argv[2]); t_read = time.perf_counter() - t0
t1 = time.perf_counter()
now, i, parties = "2025-01-01 00:00:00", 0, {}
decls, links, boxes, prov = [], [], [], []
kg = lambda c: float(str(c).replace(",", "").removesuffix("kg"))
for s in sheets:
    for n, (no, date, hs, gross, net, pol, pod, cx, cd, cont, shipper, _tel, consignee, vessel,
            voyage, bl) in enumerate(s.rows[1:], start=2):
        i += 1
        decls.append((i, str(no), str(date)[:10], str(hs), kg(gross), kg(net), str(pol)[:5],
                      str(pod)[:5], str(cx)[:3], str(cd)[:3], str(vessel), str(voyage), str(bl),
                      now))
        for role, key in (("shipper", (str(shipper), str(cx)[:3])),
                          ("consignee", (str(consignee), str(cd)[:3]))):
            pid = parties.setdefault(key, len(parties) + 1)
            links.append((i, role, pid, pid))
        boxes += ((i, c) for c in str(cont).replace(",", " ").split())
        prov.append((s.name, n, i))
t_conv = time.perf_counter() - t1
con = sqlite3.connect(sys.argv[1])
# As the importer: foreign keys checked once before the commit, not at every row.
for pragma in ("foreign_keys=OFF", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536"):
    con.execute("PRAGMA " + pragma)
t2 = time.perf_counter()
with con:
    con.execute("INSERT INTO source_file (id, sha256, file_name, size, first_seen) "
                "VALUES (1, 'bench', 'bench', 0, ?)", (now,))
    con.execute("INSERT INTO import_run (id, source_file_id, started_at, actor, kind, spec, "
                "summary) VALUES (1, 1, ?, 'bench', 'declarations', '{}', '{}')", (now,))
    con.executemany("INSERT INTO party (id, display_name, name_key, country, kind, version, "
                    "created_at) VALUES (?, ?, ?, ?, 'company', 1, ?)",
                    ((p, n, n.lower(), c, now) for (n, c), p in parties.items()))
    con.executemany("INSERT INTO party_name (id, party_id, raw_name, name_key, country) "
                    "VALUES (?, ?, ?, ?, ?)",
                    ((p, p, n, n.lower(), c) for (n, c), p in parties.items()))
    con.executemany(
        "INSERT INTO declaration (id, authority, declaration_no, declaration_date, hs_code, "
        "gross_weight_kg, net_weight_kg, port_of_loading, port_of_discharge, country_of_export, "
        "country_of_destination, vessel_name, voyage_no, bl_no, version, created_at) "
        "VALUES (?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)", decls)
    con.executemany("INSERT INTO declaration_party (declaration_id, role, party_id, "
                    "party_name_id) VALUES (?, ?, ?, ?)", links)
    con.executemany("INSERT INTO declaration_container (declaration_id, container_no) "
                    "VALUES (?, ?)", boxes)
    con.executemany("INSERT INTO row_provenance (source_file_id, import_run_id, sheet, "
                    "row_number, entity, entity_id) VALUES (1, 1, ?, ?, 'declaration', ?)", prov)
    assert not con.execute("PRAGMA foreign_key_check").fetchall()
t_ins = time.perf_counter() - t2
print(json.dumps({"read": t_read, "convert": t_conv, "insert": t_ins, "rows": i,
                  "written": 2 + 2 * len(parties) + len(decls) + len(links) + len(boxes)
                  + len(prov), "peak_mb": peak_mb()}))
"""


def _child(code: str, *args) -> dict:
    import json

    out = subprocess.run([sys.executable, "-c", _PEAK + code, *map(str, args)], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _sampled_child(code: str, *args) -> dict:
    """``_child``, with the memory of the child and of its own children (the import's reading
    process) summed every 100 ms: "together_mb" is the highest sum of their proportional set
    sizes (PSS: a page they share counts once), the memory the import held at one moment."""
    import json
    import time

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-c", _PEAK + code, *map(str, args)],
                                stdout=out, stderr=err, text=True, cwd=ROOT)
        together = 0.0
        while proc.poll() is None:
            together = max(together, sum(map(_pss_mb, [proc.pid, *_children(proc.pid)])))
            time.sleep(0.1)  # reading smaps_rollup costs about 1 ms: 1% of a CPU
        if proc.returncode:
            err.seek(0)
            raise subprocess.CalledProcessError(proc.returncode, proc.args, stderr=err.read())
        out.seek(0)
        result = json.loads(out.read().strip().splitlines()[-1])
    return {**result, "together_mb": together}


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("Pss:")) / 1024
    except (OSError, StopIteration):  # gone, or not Linux
        return 0.0


def _measure(kind: str, path: Path, target_rps: int) -> list[dict]:
    # Speed and memory come from two runs of the import: sampling the memory of a process
    # reads its page tables (smaps_rollup: 3.4 ms for 850 MB) under its memory-map lock, which
    # slows the import it measures; the timed run is not sampled.
    with tempfile.TemporaryDirectory() as tmp:
        timed = _child(_CHILD, Path(tmp) / "timed.db", path)
        full = _sampled_child(_CHILD, Path(tmp) / "full.db", path)
        raw = _child(_RAW, Path(tmp) / "raw.db", path)
        model = _child(_FULL, Path(tmp) / "model.db", path)
    assert (timed["imported"], timed["refused"]) == (full["imported"], full["refused"])
    full = {**full, "secs": timed["secs"], "sampled_secs": full["secs"]}
    rps = full["rows"] / full["secs"]
    raw_rps = raw["rows"] / (raw["read"] + raw["insert"])
    model_rps = model["rows"] / (model["read"] + model["convert"] + model["insert"])
    return [
        {"name": f"{kind} import, {full['rows']:,} rows", "value": rps, "unit": "rows/s",
         "target": f">= {target_rps:,} rows/s",
         "limit": f"reader + sqlite3 executemany into declaration: {raw_rps:,.0f} rows/s "
                  f"(read {raw['rows'] / raw['read']:,.0f}/s, insert "
                  f"{raw['rows'] / raw['insert']:,.0f}/s); full data model (decl, 2 party "
                  f"links, containers, provenance; foreign keys checked once) with plain sqlite3: {model_rps:,.0f} rows/s "
                  f"(insert {model['rows'] / model['insert']:,.0f} rows/s, "
                  f"{model['written']:,} table rows)",
         "note": f"{full['imported']:,} imported, {full['refused']} refused, "
                 f"{full['secs']:.1f} s ({full['sampled_secs']:.1f} s in the run whose memory "
                 "was sampled)"},
        {"name": f"{kind} import peak memory", "value": full["together_mb"], "unit": "MB",
         "target": "<= 1,500 MB", "limit": f"reader alone: {raw['peak_mb']:,.0f} MB",
         "note": "importer and its reading process together, highest PSS sum sampled every "
                 f"100 ms; the sum of their own peaks, an upper bound: {full['peak_mb']:,.0f} + "
                 f"{full['reader_mb']:,.0f} = {full['peak_mb'] + full['reader_mb']:,.0f} MB"},
    ]


def run(scale: int) -> list[dict]:
    csv_rows = min(scale, 1_000_000)
    xlsx_rows = min(scale // 5 if scale < 1_000_000 else 200_000, 200_000)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = write_bench_csv(Path(tmp) / "bench.csv", csv_rows)
        xlsx_path = write_bench_xlsx(Path(tmp) / "bench.xlsx", xlsx_rows)
        return _measure("CSV", csv_path, 50_000) + _measure("xlsx", xlsx_path, 25_000)
