"""Opening the database a command or the GUI works on."""

from __future__ import annotations

import argparse

from casedb import migrate
from casedb.db import Database


def open_db(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    """The database named by ``--db`` (or the demo, or the default), schema brought to head.

    The default and demo SQLite databases are created on first use; an explicit URL of an
    outdated database is upgraded too (Alembic keeps this safe and idempotent)."""
    if getattr(args, "demo", False):
        from casedb.demo import demo_database

        return demo_database()
    db = Database(getattr(args, "db", None))
    if upgrade:
        migrate.ensure_schema(db)
    else:
        migrate.require_current(db)
    return db
