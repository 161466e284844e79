"""Bulk inserts that give back the new ids in the order of the rows.

SQLAlchemy's ``INSERT .. RETURNING`` with ``sort_by_parameter_order`` falls back to one statement
per row on SQLite when a table has no insert sentinel (50k rows: 50k statements, the largest
single cost of an import). Allocating the ids first and inserting with a plain ``executemany``
keeps one statement per batch on both engines.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError


def allocate_ids(conn: Connection, table: Table, n: int) -> list[int]:
    """``n`` new ids for ``table`` (integer primary key ``id``), for rows inserted next.

    Call it inside a write transaction that has already written: SQLite then holds its write
    lock, so no other connection can take the ids between the ``max(id)`` and the insert;
    PostgreSQL draws them from the table's sequence, safe under concurrent writers.
    """
    if n <= 0:
        return []
    if conn.dialect.name == "sqlite":
        start = (conn.scalar(select(func.max(table.c.id))) or 0) + 1
        return list(range(start, start + n))
    # The sequence looked up once, not for every id; every id in one row.
    seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name})
    return conn.scalar(text("SELECT array_agg(nextval(CAST(:s AS regclass))) "
                            "FROM generate_series(1, :n)"), {"s": seq, "n": n})


def insert_returning_ids(conn: Connection, table: Table, rows: list[dict]) -> list[int]:
    """Insert ``rows`` into ``table`` (integer primary key ``id``); their ids, in order."""
    ids = allocate_ids(conn, table, len(rows))
    insert_rows(conn, table, [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
    return ids


def insert_columns(conn: Connection, table: Table, columns: dict[str, Sequence]) -> None:
    """``INSERT`` rows given a column at a time (equal lengths), with one driver executemany.
    Each value goes through its column type's bind processor, once per distinct value."""
    n = len(next(iter(columns.values()), ()))
    if not n:
        return
    dialect = conn.dialect
    columns = dict(columns)
    for name, value in _defaults(table, columns).items():
        columns[name] = [value] * n
    names = list(columns)
    data = []
    for name in names:
        values = columns[name]
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            try:
                done = {v: process(v) for v in set(values)}
                values = list(map(done.__getitem__, values))
            except TypeError:  # unhashable values (JSON)
                values = list(map(process, values))
        data.append(values)
    if dialect.name == "postgresql" and PG_COPY:
        _copy(conn, table, names, zip(*data, strict=True))
    else:
        conn.exec_driver_sql(_insert_sql(conn, table, names), list(zip(*data, strict=True)))


MIN_COPY_ROWS = 50  # fewer rows go in as INSERTs: a COPY costs a round trip more to start
# Whether PostgreSQL gets its rows by COPY (else executemany INSERTs, as SQLite; a test stores
# the same file both ways and compares).
PG_COPY = True


def _copy(conn: Connection, table: Table, names: list[str], rows) -> None:
    """PostgreSQL's COPY, inside the caller's transaction, in place of an executemany of
    INSERTs (importing 100k declarations: 10.4 s of writing became 7.1 s; the rest is the
    server checking foreign keys and maintaining indexes).

    The driver's error comes out as SQLAlchemy's (an IntegrityError...), as from any other
    statement: a COPY that lost a race with a concurrent import (a unique name it committed
    first) is then retried by retrying_races like an INSERT would be."""
    quote = conn.dialect.identifier_preparer.quote
    sql = f"COPY {quote(table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
    error = conn.dialect.loaded_dbapi.Error
    try:
        with conn.connection.dbapi_connection.cursor() as cur, cur.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except error as exc:
        raise DBAPIError.instance(sql, None, exc, error, dialect=conn.dialect) from exc


def _defaults(table: Table, present) -> dict:
    """Python-side defaults of the columns not given: one value a batch (a timestamp, 1)."""
    out = {}
    for c in table.columns:
        if c.name in present or c.default is None or c.primary_key:
            continue
        out[c.name] = c.default.arg(None) if c.default.is_callable else c.default.arg
    return out


def _insert_sql(conn: Connection, table: Table, names: list[str]) -> str:
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    return (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
            f"VALUES ({', '.join([mark] * len(names))})")


def insert_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """``INSERT`` many rows with one executemany on the driver's cursor, past SQLAlchemy's
    per-row parameter processing (a third of an import's time): each value still goes through
    its column type's bind processor, and Python-side column defaults are filled in. Rows with
    differing keys go through SQLAlchemy as usual."""
    if not rows:
        return
    names = list(rows[0])
    if any(len(r) != len(names) or r.keys() != rows[0].keys() for r in rows):
        conn.execute(table.insert(), rows)
        return
    dialect = conn.dialect
    defaults = _defaults(table, names)
    if defaults:
        rows = [{**r, **defaults} for r in rows]
    names += list(defaults)
    processors = [table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    params = [tuple(p(r[n]) if p else r[n] for n, p in zip(names, processors, strict=True))
              for r in rows]
    if dialect.name == "postgresql" and PG_COPY and len(params) >= MIN_COPY_ROWS:
        _copy(conn, table, names, params)  # 50k raw rows: 2.0 s as INSERTs, 0.7 s so
        return
    conn.exec_driver_sql(_insert_sql(conn, table, names), params)


MAX_RUNS_SHARE = 0.02  # counted inserts pay while a chunk has at most 1 run per 50 rows


def insert_counted(conn: Connection, table: Table, constants: dict,
                   counted: dict[str, Sequence[int]]) -> None:
    """``INSERT`` rows made of ``constants`` (the same in every row) and of ``counted``
    columns of whole numbers (equal lengths).

    On SQLite, where every counted column goes up by one from row to row (provenance: the row
    numbers of a sheet and the ids just allocated), a run of rows is one ``INSERT .. SELECT``
    over a counter, with no value bound per row: a million provenance rows took 1.25 s as an
    executemany, 0.37 s so. Elsewhere, or when the runs are short, as insert_columns."""
    n = len(next(iter(counted.values()), ()))
    if not n:
        return
    runs = _runs(list(counted.values())) if conn.dialect.name == "sqlite" else []
    if not runs or len(runs) > max(1, n * MAX_RUNS_SHARE):
        insert_columns(conn, table, {**{k: [v] * n for k, v in constants.items()}, **counted})
        return
    dialect, quote = conn.dialect, conn.dialect.identifier_preparer.quote
    fixed = []
    for name, value in constants.items():
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        fixed.append(process(value) if process is not None else value)
    names = [*constants, *counted]
    picks = ", ".join(["?"] * len(constants) + ["? + k"] * len(counted))
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in names)}) "
           "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < ?) "
           f"SELECT {picks} FROM s")
    columns = list(counted.values())
    conn.exec_driver_sql(sql, [(length - 1, *fixed, *(int(c[start]) for c in columns))
                               for start, length in runs])


def _runs(columns: list[Sequence[int]]) -> list[tuple[int, int]]:
    """(first index, length) of the runs of rows over which every column goes up by one."""
    n = len(columns[0])
    steps = np.ones(max(n - 1, 0), dtype=bool)
    for col in columns:
        steps &= np.diff(np.asarray(col, dtype=np.int64)) == 1
    starts = [0, *(np.flatnonzero(~steps) + 1).tolist()]
    return [(a, b - a) for a, b in zip(starts, [*starts[1:], n], strict=True)]
