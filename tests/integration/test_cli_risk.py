"""``wasteintel risk`` and ``wasteintel alerts`` on a risk world, as scripts call them: JSON
shapes, exit codes, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from casedb.store import migrate
from casedb.store.database import Database
from casedb.synth.risk_load import load_world
from tests.unit.casedb.risk.worlds import declaration_truth, world


def cli(*args, code: int = 0):
    out = subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == code, out.stderr
    return out


@pytest.fixture(scope="module")
def risk_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("risk") / "risk.db"
    db = Database(path)
    migrate.upgrade(db)
    w = world()
    load_world(db, w)
    db.dispose()
    return str(path), w


def test_risk_json_and_the_stored_scores(risk_db):
    path, w = risk_db
    illicit, _ = declaration_truth(w)
    rows = json.loads(cli("risk", "--top", "30", "--json", "--db", path).stdout)
    assert len(rows) == 30 and set(rows[0]) == {"declaration_no", "score", "signals"}
    assert set(rows[0]["signals"][0]) == {"kind", "weight", "reason"}
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert sum(r["declaration_no"] in illicit for r in rows) >= 27
    later = json.loads(cli("risk", "--since", "2021-01-01", "--json", "--db", path).stdout)
    assert later and later[0]["score"] > 0
    text = cli("risk", "--top", "3", "--db", path).stdout
    assert text.splitlines()[0].split()[:2] == ["score", "declaration"]


def test_alerts_watch_run_list_review(risk_db):
    path, _ = risk_db
    rule = json.loads(cli("alerts", "watch", "route", "*>MYPKG", "--json", "--db", path).stdout)
    assert rule == {"rule": 1}
    new = json.loads(cli("alerts", "run", "--json", "--db", path).stdout)["new_alerts"]
    assert new > 0
    alerts = json.loads(cli("alerts", "--json", "--db", path).stdout)
    assert len(alerts) == new and alerts[0]["rule"] == "route *>MYPKG"
    assert {"id", "declaration_no", "reason", "status"} <= set(alerts[0])
    cli("alerts", "review", str(alerts[0]["id"]), "--db", path)
    assert len(json.loads(cli("alerts", "--json", "--db", path).stdout)) == new - 1
    assert len(json.loads(cli("alerts", "--all", "--json", "--db", path).stdout)) == new
    rules = json.loads(cli("alerts", "rules", "--json", "--db", path).stdout)
    assert rules[0]["kind"] == "route"


def test_errors_are_one_line(risk_db):
    path, _ = risk_db
    err = cli("alerts", "review", "99999", "--db", path, code=1).stderr
    assert "99999 not found" in err and len(err.strip().splitlines()) == 1
    err = cli("risk", "--top", "0", "--db", path, code=2).stderr
    assert "--top" in err and len(err.strip().splitlines()) == 1
    err = cli("alerts", "watch", "detector", "astrology", "--db", path, code=1).stderr
    assert "one of" in err
