"""Reading the split detector's columns without a Python object per value (issue 22: ten million
declarations read through Python's sqlite3 took 37 s, ~1 µs a value).

The query runs through Apache Arrow's ADBC drivers (``adbc-driver-sqlite``,
``adbc-driver-postgresql``, PostgreSQL's binary COPY), whose Arrow stream polars takes as
columns (the Arrow PyCapsule interface: no pyarrow). On PostgreSQL that halves the client's CPU
of the CSV that ``COPY ... TO STDOUT`` gave polars to parse. The SQLite driver runs in a worker
process (casedb.store.arrow_sqlite): in this process its own copy of SQLite deleted the
database's write-ahead log under this process's open connections.

The ADBC SQLite driver infers each column's type from the rows of a batch and fails on a later
batch whose values have another type (a column all NULL in its first rows, then numbers): a
query is read as one batch, so the types are inferred over all its rows, and the columns are
then given the types asked for."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import adbc_driver_postgresql
import polars as pl
from sqlalchemy.sql import Select

from casedb.store.arrow_sqlite import adbc_frame, read_sqlite_arrow
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
        uri = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        return _typed(adbc_frame(adbc_driver_postgresql.connect(uri), sql, {}), schema)
    uri = _sqlite_uri(db)
    if uri is None:  # in memory: another connection cannot see it
        return fetch_frame(db, query, schema)
    return _typed(read_sqlite_arrow(uri, sql, _ONE_BATCH), schema)


def _sqlite_uri(db: Database) -> str | None:
    """The file as the engine opens it (read-only ``mode=ro`` URIs included), or None."""
    url = db.engine.url
    name = url.database
    if not name or name == ":memory:":
        return None
    if url.query.get("uri") == "true" and name.startswith("file:"):
        params = "&".join(f"{k}={v}" for k, v in url.query.items() if k != "uri")
        return f"file:{quote(name[5:], safe='/')}" + (f"?{params}" if params else "")
    return f"file:{quote(str(Path(name).resolve()), safe='/')}"


def _typed(frame: pl.DataFrame, schema: dict) -> pl.DataFrame:
    """``frame``'s columns cast to ``schema``; dates, which SQLite keeps as text, parsed (a
    column all NULL comes as integers)."""
    return frame.with_columns(
        (pl.col(k).cast(pl.Utf8).str.slice(0, 10).str.to_date("%Y-%m-%d")
         if t == pl.Date and frame.schema[k] != pl.Date else pl.col(k).cast(t))
        for k, t in schema.items())
