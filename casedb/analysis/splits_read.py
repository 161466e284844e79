"""Reading the split detector's columns without a Python object per value (issue 22: ten million
declarations read through Python's sqlite3 took 37 s, ~1 µs a value).

On SQLite the query runs through Apache Arrow's ADBC driver (``adbc-driver-sqlite``), whose
Arrow stream polars takes as columns (the Arrow PyCapsule interface: no pyarrow); on PostgreSQL
the query's rows come as CSV through ``COPY ... TO STDOUT``, parsed by polars.

The ADBC SQLite driver infers each column's type from the rows of a batch and fails on a later
batch whose values have another type (a column all NULL in its first rows, then numbers): a
query is read as one batch, so the types are inferred over all its rows, and the columns are
then given the types asked for."""

from __future__ import annotations

import io
from urllib.parse import quote

import adbc_driver_manager as adbc
import adbc_driver_sqlite
import polars as pl
from sqlalchemy.sql import Select

from casedb.store.database import Database
from casedb.store.polars_query import fetch_frame

_ONE_BATCH = {"adbc.sqlite.query.batch_rows": str(2**30)}


def read_frame(db: Database, query: Select, schema: dict) -> pl.DataFrame:
    """The rows of ``query`` as a frame of ``schema`` (column names in the query's order; the
    query's columns are labelled with them: Arrow's columns need names of their own)."""
    query = query.with_only_columns(*(c.label(name) for c, name in
                                      zip(query.selected_columns, schema, strict=True)))
    sql = str(query.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}))
    if not db.is_sqlite:
        return _copy_csv(db, sql, schema)
    path = db.sqlite_path
    if path is None or str(path) in ("", ":memory:"):  # another connection cannot see it
        return fetch_frame(db, query, schema)
    return _typed(_adbc_sqlite(f"file:{quote(str(path.resolve()))}", sql), schema)


def _adbc_sqlite(uri: str, sql: str) -> pl.DataFrame:
    with adbc_driver_sqlite.connect(uri) as database, adbc.AdbcConnection(database) as conn, \
            adbc.AdbcStatement(conn) as statement:
        statement.set_options(**_ONE_BATCH)
        statement.set_sql_query(sql)
        stream, _ = statement.execute_query()
        return pl.DataFrame(stream)


def _typed(frame: pl.DataFrame, schema: dict) -> pl.DataFrame:
    """``frame``'s columns renamed and cast to ``schema``; dates, which SQLite keeps as text,
    parsed (a column all NULL comes as integers)."""
    frame = frame.rename(dict(zip(frame.columns, schema, strict=True)))
    return frame.with_columns(
        (pl.col(k).cast(pl.Utf8).str.slice(0, 10).str.to_date("%Y-%m-%d") if t == pl.Date
         else pl.col(k).cast(t)) for k, t in schema.items())


def _copy_csv(db: Database, sql: str, schema: dict) -> pl.DataFrame:
    raw = db.engine.raw_connection()
    try:
        with raw.driver_connection.cursor() as cur, \
                cur.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)") as copy:
            data = b"".join(bytes(block) for block in copy)
    finally:
        raw.close()
    if not data:
        return pl.DataFrame(schema=schema)
    return pl.read_csv(io.BytesIO(data), has_header=False, new_columns=list(schema),
                       schema=schema)
