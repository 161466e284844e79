"""``wasteintel trade`` as scripts call it: import a national file or a folder, list and remove
datasets, shares in the usual JSON shape, errors as JSON naming the file."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.unit.casedb.trade import national as nat


def run(*args):
    return subprocess.run([sys.executable, "-m", "app.cli", "trade", *args],
                          capture_output=True, text=True, timeout=120)


def test_uk_exports_from_a_folder_to_shares_and_back(sqlite_db, tmp_path):
    folder = tmp_path / "hmrc"
    folder.mkdir()
    nat.hmrc_yearly(folder / "ots_2020.csv")
    (folder / "README.pdf").write_bytes(b"%PDF-1.4")
    db = ["--db", sqlite_db.url]
    out = run("import", str(folder), "--dataset", "UK", "--json", *db)
    assert out.returncode == 0, out.stderr
    files = json.loads(out.stdout)["files"]
    assert {f["file"].rsplit("/", 1)[-1]: f.get("note") for f in files} == {
        "README.pdf": "skipped: not a CSV file", "ots_2020.csv": None}
    (report,) = [f for f in files if "layout" in f]
    assert (report["layout"], report["imported"]) == ("UK HMRC OTS", 11)
    shares = json.loads(run("shares", "--by", "partner", "--reporter", "GBR", "--flow",
                            "export", "--json", *db).stdout)
    assert {"periods", "series", "shifts"} <= set(shares) and shares["periods"] == ["2020"]
    tur = next(s for s in shares["series"] if s["route"] == "TUR")
    exports = [r for r in nat.HMRC_ROWS if r[1].endswith("Exports")]
    assert abs(tur["shares"][0] - 30_500_000 / sum(r[5] for r in exports)) < 1e-6
    assert tur["tonnes"] == [30_500.0]
    (ds,) = json.loads(run("datasets", "--json", *db).stdout)
    assert (ds["dataset"], ds["currencies"], ds["reporters"]) == ("UK", ["GBP"], ["GBR"])
    assert run("remove", "UK", *db).returncode == 0
    assert json.loads(run("datasets", "--json", *db).stdout) == []


def test_errors_are_json_and_name_the_file(sqlite_db, tmp_path):
    bad = nat.write_csv(tmp_path / "totals.csv", [["Country", "Year", "Tonnes"],
                                                  ["Malaysia", "2019", "5"]])
    out = run("import", str(bad), "--json", "--db", sqlite_db.url)
    assert out.returncode == 1
    (err,) = json.loads(out.stdout)["files"]
    assert err["file"] == str(bad) and "nearest" in err["error"]
    spec = tmp_path / "spec.json"
    spec.write_text('{"currency": "pounds"}', "utf-8")
    out = run("import", str(bad), "--spec", str(spec), "--json", "--db", sqlite_db.url)
    assert out.returncode == 1 and str(spec) in json.loads(out.stdout)["error"]
    out = run("remove", "nothing", "--json", "--db", sqlite_db.url)
    assert out.returncode == 1 and "no trade dataset" in json.loads(out.stdout)["error"]


def test_import_help_documents_layouts_and_spec():
    out = run("import", "--help")
    for word in ("UK HMRC OTS", "Eurostat Comext", "USA Trade Online", "貨品號列", "--spec",
                 "currency", "partners"):
        assert word in out.stdout, word
