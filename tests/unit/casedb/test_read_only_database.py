"""A SQLite case database this program cannot write (an evidence copy made read-only, a copy on
read-only media, or a ``mode=ro`` URL) opens for reading; its writes are refused by one sentence
naming the file, in English and zh-TW, also from the workstation's writer lane (which takes
SQLite's write lock first), and nothing is written.

A real chmod 0400 file (in a writable folder, and in a read-only one as on read-only media) is
opened by a child process: as root (the test machine), whom chmod does not stop, the child
first gives up the capabilities that let root write what permissions forbid."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from casedb import messages
from casedb.cases.records import create_case, get_case
from casedb.store import migrate
from casedb.store.database import Database, ReadOnlyDatabase
from casedb.store.write_lock import waiting_writes

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def evidence(sqlite_db) -> Path:
    """A case database with one case, closed: the evidence copy."""
    create_case(sqlite_db, "TW-1", "evidence")
    sqlite_db.dispose()
    return sqlite_db.sqlite_path


def _read_only_url(path: Path) -> str:
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def _unchanged(path: Path) -> list[str]:
    writable = Database(path, user="tester")
    try:
        with writable.read() as s:
            from casedb.models import Case

            return [c.case_ref for c in s.query(Case)]
    finally:
        writable.dispose()


class Watch:
    def report(self, done, total):
        pass

    def raise_if_cancelled(self):
        pass

    def waiting(self, seconds):
        raise AssertionError("a read-only database has no write lock to wait for")


def test_a_read_only_url_opens_for_reading_and_refuses_a_write_naming_the_file(evidence):
    db = Database(_read_only_url(evidence), user="tester")
    try:
        assert db.read_only and db.sqlite_path == evidence
        assert db.display_name() == str(evidence)
        migrate.require_current(db)
        assert migrate.ensure_schema(db) is None  # at head: nothing to upgrade
        assert get_case(db, "TW-1").title == "evidence"
        with pytest.raises(ReadOnlyDatabase) as refused:
            create_case(db, "TW-2", "not on evidence")
        said = str(refused.value)
        assert said.startswith(f"{evidence} is open read-only") and "nothing was written" in said
        assert "\n" not in said and "INSERT" not in said
        zh = messages.text(refused.value, "zh-TW")
        assert str(evidence) in zh and "唯讀" in zh and "未寫入任何資料" in zh
    finally:
        db.dispose()
    assert _unchanged(evidence) == ["TW-1"]


def test_on_the_writer_lane_a_read_only_database_reads_and_refuses_writes(evidence):
    db = Database(_read_only_url(evidence), user="tester")
    try:
        with waiting_writes(Watch()):  # the workstation's writer lane: every block locks first
            with db.begin() as s:
                from casedb.models import Case

                assert s.query(Case).count() == 1  # not refused at BEGIN IMMEDIATE
            with pytest.raises(ReadOnlyDatabase, match="open read-only"):
                create_case(db, "TW-2", "not on evidence")
    finally:
        db.dispose()
    assert _unchanged(evidence) == ["TW-1"]


def test_a_writable_file_is_not_read_only(sqlite_db):
    assert not sqlite_db.read_only


CHILD = """
import json, sys
sys.path.insert(0, sys.argv[2])
from casedb.cases.records import create_case, get_case
from casedb.store import migrate
from casedb.store.database import Database
db = Database(sys.argv[1], user="tester")
out = {"read_only": db.read_only}
migrate.ensure_schema(db)
out["title"] = get_case(db, "TW-1").title
try:
    create_case(db, "TW-2", "not on evidence")
    out["write"] = "written"
except Exception as exc:
    out["write"] = type(exc).__name__ + ": " + str(exc)
print(json.dumps(out))
"""


def _without_dac_override() -> None:
    """In the child, before it runs Python: root without the capabilities that let it write
    what its permissions forbid (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), as any other user is."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.mark.parametrize("media", ["no write permission", "read-only folder"])
def test_a_chmod_0400_file_opens_for_reading_and_refuses_writes(evidence, tmp_path, media):
    folder = tmp_path / "media"
    folder.mkdir()
    path = folder / "evidence.db"
    shutil.copy(evidence, path)
    path.chmod(0o400)
    if media == "read-only folder":
        folder.chmod(0o555)  # as on read-only media: no -wal or -shm can be made there
    try:
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(REPO)], capture_output=True,
            text=True, timeout=120,
            preexec_fn=_without_dac_override if os.geteuid() == 0 else None)  # noqa: PLW1509
    finally:
        folder.chmod(0o755)
    assert child.returncode == 0, child.stderr[-2000:]
    out = json.loads(child.stdout.strip().splitlines()[-1])
    assert out["read_only"] and out["title"] == "evidence"
    assert out["write"].startswith(f"ReadOnlyDatabase: {path} is open read-only")
    assert stat.S_IMODE(path.stat().st_mode) == 0o400
    if media == "read-only folder":  # opened immutable: nothing made beside it
        assert [p.name for p in folder.iterdir()] == ["evidence.db"]
    path.chmod(0o600)
    assert _unchanged(path) == ["TW-1"]


def test_an_outdated_read_only_copy_is_not_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path, user="tester")
    migrate.upgrade(old, "0001")
    old.dispose()
    db = Database(_read_only_url(path), user="tester")
    try:
        assert migrate.upgrade_pending(db)
        with pytest.raises(ReadOnlyDatabase, match=f"{path} is open read-only"):
            migrate.ensure_schema(db)
    finally:
        db.dispose()
    assert not list(tmp_path.glob("old.before-*"))  # no copy kept beside it: nothing to keep
    again = Database(path, user="tester")
    try:
        assert migrate.current_revision(again) == "0001"  # not upgraded
    finally:
        again.dispose()
