"""Data safety: one transaction per file. A cancel, an unreadable file or a killed process leaves
the database exactly as it was, whether the file is read here or by a reading process."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import func, select

from casedb.errors import ReadError
from casedb.importing import pipeline
from casedb.importing.pipeline import import_file
from casedb.models import Declaration, ImportRun, RowProvenance, SourceFile
from casedb.progress import CallbackProgress, Cancelled
from tests.writers import write_csv, write_xlsx

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Shipper",
          "Container No(s)."]


def big_csv(path, n):
    rows = [HEADER] + [[f"K{i:07d}", "2023-01-02", "391510", str(1000 + i % 500),
                        f"Shipper {i % 97}", "MSCU1234566"] for i in range(n)]
    return write_csv(path, rows)


@pytest.fixture(params=["here", "process"])
def reading(request, monkeypatch):
    """Each test twice: the file read in this process, and by a reading process (as a large
    file is)."""
    if request.param == "process":
        monkeypatch.setattr(pipeline, "MIN_PROCESS_BYTES", 0)
    return request.param


def snapshot(db):
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t))
                     for t in (Declaration, RowProvenance, SourceFile, ImportRun))


def test_cancel_leaves_database_unchanged(db, tmp_path, reading):
    import_file(db, write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, ["A1", "2023-01-01", "3915",
                                                                    "10", "X", None]]}))
    before = snapshot(db)
    seen = []

    def cb(done, total):
        seen.append(done)
        return done < 2500  # cancel midway

    with pytest.raises(Cancelled):
        import_file(db, big_csv(tmp_path / "big.csv", 5000), progress=CallbackProgress(cb))
    assert max(seen) >= 2000  # it really was midway
    assert snapshot(db) == before
    assert not multiprocessing.active_children()  # a reading process was stopped


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 truncated zip", b"\x00\xff" * 500])
def test_unreadable_file_is_a_clear_error_and_changes_nothing(db, tmp_path, reading, content):
    before = snapshot(db)
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        import_file(db, path)
    assert err.value.reason and "Traceback" not in err.value.reason
    assert snapshot(db) == before


def test_truncated_xlsx(db, tmp_path, reading):
    good = write_xlsx(tmp_path / "g.xlsx", {"S": [HEADER] + [[f"T{i}", "2023-01-01", "3915",
                                                             "10", "X", None] for i in range(500)]})
    data = good.read_bytes()
    bad = tmp_path / "t.xlsx"
    bad.write_bytes(data[: len(data) // 2])
    before = snapshot(db)
    with pytest.raises(ReadError):
        import_file(db, bad)
    assert snapshot(db) == before


def test_formulas_are_never_evaluated_and_stored_as_text(db, tmp_path, reading):
    path = write_csv(tmp_path / "f.csv", [HEADER + ["Goods Description"],
                                          ["F1", "2023-01-01", "3915", "10",
                                           "=HYPERLINK(\"http://evil\")", None, "=1+1"]])
    report = import_file(db, path)
    assert report.imported == 1
    with db.read() as s:
        d = s.scalar(select(Declaration))
    assert d.goods_description == "=1+1"


def children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            out.append(int(entry))
    return out


def running(pid: int) -> bool:
    """Whether ``pid`` is alive (a zombie waiting for its reaper counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("where", ["here", "process"])
def test_killed_import_leaves_nothing_and_rerun_imports_everything(sqlite_db, tmp_path, where):
    n = 60_000  # enough for the import to drop its secondary indexes, to rebuild at the end
    path = big_csv(tmp_path / "kill.csv", n)
    con = sqlite3.connect(sqlite_db.sqlite_path)
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall()
    con.close()
    script = textwrap.dedent(f"""
        import sys
        from casedb.store.database import Database
        from casedb.importing import pipeline
        from casedb.importing.pipeline import import_file
        from casedb.progress import CallbackProgress
        if {where!r} == "process":
            pipeline.MIN_PROCESS_BYTES = 0
        def cb(done, total):
            if done >= 5000:
                print("MIDWAY", flush=True)
        import_file(Database({sqlite_db.url!r}), {str(path)!r}, progress=CallbackProgress(cb))
        print("FINISHED", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    line = ""
    while time.monotonic() < deadline and "MIDWAY" not in line:
        line = proc.stdout.readline()
        assert line, "the importer ended before it was killed"
    readers = children(proc.pid)
    assert len(readers) == (1 if where == "process" else 0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert "FINISHED" not in line
    deadline = time.monotonic() + 10
    while any(map(running, readers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(running, readers)), "the reading process outlived the importer"
    sqlite_db.dispose()
    con = sqlite3.connect(sqlite_db.sqlite_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM declaration").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM row_provenance").fetchone()[0] == 0
    assert con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall() \
        == indexes  # the dropped indexes came back with the rollback
    con.close()
    report = import_file(sqlite_db, path)
    assert report.imported == n
