"""The declaration table's first page in date order is read from an index, both ways, on both
engines (migration 0011: (declaration_date, id) on PostgreSQL; SQLite's date index carries the
rowid, which is the id): no sort of the first day's declarations."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from casedb.browse import tables as browse
from tests import factories as f


def _first_page_query(db, monkeypatch, descending: bool) -> str:
    """The SQL declaration_ids runs for the first page, bound values inlined."""
    seen = []
    monkeypatch.setattr(browse, "_ids", lambda db, q: seen.append(q) or [])
    browse.declaration_ids(db, order="declaration_date", descending=descending, limit=100)
    return str(seen[0].compile(db.engine, compile_kwargs={"literal_binds": True}))


def _plan(db, sql: str) -> str:
    with db.engine.connect() as conn:
        if db.is_sqlite:
            return " | ".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
        for setting in ("enable_seqscan", "enable_sort", "enable_incremental_sort"):
            conn.execute(text(f"SET LOCAL {setting} = off"))  # a few rows: else a seq scan
        return " | ".join(r[0] for r in conn.execute(text("EXPLAIN " + sql)))


@pytest.mark.parametrize("descending", [False, True])
def test_first_page_by_date_is_an_index_scan(db, monkeypatch, descending):
    with db.begin() as s:
        for i in range(30):
            f.declaration(s, declaration_date=dt.date(2024, 1, 1 + i % 3))
    plan = _plan(db, _first_page_query(db, monkeypatch, descending))
    assert "Sort" not in plan and "TEMP B-TREE" not in plan, plan
    if db.is_sqlite:
        assert "COVERING INDEX ix_declaration_declaration_date" in plan, plan
    else:
        assert "Index Only Scan" in plan and "ix_declaration_date_id" in plan, plan
        assert ("Backward" in plan) == descending, plan


def test_sqlite_has_no_second_date_index(sqlite_db):
    """The (date, id) index would repeat the rowid on SQLite: only PostgreSQL has it."""
    with sqlite_db.engine.connect() as conn:
        names = set(conn.scalars(text(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'declaration'")))
    assert "ix_declaration_declaration_date" in names and "ix_declaration_date_id" not in names


@pytest.mark.parametrize("empty_db_url", ["sqlite", "postgresql"], indirect=True)
def test_0011_down_and_up_again(empty_db_url):
    """0011 builds its index on PostgreSQL and takes it away again; on SQLite it does nothing."""
    from sqlalchemy import inspect

    from casedb.store import migrate
    from casedb.store.database import Database

    db = Database(empty_db_url)

    def date_indexes() -> set[str]:
        return {ix["name"] for ix in inspect(db.engine).get_indexes("declaration")
                if ix["column_names"][0] == "declaration_date"}

    try:
        migrate.upgrade(db, "0011")
        up = date_indexes()
        assert migrate.downgrade(db, "0010") == ("0011", "0010")
        down = date_indexes()
        migrate.upgrade(db, "0011")
        assert date_indexes() == up
    finally:
        db.dispose()
    assert down == {"ix_declaration_declaration_date", "ix_declaration_day_route"}
    assert up == down | ({"ix_declaration_date_id"} if empty_db_url.startswith("postgres")
                         else set())
