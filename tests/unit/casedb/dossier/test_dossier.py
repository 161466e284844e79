"""Dossiers and exports on the demo database."""

from __future__ import annotations

import csv
import json
import re
import subprocess
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from casedb.cases.casefile import load_case_file
from casedb.dossier import write_dossier
from casedb.exchange import export_bundle, import_bundle
from casedb.exports.tables import neutralise, write_table
from casedb.store import migrate
from casedb.store.database import Database

TRUTH = json.loads((Path(__file__).resolve().parents[4] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))
RING_CASE = TRUTH["linked_pairs"][0]["cases"][0]  # a case of split ring A


def test_pdf_dossier_sections_numbers_images_and_render(demo_db, tmp_path):
    out = write_dossier(demo_db, RING_CASE, tmp_path / "d.pdf", classification="SECRET-TEST")
    reader = PdfReader(out)
    text = "\n".join(p.extract_text() for p in reader.pages)
    for section in ("Case summary", "Seizures", "Declarations", "Parties", "Linked cases",
                    "Investigator notes", "Provenance of the evidence", "Audit trail", "Charts",
                    "Contents", "Split-shipment ring"):
        assert section in text, section
    for d in load_case_file(demo_db, RING_CASE).declarations:
        assert d.declaration_no in text
    assert all("SECRET-TEST" in p.extract_text() for p in reader.pages)
    assert all(f"Page {i + 1}" in p.extract_text() for i, p in enumerate(reader.pages))
    curves = sum(p.get_contents().get_data().count(b" c\n") for p in reader.pages)
    assert curves > 40  # the charts' points, drawn as vector circles
    fonts = {str(f) for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert fonts
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "2", str(out), str(png)],
                   check=True)
    assert len(list(tmp_path.glob("page*.png"))) == 2


def test_chinese_dossier_embeds_a_font(demo_db, tmp_path):
    out = write_dossier(demo_db, RING_CASE, tmp_path / "d.pdf", lang="zh-TW",
                        classification="機密")
    reader = PdfReader(out)
    text = reader.pages[2].extract_text()
    assert "案件摘要" in text and "機密" in text
    everything = "".join(p.extract_text() for p in reader.pages)
    assert "分批申報集團" in everything and "筆報單" in everything  # the ring, explained in Chinese
    assert "declarations in" not in everything
    assert "新案" in everything and "出口人" in everything and "地址" in everything
    assert "shipper" not in everything and "address:" not in everything  # stored values translated
    assert "同一關係人" in everything  # why the linked case is linked
    embedded = [f for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()
                if "/FontFile2" in str(f.get_object().get("/FontDescriptor", {}) or "")
                or "/DescendantFonts" in f.get_object()]
    assert embedded


def test_html_dossier_is_self_contained(demo_db, tmp_path):
    out = write_dossier(demo_db, RING_CASE, tmp_path / "d.html")
    page = out.read_text("utf-8")
    assert "<svg" in page and RING_CASE in page
    page = re.sub(r'xmlns(:\w+)?="http://www\.w3\.org/[^"]*"', "", page)  # names, not fetches
    for external in ("http://", "https://", "src=", "<link", "@import"):
        assert external not in page, external
    assert not re.search(r"url\((?!#)", page)  # only references inside the page


def test_formula_injection_is_neutralised_in_csv_and_xlsx(tmp_path):
    rows = [["=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2", "@SUM(A1)", "safe", 3.5]]
    assert neutralise("=1+1") == "'=1+1" and neutralise("ok") == "ok"
    c = write_table(tmp_path / "t.csv", ["a", "b", "c", "d", "e", "f"], rows)
    with open(c, encoding="utf-8-sig") as f:
        got = list(csv.reader(f))[1]
    assert got[:5] == ["'=HYPERLINK(\"http://evil\",\"x\")", "'+1", "'-2", "'@SUM(A1)", "safe"]
    x = write_table(tmp_path / "t.xlsx", ["a", "b", "c", "d", "e", "f"], rows)
    ws = openpyxl.load_workbook(x).active
    assert ws["A2"].value.startswith("'=") and ws["A2"].data_type == "s"
    assert ws["F2"].value == 3.5


def test_bundle_round_trips_into_an_empty_database(demo_db, tmp_path):
    path = export_bundle(demo_db, RING_CASE, tmp_path / "case.json")
    other = Database(tmp_path / "other.db")
    migrate.upgrade(other)
    assert import_bundle(other, path) == RING_CASE
    a, b = load_case_file(demo_db, RING_CASE), load_case_file(other, RING_CASE)
    assert (a.case.title, a.case.status) == (b.case.title, b.case.status)
    assert _facts(a.declarations) == _facts(b.declarations)
    assert sorted((p.display_name, p.role) for p in a.parties) == sorted(
        (p.display_name, p.role) for p in b.parties)
    assert [(z.declaration_no, z.offence) for z in a.seizures] == [
        (z.declaration_no, z.offence) for z in b.seizures]
    red = export_bundle(demo_db, RING_CASE, tmp_path / "red.json", redact=True).read_text("utf-8")
    for p in a.parties:
        assert p.display_name not in red
    other.dispose()


def _facts(declarations) -> list[tuple]:
    return sorted((d.declaration_no, d.declaration_date, d.hs_code, d.gross_weight_kg, d.route,
                   d.containers) for d in declarations)


def test_dossier_lists_the_case_attachments_with_their_hashes(demo_db, tmp_path):
    import hashlib

    from casedb.cases.attachments import add_attachment

    # a demo database of its own: the shared one is written by the GUI tests of this worker
    from casedb.synth.demo_database import demo_database

    own = demo_database(tmp_path / "own.db")
    own.dispose()
    db = Database(own.sqlite_path, user="officer")
    photo = tmp_path / "container MSCU photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg" * 100)
    add_attachment(db, RING_CASE, photo, "Bales at the quay, 2019-05-02")
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    text = "".join(p.extract_text() for p in PdfReader(
        write_dossier(db, RING_CASE, tmp_path / "d.pdf")).pages)
    flat = re.sub(r"\s+", "", text)  # table cells wrap
    assert "Attachments" in text and "Balesatthequay" in flat
    assert digest in flat and "containerMSCUphoto.jpg" in flat
    assert "addattachment" in flat  # and in the audit trail
    page = write_dossier(db, RING_CASE, tmp_path / "d.html").read_text("utf-8")
    assert digest in page and "Attachments" in page
    zh = "".join(p.extract_text() for p in PdfReader(
        write_dossier(db, RING_CASE, tmp_path / "zh.pdf", lang="zh-TW")).pages)
    assert "附件" in zh
    db.dispose()
