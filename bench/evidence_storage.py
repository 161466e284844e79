"""What the evidence trail costs: import a 20-column CSV of N rows (default 200,000) into a new
SQLite database and report the pages raw_row takes (dbstat), the bytes a row and the import's
time; ``--without`` imports with the raw cells switched off, for the pair.

    .venv/bin/python -m bench.evidence_storage [N] [--without]

Measured 2026-12-07 at 200k rows, load average about 6 on 2 cores: raw_row 63.6 MB (318 bytes a
row; the database 155 -> 219 MB; the CSV is 46 MB); import 22.0 / 32.3 / 16.1 s without, 32.1 /
23.0 / 26.4 s with (too noisy to say more than "a few seconds"; alone, serialising the 200k rows
took 0.8 s in the reading process and inserting them 0.5 s)."""

from __future__ import annotations

import csv
import datetime as dt
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from casedb.importing.pipeline import import_file
from casedb.store import migrate
from casedb.store.database import Database

HEADER = ["Declaration No.", "Declaration Date", "Shipper", "Shipper Address", "Consignee",
          "Broker", "HS Code", "Goods Description", "Gross Weight (kg)", "Net Weight (kg)",
          "Declared Value", "Currency", "Port of Loading", "Port of Discharge",
          "Country of Origin", "Vessel", "Voyage No.", "B/L No.", "Container No.", "Remarks"]


def write_csv(path: Path, n: int) -> None:
    rnd = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(n):
            day = dt.date(2019, 1, 1) + dt.timedelta(days=rnd.randrange(1500))
            w.writerow([
                f"EX{i:09d}", day.isoformat(), f"Shipper {rnd.randrange(3000)} Trading Co., Ltd.",
                f"{rnd.randrange(999)} Harbour Road, Kaohsiung",
                f"Consignee {rnd.randrange(2000)} Sdn Bhd", f"Broker {rnd.randrange(80)}",
                rnd.choice(["391590", "391510", "854900", "720449"]),
                "PLASTIC SCRAP (PET BOTTLE FLAKES)", f"{rnd.uniform(5000, 26000):.1f}",
                f"{rnd.uniform(4000, 25000):.1f}", f"{rnd.uniform(1000, 90000):.2f}", "USD",
                "TWKHH", rnd.choice(["MYPKG", "VNHPH", "IDJKT"]), "TWN",
                f"EVER {rnd.choice('ABCDEFG')}", f"{rnd.randrange(999):03d}W",
                f"EGLV{rnd.randrange(10**9):09d}", "", ""])


def main(argv: list[str]) -> None:
    n = int(next((a for a in argv if a.isdigit()), 200_000))
    if "--without" in argv:
        import casedb.importing.write_merge as store
        import casedb.importing.write_new as fresh

        store.store_raw = fresh.store_raw = lambda *a, **k: None
    with tempfile.TemporaryDirectory() as tmp:
        path, db_path = Path(tmp) / "decl.csv", Path(tmp) / "m.db"
        write_csv(path, n)
        db = Database(db_path, user="bench")
        migrate.upgrade(db)
        started = time.perf_counter()
        import_file(db, path)
        took = time.perf_counter() - started
        db.dispose()
        con = sqlite3.connect(db_path)
        pages = dict(con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
        raw = pages.get("raw_row", 0) + pages.get("raw_sheet", 0)
        rows = con.execute("SELECT COUNT(*) FROM raw_row").fetchone()[0]
        con.close()
        size = db_path.stat().st_size
        sys.stdout.write(f"{n} rows, CSV {path.stat().st_size / 1e6:.1f} MB, database "
                         f"{size / 1e6:.1f} MB, raw_row {raw / 1e6:.1f} MB for {rows} rows "
                         f"({raw / max(rows, 1):.0f} bytes a row), import {took:.1f} s\n")


if __name__ == "__main__":
    main(sys.argv[1:])
