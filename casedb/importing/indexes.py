"""Bulk imports into SQLite: secondary indexes built once after the rows are in, and foreign
keys checked once per table before the commit instead of at every row.

Keeping the 11 secondary indexes of ``declaration`` (and those of declaration_party,
declaration_container, row_provenance) up to date row by row dominates a large import: 1M rows
took 27 s with the indexes kept, 20 s when the non-unique ones were dropped first and created
again after the inserts. Rebuilding only pays when the import is large next to the table, so
small imports keep the indexes. Unique indexes, and those SQLite makes for PRIMARY KEY and
UNIQUE constraints, are never touched: they guard correctness during the import.

PostgreSQL is left alone: it is a shared server, and DROP INDEX would hold an exclusive lock on
the table for the whole import.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from casedb.progress import NullProgress, Progress
from casedb.store.database import Database
from casedb.store.write_lock import wait_for_write_lock

from ..errors import CaseDbError

log = logging.getLogger(__name__)
T = TypeVar("T")

MIN_ROWS = 50_000  # below this, maintaining the indexes row by row is cheap enough

_SECONDARY = text(
    "SELECT m.name, m.sql FROM sqlite_master AS m JOIN pragma_index_list(:t) AS il"
    " ON il.name = m.name"
    " WHERE m.type = 'index' AND m.tbl_name = :t AND m.sql IS NOT NULL AND il.\"unique\" = 0"
    " ORDER BY m.rowid")


class ForeignKeyViolation(CaseDbError):
    """Rows written by a bulk import point at rows that do not exist; nothing was committed."""


def is_bulk(existing_rows: int, incoming_rows: int, min_rows: int | None = None) -> bool:
    """Whether an import of ``incoming_rows`` into a table of ``existing_rows`` is a bulk one:
    at least ``min_rows`` (default MIN_ROWS) and at least the rows already there."""
    return incoming_rows >= max(MIN_ROWS if min_rows is None else min_rows, existing_rows)


@contextmanager
def import_transaction(db: Database, incoming_rows: int, table: str = "declaration", *,
                       progress: Progress | None = None) -> Iterator[Session]:
    """The import's unit of work (as ``db.begin()``).

    On SQLite the write lock is taken first (``BEGIN IMMEDIATE``): while another writer holds
    it, the import waits as long as it takes, telling ``progress`` (see wait_for_write_lock)
    and stopping only when cancelled, instead of failing with "database is locked" after the
    busy timeout.

    For a bulk import into SQLite (see is_bulk, against ``table``) foreign keys are not
    enforced at each row but checked once, by ``PRAGMA foreign_key_check``, before the commit:
    the per-row lookups of each link's declaration, party and party name cost 4.3 s per
    million declarations, the check afterwards 1.1 s. A violation raises ForeignKeyViolation
    and rolls back the whole import. SQLite only switches foreign keys outside a transaction,
    so the import gets a connection of its own and hands it back with them on again (or
    closed, should that fail)."""
    progress = progress or NullProgress()
    if not db.is_sqlite or not is_bulk(0, incoming_rows):  # no need to count the table
        with db.begin() as session:
            wait_for_write_lock(session.connection(), progress)
            yield session
        return
    with db.engine.connect() as conn:
        quote = conn.dialect.identifier_preparer.quote_identifier
        existing = conn.scalar(text(f"SELECT count(*) FROM {quote(table)}")) or 0
        if not is_bulk(existing, incoming_rows):
            conn.rollback()
            with db.begin(bind=conn) as session:
                wait_for_write_lock(session.connection(), progress)
                yield session
            return
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()  # ends SQLAlchemy's transaction; SQLite has none open after a PRAGMA
        try:
            with db.begin(bind=conn) as session:
                wait_for_write_lock(session.connection(), progress)
                yield session
                _check_foreign_keys(session.connection(), session.info.get(WRITTEN_TABLES))
        finally:
            _foreign_keys_on(conn)


# PostgreSQL's codes for a transaction that lost a race with a concurrent one: a unique key
# another transaction committed meanwhile, a deadlock, a serialization failure.
RETRIED_SQLSTATES = {"23505", "40P01", "40001"}
ATTEMPTS = 4


def retrying_races(db: Database, work: Callable[[], T]) -> T:
    """Run ``work`` (a whole unit of work in its own transaction) again when it lost a race
    with a concurrent writer on PostgreSQL: two imports creating the same new company (the
    unique raw name), the same source file or the same declaration. The second waits for the
    first to commit, fails, and on its next attempt finds the first one's rows and merges
    with them, as if it had run after it. At most ATTEMPTS runs; SQLite has one writer at a
    time and never races."""
    for attempt in range(1, ATTEMPTS):
        try:
            return work()
        except DBAPIError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            if db.is_sqlite or code not in RETRIED_SQLSTATES:
                raise
            log.info("a concurrent writer committed first (%s): attempt %d of %d", code,
                     attempt + 1, ATTEMPTS)
    return work()


# session.info key: the only tables the import wrote, when it knows (the foreign-key check
# then looks at those alone; without it every table is checked).
WRITTEN_TABLES = "wasteintel.written_tables"


def _check_foreign_keys(conn: Connection, tables: Sequence[str] | None = None) -> None:
    started = time.perf_counter()
    if tables is None:
        bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    else:
        quote = conn.dialect.identifier_preparer.quote_identifier
        bad = [row for t in tables
               for row in conn.exec_driver_sql(f"PRAGMA foreign_key_check({quote(t)})")]
    log.info("foreign keys checked in %.1f s", time.perf_counter() - started)
    if bad:
        table, rowid, parent, _fk = bad[0]
        raise ForeignKeyViolation(
            f"the import wrote {len(bad)} row(s) pointing at missing rows (first: {table} row "
            f"{rowid} -> {parent}); nothing was saved")


def _foreign_keys_on(conn: Connection) -> None:
    try:
        if conn.in_transaction():
            conn.rollback()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        if conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1:
            conn.commit()
            return
    except Exception:  # noqa: BLE001 - whatever failed, the connection must not be reused
        log.exception("could not switch foreign keys back on")
    conn.invalidate()  # never back to the pool without foreign keys


@contextmanager
def secondary_indexes_deferred(conn: Connection, tables: Sequence[str], incoming_rows: int, *,
                               min_rows: int | None = None) -> Iterator[bool]:
    """Drop the non-unique explicit indexes of ``tables`` for the body, create them again after.

    Yields whether it did. Only on SQLite, and only when ``incoming_rows`` is at least
    ``min_rows`` (default MIN_ROWS) and at least the rows already in ``tables[0]``.

    Call it inside the caller's write transaction (``db.begin()``). pysqlite only opens a
    transaction before INSERT/UPDATE/DELETE, so a DROP INDEX before any of those would commit
    at once; this begins one (``BEGIN IMMEDIATE``) when none is open, and the caller's commit
    or rollback ends it. If the body raises, the indexes are not rebuilt: the caller must then
    roll back, which restores them (SQLite DDL is transactional). Do not commit in the body.
    """
    if conn.dialect.name != "sqlite" or not tables:
        yield False
        return
    dbapi = conn.connection.dbapi_connection
    if not dbapi.in_transaction:  # type: ignore[union-attr]
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    quote = conn.dialect.identifier_preparer.quote_identifier
    existing = conn.scalar(text(f"SELECT count(*) FROM {quote(tables[0])}")) or 0
    if not is_bulk(existing, incoming_rows, min_rows):
        yield False
        return
    indexes = [(name, sql) for t in tables for name, sql in conn.execute(_SECONDARY, {"t": t})]
    for name, _sql in indexes:
        conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
    log.info("import of %d rows: %d secondary indexes on %s deferred",
             incoming_rows, len(indexes), ", ".join(tables))
    yield True
    # Reached only when the body returned normally; on an exception the rollback restores them.
    started = time.perf_counter()
    with _parallel_sorts(conn):
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)
    log.info("%d secondary indexes rebuilt in %.1f s", len(indexes),
             time.perf_counter() - started)


SORT_THREADS = 2  # helper threads for SQLite's sorter while indexes are built
SORT_RUN_KIB = 8192  # the page cache while building: the size of each sorted run


@contextmanager
def _parallel_sorts(conn: Connection) -> Iterator[None]:
    """Let SQLite sort index entries on helper threads while the indexes are built.

    SQLite's sorter only uses its helper threads (``PRAGMA threads``) for runs it writes out:
    it sorts in memory, on one thread, up to the size of the page cache, so with the import's
    64 MB cache most index sorts never leave the main thread. A cache of 8 MB for the builds
    cuts them into runs that helper threads sort while the main thread reads on, merged at the
    end. Measured on the 15 indexes of a million bench declarations (fresh process, 3 runs
    each, medians): 5.3 s as before, 5.0 s with one helper, 4.5 s with two, 5.0 s with four.
    The cache and thread count are put back afterwards; the rows and pages written are the
    same."""
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    threads = conn.exec_driver_sql("PRAGMA threads").scalar()
    helpers = SORT_THREADS if (os.cpu_count() or 1) > 1 else 0
    conn.exec_driver_sql(f"PRAGMA threads={helpers:d}")
    conn.exec_driver_sql(f"PRAGMA cache_size=-{SORT_RUN_KIB:d}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(cache):d}")
        conn.exec_driver_sql(f"PRAGMA threads={int(threads):d}")


def refresh_statistics(conn: Connection, imported: int) -> bool:
    """Give SQLite's planner fresh statistics (``ANALYZE``) when an import of ``imported`` new
    declarations at least doubled the table, inside the caller's transaction. Returns whether
    it did.

    Without statistics SQLite cannot see that ``authority`` has a handful of values, so a
    search by declaration number alone (the unique index leads with the authority) scans the
    table: 0.14 s at a million declarations; with them it skips through the index at once.
    The statistics are exact, not sampled: ``analysis_limit`` samples misled the planner into
    sorting the declaration table through a non-covering index (0.5 s became 1 s). A full
    ANALYZE costs about 1.2 s per million declarations, so it runs when the table has at least
    doubled; smaller imports leave the table's shape, and the statistics, about as they were.
    PostgreSQL's autovacuum keeps its own statistics."""
    if conn.dialect.name != "sqlite" or imported <= 0:
        return False
    total = conn.scalar(text("SELECT count(*) FROM declaration")) or 0
    if 2 * imported < total:
        return False
    started = time.perf_counter()
    conn.exec_driver_sql("ANALYZE")
    log.info("planner statistics refreshed in %.1f s", time.perf_counter() - started)
    return True
