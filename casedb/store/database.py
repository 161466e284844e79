"""The Database: one engine and session factory for SQLite (default) or PostgreSQL.

A SQLite file this program cannot write (no write permission, a copy on read-only media, or a
``file:...?mode=ro&uri=true`` URL) is opened read-only (``Database.read_only``): it reads as any
other, and a write is refused by ReadOnlyDatabase, one sentence naming the file (casedb.messages
``database_read_only``, English and zh-TW), instead of SQLite's "attempt to write a readonly
database". On read-only media, where SQLite cannot make its -shm file, a file with no -wal
beside it is opened ``immutable``: nobody can be writing it."""

from __future__ import annotations

import getpass
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from casedb import messages
from casedb.errors import CaseDbError, ConfigError
from casedb.store.private_files import private_file
from casedb.store.write_lock import lock_before_write, write_lock

log = logging.getLogger(__name__)

APP_NAME = "WasteIntel"
OS_USER = "wasteintel.os_user"  # session.info key: the OS user, recorded beside the actor
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Pages of a new SQLite database. 16 KiB rather than SQLite's 4 KiB: a million declarations
# imported in 37 s instead of 40 s (fewer B-tree pages to split and to sort into the indexes),
# the same file size. An existing database keeps the page size it was made with.
SQLITE_PAGE_SIZE = 16_384


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    return f"sqlite:///{default_data_dir() / 'cases.db'}"


def normalize_url(url: str | Path | None) -> str:
    """Accept a SQLAlchemy URL, a postgresql:// URL or a plain file path."""
    if url is None or str(url) == "":
        return default_url()
    raw = str(url)
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser().resolve()}"
    if raw.startswith(("postgresql://", "postgres://")):
        raw = "postgresql+psycopg://" + raw.split("://", 1)[1]
    try:
        make_url(raw)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url}") from exc
    return raw


class ReadOnlyDatabase(CaseDbError):
    """A write to a SQLite file opened read-only; nothing was written."""


def _on_sqlite_connect(dbapi_conn, _record, *, read_only: bool = False) -> None:
    cur = dbapi_conn.cursor()
    if not read_only:  # both write to the file
        cur.execute(f"PRAGMA page_size={SQLITE_PAGE_SIZE}")  # before WAL, which fixes it
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    if not read_only:
        cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # up to 64 MB of pages: big imports update many indexes
    cur.close()


class Database:
    """Wraps the engine and the session factory. Create one per process (``app`` owns it)."""

    def __init__(self, url: str | Path | None = None, *, user: str | None = None, echo=False):
        self.url = normalize_url(url)
        # Who sits at the keyboard as the operating system (or the caller) says: the actor on
        # SQLite, an extra beside the database role on PostgreSQL (anyone can set LOGNAME).
        self.os_user = user or _current_user()
        self._role: str | None = None
        sa_url = make_url(self.url)
        self.dialect = sa_url.get_backend_name()
        self.read_only = False  # a SQLite file this program cannot write
        if self.dialect == "sqlite":
            path = _sqlite_file(self.url)
            if path is not None and not _asks_read_only(self.url):
                _private_database_file(path)
            self.read_only = _asks_read_only(self.url) or (path is not None and _unwritable(path))
            engine_url = _read_only_url(path) if self.read_only and path else self.url
            self.engine: Engine = create_engine(engine_url, echo=echo, hide_parameters=True)
            event.listen(self.engine, "connect",
                         lambda conn, record: _on_sqlite_connect(conn, record,
                                                                 read_only=self.read_only))
            if not self.read_only:  # a write a job's blocks did not lock for: locked for first
                event.listen(self.engine, "before_cursor_execute",
                             lock_before_write(self.display_name))
            if self.read_only:
                log.info("%s cannot be written: opened read-only", self.display_name())
        elif self.dialect == "postgresql":
            # hide_parameters: an error's text (and so the log) never carries row data
            self.engine = create_engine(self.url, echo=echo, pool_pre_ping=True,
                                        hide_parameters=True)
        else:
            raise ConfigError(f"unsupported database engine: {self.dialect}")
        self._sessions = sessionmaker(self.engine, expire_on_commit=False,
                                      info={OS_USER: self.os_user})

    @property
    def user(self) -> str:
        """The actor recorded in the audit and as author: on PostgreSQL the database role the
        session logged in as (``session_user``; the server's audit trigger records it whatever
        the client says), on SQLite, a file without logins, the OS user."""
        if self.is_sqlite:
            return self.os_user
        if self._role is None:
            with self.engine.connect() as conn:
                self._role = str(conn.scalar(text("SELECT session_user")))
        return self._role

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return _sqlite_file(self.url) if self.is_sqlite else None

    def display_name(self) -> str:
        """The database as shown to the user, without any password."""
        if self.is_sqlite:
            return str(self.sqlite_path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def begin(self, bind: Connection | None = None, *, writes: bool = False) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception. ``bind``: a
        connection of this database's engine to work on, instead of one from the pool. Under
        ``write_lock.waiting_writes`` (the workstation's writer jobs) a SQLite write waits for
        another program's write lock with progress instead of failing (casedb.store.write_lock);
        in the reading jobs, a block that says it ``writes`` takes the lock first, and any other
        write takes it before its first statement (write_lock.lock_before_write)."""
        try:
            with self._sessions(**({"bind": bind} if bind is not None else {})) as session, \
                    session.begin(), write_lock(session, self.display_name, writes,
                                                read_only=self.read_only):
                yield session
        except OperationalError as exc:
            if self.is_sqlite and "readonly database" in str(exc.orig):
                raise messages.error(ReadOnlyDatabase, "database_read_only",
                                     database=self.display_name()) from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session."""
        with self._sessions() as session:
            yield session

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (also ``sqlite:///file:PATH?...&uri=true``); None in memory."""
    sa_url = make_url(url)
    name = sa_url.database
    if not name or name == ":memory:":
        return None
    if sa_url.query.get("uri") == "true" and name.startswith("file:"):
        from urllib.parse import unquote

        name = unquote(name[len("file:"):])
        return None if name in ("", ":memory:") else Path(name)
    return Path(name)


def _asks_read_only(url: str) -> bool:
    return make_url(url).query.get("mode") == "ro"


def _unwritable(path: Path) -> bool:
    """An existing file this process cannot write, or whose folder it cannot write into (SQLite
    makes its -wal and -shm files there): no permission, or read-only media (where even root
    cannot write)."""
    return path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _read_only_url(path: Path) -> str:
    from urllib.parse import quote

    wal = path.with_name(path.name + "-wal")
    immutable = not os.access(path.parent, os.W_OK) and not wal.exists()
    return (f"sqlite:///file:{quote(str(path.resolve()), safe='/')}?mode=ro"
            f"{'&immutable=1' if immutable else ''}&uri=true")


def _private_database_file(path: Path) -> None:
    """A new database file is made 0600 (its new folders 0700) before SQLite opens it; SQLite
    gives its -wal and -shm files the database file's mode. An existing file, or a folder
    given by mistake, is left for SQLite to open or refuse."""
    if path.exists():
        return
    try:
        private_file(path)
    except OSError as exc:
        log.debug("cannot make %s beforehand: %s", path.name, exc.strerror)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises various errors without a login name
        return "unknown"
