"""The schema: migrations, integrity, the append-only audit log, backups."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from casedb.errors import CaseDbError
from casedb.store import audit, migrate
from casedb.store.database import SQLITE_PAGE_SIZE, Database

EXPECTED_TABLES = {
    "case", "declaration", "declaration_container", "party", "party_name", "party_identifier",
    "declaration_party", "seizure", "source_file", "import_run", "row_provenance", "audit_log",
    "note", "attachment", "match_decision", "trade_flow", "setting",
}


def test_single_alembic_head():
    assert len(migrate.heads()) == 1


@pytest.mark.parametrize("empty_db_url", ["sqlite", "postgresql"], indirect=True)
def test_upgrade_creates_schema_and_second_upgrade_is_noop(empty_db_url):
    db = Database(empty_db_url)
    assert migrate.current_revision(db) is None
    before, after = migrate.upgrade(db)
    assert before is None and after == migrate.heads()[0]
    assert EXPECTED_TABLES <= set(inspect(db.engine).get_table_names())
    assert migrate.upgrade(db) == (after, after)
    assert migrate.check(db).ok
    db.dispose()


def test_indexes_for_the_analyses(db):
    insp = inspect(db.engine)
    indexed = {tuple(ix["column_names"]) for t in insp.get_table_names()
               for ix in insp.get_indexes(t)}
    for cols in [("party_id", "role"), ("container_no",), ("vessel_imo", "voyage_no"),
                 ("declaration_date",), ("hs_code", "declaration_date"), ("kind", "value_key"),
                 ("country_of_export", "port_of_transshipment", "port_of_discharge")]:
        assert cols in indexed, cols


def test_sparse_indexes_serve_the_lookups(sqlite_db):
    """The partial indexes (rows with a value only) still answer the lookups of linked cases
    and the browser: equality and IN imply the value is there."""
    lookups = {
        "ix_declaration_bl_no": ("bl_no IN (?, ?)", ("BL1", "BL2")),
        "ix_declaration_sailing": ("vessel_imo = ? AND voyage_no = ?", ("9123456", "V1")),
        "ix_declaration_vessel_name_voyage": ("vessel_name = ? AND voyage_no = ?", ("A", "1")),
        "ix_declaration_port_of_transshipment": ("port_of_transshipment = ?", ("SGSIN",)),
        "ix_declaration_permit_no": ("permit_no = ?", ("P-1",)),
    }
    con = sqlite3.connect(sqlite_db.sqlite_path)
    for index, (where, params) in lookups.items():
        sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
        assert sql.endswith("IS NOT NULL"), sql
        plan = con.execute(f"EXPLAIN QUERY PLAN SELECT id FROM declaration WHERE {where}",
                           params).fetchall()
        assert index in " ".join(str(step[-1]) for step in plan), (index, plan)
    con.close()


def test_audit_log_is_append_only(db):
    with db.begin() as s:
        audit.record(s, "alice", "update", "case", 1, field="title", old="a", new="b",
                     reason="typo")
    with pytest.raises(DBAPIError, match="append-only"), db.begin() as s:
        s.execute(text("UPDATE audit_log SET actor = 'mallory'"))
    with pytest.raises(DBAPIError, match="append-only"), db.begin() as s:
        s.execute(text("DELETE FROM audit_log"))
    with db.read() as s:
        (row,) = audit.entries(s)
    # On PostgreSQL the server records the session's role; the name the client gave is an extra.
    actor = "alice" if db.is_sqlite else db.user
    assert (row.user, row.old_value, row.new_value, row.reason) == (actor, "a", "b", "typo")


def test_sqlite_pragmas(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert conn.execute(text("PRAGMA page_size")).scalar() == SQLITE_PAGE_SIZE


def test_existing_sqlite_database_keeps_its_page_size(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA page_size=4096")
    con.execute("CREATE TABLE t (x)")
    con.close()
    db = Database(path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA page_size")).scalar() == 4096
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        db.dispose()


def test_sqlite_backup_is_consistent_copy(sqlite_db, tmp_path):
    from casedb.cases.records import create_case

    create_case(sqlite_db, "C-1", "first")
    out = migrate.backup(sqlite_db, tmp_path / "copy.db")
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT case_ref FROM \"case\"").fetchall() == [("C-1",)]
    con.close()
    with pytest.raises(CaseDbError, match="exists"):
        migrate.backup(sqlite_db, out)


def test_postgres_backup_with_pg_dump(db, tmp_path):
    if db.is_sqlite:
        return  # covered above; this one is the PostgreSQL path
    out = migrate.backup(db, tmp_path / "copy.dump")
    assert out.read_bytes()[:5] == b"PGDMP"


def test_models_match_the_migrations(db):
    """A model changed without an Alembic revision fails here."""
    from tests.schema_diff import model_diff

    with db.engine.connect() as conn:
        assert model_diff(conn) == []


@pytest.mark.parametrize("empty_db_url", ["sqlite", "postgresql"], indirect=True)
def test_link_tables_upgrade_keeps_their_rows(empty_db_url):
    """0002 rebuilds the link tables without rowid on SQLite: rows, keys and the cascade from
    declaration survive, and a downgrade brings the rowid tables back."""
    db = Database(empty_db_url)
    migrate.upgrade(db, "0001")
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO declaration (id, authority, declaration_no, version, created_at) "
            "VALUES (1, 'TW', 'D1', 1, '2024-01-01'), (2, 'TW', 'D2', 1, '2024-01-01')"))
        conn.execute(text("INSERT INTO party (id, display_name, name_key, kind, version, "
                          "created_at) VALUES (7, 'ACME', 'acme', 'company', 1, '2024-01-01')"))
        conn.execute(text("INSERT INTO declaration_party (declaration_id, role, party_id) "
                          "VALUES (1, 'shipper', 7), (2, 'consignee', 7)"))
        conn.execute(text("INSERT INTO declaration_container (declaration_id, container_no) "
                          "VALUES (1, 'MSCU1234565'), (2, 'MSCU1234565'), (2, 'TGHU0000000')"))
    migrate.upgrade(db)
    assert migrate.check(db).ok
    with db.engine.begin() as conn:
        if db.is_sqlite:
            for table in ("declaration_party", "declaration_container"):
                sql = conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = :t"),
                                  {"t": table})
                assert "WITHOUT ROWID" in sql, table
        assert conn.execute(text("SELECT declaration_id, role, party_id FROM declaration_party "
                                 "ORDER BY 1")).fetchall() == [(1, "shipper", 7),
                                                               (2, "consignee", 7)]
        conn.execute(text("DELETE FROM declaration WHERE id = 2"))
        assert conn.execute(text("SELECT declaration_id, container_no FROM "
                                 "declaration_container")).fetchall() == [(1, "MSCU1234565")]
        assert conn.scalar(text("SELECT count(*) FROM declaration_party")) == 1
    with pytest.raises(DBAPIError), db.engine.begin() as conn:  # the primary key still holds
        conn.execute(text("INSERT INTO declaration_party (declaration_id, role, party_id) "
                          "VALUES (1, 'shipper', 7)"))
    assert migrate.downgrade(db, "0001")[1] == "0001"
    with db.engine.connect() as conn:
        if db.is_sqlite:
            sql = conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'declaration_party'"))
            assert "WITHOUT ROWID" not in sql
        assert conn.scalar(text("SELECT count(*) FROM declaration_container")) == 1
    db.dispose()


def _old_database(path) -> Database:
    """A SQLite case database at the first schema, holding one declaration."""
    db = Database(path, user="tester")
    migrate.upgrade(db, "0001")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO declaration (id, authority, declaration_no, version, "
                          "created_at) VALUES (1, 'TW', 'D1', 1, '2024-01-01')"))
    return db


def test_opening_an_older_sqlite_database_keeps_a_copy_first(tmp_path):
    db = _old_database(tmp_path / "cases.db")
    copy = migrate.ensure_schema(db)
    assert copy == tmp_path / "cases.before-0001.db"
    assert migrate.current_revision(db) == migrate.heads()[0]
    with db.engine.connect() as conn:  # the upgrade gathered the planner's statistics
        assert conn.scalar(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'declaration'"))
    old = Database(copy)
    assert migrate.current_revision(old) == "0001"
    with old.engine.connect() as conn:
        assert conn.scalar(text("SELECT declaration_no FROM declaration")) == "D1"
    old.dispose()
    assert migrate.ensure_schema(db) is None  # current now: no second copy
    assert sorted(p.name for p in tmp_path.glob("cases.before-*")) == ["cases.before-0001.db"]
    db.dispose()
    # a new database is created, not upgraded: nothing to copy
    fresh = Database(tmp_path / "new.db")
    assert migrate.upgrade_pending(fresh) is False
    assert migrate.ensure_schema(fresh) is None
    assert not list(tmp_path.glob("new.before-*"))
    fresh.dispose()


def test_a_second_copy_of_the_same_revision_gets_its_own_name(tmp_path):
    (tmp_path / "cases.before-0001.db").write_bytes(b"an earlier copy, kept as it is")
    db = _old_database(tmp_path / "cases.db")
    assert migrate.upgrade_pending(db)
    assert migrate.ensure_schema(db) == tmp_path / "cases.before-0001-2.db"
    assert (tmp_path / "cases.before-0001.db").read_bytes() == b"an earlier copy, kept as it is"
    db.dispose()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    from casedb.errors import SchemaError

    db = Database(tmp_path / "cases.db")
    migrate.upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    assert migrate.upgrade_pending(db) is False
    with pytest.raises(SchemaError, match="newer version"):
        migrate.ensure_schema(db)
    with pytest.raises(SchemaError, match="newer version"):
        migrate.require_current(db)
    assert migrate.current_revision(db) == "0099"
    assert not list(tmp_path.glob("cases.before-*"))  # refused before any copy
    db.dispose()
