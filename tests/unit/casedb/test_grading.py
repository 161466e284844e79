"""Source grading: the three schemes, grades on source files, notes and attachments, shown in
the dossier beside the evidence and carried through a bundle to another database."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from casedb.cases.attachments import add_attachment
from casedb.cases.casefile import load_case_file
from casedb.cases.members import case_from_declarations
from casedb.cases.records import add_note
from casedb.dossier import write_dossier
from casedb.errors import ConfigError, NotFound
from casedb.evidence import grading
from casedb.exchange import export_bundle, import_bundle
from casedb.exchange.validate import validate
from casedb.importing.pipeline import import_file
from casedb.store import audit
from tests.writers import write_csv


@pytest.mark.parametrize(("written", "scheme", "stored", "meaning"), [
    ("b2", "admiralty", "B2", "usually reliable; probably true"),
    ("F-6", "admiralty", "F6", "reliability cannot be judged; truth cannot be judged"),
    ("1 a p", "uk325", "1AP", "reliable source; known directly to the source; "
                              "lawful sharing permitted"),
    ("3/E/C", "uk325", "3EC", "not reliable source; suspected to be false; "
                              "lawful sharing with conditions"),
    ("x4", "europol", "X4", "source cannot be assessed; cannot be judged"),
])
def test_each_scheme_reads_its_grades(written, scheme, stored, meaning):
    g = grading.parse(written, scheme)
    assert (g.scheme, g.grade, g.meaning) == (scheme, stored, meaning)


@pytest.mark.parametrize(("written", "scheme"), [
    ("G1", "admiralty"), ("A7", "admiralty"), ("A", "admiralty"), ("B2", "uk325"),
    ("1AX", "uk325"), ("D1", "europol"), ("A5", "europol"), ("", "admiralty")])
def test_a_grade_outside_its_scheme_is_refused_in_a_sentence(written, scheme):
    with pytest.raises(ConfigError, match="does not fit the .* scheme: write"):
        grading.parse(written, scheme)
    with pytest.raises(ConfigError, match="unknown grading scheme"):
        grading.parse("A1", "stanag")


def graded_case(db, tmp_path):
    path = write_csv(tmp_path / "informant.csv", [
        ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Shipper"],
        ["G1", "2024-03-01", "391510", 12000, "Orient Scrap Co., Ltd."]])
    report = import_file(db, path)
    case_from_declarations(db, "GR-1", "graded", sorted(report.declaration_ids))
    note = add_note(db, "GR-1", "the informant saw the containers loaded")
    (tmp_path / "photo.txt").write_text("a photo of the bales")
    attachment = add_attachment(db, "GR-1", tmp_path / "photo.txt", "photo")
    return report.sha256, note, attachment


def test_grades_on_a_source_file_note_and_attachment_are_audited(db, tmp_path):
    sha, note, attachment = graded_case(db, tmp_path)
    assert grading.set_source_grade(db, sha[:10].upper(), "b2") == grading.Grade(
        "admiralty", "B2")
    grading.set_grade(db, "note", note, "C3")
    grading.set_default_scheme(db, "uk325")
    assert grading.set_grade(db, "attachment", attachment, "2BP") == grading.Grade(
        "uk325", "2BP")
    with pytest.raises(ConfigError, match="UK 3x5x2"):  # the new default scheme
        grading.set_grade(db, "note", note, "A1")
    grading.set_source_grade(db, sha, "A1", "admiralty")  # a change of grade
    with pytest.raises(NotFound):
        grading.set_source_grade(db, "0" * 64, "A1")
    with pytest.raises(NotFound):
        grading.set_grade(db, "note", note + 100, "1AP")
    with db.read() as s:
        graded = [(e.entity, e.old_value, e.new_value) for e in audit.entries(s)
                  if e.action == "grade"]
    assert graded == [("source_file", None, "B2 (admiralty)"), ("note", None, "C3 (admiralty)"),
                      ("attachment", None, "2BP (uk325)"),
                      ("source_file", "B2 (admiralty)", "A1 (admiralty)")]


def test_grades_are_shown_in_the_dossier_beside_the_evidence(db, tmp_path):
    sha, note, attachment = graded_case(db, tmp_path)
    grading.set_source_grade(db, sha, "B2")
    grading.set_grade(db, "note", note, "C3")
    grading.set_grade(db, "attachment", attachment, "X1", "europol")
    html = write_dossier(db, "GR-1", tmp_path / "d.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>.*?</tr>", html, re.S)  # the provenance row holds file and grade
    assert any("informant.csv" in r and sha in r and
               "B2 (Admiralty/NATO 6x6: usually reliable; probably true)" in r for r in rows)
    assert "C3 (Admiralty/NATO 6x6: fairly reliable; possibly true)" in html
    assert "X1 (Europol 4x4: source cannot be assessed" in html
    write_dossier(db, "GR-1", tmp_path / "d.pdf")  # the PDF's tables take the column too


def test_grades_round_trip_through_a_bundle(db, other_db, tmp_path):
    sha, note, _ = graded_case(db, tmp_path)
    grading.set_source_grade(db, sha, "B2")
    grading.set_grade(db, "note", note, "1AP", "uk325")
    path = export_bundle(db, "GR-1", tmp_path / "gr.json")
    sent = json.loads(path.read_text(encoding="utf-8"))
    assert sent["grades"] == [
        {"of": "note", "note": 0, "scheme": "uk325", "grade": "1AP"},
        {"of": "source_file", "sha256": sha, "file_name": "informant.csv",
         "scheme": "admiralty", "grade": "B2"}]
    import_bundle(other_db, path)
    with other_db.read() as s:
        received = grading.case_grades(s, load_case_file(other_db, "GR-1"))
        # the original file, known here by its hash and name, keeps its grade
        sources = grading.source_grades(s, [sha])
    assert [(k[0], g) for k, g in received.items()] == [("note", grading.Grade("uk325", "1AP"))]
    assert sources == {sha: grading.Grade("admiralty", "B2")}
    # a redacted bundle drops the notes, so their grades, and the file names
    redacted = json.loads(export_bundle(db, "GR-1", tmp_path / "r.json", redact=True)
                          .read_text(encoding="utf-8"))
    assert redacted["grades"] == [{"of": "source_file", "sha256": sha, "file_name": "",
                                   "scheme": "admiralty", "grade": "B2"}]


def test_a_bundle_with_a_wrong_grade_is_refused(db, tmp_path):
    graded_case(db, tmp_path)
    bundle = json.loads(export_bundle(db, "GR-1", tmp_path / "b.json").read_text())
    bundle["grades"] = [{"of": "note", "note": 3, "scheme": "admiralty", "grade": "Z9"},
                        {"of": "source_file", "sha256": "abc", "scheme": "nato", "grade": "A1"}]
    problems = {(p.where, p.what.split(":")[0]) for p in validate(bundle)}
    assert ("$.grades[0].grade", "grade 'Z9' does not fit the Admiralty/NATO 6x6 scheme") \
        in problems
    assert ("$.grades[0].note", "must be the place of one of the 1 notes") in problems
    assert any(w == "$.grades[1].sha256" for w, _ in problems)
    assert any(w == "$.grades[1].grade" for w, _ in problems)


def test_the_grade_command(sqlite_db, tmp_path):
    sha, _, _ = graded_case(sqlite_db, tmp_path)
    run = subprocess.run([sys.executable, "-m", "app.cli", "grade", "source", sha[:8], "e5",
                          "--db", str(sqlite_db.sqlite_path), "--json"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["grade"] == "E5"
    bad = subprocess.run([sys.executable, "-m", "app.cli", "grade", "note", "1", "Q9",
                          "--db", str(sqlite_db.sqlite_path)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode != 0 and "does not fit the Admiralty/NATO 6x6 scheme" in bad.stderr
