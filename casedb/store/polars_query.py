"""Reading query results straight into polars frames, past SQLAlchemy's row processing (which
costs seconds on a million rows): the statement is compiled with its values inline and run on
the driver's cursor; dates that SQLite returns as text are parsed by polars."""

from __future__ import annotations

import polars as pl
from sqlalchemy.sql import Select

from casedb.store.cursor_query import fetch_chunks
from casedb.store.database import Database


def fetch_frame(db: Database, query: Select, schema: dict) -> pl.DataFrame:
    """A chunk of rows at a time into polars: building a frame from a million Python rows in
    one call holds the GIL for half a second (a frozen window); the rows are freed as they go."""
    text_schema = {k: (pl.Utf8 if v in (pl.Date, pl.Datetime) and db.is_sqlite else v)
                   for k, v in schema.items()}
    parts = [pl.DataFrame(rows, schema=text_schema, orient="row")
             for rows in fetch_chunks(db, query)]
    frame = pl.concat(parts) if parts else pl.DataFrame(schema=text_schema)
    dates = [k for k, v in schema.items() if v == pl.Date and db.is_sqlite]
    if dates:
        frame = frame.with_columns(pl.col(k).str.slice(0, 10).str.to_date("%Y-%m-%d")
                                   for k in dates)
    return frame

