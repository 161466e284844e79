"""Shared fixtures: a real SQLite file and a real PostgreSQL database for every database test."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from casedb.store import migrate
from casedb.store.database import Database, normalize_url

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("sqlite", "postgresql")

# The tests never write into the user's own folders: the log file (which the command line's
# logging set-up opens) and the default case database go to a folder of this test process,
# and so do those of every process a test starts.
_USER_DIRS = tempfile.mkdtemp(prefix="wasteintel-test-user-")
atexit.register(shutil.rmtree, _USER_DIRS, ignore_errors=True)
for _var in ("XDG_STATE_HOME", "XDG_DATA_HOME"):
    os.environ[_var] = os.path.join(_USER_DIRS, _var.lower())


def _pg_server_url() -> str:
    url = os.environ.get("WASTEINTEL_TEST_PG_URL")
    if url:
        return url
    # Not started by `make test`: start the private test server ourselves. Never skip.
    out = subprocess.run([str(ROOT / "scripts" / "pg-test-server"), "start"], check=True,
                         capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    return normalize_url(_pg_server_url())


@pytest.fixture(scope="session")
def pg_template(pg_admin_url) -> str:
    """A migrated template database; each test clones it (fast, isolated)."""
    name = f"wi_tmpl_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    tmpl = Database(pg_admin_url.rsplit("/", 1)[0] + f"/{name}")
    migrate.upgrade(tmpl)
    tmpl.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _pg_database(pg_admin_url: str, template: str | None):
    name = f"wi_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        tmpl = f' TEMPLATE "{template}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{tmpl}'))
    return admin, name, pg_admin_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def empty_db_url(request, tmp_path, pg_admin_url):
    """URL of an empty database (no schema) on the engine named by ``request.param``."""
    engine = getattr(request, "param", "sqlite")
    if engine == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    admin, name, url = _pg_database(pg_admin_url, None)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=ENGINES)
def db(request, tmp_path) -> Database:
    """A migrated, empty case database: a SQLite file, then a PostgreSQL database."""
    with migrated_database(request, request.param, tmp_path / "cases.db") as database:
        yield database


@pytest.fixture
def other_db(db, request, tmp_path):
    """A second empty database on the same engine as ``db``."""
    with migrated_database(request, db.engine.dialect.name, tmp_path / "other.db") as database:
        yield database


@contextmanager
def migrated_database(request, engine: str, sqlite_path: Path):
    """A migrated, empty database on ``engine`` ("sqlite": the file at ``sqlite_path``)."""
    if engine != "sqlite":
        with migrated_pg_database(request) as database:
            yield database
        return
    database = Database(sqlite_path, user="tester")
    migrate.upgrade(database)
    try:
        yield database
    finally:
        database.dispose()


@contextmanager
def migrated_pg_database(request):
    """A migrated, empty PostgreSQL database (cloned from the template), dropped afterwards."""
    admin, name, url = _pg_database(request.getfixturevalue("pg_admin_url"),
                                    request.getfixturevalue("pg_template"))
    database = Database(url, user="tester")
    try:
        yield database
    finally:
        database.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_db(tmp_path) -> Database:
    database = Database(tmp_path / "cases.db", user="tester")
    migrate.upgrade(database)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Database:
    """The demo database, built once per test session through the real import pipeline."""
    from casedb.synth.demo_database import demo_database

    database = demo_database(tmp_path_factory.mktemp("demo") / "demo.db")
    yield database
    database.dispose()
