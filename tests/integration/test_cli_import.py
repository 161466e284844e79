"""``wasteintel import`` and ``wasteintel cases`` as a script would call them."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.writers import write_csv

HEADER = ["Case No.", "Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)"]


def cli(*args, check=True):
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True,
                          text=True, check=check, timeout=120)


def test_import_json_and_cases(tmp_path):
    db = f"sqlite:///{tmp_path / 'c.db'}"
    good = write_csv(tmp_path / "reg.csv", [HEADER, ["C-1", "D1", "2023-01-01", "3915", "1000"],
                                            ["C-1", "D2", "2023-01-02", "3915", "-1"]])
    res = cli("import", str(good), "--db", db, "--json", check=False)
    assert res.returncode == 3  # partly imported: a row refused
    (f,) = json.loads(res.stdout)["files"]
    assert set(f) == {"file", "status", "sha256", "sheets", "rows_read", "imported", "merged",
                      "unchanged", "refused", "warnings", "discrepancies", "dry_run", "alerts"}
    assert f["status"] == "partly imported"
    assert (f["rows_read"], f["imported"], f["unchanged"]) == (2, 1, 0)
    assert f["refused"] == [{"sheet": "reg", "row": 3, "column": "Gross Weight (kg)",
                             "reason": f["refused"][0]["reason"]}]
    again = json.loads(cli("import", str(good), "--db", db, "--json",
                           check=False).stdout)["files"][0]
    assert (again["imported"], again["unchanged"]) == (0, 1)
    cases = json.loads(cli("cases", "--db", db, "--json").stdout)
    assert cases == [{"case_ref": "C-1", "title": "", "status": "open", "opened_on": "2023-01-01",
                      "seizures": 1, "declarations": 1}]


def test_unreadable_file_exits_non_zero_with_one_line(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a workbook")
    res = cli("import", str(bad), "--db", str(tmp_path / "c.db"), check=False)
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wasteintel: error:")


def test_db_upgrade_check_backup(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    first = json.loads(cli("db", "upgrade", "--db", url, "--json").stdout)
    second = json.loads(cli("db", "upgrade", "--db", url, "--json").stdout)
    assert first["changed"] and not second["changed"]
    assert first["copy_of_old"] is None  # created, not upgraded: nothing to keep
    assert json.loads(cli("db", "check", "--db", url, "--json").stdout)["ok"]
    cli("db", "backup", str(tmp_path / "b.db"), "--db", url)
    import sqlite3

    con = sqlite3.connect(tmp_path / "b.db")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    res = cli("db", "check", "--db", "postgresql://nobody@127.0.0.1:1/x", check=False)
    assert res.returncode == 1 and len(res.stderr.strip().splitlines()) == 1


def test_db_upgrade_of_an_older_database_keeps_a_copy(tmp_path):
    from casedb.store import migrate
    from casedb.store.database import Database

    old = Database(tmp_path / "old.db")
    migrate.upgrade(old, "0001")
    old.dispose()
    out = json.loads(cli("db", "upgrade", "--db", str(tmp_path / "old.db"), "--json").stdout)
    assert (out["before"], out["after"]) == ("0001", migrate.heads()[0])
    assert out["copy_of_old"] == str(tmp_path / "old.before-0001.db")
    text_out = cli("db", "upgrade", "--db", str(tmp_path / "old.before-0001.db")).stdout
    assert "the old file is kept at" in text_out and "old.before-0001.before-0001.db" in text_out
