"""Import into a PostgreSQL team server: a CSV end to end, beside the raw limit measured in the
same run (the reader alone, plus psycopg COPY of the same rows into the declaration table) and
beside the floor of the schema: psycopg COPY of every row the importer writes for the same file
(declarations, two party links, containers, provenance, the cells as written) into the real
tables, in one transaction, with their foreign keys and indexes. On PostgreSQL the server checks
each foreign key of each row (about 2M checks for 200k rows) and keeps the declaration's 11
secondary indexes: profiled (server CPU of 200k rows, 2026-12-07) foreign keys took half of it,
secondary indexes a third, the rows themselves the rest; the importer's own work, a tenth.

The server is the one ``scripts/pg-test-server`` runs on this machine (``make bench`` starts it
and passes its URL in WASTEINTEL_BENCH_PG_URL). Each measure gets a database of its own, dropped
afterwards. Issue 22's target is half of reader + COPY; the row gives the import's share of each
of the three limits."""

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
from casedb.store import migrate
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


# Every row the importer writes for a bench file, cheaply converted (no normalising), written
# by COPY into the real tables with their constraints: what the schema costs the server.
_FULL = """
import gc, json, sys, time, datetime as dt
import psycopg
from casedb.store.database import Database
from casedb.store import migrate
from casedb.importing.readers import read_workbook
db = Database(sys.argv[1]); migrate.upgrade(db); db.dispose()
gc.disable()
t0 = time.perf_counter(); sheets = read_workbook(sys.argv[2]); t_read = time.perf_counter() - t0
t1 = time.perf_counter()
now, i, parties = dt.datetime.now(dt.timezone.utc), 0, {}
decls, links, boxes, prov, raw = [], [], [], [], []
kg = lambda c: float(str(c).replace(",", "").removesuffix("kg"))
for s in sheets:
    for n, row in enumerate(s.rows[1:], start=2):
        (no, date, hs, gross, net, pol, pod, cx, cd, cont, shipper, _tel, consignee, vessel,
         voyage, bl) = row
        i += 1
        decls.append((i, "", str(no), str(date)[:10], str(hs), kg(gross), kg(net), str(pol)[:5],
                      str(pod)[:5], str(cx)[:3], str(cd)[:3], str(vessel), str(voyage), str(bl),
                      1, now))
        for role, key in (("consignee", (str(consignee), str(cd)[:3])),
                          ("shipper", (str(shipper), str(cx)[:3]))):
            pid = parties.setdefault(key, len(parties) + 1)
            links.append((i, role, pid, pid))
        boxes += ((i, c) for c in dict.fromkeys(str(cont).replace(",", " ").split()))
        prov.append((1, 1, s.name, n, "declaration", i))
        raw.append((1, s.name, n, json.dumps([str(c) for c in row])))
t_conv = time.perf_counter() - t1
TABLES = [
    ("party", "id, display_name, name_key, country, kind, version, created_at",
     [(p, n, n.lower(), c, "company", 1, now) for (n, c), p in parties.items()]),
    ("party_name", "id, party_id, raw_name, name_key, country",
     [(p, p, n, n.lower(), c) for (n, c), p in parties.items()]),
    ("declaration", "id, authority, declaration_no, declaration_date, hs_code, gross_weight_kg, "
     "net_weight_kg, port_of_loading, port_of_discharge, country_of_export, "
     "country_of_destination, vessel_name, voyage_no, bl_no, version, created_at", decls),
    ("declaration_party", "declaration_id, role, party_id, party_name_id", links),
    ("declaration_container", "declaration_id, container_no", boxes),
    ("row_provenance", "source_file_id, import_run_id, sheet, row_number, entity, entity_id", prov),
    ("raw_row", "source_file_id, sheet, row_number, cells", raw)]
t2 = time.perf_counter()
with psycopg.connect(sys.argv[3]) as con, con.cursor() as cur:
    cur.execute("INSERT INTO source_file (id, sha256, file_name, size, first_seen) "
                "VALUES (1, 'bench', 'bench', 0, now())")
    cur.execute("INSERT INTO import_run (id, source_file_id, started_at, actor, kind, spec, "
                "summary) VALUES (1, 1, now(), 'bench', 'declarations', '{}', '{}')")
    per_table = {}
    for table, columns, rows in TABLES:
        t3 = time.perf_counter()
        with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(r)
        per_table[table] = time.perf_counter() - t3
t_ins = time.perf_counter() - t2
print(json.dumps({"read": t_read, "convert": t_conv, "insert": t_ins, "rows": i,
                  "per_table": per_table,
                  "written": 2 + sum(len(rows) for _, _, rows in TABLES), "peak_mb": peak_mb()}))
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
        with _Database(admin_url) as url:
            model = _child(_FULL, url, path, url)
    rps = full["rows"] / full["secs"]
    raw_rps = raw["rows"] / (raw["read"] + raw["insert"])
    model_rps = model["rows"] / (model["read"] + model["convert"] + model["insert"])
    # The same declarations with every column the import fills (the 11 secondary indexes then
    # hold values, not NULLs): "the same rows into the same table", beside the narrow COPY.
    wide_rps = model["rows"] / (model["read"] + model["per_table"]["declaration"])
    return [{
        "name": f"CSV import into PostgreSQL, {full['rows']:,} rows", "value": rps,
        "unit": "rows/s", "target": f">= {raw_rps / 2:,.0f} (half the limit)",
        "limit": f"reader + psycopg COPY into declaration: {raw_rps:,.0f} rows/s (read "
                 f"{raw['rows'] / raw['read']:,.0f}/s, COPY {raw['rows'] / raw['insert']:,.0f}/s; 4 "
                 f"columns; import {rps / raw_rps:.2f} of it); the same declarations with every "
                 f"column the import fills: {wide_rps:,.0f} rows/s (import {rps / wide_rps:.2f}); "
                 f"full data model (decl, 2 party links, containers, provenance, raw cells; "
                 f"foreign keys and indexes as the schema has them) by psycopg COPY: "
                 f"{model_rps:,.0f} rows/s (COPY {model['rows'] / model['insert']:,.0f} rows/s, "
                 f"{model['written']:,} table rows; import {rps / model_rps:.2f} of it)",
        "note": f"{full['imported']:,} imported, {full['refused']} refused, {full['secs']:.1f} s; "
                f"local server, peak memory {full['peak_mb']:,.0f} MB"}]
