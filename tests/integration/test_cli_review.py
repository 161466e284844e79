"""``wasteintel review``: the discrepancies between two sources and the values kept as written
are listed for review, and a discrepancy can be explained or confirmed, audited."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from tests.writers import write_csv

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Consignee",
          "Country of Origin"]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_a_discrepancy_is_listed_decided_and_audited(tmp_path):
    db = tmp_path / "c.db"
    first = write_csv(tmp_path / "customs.csv", [
        HEADER, ["D1", "2023-05-12", "391510", "20000", "Klang Polymer Sdn Bhd", "GBR"],
        ["D2", "2023-05-13", "391510", "15000", "Klang Polymer Sdn Bhd", "Atlantis"]])
    second = write_csv(tmp_path / "partner.csv", [
        HEADER, ["D1", "2023-05-12", "391510", "21600", "Klang Polymer Sdn Bhd", "GBR"]])
    assert cli("import", first, "--db", db).returncode == 0
    assert cli("import", second, "--db", db).returncode == 0
    res = cli("review", "discrepancies", "--db", db, "--json")
    assert res.returncode == 0, res.stderr
    (d,) = json.loads(res.stdout)
    assert (d["declaration_no"], d["field"], float(d["value"]), float(d["other"])) == (
        "D1", "gross_weight_kg", 20000.0, 21600.0)
    assert (d["file"], d["row"], d["status"]) == ("partner.csv", 2, "open")
    warned = json.loads(cli("review", "warnings", "--db", db, "--json").stdout)
    assert [(w["declaration_no"], w["field"], w["value"]) for w in warned] == [
        ("D2", "country_of_origin", "Atlantis")]
    done = cli("review", "decide", d["id"], "confirmed", "--reason", "weighbridge ticket",
               "--db", db, "--json")
    assert done.returncode == 0 and json.loads(done.stdout)[0]["status"] == "confirmed"
    assert json.loads(cli("review", "discrepancies", "--db", db, "--json").stdout) == []
    con = sqlite3.connect(db)
    assert con.execute("SELECT action, old_value, new_value, reason FROM audit_log "
                       "WHERE entity = 'discrepancy'").fetchall() == [
        ("review", "open", "confirmed", "weighbridge ticket")]
    con.close()
    missing = cli("review", "decide", "999", "explained", "--reason", "x", "--db", db)
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
