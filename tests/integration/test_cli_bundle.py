"""``wasteintel bundle export | import | check`` as a script calls them: the redaction preview
writes nothing, a bundle goes from one database to another, and importing it again changes
nothing."""

from __future__ import annotations

import json
import subprocess
import sys

from casedb.importing.pipeline import import_file
from casedb.store import migrate
from casedb.store.database import Database
from tests.writers import write_csv

INFORMANT = "Siti Aminah"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=180)


def _database(tmp_path, name: str, rows=None) -> str:
    db = Database(tmp_path / name)
    migrate.upgrade(db)
    if rows:
        import_file(db, write_csv(tmp_path / f"{name}.csv", rows))
    db.dispose()
    return db.url


def test_preview_export_import_and_import_again(tmp_path):
    src = _database(tmp_path, "src.db", [
        ["Case No.", "Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)",
         "Shipper", "Detection Method"],
        ["C-1", "D1", "2023-01-01", "391590", "1000", "Orient Scrap Co", f"informant {INFORMANT}"]])
    before = sorted(p.name for p in tmp_path.iterdir())
    preview = cli("bundle", "export", "C-1", "--redact", "--preview", "--db", src)
    assert preview.returncode == 0, preview.stderr
    assert "redaction removes:" in preview.stdout and "detection_method: person name" in \
        preview.stdout and "nothing written" in preview.stdout
    shown = json.loads(cli("bundle", "export", "C-1", "--redact", "--preview", "--json",
                           "--db", src).stdout)
    assert shown["redacted"] and INFORMANT not in json.dumps(shown)
    assert "Orient" not in json.dumps(shown)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # the preview wrote nothing

    out = tmp_path / "c1.json"
    done = cli("bundle", "export", "C-1", "-o", out, "--redact", "--db", src)
    assert done.returncode == 0 and "(redacted)" in done.stdout
    assert cli("bundle", "check", out).returncode == 0
    dst = _database(tmp_path, "dst.db")
    first = cli("bundle", "import", out, "--db", dst)
    assert first.returncode == 0 and "case C-1 created: 1 declarations added" in first.stdout
    again = json.loads(cli("bundle", "import", out, "--db", dst, "--json").stdout)
    assert again["unchanged"] and again["declarations_added"] == 0
    cases = json.loads(cli("cases", "--db", dst, "--json").stdout)
    assert [c["case_ref"] for c in cases] == ["C-1"] and cases[0]["declarations"] == 1
