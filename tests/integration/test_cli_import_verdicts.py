"""``wasteintel import``: a verdict per file, exit codes that tell a script the truth, and a dry
run that says what would happen without writing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from tests.writers import write_csv

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Container No."]
GOOD = [["D1", "2023-01-01", "391510", "12,500", "MSCU1234566"],
        ["D2", "2023-01-02", "391590", "9,800", "TGHU7654320"]]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "app.cli", "import", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def declarations(path) -> int:
    if not path.exists():
        return 0
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM declaration").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def files(tmp_path):
    return {
        "imported": write_csv(tmp_path / "good.csv", [HEADER, *GOOD]),
        "partly imported": write_csv(tmp_path / "part.csv", [
            HEADER, ["P1", "2023-01-01", "391510", "1000", ""],
            ["P2", "2023-02-30", "391510", "1000", ""]]),
        # a seizure register naming declarations the database does not hold, without weights
        "nothing stored": write_csv(tmp_path / "none.csv", [
            ["Case No.", "Declaration No.", "Declaration Date"], ["K1", "N1", "2023-01-01"],
            ["K1", "N2", "2023-01-02"]]),
        "not declarations": write_csv(tmp_path / "hmrc.csv", [
            ["Cn8", "Hs2", "Hs4", "Hs6", "Description", "Year", "FlowType", "Country", "Value",
             "NetMass", "SuppUnit"],
            ["39151000", "39", "3915", "391510", "Waste of polymers of ethylene", "2019",
             "Non-EU Exports", "Malaysia", "1000", "50000", ""]]),
        "needs a decision": write_csv(tmp_path / "noweight.csv", [
            ["Declaration No.", "Declaration Date", "HS Code"], ["W1", "2023-01-01", "391510"]]),
    }


@pytest.mark.parametrize(("status", "code"), [
    ("imported", 0), ("partly imported", 3), ("nothing stored", 1), ("not declarations", 1),
    ("needs a decision", 2)])
def test_each_verdict_has_its_exit_code(tmp_path, files, status, code):
    db = tmp_path / "c.db"
    res = cli(files[status], "--db", db)
    assert res.returncode == code, res.stderr
    assert res.stdout.strip().splitlines()[-1].startswith(f"{files[status]}: {status}")
    as_json = cli(files[status], "--db", tmp_path / "d.db", "--json")
    (f,) = json.loads(as_json.stdout)["files"]
    assert f["status"] == status and as_json.returncode == code


def test_trade_statistics_point_to_the_trade_import(tmp_path, files):
    res = cli(files["not declarations"], "--db", tmp_path / "c.db")
    assert "wasteintel trade import" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_unreadable_and_folder(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a workbook")
    res = cli(bad, tmp_path, "--db", tmp_path / "c.db")
    assert res.returncode == 1
    last = res.stdout.strip().splitlines()[-2:]
    assert last == [f"{bad}: unreadable", f"{tmp_path}: unreadable"]
    assert "is a folder" in res.stderr


def test_a_batch_reports_every_file_and_exits_with_the_worst(tmp_path, files):
    db = tmp_path / "c.db"
    res = cli(files["imported"], files["needs a decision"], files["partly imported"], "--db", db)
    assert res.returncode == 2
    tail = res.stdout.strip().splitlines()[-3:]
    assert [t.split(": ")[0] for t in tail] == [
        str(files[k]) for k in ("imported", "needs a decision", "partly imported")]
    assert declarations(db) == 3  # the good files went in; the one needing a decision did not


def test_dry_run_writes_nothing_and_says_what_would_happen(tmp_path, files):
    db = tmp_path / "c.db"
    cli(files["imported"], "--db", db)
    before = declarations(db)
    res = cli(files["partly imported"], "--db", db, "--dry-run", "--json")
    assert res.returncode == 3
    (f,) = json.loads(res.stdout)["files"]
    assert f["dry_run"] and f["would"]["imported"] == 1 and f["would"]["refused"] == 1
    cols = {c["header"]: c for c in f["sheets"][0]["columns"]}
    assert cols["Gross Weight (kg)"]["field"] == "gross_weight_kg"
    assert "values fit" in cols["Declaration Date"]["evidence"]
    assert f["sheets"][0]["sample"][0]["gross_weight_kg"] == 1000.0
    assert declarations(db) == before
    with sqlite3.connect(db) as con:  # nothing of the dry run left, not even its audit entry
        assert con.execute("SELECT count(*) FROM import_run").fetchone()[0] == 1


def test_a_decision_settled_by_unit_set_or_a_saved_spec(tmp_path):
    reg = write_csv(tmp_path / "reg.csv", [
        ["Declaration No.", "Date", "Container No.", "Weight", "HS Code"],
        *[[f"A{i}", f"2023-01-0{i}", "MSCU1234566", w, "391510"]
          for i, w in enumerate((18.5, 21.2, 19.9, 20.1), start=1)]])
    db = tmp_path / "c.db"
    res = cli(reg, "--db", db)
    assert res.returncode == 2 and "--unit gross_weight_kg=t" in res.stdout
    assert declarations(db) == 0
    spec = tmp_path / "reg.spec.json"
    dry = cli(reg, "--db", db, "--dry-run", "--save-spec", spec, "--unit", "gross_weight_kg=t")
    assert dry.returncode == 0, dry.stdout
    saved = json.loads(spec.read_text("utf-8"))
    assert saved["units"] == {"gross_weight_kg": "t"} and saved["columns"]["Weight"] == \
        "gross_weight_kg"
    done = cli(reg, "--db", db, "--spec", spec, "--set", "direction=import", "--json")
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT min(gross_weight_kg), max(gross_weight_kg), min(direction) "
                       "FROM declaration").fetchone() == (18500.0, 21200.0, "import")
    con.close()


def test_bad_set_and_unit_arguments_are_one_line_and_exit_2(tmp_path, files):
    for args in (["--set", "nonsense"], ["--unit", "gross_weight_kg=bags"],
                 ["--save-spec", tmp_path / "s.json"]):
        res = cli(files["imported"], "--db", tmp_path / "c.db", *args)
        assert res.returncode == 2
        assert len(res.stderr.strip().splitlines()) == 1


def test_import_grades_its_sources_and_a_bad_grade_imports_nothing(tmp_path, files):
    db = tmp_path / "c.db"
    bad = cli(files["imported"], "--db", db, "--grade", "Z9")
    assert bad.returncode == 2 and declarations(db) == 0
    assert "--grade Z9" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    res = cli(files["imported"], "--db", db, "--grade", "b2", "--json")
    assert res.returncode == 0, res.stderr
    (f,) = json.loads(res.stdout)["files"]
    assert f["grade"].startswith("B2")
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM source_grade").fetchone()[0] == 1
    con.close()
