"""Every command with bad arguments, as a script runs it: one line on stderr naming the argument
or file and what to do, a non-zero exit code, never a traceback; with ``--json`` the error as a
JSON object on stdout; a reader that goes away (``| head -1``) stops the command quietly; the
workstation without its GUI libraries says how to install them."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from casedb.importing.pipeline import import_file
from casedb.models import Case
from casedb.store import migrate
from casedb.store.database import Database
from tests.writers import write_csv

pytestmark = pytest.mark.slow  # about 40 command lines, each a new process

PG_DOWN = "postgresql://nobody@127.0.0.1:1/x"
BAD_BUNDLE = {"format": "wasteintel-case-bundle", "version": 2,
              "case": {"case_ref": "B-1", "status": "open"}, "parties": [],
              "declarations": [{"declaration_no": "D1", "gross_weight_kg": float("inf")}]}

# (arguments, exit code, what the message says); {db} and {tmp} are filled in
CASES = [
    ("cases --status foo", 2, "argument --status: invalid choice"),
    (f"cases --db {PG_DOWN}", 1, "database not available"),
    ("cases --db foo://bar", 1, "foo"),
    ("cases --db {tmp}", 1, "is a folder; name the database file"),
    ("cases --db {tmp}/notdb.db", 1, "file is not a database"),
    ("linked C-1 --hops -1", 2, "--hops: must be a whole number of 1 or more"),
    ("linked C-1 --hops 0", 2, "--hops"),
    ("linked NOPE", 1, "no case 'NOPE'"),
    ("routes --hs abc", 2, "--hs: must be an HS code"),
    ("routes --since 2020-13-01", 2, "--since: must be a date written YYYY-MM-DD"),
    ("splits --min-score 2", 2, "--min-score: must be a number between 0 and 1"),
    ("splits --threshold-kg -5", 2, "--threshold-kg"),
    ("entities candidates --min-score x", 2, "--min-score"),
    ("entities merge 0 1", 2, "PARTY_ID"),
    ("entities merge 998 999", 1, "no party"),
    ("entities split 1", 2, "RAW_NAME"),
    ("network stats --case NOPE", 1, "no case 'NOPE'"),
    ("export graph -o {tmp}/missing/g.gexf", 2, "does not exist"),
    ("export table cases -o {tmp}/t.csv --country Malaysai", 2, "Malaysia"),
    ("export table people -o {tmp}/t.csv", 2, "invalid choice"),
    ("export table declarations -o {tmp}/t.csv --port Klnag", 2, "unknown port 'Klnag'"),
    ("export table cases -o {tmp}/t.txt", 1, ".csv or .xlsx"),
    ("dossier C-1 -o {tmp}", 2, "is a folder"),
    ("dossier NOPE -o {tmp}/d.pdf", 1, "no case 'NOPE'"),
    ("bundle", 2, "ACTION"),
    ("bundle export C-1", 2, "-o FILE.json"),
    ("bundle export NOPE -o {tmp}/b.json", 1, "no case 'NOPE'"),
    ("bundle import {tmp}", 1, "is a folder"),
    ("bundle import {tmp}/none.json", 1, "no such file"),
    ("bundle import {tmp}/bad.json", 1, "$.declarations[0].gross_weight_kg"),
    ("bundle check {tmp}/bad.json", 1, "gross_weight_kg: must be a finite number"),
    ("db backup {tmp}/bad.json", 2, "exists already"),
    (f"db check --db {PG_DOWN}", 1, "database not available"),
    ("import {tmp}/none.xlsx", 1, "none.xlsx"),
    ("import", 2, "FILE"),
    ("trade shares --by nothing", 2, "--by"),
    ("trade import {tmp}/none.csv", 1, "none.csv"),
    ("nosuch", 2, "invalid choice"),
    ("import {tmp}", 1, "is a folder"),
    ("import {tmp}/r.csv --unit gross_weight_kg=bags", 2, "--unit gross_weight_kg=bags"),
    ("import {tmp}/r.csv --set nonsense", 2, "--set nonsense: expected FIELD=VALUE"),
    ("import {tmp}/r.csv --save-spec {tmp}/s.json", 2, "--save-spec goes with --dry-run"),
    ("import {tmp}/r.csv --grade Z9", 2, "--grade Z9"),
    ("review", 2, "discrepancies, warnings or decide"),
    ("review decide 999 explained", 2, "--reason"),
    ("review decide 999 explained --reason x", 1, "no discrepancy 999"),
    ("case new V-1 --status flying", 2, "invalid choice: 'flying'"),
    ("case edit NOPE --title x", 1, "no case 'NOPE'"),
    ("case add C-1 NODECL", 1, "no declaration NODECL"),
    ("case merge NOPE C-1", 1, "no case 'NOPE'"),
    ("risk --top 0", 2, "--top: must be a whole number of 1 or more"),
    ("risk --since 2020-13-01", 2, "--since: must be a date"),
    ("alerts watch nosuchkind X", 2, "invalid choice: 'nosuchkind'"),
    ("alerts review abc", 2, "ID: must be a whole number"),
    ("grade source deadbeef B2", 1, "no imported file has this SHA-256"),
    ("grade scheme nonsense", 2, "invalid choice: 'nonsense'"),
    ("trade remove NOPE", 1, "no trade dataset named 'NOPE'"),
]


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True,
                          text=True, timeout=180)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    db = Database(tmp / "c.db")
    migrate.upgrade(db)
    import_file(db, write_csv(tmp / "r.csv", [["Case No.", "Declaration No.", "Declaration Date",
                                                "HS Code", "Gross Weight (kg)"],
                                               ["C-1", "D1", "2023-01-01", "3915", "1000"]]))
    db.dispose()
    (tmp / "bad.json").write_text(json.dumps(BAD_BUNDLE), "utf-8")
    (tmp / "notdb.db").write_bytes(b"not a database, 100 bytes of it " * 4)
    return tmp, db.url


@pytest.fixture(scope="module")
def results(workspace):
    """Every case run once, a few at a time."""
    tmp, url = workspace

    def argv(case):
        words = case[0].format(tmp=tmp).split()
        return words if "--db" in words else [*words, "--db", url]

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip([c[0] for c in CASES], pool.map(lambda c: _run(argv(c)), CASES),
                        strict=True))


@pytest.mark.parametrize(("args", "code", "says"), CASES, ids=[c[0] for c in CASES])
def test_bad_arguments_are_one_line_and_a_non_zero_exit(results, args, code, says):
    res = results[args]
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("wasteintel: ") and says in lines[0], lines[0]
    assert "Traceback" not in res.stderr + res.stdout
    assert res.returncode == code, (res.returncode, lines[0])


def test_json_errors_are_a_json_object_on_stdout(workspace):
    tmp, url = workspace
    res = _run(["linked", "C-1", "--hops", "-1", "--db", url, "--json"])
    out = json.loads(res.stdout)
    assert res.returncode == 2 and out["exit_code"] == 2 and "--hops" in out["error"]
    res = _run(["bundle", "import", str(tmp / "bad.json"), "--db", url, "--json"])
    out = json.loads(res.stdout)
    assert res.returncode == 1 and out["problems"][0] == {
        "path": "$.declarations[0].gross_weight_kg",
        "problem": "must be a finite number, found Infinity"}


def test_a_reader_that_goes_away_stops_the_command_quietly(tmp_path):
    db = Database(tmp_path / "many.db")
    migrate.upgrade(db)
    with db.begin() as s:
        s.add_all(Case(case_ref=f"C-{n:05d}", title="x" * 60) for n in range(3000))
    db.dispose()
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "cases", "--db", db.url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"case")  # as head -1 does
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert err == "" and proc.returncode == 141


def test_the_workstation_without_pyside6_says_how_to_install_it(tmp_path):
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "from app.cli import main\n"
            f"sys.exit(main(['--db', {str(tmp_path / 'g.db')!r}]))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=180)
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 1 and len(lines) == 1
    assert "pip install 'wasteintel[gui]'" in lines[0]


def test_a_command_that_cannot_be_imported_fails_alone_in_one_sentence():
    from app.cli import Parser
    from app.commands import _unavailable
    from casedb.errors import CaseDbError

    parser = Parser(prog="wasteintel")
    _unavailable(parser.add_subparsers(dest="command"), "trade",
                 ImportError("cannot import name 'flow_code'"))
    args = parser.parse_args(["trade", "shares", "--hs", "3915", "--db", "x.db"])
    with pytest.raises(CaseDbError, match=r"^the trade command cannot run in this installation "
                                          r"\(cannot import name 'flow_code'\); reinstall"):
        args.handler(args)
