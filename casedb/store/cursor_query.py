"""Running a SQLAlchemy query on the driver's cursor, past SQLAlchemy's row processing (which
costs seconds on a million rows): the statement is compiled with its values inline."""

from __future__ import annotations

from sqlalchemy.sql import Select

from casedb.store.database import Database


def _sql(db: Database, query: Select) -> str:
    return str(query.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}))


def fetch_chunks(db: Database, query: Select, chunk: int = 50_000):
    """The rows of a query, ``chunk`` rows a fetch: one fetch of a million rows holds the GIL
    ~0.2 s, which a GUI thread feels as a freeze."""
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(_sql(db, query))
        while rows := cur.fetchmany(chunk):
            yield rows
        cur.close()
    finally:
        raw.close()


def fetch_ids(db: Database, query: Select, chunk: int = 50_000) -> list[int]:
    """The single integer column a query selects."""
    ids: list[int] = []
    for rows in fetch_chunks(db, query, chunk):
        ids.extend(r[0] for r in rows)
    return ids
