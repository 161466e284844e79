"""Schema migrations (Alembic), checks and online backups."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import inspect, text

from casedb import messages
from casedb.errors import CaseDbError, SchemaError
from casedb.store.database import Database, ReadOnlyDatabase
from casedb.store.export_file import export_file
from casedb.store.private_files import make_private
from casedb.store.write_lock import lock_connection

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parents[1] / "migrations"


def _config(db: Database | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def heads() -> list[str]:
    return list(ScriptDirectory.from_config(_config()).get_heads())


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the schema to ``revision``; returns (before, after). A second call is a no-op."""
    before, after = _move(db, command.upgrade, revision)
    if before != after:
        log.info("schema upgraded %s -> %s on %s", before, after, db.display_name())
    return before, after


def downgrade(db: Database, revision: str) -> tuple[str | None, str | None]:
    """Take the schema back to ``revision`` (for a rollback of an app upgrade); returns
    (before, after)."""
    before, after = _move(db, command.downgrade, revision)
    log.info("schema downgraded %s -> %s on %s", before, after, db.display_name())
    return before, after


def _move(db: Database, step, revision: str) -> tuple[str | None, str | None]:
    """Run an Alembic ``step`` (upgrade or downgrade) to ``revision`` in one transaction."""
    before = current_revision(db)
    cfg = _config(db)
    with db.engine.begin() as conn:
        lock_connection(conn, db.display_name)  # in a writer job: waits for another's lock
        cfg.attributes["connection"] = conn
        step(cfg, revision)
    return before, current_revision(db)


def ensure_schema(db: Database) -> Path | None:
    """Create or upgrade the schema if it is behind (used when the app opens a database).

    Before upgrading an existing SQLite case database, a consistent copy of it is written next
    to it (``cases.before-0001.db``): an upgrade rewrites tables of evidence, and an
    investigator can then go back to the older program with the copy. Returns the copy's path,
    if one was made. A PostgreSQL server's backups are its administrator's (``wasteintel db
    backup`` makes one); its upgrade runs in one transaction."""
    revision = current_revision(db)
    if revision in heads():
        return None
    if revision is not None and not _known(revision):
        raise _newer(revision)
    if db.read_only:  # an evidence copy: read as it is, never upgraded in place
        raise messages.error(ReadOnlyDatabase, "database_read_only", database=db.display_name())
    copy = None
    if revision is not None and db.is_sqlite:
        copy = backup(db, _free_name(db.sqlite_path.with_name(
            f"{db.sqlite_path.stem}.before-{revision}{db.sqlite_path.suffix or '.db'}")),
            audited=False)
    upgrade(db)
    return copy


def upgrade_pending(db: Database) -> bool:
    """Whether opening ``db`` will upgrade an existing schema (not create a new one)."""
    revision = current_revision(db)
    return revision is not None and revision not in heads() and _known(revision)


def _newer(revision: str) -> SchemaError:
    return SchemaError(f"the case database has schema {revision}, written by a newer version of "
                       f"WasteIntel (this one knows up to {heads()[0]}); open it with that version")


def _known(revision: str) -> bool:
    """Whether this version's migrations include ``revision``."""
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


def _free_name(path: Path) -> Path:
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


@dataclass(frozen=True)
class CheckReport:
    revision: str | None
    head: str
    integrity: str
    tables: int

    @property
    def ok(self) -> bool:
        return self.revision == self.head and self.integrity == "ok"


def check(db: Database) -> CheckReport:
    (head,) = heads()
    revision = current_revision(db)
    integrity = "ok"
    with db.engine.connect() as conn:
        if db.is_sqlite:
            rows = conn.execute(text("PRAGMA integrity_check")).scalars().all()
            integrity = "ok" if rows == ["ok"] else "; ".join(rows[:5])
            fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if fk:
                integrity = f"{len(fk)} foreign key violations"
        tables = len(inspect(conn).get_table_names())
    if revision != head:
        integrity = integrity if revision else "no schema"
    return CheckReport(revision, head, integrity, tables)


def require_current(db: Database) -> None:
    """Raise SchemaError unless the schema is at head."""
    rev = current_revision(db)
    if rev is not None and rev not in heads() and not _known(rev):
        raise _newer(rev)
    if rev not in heads():
        raise SchemaError(
            f"database schema is {'missing' if rev is None else 'outdated (' + rev + ')'}; "
            "run 'wasteintel db upgrade'"
        )


def backup(db: Database, dest: Path, *, audited: bool = True) -> Path:
    """Write an online, consistent copy of the database to ``dest`` (0600), whole or not at all,
    audited as an export before it is in place (casedb.store.export_file) unless ``audited`` is
    false (the copy kept beside a database before its upgrade, whose older schema may not hold
    the audit's columns yet). An existing ``dest`` is refused."""
    dest = Path(dest)
    if dest.exists():
        raise CaseDbError(f"backup target exists: {dest}")
    with export_file(dest, db if audited else None, "backup",
                     detail=f"backup of {db.display_name()}") as out:
        _copy(db, out.path)
    log.info("backup of %s written to %s", db.display_name(), dest)
    return dest


def _copy(db: Database, dest: Path) -> None:
    if db.is_sqlite:
        src = sqlite3.connect(str(db.sqlite_path))
        try:
            out = sqlite3.connect(str(dest))
            with out:
                src.backup(out)
            out.close()
        finally:
            src.close()
    else:
        _pg_dump(db, dest)
        make_private(dest)


def _pg_dump(db: Database, dest: Path) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(db.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    args = ["pg_dump", "--format=custom", f"--file={dest}", "--no-owner"]
    if url.host:
        args.append(f"--host={url.host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    args.append(url.database or "postgres")
    try:
        subprocess.run(args, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise CaseDbError("pg_dump is not installed") from exc
    except subprocess.CalledProcessError as exc:
        raise CaseDbError(f"pg_dump failed: {exc.stderr.strip()[:300]}") from exc
