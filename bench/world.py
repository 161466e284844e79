"""A scalable synthetic world for benchmarks: up to 1M declarations.

``build_bench_db(path, n)`` writes a migrated SQLite case database directly with sqlite3
executemany (the same tables and shapes the importer writes: parties with raw names and
identifiers, containers, roles, cases with seizures, provenance), cached by (n, seed).
``write_bench_csv`` / ``write_bench_xlsx`` write import-ready files with English headers.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

import numpy as np

from casedb.normalize.containers import container_check_digit
from casedb.normalize.names import name_key
from casedb.store import migrate
from casedb.store.database import SQLITE_PAGE_SIZE, Database

log = logging.getLogger(__name__)
COUNTRIES = np.array(["GBR", "USA", "JPN", "DEU", "NLD", "AUS", "TWN", "MYS", "VNM", "THA",
                      "IDN", "TUR", "IND", "CHN", "HKG"])
PORTS = np.array(["GBFXT", "USLAX", "JPYOK", "DEHAM", "NLRTM", "AUMEL", "TWKHH", "MYPKG", "VNHPH",
                  "THLCH", "IDJKT", "TRMER", "INNSA", "CNNGB", "HKHKG"])
HS = np.array(["391510", "391520", "391590", "720449", "740400", "760200", "470790", "854900"])
HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Net Weight",
          "Port of Loading", "Port of Discharge", "Country of Export", "Destination",
          "Container No(s).", "Shipper", "Shipper Phone", "Consignee", "Vessel", "Voyage No.",
          "B/L No."]


def cache_dir() -> Path:
    return Path(os.environ.get("WASTEINTEL_BENCH_CACHE", "/tmp/wasteintel-bench"))


def _containers(rng, n: int) -> list[str]:
    owners = np.array(["MSCU", "TGHU", "CMAU", "OOLU", "EGHU", "HLXU"])
    nums = rng.integers(0, 999_999, n)
    out = []
    for o, x in zip(owners[rng.integers(0, len(owners), n)], nums, strict=True):
        first = f"{o}{x:06d}"
        out.append(first + str(container_check_digit(first)))
    return out


def _columns(n: int, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    n_parties = max(50, n // 50)
    days = rng.integers(0, 9 * 365, n)
    base = dt.date(2016, 1, 1).toordinal()
    return {
        "no": [f"B{seed}/{i:08d}" for i in range(n)],
        "date": [dt.date.fromordinal(base + int(d)).isoformat() for d in days],
        "hs": HS[rng.integers(0, len(HS), n)],
        "kg": np.round(rng.uniform(5_000, 26_000, n)),
        "pol": rng.integers(0, 7, n), "pod": rng.integers(7, 15, n),
        "shipper": rng.integers(0, n_parties, n), "consignee": rng.integers(0, n_parties, n),
        "containers": _containers(rng, n), "voyage": rng.integers(100, 999, n),
        "vessel": rng.integers(0, 40, n), "n_parties": n_parties,
    }


def _party_name(i: int) -> str:
    return f"Company {i:06d} {'Ltd' if i % 3 else 'Co., Ltd.'}"


def build_bench_db(path, n_declarations: int, seed: int = 1) -> Path:
    """A SQLite case database of ``n_declarations``, built once and cached."""
    (head,) = migrate.heads()  # a schema change, or another page size, builds a new one
    name = f"bench_{n_declarations}_{seed}_{head}_p{SQLITE_PAGE_SIZE // 1024}k.db"
    target = Path(path) if path else cache_dir() / name
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".building")
    tmp.unlink(missing_ok=True)
    db = Database(tmp)
    migrate.upgrade(db)
    db.dispose()
    c = _columns(n_declarations, seed)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    with con:
        _fill(con, c, n_declarations)
        con.execute("ANALYZE")  # the planner statistics an import leaves (refresh_statistics)
    con.close()
    tmp.rename(target)
    log.info("bench database of %d declarations at %s", n_declarations, target)
    return target


def _fill(con: sqlite3.Connection, c: dict, n: int) -> None:
    now = "2025-01-01 00:00:00"
    np_ = c["n_parties"]
    con.executemany("INSERT INTO party (id, display_name, name_key, country, kind, version, "
                    "created_at) VALUES (?, ?, ?, ?, 'company', 1, ?)",
                    ((i + 1, _party_name(i), name_key(_party_name(i)), COUNTRIES[i % 15], now)
                     for i in range(np_)))
    con.executemany("INSERT INTO party_name (id, party_id, raw_name, name_key, country) "
                    "VALUES (?, ?, ?, ?, ?)",
                    ((i + 1, i + 1, _party_name(i), name_key(_party_name(i)), COUNTRIES[i % 15])
                     for i in range(np_)))
    con.executemany("INSERT INTO party_identifier (party_id, kind, value, value_key) "
                    "VALUES (?, 'phone', ?, ?)",  # every 40th party shares a phone with the next
                    ((i + 1, f"+44 161 555 {i - i % 2:04d}", f"+44161555{i - i % 2:04d}")
                     for i in range(np_)))
    con.executemany(
        "INSERT INTO declaration (id, authority, declaration_no, declaration_date, direction, "
        "hs_code, gross_weight_kg, net_weight_kg, port_of_loading, port_of_discharge, "
        "country_of_export, country_of_destination, vessel_name, voyage_no, bl_no, version, "
        "created_at) VALUES (?, 'BENCH', ?, ?, 'export', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
        ((i + 1, c["no"][i], c["date"][i], str(c["hs"][i]), float(c["kg"][i]),
          float(c["kg"][i]) * 0.97, str(PORTS[c["pol"][i]]), str(PORTS[c["pod"][i]]),
          str(COUNTRIES[c["pol"][i]]), str(COUNTRIES[c["pod"][i]]), f"VESSEL {c['vessel'][i]}",
          f"{c['voyage'][i]}E", f"BL{i:09d}", now) for i in range(n)))
    con.executemany("INSERT OR IGNORE INTO declaration_container VALUES (?, ?)",
                    ((i + 1, c["containers"][i]) for i in range(n)))
    con.executemany("INSERT INTO declaration_party (declaration_id, role, party_id) "
                    "VALUES (?, ?, ?)",
                    ((i + 1, role, int(c[role][i]) + 1) for i in range(n)
                     for role in ("shipper", "consignee")))
    n_cases = max(1, n // 200)
    con.executemany("INSERT INTO \"case\" (id, case_ref, title, status, summary, tags, version, "
                    "created_at) VALUES (?, ?, '', 'open', '', '[]', 1, ?)",
                    ((k + 1, f"BENCH-{k:06d}", now) for k in range(n_cases)))
    con.executemany("INSERT OR IGNORE INTO seizure (case_id, declaration_id, version, created_at) "
                    "VALUES (?, ?, 1, ?)",
                    ((k % n_cases + 1, k * 97 % n + 1, now) for k in range(n_cases * 3)))
    con.execute("INSERT INTO source_file (id, sha256, file_name, size, first_seen) "
                "VALUES (1, 'bench', 'bench', 0, ?)", (now,))
    con.execute("INSERT INTO import_run (id, source_file_id, started_at, actor, kind, spec, "
                "summary) VALUES (1, 1, ?, 'bench', 'declarations', '{}', '{}')", (now,))
    con.executemany("INSERT INTO row_provenance (source_file_id, import_run_id, sheet, "
                    "row_number, entity, entity_id) VALUES (1, 1, 'bench', ?, 'declaration', ?)",
                    ((i + 2, i + 1) for i in range(n)))


def _rows(n: int, seed: int):
    c = _columns(n, seed)
    for i in range(n):
        shipper, consignee = int(c["shipper"][i]), int(c["consignee"][i])
        yield [c["no"][i], c["date"][i], str(c["hs"][i]), f"{c['kg'][i]:,.0f} kg",
               f"{c['kg'][i] * 0.97:.1f}", PORTS[c["pol"][i]], PORTS[c["pod"][i]],
               COUNTRIES[shipper % 15], COUNTRIES[consignee % 15], c["containers"][i],
               _party_name(int(c["shipper"][i])), f"+44 161 555 {int(c['shipper'][i]):04d}",
               _party_name(int(c["consignee"][i])), f"VESSEL {c['vessel'][i]}",
               f"{c['voyage'][i]}E", f"BL{i:09d}"]


def write_bench_csv(path, n_rows: int, seed: int = 1) -> Path:
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(_rows(n_rows, seed))
    return path


def write_bench_xlsx(path, n_rows: int, seed: int = 1) -> Path:
    import xlsxwriter

    path = Path(path)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Declarations")
    ws.write_row(0, 0, HEADER)
    for r, row in enumerate(_rows(n_rows, seed), start=1):
        ws.write_row(r, 0, [str(v) for v in row])
    wb.close()
    return path
