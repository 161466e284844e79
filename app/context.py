"""Opening the database a command or the GUI works on."""

from __future__ import annotations

import argparse
from pathlib import Path

from casedb.errors import ConfigError
from casedb.store import migrate
from casedb.store.database import Database


def open_db(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    """The database named by ``--db`` (or the demo, or the default), schema brought to head.

    The default and demo SQLite databases are created on first use; an explicit URL of an
    outdated database is upgraded too (Alembic keeps this safe and idempotent)."""
    if getattr(args, "demo", False):
        from casedb.synth.demo_database import demo_database

        return demo_database()
    url = getattr(args, "db", None)
    if url and "://" not in url and Path(url).is_dir():
        raise ConfigError(f"--db {url} is a folder; name the database file (e.g. {url}/cases.db)")
    db = Database(url)
    if upgrade:
        migrate.ensure_schema(db)
    else:
        migrate.require_current(db)
    return db
