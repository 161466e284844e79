"""The demo database: built on first use from the spreadsheets in ``resources/demo`` through the
real import pipeline, plus the bundled BACI HS 3915 trade flows."""

from __future__ import annotations

import hashlib
import importlib
import importlib.resources
import logging
import os
from pathlib import Path

from sqlalchemy import select

from casedb.importing.pipeline import import_file
from casedb.importing.spec import load_spec
from casedb.models import Setting
from casedb.progress import NullProgress, Progress
from casedb.store import migrate
from casedb.store.database import Database, default_data_dir

log = logging.getLogger(__name__)

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")
MARKER = "demo.fingerprint"


def demo_files() -> list[Path]:
    folder = Path(str(importlib.resources.files("resources").joinpath("demo")))
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SPREADSHEETS)


def _spec_for(path: Path):
    spec = path.with_name(path.name + ".spec.json")
    return load_spec(spec) if spec.is_file() else None


def fingerprint(files: list[Path]) -> str:
    h = hashlib.sha256(migrate.heads()[0].encode())
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
        spec = p.with_name(p.name + ".spec.json")
        if spec.is_file():
            h.update(spec.read_bytes())
    return h.hexdigest()


def _current(db: Database) -> str | None:
    try:
        with db.read() as s:
            row = s.scalar(select(Setting.value).where(Setting.key == MARKER))
        return (row or {}).get("sha256")
    except Exception:  # noqa: BLE001 - a damaged or foreign file is simply rebuilt
        return None


def demo_database(path: Path | None = None, progress: Progress | None = None) -> Database:
    """The demo database at ``path`` (default: the user data folder), built when missing or
    when the bundled demo files changed. The build writes a temporary file and renames it."""
    path = Path(path or os.environ.get("WASTEINTEL_DEMO_DB") or default_data_dir() / "demo.db")
    files = demo_files()
    want = fingerprint(files)
    if path.exists():
        db = Database(path)
        if _current(db) == want:
            return db
        db.dispose()
    build_demo(path, files, want, progress or NullProgress())
    return Database(path)


def build_demo(path: Path, files: list[Path], stamp: str, progress: Progress) -> None:
    tmp = path.with_name(path.name + ".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    db = Database(tmp)
    migrate.upgrade(db)
    for n, f in enumerate(files):
        progress.raise_if_cancelled()
        report = import_file(db, f, spec=_spec_for(f))
        log.info("demo: %s -> %d imported, %d merged, %d refused", f.name, report.imported,
                 report.merged, len(report.refused))
        progress.report(n + 1, len(files) + 2)
    _optional_step(db, "casedb.trade", "load_bundled_baci")
    _optional_step(db, "casedb.parties.resolution", "resolve")
    with db.begin() as s:
        s.merge(Setting(key=MARKER, value={"sha256": stamp}))
    db.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    tmp.rename(path)
    log.info("demo database built at %s", path)


def _optional_step(db: Database, module: str, name: str) -> None:
    """Steps of capabilities that may not be installed in a minimal build."""
    try:
        fn = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        log.warning("demo: %s.%s not available; skipped", module, name)
        return
    fn(db)
