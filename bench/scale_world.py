"""The synthetic worlds of bench.bench_scale, up to ten million declarations, written straight
into the real schema (created by the migrations) on SQLite and on PostgreSQL.

The world has bench.world's shape (parties with raw names and a phone shared by pairs, two party
links and a container per declaration, one case per 200 declarations with three seizures,
provenance), generated a chunk of CHUNK declarations at a time with numpy and polars (each chunk
from its own seed, so any size is built in bounded memory and the same rows come out on both
engines). The container owner codes grow with the size so that a container number is shared by
as many declarations at 10M as at 1M.

Fast and direct, not through the import: the secondary indexes of the filled tables are dropped,
the rows go in with sqlite3 executemany (SQLite) or COPY ... FORMAT csv (PostgreSQL, foreign-key
triggers off for the session with ``session_replication_role = replica``: the generator keeps
the keys consistent), then the indexes are created again from their own definitions and the
planner statistics gathered. The result is kept and reused:

- SQLite: ``$WASTEINTEL_BENCH_SCALE_CACHE`` (default ``~/.cache/wasteintel-bench``)
  ``/scale_v<GENERATOR>_<n>.db``;
- PostgreSQL: the database ``wi_scale_v<GENERATOR>_<n>`` on the bench server.

Both are brought to the current schema head when opened (``migrate.upgrade``), so a new
migration does not rebuild them. Change GENERATOR when the rows change.

    nice -n 10 python -m bench.scale_world --n 10000000 --engine sqlite
    nice -n 10 python -m bench.scale_world --n 10000000 --engine postgresql --pg-url URL
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

log = logging.getLogger(__name__)
GENERATOR = 1  # the version of the rows: part of the cache's names
CHUNK = 500_000
SEED = 1
NOW = "2025-01-01 00:00:00"
COUNTRIES = ["GBR", "USA", "JPN", "DEU", "NLD", "AUS", "TWN", "MYS", "VNM", "THA", "IDN", "TUR",
             "IND", "CHN", "HKG"]
PORTS = ["GBFXT", "USLAX", "JPYOK", "DEHAM", "NLRTM", "AUMEL", "TWKHH", "MYPKG", "VNHPH",
         "THLCH", "IDJKT", "TRMER", "INNSA", "CNNGB", "HKHKG"]
HS = ["391510", "391520", "391590", "720449", "740400", "760200", "470790", "854900"]
OWNERS = ["MSCU", "TGHU", "CMAU", "OOLU", "EGHU", "HLXU"]
FIRST_DAY = 16_801  # 2016-01-01 as days since 1970-01-01
DAYS = 9 * 365
# The tables filled, with their columns in the order of the generated rows.
COLUMNS = {
    "party": ("id", "display_name", "name_key", "country", "kind", "version", "created_at"),
    "party_name": ("id", "party_id", "raw_name", "name_key", "country"),
    "party_identifier": ("party_id", "kind", "value", "value_key"),
    "declaration": ("id", "authority", "declaration_no", "declaration_date", "direction",
                    "hs_code", "gross_weight_kg", "net_weight_kg", "port_of_loading",
                    "port_of_discharge", "country_of_export", "country_of_destination",
                    "vessel_name", "voyage_no", "bl_no", "version", "created_at"),
    "declaration_container": ("declaration_id", "container_no"),
    "declaration_party": ("declaration_id", "role", "party_id"),
    "case": ("id", "case_ref", "title", "status", "summary", "tags", "version", "created_at"),
    "seizure": ("case_id", "declaration_id", "version", "created_at"),
    "source_file": ("id", "sha256", "file_name", "size", "first_seen"),
    "import_run": ("id", "source_file_id", "started_at", "actor", "kind", "spec", "summary"),
    "row_provenance": ("source_file_id", "import_run_id", "sheet", "row_number", "entity",
                       "entity_id"),
}


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "wasteintel-bench"
    return Path(os.environ.get("WASTEINTEL_BENCH_SCALE_CACHE", default))


def world_name(n: int) -> str:
    return f"scale_v{GENERATOR}_{n}"


# -- the rows --------------------------------------------------------------------------------
def owners(n: int) -> list[str]:
    """Container owner codes: bench.world's six, and six more per million declarations."""
    want = max(len(OWNERS), round(len(OWNERS) * n / 1_000_000))
    out = list(OWNERS)
    letters = "ABCDEFGHIJKLMNOPQRSTVWXYZ"
    i = 0
    while len(out) < want:
        code = letters[i // 625 % 25] + letters[i // 25 % 25] + letters[i % 25] + "U"
        if code not in out:
            out.append(code)
        i += 1
    return out


def containers(owner_codes: list[str], owner: np.ndarray, serial: np.ndarray) -> pl.Series:
    """ISO 6346 numbers with their check digit, computed for a whole column at once."""
    from casedb.normalize.containers import _LETTERS  # ISO 6346's letter values

    head = np.array([sum(_LETTERS[ch] * 2 ** i for i, ch in enumerate(code))
                     for code in owner_codes], dtype=np.int64)
    total = head[owner]
    rest = serial.astype(np.int64)
    for i in range(9, 3, -1):  # the serial's digits, last first, weights 2^9 .. 2^4
        total = total + (rest % 10) * 2 ** i
        rest //= 10
    check = total % 11 % 10
    return (pl.Series(np.array(owner_codes))[owner] + pl.Series(serial).cast(pl.Utf8)
            .str.zfill(6) + pl.Series(check).cast(pl.Utf8))


def n_parties(n: int) -> int:
    return max(50, n // 50)


def party_name(i: pl.Expr) -> pl.Expr:
    return pl.format("Company {} {}", i.cast(pl.Utf8).str.zfill(6),
                     pl.when(i % 3 == 0).then(pl.lit("Co., Ltd.")).otherwise(pl.lit("Ltd")))


def parties(n: int) -> dict[str, pl.DataFrame]:
    from casedb.normalize.names import name_key

    i = pl.DataFrame({"i": np.arange(n_parties(n), dtype=np.int64)})
    names = i.select((pl.col("i") + 1).alias("id"), party_name(pl.col("i")).alias("name"),
                     pl.lit(pl.Series(COUNTRIES)).gather(pl.col("i") % 15).alias("country"))
    keys = {nm: name_key(nm) for nm in names["name"].unique().to_list()}
    names = names.with_columns(pl.col("name").replace_strict(keys).alias("key"))
    phone = (pl.col("i") - pl.col("i") % 2).cast(pl.Utf8).str.zfill(4)
    return {
        "party": names.select("id", pl.col("name").alias("display_name"),
                              pl.col("key").alias("name_key"), "country",
                              pl.lit("company").alias("kind"), pl.lit(1).alias("version"),
                              pl.lit(NOW).alias("created_at")),
        "party_name": names.select("id", pl.col("id").alias("party_id"),
                                   pl.col("name").alias("raw_name"),
                                   pl.col("key").alias("name_key"), "country"),
        "party_identifier": i.select((pl.col("i") + 1).alias("party_id"),
                                     pl.lit("phone").alias("kind"),
                                     pl.format("+44 161 555 {}", phone).alias("value"),
                                     pl.format("+44161555{}", phone).alias("value_key")),
    }


def declaration_chunk(n: int, start: int, size: int) -> dict[str, pl.DataFrame]:
    """Declarations ``start`` .. ``start + size - 1`` (0-based) and their links."""
    rng = np.random.default_rng([SEED, GENERATOR, start // CHUNK])
    i = np.arange(start, start + size, dtype=np.int64)
    codes = owners(n)
    pol, pod = rng.integers(0, 7, size), rng.integers(7, 15, size)
    kg = np.round(rng.uniform(5_000, 26_000, size))
    f = pl.DataFrame({
        "id": i + 1,
        "no": pl.Series(i).cast(pl.Utf8).str.zfill(8),
        "day": (FIRST_DAY + rng.integers(0, DAYS, size)).astype(np.int32),
        "hs": pl.Series(np.array(HS))[rng.integers(0, len(HS), size)],
        "kg": kg, "pol": pol, "pod": pod,
        "shipper": rng.integers(0, n_parties(n), size) + 1,
        "consignee": rng.integers(0, n_parties(n), size) + 1,
        "cntr": containers(codes, rng.integers(0, len(codes), size),
                           rng.integers(0, 999_999, size)),
        "voyage": rng.integers(100, 999, size), "vessel": rng.integers(0, 40, size),
    })
    ports, countries = pl.lit(pl.Series(PORTS)), pl.lit(pl.Series(COUNTRIES))
    decl = f.select(
        "id", pl.lit("BENCH").alias("authority"), pl.format("B{}/{}", pl.lit(SEED), "no")
        .alias("declaration_no"), pl.col("day").cast(pl.Date).dt.strftime("%Y-%m-%d")
        .alias("declaration_date"), pl.lit("export").alias("direction"),
        pl.col("hs").alias("hs_code"), pl.col("kg").alias("gross_weight_kg"),
        (pl.col("kg") * 0.97).alias("net_weight_kg"), ports.gather(pl.col("pol"))
        .alias("port_of_loading"), ports.gather(pl.col("pod")).alias("port_of_discharge"),
        countries.gather(pl.col("pol")).alias("country_of_export"),
        countries.gather(pl.col("pod")).alias("country_of_destination"),
        pl.format("VESSEL {}", "vessel").alias("vessel_name"),
        pl.format("{}E", "voyage").alias("voyage_no"),
        pl.format("BL{}", (pl.col("id") - 1).cast(pl.Utf8).str.zfill(9)).alias("bl_no"),
        pl.lit(1).alias("version"), pl.lit(NOW).alias("created_at"))
    links = pl.concat([
        f.select(pl.col("id").alias("declaration_id"), pl.lit(role).alias("role"),
                 pl.col(role).alias("party_id")) for role in ("shipper", "consignee")
    ]).sort("declaration_id", "role")
    return {
        "declaration": decl,
        "declaration_container": f.select(pl.col("id").alias("declaration_id"),
                                          pl.col("cntr").alias("container_no")),
        "declaration_party": links,
        "row_provenance": f.select(pl.lit(1).alias("source_file_id"),
                                   pl.lit(1).alias("import_run_id"), pl.lit("bench").alias("sheet"),
                                   (pl.col("id") + 1).alias("row_number"),
                                   pl.lit("declaration").alias("entity"),
                                   pl.col("id").alias("entity_id")),
    }


def cases(n: int) -> dict[str, pl.DataFrame]:
    n_cases = max(1, n // 200)
    k = np.arange(n_cases, dtype=np.int64)
    s = np.arange(n_cases * 3, dtype=np.int64)
    seizures = pl.DataFrame({"case_id": s % n_cases + 1, "declaration_id": s * 97 % n + 1}) \
        .unique(subset=["case_id", "declaration_id"], keep="first", maintain_order=True)
    return {
        "case": pl.DataFrame({"id": k + 1}).select(
            "id", pl.format("BENCH-{}", (pl.col("id") - 1).cast(pl.Utf8).str.zfill(6))
            .alias("case_ref"), pl.lit("").alias("title"), pl.lit("open").alias("status"),
            pl.lit("").alias("summary"), pl.lit("[]").alias("tags"), pl.lit(1).alias("version"),
            pl.lit(NOW).alias("created_at")),
        "seizure": seizures.select("case_id", "declaration_id", pl.lit(1).alias("version"),
                                   pl.lit(NOW).alias("created_at")),
        "source_file": pl.DataFrame({"id": [1], "sha256": ["bench"], "file_name": ["bench"],
                                     "size": [0], "first_seen": [NOW]}),
        "import_run": pl.DataFrame({"id": [1], "source_file_id": [1], "started_at": [NOW],
                                    "actor": ["bench"], "kind": ["declarations"], "spec": ["{}"],
                                    "summary": ["{}"]}),
    }


def frames(n: int):
    """(table, frame) in an order that keeps the foreign keys: parents first."""
    yield from parties(n).items()
    sources = cases(n)
    yield "source_file", sources.pop("source_file")
    yield "import_run", sources.pop("import_run")
    for start in range(0, n, CHUNK):
        yield from declaration_chunk(n, start, min(CHUNK, n - start)).items()
        log.info("%s: %d of %d declarations", world_name(n), min(start + CHUNK, n), n)
    yield from sources.items()


# -- SQLite ----------------------------------------------------------------------------------
def sqlite_world(n: int) -> Path:
    """The SQLite world of ``n`` declarations, built once and kept; at the schema's head."""
    from casedb.store import migrate
    from casedb.store.database import Database

    target = cache_dir() / f"{world_name(n)}.db"
    if not target.exists():
        _build_sqlite(n, target)
    db = Database(target)
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()
    return target


def _build_sqlite(n: int, target: Path) -> None:
    from casedb.store import migrate
    from casedb.store.database import Database

    started = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    db = Database(tmp)
    migrate.upgrade(db)
    db.dispose()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-262144")  # 256 MB for the index builds
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
        f"tbl_name IN ({', '.join('?' * len(COLUMNS))})", tuple(COLUMNS)).fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    for table, frame in frames(n):
        cols = COLUMNS[table]
        con.executemany(f'INSERT INTO "{table}" ({", ".join(cols)}) '
                        f'VALUES ({", ".join("?" * len(cols))})',
                        frame.select(cols).iter_rows())
        con.commit()
    log.info("%s: rows in after %.0f s; indexing", world_name(n), time.perf_counter() - started)
    for _, sql in indexes:
        con.execute(sql)
    con.execute("ANALYZE")
    con.commit()
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    tmp.rename(target)
    log.info("%s: SQLite world built in %.0f s (%.1f GB)", world_name(n),
             time.perf_counter() - started, target.stat().st_size / 1e9)


# -- PostgreSQL ------------------------------------------------------------------------------
def pg_world(n: int, server_url: str) -> str:
    """The PostgreSQL world of ``n`` declarations on the server of ``server_url`` (any database
    on it), built once and kept; at the schema's head. Returns its URL."""
    import psycopg

    from casedb.store import migrate
    from casedb.store.database import Database

    name = f"wi_{world_name(n)}"
    base = server_url.split("://", 1)[1].rsplit("/", 1)[0]
    url = f"postgresql://{base}/{name}"
    with psycopg.connect(f"postgresql://{base}/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                               (name,)).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    if not exists:
        try:
            _build_pg(n, url)
        except BaseException:
            with psycopg.connect(f"postgresql://{base}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            raise
    db = Database(url)
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()
    return url


def _build_pg(n: int, url: str) -> None:
    import psycopg

    from casedb.store import migrate
    from casedb.store.database import Database

    started = time.perf_counter()
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()
    with psycopg.connect(url) as con, con.cursor() as cur:
        _nice_backend(cur)
        cur.execute("SET session_replication_role = replica")  # no foreign-key triggers
        cur.execute("SET maintenance_work_mem = '512MB'")
        cur.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
            "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)", (list(COLUMNS),))
        indexes = cur.fetchall()
        for name, _ in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        for table, frame in frames(n):
            cols = COLUMNS[table]
            buf = io.BytesIO()
            frame.select(cols).write_csv(buf, include_header=False)
            with cur.copy(f'COPY "{table}" ({", ".join(cols)}) FROM STDIN '
                          f"(FORMAT csv)") as copy:
                copy.write(buf.getbuffer())
        con.commit()
        log.info("%s: rows in after %.0f s; indexing", world_name(n),
                 time.perf_counter() - started)
        for _, sql in indexes:
            cur.execute(sql)
        for table in COLUMNS:
            if table not in ("declaration_container", "declaration_party"):  # no id
                cur.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                            f"(SELECT coalesce(max(id), 1) FROM \"{table}\"))")
        con.commit()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("VACUUM ANALYZE")
    log.info("%s: PostgreSQL world built in %.0f s", world_name(n), time.perf_counter() - started)


def _nice_backend(cur) -> None:
    """The server process of this connection as nice as the client (a shared machine), when
    the server runs here and we may."""
    backend = cur.execute("SELECT pg_backend_pid()").fetchone()[0]
    try:
        os.setpriority(os.PRIO_PROCESS, backend, max(os.getpriority(os.PRIO_PROCESS, 0),
                                                     os.getpriority(os.PRIO_PROCESS, backend)))
    except OSError:
        log.info("the server's process %d keeps its priority", backend)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, required=True, help="declarations")
    p.add_argument("--engine", choices=("sqlite", "postgresql"), default="sqlite")
    p.add_argument("--pg-url", default=os.environ.get("WASTEINTEL_BENCH_PG_URL"),
                   help="the PostgreSQL server (default: WASTEINTEL_BENCH_PG_URL)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.engine == "sqlite":
        print(sqlite_world(args.n))
    elif not args.pg_url:
        p.error("--pg-url (or WASTEINTEL_BENCH_PG_URL): the PostgreSQL server's URL")
    else:
        print(pg_world(args.n, args.pg_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
