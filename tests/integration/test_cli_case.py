"""``wasteintel case new|edit|add|remove|merge|undo`` as a script runs them, on SQLite and
PostgreSQL: JSON on stdout, one line on stderr and a non-zero exit code when refused."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from casedb.cases.records import get_case, list_cases
from casedb.importing.pipeline import import_file
from tests.writers import write_csv

pytestmark = pytest.mark.slow  # each command a new process


def run(*args, ok=True):
    out = subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True,
                         text=True, timeout=120)
    if ok:
        assert out.returncode == 0, out.stderr
    return out


@pytest.fixture
def filled(db, tmp_path):
    import_file(db, write_csv(tmp_path / "decl.csv", [
        ["Declaration No.", "Declaration Date", "Shipper", "HS Code", "Gross Weight (kg)"],
        ["AB-1001", "2024-02-01", "Harbour Metals Ltd", "391590", "24000"],
        ["AB-1002", "2024-02-03", "Harbour Metals Ltd", "391590", "23500"],
        ["AB-1003", "2024-02-05", "Sunrise Plastics", "391590", "22000"]]))
    return db


def test_case_life_through_the_command_line(filled):
    db, url = filled, filled.url
    made = json.loads(run("case", "new", "TW-9", "--title", "PET bales", "--lead", "Lin",
                          "--status", "investigating", "--db", url, "--json").stdout)
    assert made["cases"] == ["TW-9"] and "lead_officer" in made["fields"]
    added = json.loads(run("case", "add", "TW-9", "AB-1001", "AB-1002", "--reason", "ring",
                           "--db", url, "--json").stdout)
    assert len(added["seizures"]) == 2 and added["version"] == made["version"] + 1
    edited = json.loads(run("case", "edit", "TW-9", "--status", "referred", "--summary",
                            "two shipments", "--reason", "to prosecutor", "--db", url,
                            "--json").stdout)
    assert edited["fields"] == ["status", "summary"]
    run("case", "remove", "TW-9", "AB-1002", "--db", url)
    run("case", "new", "TW-10", "--db", url)
    run("case", "add", "TW-10", "AB-1003", "--db", url)
    text = run("case", "merge", "TW-9", "TW-10", "--reason", "same ring", "--db", url).stdout
    assert "TW-10 merged into TW-9" in text
    assert {c.case_ref: c.declarations for c in list_cases(db)} == {"TW-9": 2, "TW-10": 0}
    run("case", "undo", "TW-9", "--db", url)
    assert {c.case_ref: c.declarations for c in list_cases(db)} == {"TW-9": 1, "TW-10": 1}
    redone = json.loads(run("case", "redo", "TW-9", "--db", url, "--json").stdout)
    assert sorted(redone["cases"]) == ["TW-10", "TW-9"]
    run("case", "undo", "TW-9", "--db", url)
    case = get_case(db, "TW-9")
    assert (case.status, case.lead_officer, case.summary) == ("referred", "Lin", "two shipments")


REFUSALS = [
    (("case", "edit", "TW-9", "--status", "open"), 1, "cannot go from 'referred' to 'open'"),
    (("case", "edit", "TW-9"), 2, "nothing to change"),
    (("case", "edit", "TW-9", "--status", "done"), 2, "--status: invalid choice"),
    (("case", "add", "TW-9", "AB-9999"), 1, "no declaration AB-9999"),
    (("case", "remove", "TW-9", "AB-1003"), 1, "does not hold"),
    (("case", "merge", "TW-9", "NOPE"), 1, "no case 'NOPE'"),
    (("case", "new", "TW-9"), 1, "exists already"),
    (("case", "new", "X", "--opened", "2024-13-01"), 2, "--opened: must be a date"),
    (("case", "redo", "TW-9"), 1, "nothing of case TW-9 to redo"),
]


def test_refusals_are_one_line_and_tell_the_truth(filled):
    run("case", "new", "TW-9", "--status", "referred", "--db", filled.url)
    run("case", "add", "TW-9", "AB-1001", "--db", filled.url)
    before = get_case(filled, "TW-9")
    for args, code, says in REFUSALS:
        out = run(*args, "--db", filled.url, "--json", ok=False)
        assert out.returncode == code, args
        line = out.stderr.strip()
        assert "\n" not in line and says in line, line
        assert json.loads(out.stdout)["exit_code"] == code
    assert get_case(filled, "TW-9") == before  # nothing written by a refusal
