"""Secondary indexes dropped for a large SQLite import and rebuilt after, on real databases."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import insert, inspect, text
from sqlalchemy.exc import IntegrityError

from casedb.importing import indexes
from casedb.importing.indexes import secondary_indexes_deferred
from casedb.models import Declaration
from casedb.store import migrate

TABLES = ("declaration", "declaration_party", "declaration_container", "row_provenance")
MIN = 100  # stands in for MIN_ROWS


class Boom(Exception):
    pass


def sqlite_indexes(conn, tables=None) -> list[tuple[str, str | None]]:
    """(name, sql) of every index in the database, or of those on ``tables``."""
    rows = conn.execute(text("SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index'"))
    return sorted((name, sql) for name, sql, table in rows if tables is None or table in tables)


def schema_indexes(db) -> list[tuple[str, str | None]]:
    with db.engine.connect() as conn:
        return sqlite_indexes(conn)


def insert_declarations(conn, n: int, prefix: str = "D") -> None:
    conn.execute(insert(Declaration), [
        {"authority": "TW", "declaration_no": f"{prefix}{i:06d}", "bl_no": f"BL-{prefix}{i}",
         "port_of_loading": "GBFXT", "hs_code": "391510"} for i in range(n)])


def declaration_count(db) -> int:
    with db.engine.connect() as conn:
        return conn.scalar(text("SELECT count(*) FROM declaration"))


def test_large_sqlite_import_drops_and_rebuilds_the_secondary_indexes(sqlite_db, caplog):
    db = sqlite_db
    before = schema_indexes(db)
    with db.engine.connect() as conn:
        ours = sqlite_indexes(conn, TABLES)
        assert len(sqlite_indexes(conn, {"declaration"})) == 13  # 12 + the UNIQUE constraint's
    secondary = [n for n, sql in ours if sql is not None]
    assert len(secondary) == 16
    caplog.set_level(logging.INFO, logger="casedb.importing.indexes")
    with db.begin() as session:
        conn = session.connection()
        with secondary_indexes_deferred(conn, TABLES, 500, min_rows=MIN) as deferred:
            assert deferred is True
            # Only the automatic indexes of PRIMARY KEY / UNIQUE constraints are left on TABLES;
            # the other tables keep theirs.
            assert sqlite_indexes(conn, TABLES) == [(n, sql) for n, sql in ours if sql is None]
            assert sqlite_indexes(conn) == [ix for ix in before if ix[0] not in secondary]
            insert_declarations(conn, 500)
    assert schema_indexes(db) == before
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        # INDEXED BY fails unless the named index exists and is used.
        found = conn.execute(text(
            "SELECT declaration_no FROM declaration INDEXED BY ix_declaration_bl_no"
            " WHERE bl_no = 'BL-D42'")).scalars().all()
        count = conn.scalar(text(
            "SELECT count(*) FROM declaration INDEXED BY ix_declaration_port_of_loading"
            " WHERE port_of_loading = 'GBFXT'"))
    assert found == ["D000042"] and count == 500
    messages = " | ".join(r.getMessage() for r in caplog.records)
    assert "16 secondary indexes" in messages and "rebuilt in" in messages


def test_schema_still_matches_the_models_after_a_deferred_import(sqlite_db):
    from tests.schema_diff import model_diff

    with sqlite_db.begin() as session:
        conn = session.connection()
        with secondary_indexes_deferred(conn, TABLES, 200, min_rows=MIN) as deferred:
            insert_declarations(conn, 200)
    assert deferred
    assert migrate.check(sqlite_db).ok
    with sqlite_db.engine.connect() as conn:
        assert model_diff(conn) == []


@pytest.mark.parametrize("written_first", [False, True], ids=["fresh-transaction", "after-write"])
def test_error_in_the_body_rolls_back_rows_and_restores_the_indexes(sqlite_db, written_first):
    """The DROP must be inside the transaction, also when nothing was written before it (pysqlite
    begins a transaction only before DML; a DROP first would commit on its own)."""
    db = sqlite_db
    with db.begin() as session:
        insert_declarations(session.connection(), 3, prefix="OLD")
    before = schema_indexes(db)
    with pytest.raises(Boom), db.begin() as session:
        conn = session.connection()
        if written_first:
            insert_declarations(conn, 1, prefix="FIRST")
        with secondary_indexes_deferred(conn, TABLES, 300, min_rows=MIN) as deferred:
            assert deferred
            assert all(sql is None for _, sql in sqlite_indexes(conn, TABLES))
            insert_declarations(conn, 300)
            raise Boom
    assert schema_indexes(db) == before
    assert declaration_count(db) == 3


def test_unique_explicit_indexes_are_kept(sqlite_db):
    with sqlite_db.begin() as session:
        session.execute(text("CREATE UNIQUE INDEX ux_test_bl ON declaration (bl_no)"))
    with sqlite_db.begin() as session:
        conn = session.connection()
        with secondary_indexes_deferred(conn, TABLES, 200, min_rows=MIN) as deferred:
            assert deferred
            assert "ux_test_bl" in {n for n, _ in sqlite_indexes(conn)}
            insert_declarations(conn, 200)


def test_small_import_keeps_the_indexes(db):
    before = sorted(ix["name"] for ix in inspect(db.engine).get_indexes("declaration"))
    with db.begin() as session:
        conn = session.connection()
        with secondary_indexes_deferred(conn, TABLES, MIN - 1, min_rows=MIN) as deferred:
            assert deferred is False
            assert sorted(ix["name"] for ix in inspect(conn).get_indexes("declaration")) == before
            insert_declarations(conn, MIN - 1)
    assert declaration_count(db) == MIN - 1


def test_import_smaller_than_the_table_keeps_the_indexes(sqlite_db):
    with sqlite_db.begin() as session:
        insert_declarations(session.connection(), 300, prefix="OLD")
    before = schema_indexes(sqlite_db)
    with sqlite_db.begin() as session:
        conn = session.connection()
        with secondary_indexes_deferred(conn, TABLES, 299, min_rows=MIN) as deferred:
            assert deferred is False
            assert sqlite_indexes(conn) == before


def test_default_threshold_is_min_rows(sqlite_db, monkeypatch):
    from casedb.importing import indexes

    monkeypatch.setattr(indexes, "MIN_ROWS", 10)
    with sqlite_db.begin() as session:
        with secondary_indexes_deferred(session.connection(), TABLES, 9) as deferred:
            assert deferred is False
        with secondary_indexes_deferred(session.connection(), TABLES, 10) as deferred:
            assert deferred is True
    assert indexes.MIN_ROWS == 10


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_postgresql_is_left_alone(db):
    def pg_indexes(conn) -> list[tuple[str, str]]:
        return sorted(tuple(r) for r in conn.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(:t)"),
            {"t": list(TABLES)}))

    with db.engine.connect() as conn:
        before = pg_indexes(conn)
    # 16 as on SQLite, and ix_declaration_date_id, PostgreSQL's alone (0011)
    assert sum(name.startswith("ix_") for name, _ in before) == 17
    with db.begin() as session:
        conn = session.connection()
        with secondary_indexes_deferred(conn, TABLES, 10**6, min_rows=MIN) as deferred:
            assert deferred is False
            assert pg_indexes(conn) == before
            insert_declarations(conn, 200)
    with db.engine.connect() as conn:
        assert pg_indexes(conn) == before
    assert declaration_count(db) == 200


def foreign_keys(conn) -> int:
    return conn.exec_driver_sql("PRAGMA foreign_keys").scalar()


def test_bulk_import_checks_foreign_keys_once_and_hands_them_back_on(sqlite_db, monkeypatch):
    monkeypatch.setattr(indexes, "MIN_ROWS", MIN)
    with indexes.import_transaction(sqlite_db, MIN) as session:
        conn = session.connection()
        assert foreign_keys(conn) == 0
        insert_declarations(conn, 3)
        raw = conn.connection.dbapi_connection
    assert declaration_count(sqlite_db) == 3
    with sqlite_db.engine.connect() as conn:  # the pool hands back the same connection
        assert conn.connection.dbapi_connection is raw
        assert foreign_keys(conn) == 1


def test_a_dangling_row_from_a_bulk_import_rolls_everything_back(sqlite_db, monkeypatch):
    monkeypatch.setattr(indexes, "MIN_ROWS", MIN)
    with pytest.raises(indexes.ForeignKeyViolation, match="declaration_container"):
        with indexes.import_transaction(sqlite_db, MIN) as session:
            conn = session.connection()
            insert_declarations(conn, 3)
            conn.exec_driver_sql("INSERT INTO declaration_container VALUES (999, 'MSCU1234566')")
    assert declaration_count(sqlite_db) == 0
    with sqlite_db.engine.connect() as conn:
        assert foreign_keys(conn) == 1


@pytest.mark.parametrize("written", [("declaration_container",),
                                     ("import_run", "declaration_container")])
def test_an_import_that_names_the_tables_it_wrote_has_those_checked(sqlite_db, monkeypatch,
                                                                     written):
    monkeypatch.setattr(indexes, "MIN_ROWS", MIN)
    with pytest.raises(indexes.ForeignKeyViolation, match="declaration_container"):
        with indexes.import_transaction(sqlite_db, MIN) as session:
            session.info[indexes.WRITTEN_TABLES] = written
            conn = session.connection()
            conn.exec_driver_sql("INSERT INTO declaration_container VALUES (999, 'MSCU1234566')")
    with indexes.import_transaction(sqlite_db, MIN) as session:  # only those: others not read
        session.info[indexes.WRITTEN_TABLES] = ("import_run",)
        session.connection().exec_driver_sql(
            "INSERT INTO declaration_container VALUES (998, 'MSCU1234566')")
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()  # the one left
        assert foreign_keys(conn) == 1


def test_other_imports_keep_foreign_keys_at_every_row(db, monkeypatch):
    monkeypatch.setattr(indexes, "MIN_ROWS", MIN)
    with db.begin() as s:
        insert_declarations(s.connection(), MIN + 1)
    # below the threshold, or smaller than the table, or PostgreSQL: checked at every row
    for incoming in (MIN - 1, MIN):
        with pytest.raises(IntegrityError), indexes.import_transaction(db, incoming) as session:
            session.connection().execute(text(
                "INSERT INTO declaration_container VALUES (999, 'MSCU1234566')"))
    assert declaration_count(db) == MIN + 1


def test_the_rebuild_sorts_on_helper_threads_and_gives_the_connection_back_as_it_was(
        sqlite_db, monkeypatch):
    """During the rebuild SQLite's sorter has helper threads and a small cache (so that it
    writes sorted runs for them); afterwards the connection has its own settings again."""
    db = sqlite_db
    seen = []
    real = indexes._parallel_sorts

    def watching(conn):
        manager = real(conn)

        class Watch:
            def __enter__(self):
                manager.__enter__()
                seen.append((conn.exec_driver_sql("PRAGMA threads").scalar(),
                             conn.exec_driver_sql("PRAGMA cache_size").scalar()))

            def __exit__(self, *exc):
                return manager.__exit__(*exc)
        return Watch()

    monkeypatch.setattr(indexes, "_parallel_sorts", watching)
    monkeypatch.setattr(indexes.os, "cpu_count", lambda: 2)
    with db.begin() as session:
        conn = session.connection()
        before = (conn.exec_driver_sql("PRAGMA threads").scalar(),
                  conn.exec_driver_sql("PRAGMA cache_size").scalar())
        with secondary_indexes_deferred(conn, TABLES, 300, min_rows=MIN) as deferred:
            assert deferred
            insert_declarations(conn, 300)
        after = (conn.exec_driver_sql("PRAGMA threads").scalar(),
                 conn.exec_driver_sql("PRAGMA cache_size").scalar())
    assert seen == [(indexes.SORT_THREADS, -indexes.SORT_RUN_KIB)]
    assert after == before != seen[0]
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        assert conn.scalar(text("SELECT count(*) FROM declaration INDEXED BY "
                                "ix_declaration_hs_date WHERE hs_code = '391510'")) == 300
