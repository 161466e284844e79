"""The split detector's reading path (casedb.analysis.splits_read: Arrow columns through ADBC)
gives what SQLAlchemy reads, and the mirrored shipments are found from the container links read
as columns, on both engines; a SQLite file opened read-only is read as the engine opens it."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import numpy as np
import polars as pl
from sqlalchemy import func, insert, select

from casedb.analysis import splits_data
from casedb.analysis.splits_read import read_frame
from casedb.models import Declaration
from casedb.store import arrow_sqlite, migrate
from casedb.store.database import Database
from tests import factories as f

SCHEMA = {"id": pl.Int64, "date": pl.Date, "hs": pl.Utf8, "kg": pl.Float64, "pod": pl.Utf8}


def _query():
    d = Declaration
    return select(d.id, d.declaration_date, d.hs_code,
                  func.coalesce(d.gross_weight_kg, d.net_weight_kg), d.port_of_discharge) \
        .order_by(d.id)


def test_read_frame_gives_what_sqlalchemy_reads(db):
    # More rows than a batch of the ADBC driver (1,024), the first ones without a weight, a
    # date or a port: a type inferred from the first rows alone would not hold the later ones.
    rows = [{"authority": "T", "declaration_no": f"N{i}", "hs_code": f"{391510 + i % 7}",
             "declaration_date": None if i < 1500 else dt.date(2020, 1, 1) + dt.timedelta(i),
             "gross_weight_kg": None if i < 1500 or i % 3 == 0 else 20_000 + i / 4,
             "net_weight_kg": None if i < 1500 else float(i),
             "port_of_discharge": None if i < 1500 else ("MYPKG", "VNHPH")[i % 2]}
            for i in range(3_000)]
    with db.begin() as s:
        s.execute(insert(Declaration), rows)
    with db.read() as s:
        expected = pl.DataFrame([tuple(r) for r in s.execute(_query()).all()], schema=SCHEMA,
                                orient="row")
    got = read_frame(db, _query(), SCHEMA)
    assert got.schema == expected.schema
    assert got.equals(expected)
    assert got["kg"].null_count() == 1500 and got["date"].drop_nulls().len() == 1500
    empty = read_frame(db, _query().where(Declaration.id < 0), SCHEMA)
    assert empty.is_empty() and empty.schema == pl.Schema(SCHEMA)


def test_mirrored_shipments_from_the_container_links(db):
    with db.begin() as s:
        export = f.declaration(s, containers=("MSCU1234565", "MSCU7654321"))
        mirror = f.declaration(s, containers=("MSCU7654321", "MSCU1234565"))  # all earlier
        partly = f.declaration(s, containers=("MSCU1234565", "TGHU0000011"))  # one of its own
        later = f.declaration(s, containers=("TGHU0000011",))  # partly's container
        alone = f.declaration(s, containers=("CAIU5555550",))
        bare = f.declaration(s)
    assert splits_data._mirrored(db).to_list() == sorted([mirror, later])
    kept = splits_data.load(db)["id"].to_list()
    assert sorted(kept) == sorted([export, partly, alone, bare])


def test_read_frame_on_a_sqlite_file_opened_read_only(tmp_path):
    path = tmp_path / "a folder" / "cases.db"  # a space: the file's URI is quoted
    path.parent.mkdir()
    writable = Database(path, user="tester")
    migrate.upgrade(writable)
    with writable.begin() as s:
        ids = [f.declaration(s, hs_code="391510", gross_weight_kg=9_900.0) for _ in range(3)]
    expected = read_frame(writable, _query(), SCHEMA)
    writable.dispose()
    read_only = Database(f"sqlite:///file:{quote(str(path))}?mode=ro&uri=true", user="tester")
    assert read_only.read_only
    got = read_frame(read_only, _query(), SCHEMA)
    assert got["id"].to_list() == ids and got.equals(expected)
    read_only.dispose()


def test_owners_by_hash_and_when_containers_share_a_hash():
    links = pl.DataFrame({"cntr": ["B", "A", "B", "C", "A", "B"], "id": [5, 7, 2, 9, 3, 8]})
    exact = [2, 3, 2, 9, 3, 2]  # each container's smallest declaration id
    hashes = links["cntr"].hash().to_numpy()
    assert splits_data._owners(links, hashes).tolist() == exact
    collide = np.zeros(len(hashes), dtype=np.uint64)  # every container one hash: text decides
    assert splits_data._owners(links, collide).tolist() == exact
    assert splits_data._owners(links.clear(), hashes[:0]).tolist() == []


def test_a_load_reads_through_one_sqlite_worker(sqlite_db, monkeypatch):
    with sqlite_db.begin() as s:
        for i in range(3):
            f.declaration(s, containers=(f"MSCU{i:07d}",), hs_code="391510")
    started = []
    start = arrow_sqlite._start
    monkeypatch.setattr(arrow_sqlite, "_start", lambda: started.append(1) or start())
    monkeypatch.setattr(splits_data, "STEP", 2)  # several ranges: several queries
    assert splits_data.load(sqlite_db).height == 3
    assert len(started) == 1
