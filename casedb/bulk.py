"""Bulk inserts that give back the new ids in the order of the rows.

SQLAlchemy's ``INSERT .. RETURNING`` with ``sort_by_parameter_order`` falls back to one statement
per row on SQLite when a table has no insert sentinel (50k rows: 50k statements, the largest
single cost of an import). Allocating the ids first and inserting with a plain ``executemany``
keeps one statement per batch on both engines.
"""

from __future__ import annotations

from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection


def insert_returning_ids(conn: Connection, table: Table, rows: list[dict]) -> list[int]:
    """Insert ``rows`` into ``table`` (integer primary key ``id``); their ids, in order.

    Call it inside a write transaction that has already written: SQLite then holds its write
    lock, so no other connection can take the ids between the ``max(id)`` and the insert;
    PostgreSQL draws them from the table's sequence, safe under concurrent writers.
    """
    if not rows:
        return []
    n = len(rows)
    if conn.dialect.name == "sqlite":
        start = (conn.scalar(select(func.max(table.c.id))) or 0) + 1
        ids = list(range(start, start + n))
    elif conn.dialect.name == "postgresql":
        ids = list(conn.scalars(text(
            "SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table.name, "n": n}))
    else:  # pragma: no cover - the two supported engines are above
        return list(conn.execute(table.insert().returning(table.c.id,
                                                          sort_by_parameter_order=True),
                                 rows).scalars())
    conn.execute(table.insert(), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
    return ids
