"""The evidence trail: each imported row's cells as written, a declaration's sources (file,
SHA-256, when, by whom, sheet, row) with the row beside the stored values, kept file copies."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import func, select

from casedb.errors import NotFound
from casedb.evidence import trail as evidence
from casedb.importing.pipeline import import_file
from casedb.models import Declaration, RawRow
from tests.writers import write_csv, write_xlsx

HEADER = ["Declaration No.", "Declaration Date", "Shipper", "HS Code", "Gross Weight (t)",
          "Remarks"]


def _id(db, number):
    with db.read() as s:
        return s.scalar(select(Declaration.id).where(Declaration.declaration_no == number))


def test_row_as_written_beside_the_stored_values(db, tmp_path):
    path = write_xlsx(tmp_path / "seized.xlsx", {"Entries": [
        ["Keelung customs, export entries"],  # a banner above the header
        HEADER,
        ["EX-0001", dt.datetime(2024, 5, 12), "Harbour Metals Ltd", "3915.90", 24.5, "bales"],
        ["EX-0002", dt.datetime(2024, 5, 13), "Sunrise Plastics", "391590", 12, None]]})
    import_file(db, path)
    ev = evidence.declaration_evidence(db, _id(db, "EX-0001"))
    (src,) = ev.sources
    assert (src.file_name, src.sheet, src.row) == ("seized.xlsx", "Entries", 3)
    assert src.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert src.imported_by == db.user and src.imported_at is not None
    cells = {c.header: (c.as_written, c.field) for c in src.cells}
    assert cells["HS Code"] == ("3915.90", "hs_code")
    assert cells["Gross Weight (t)"] == (24.5, "gross_weight_kg")
    assert cells["Remarks"] == ("bales", None)  # a column the import did not read, kept too
    assert cells["Declaration Date"][0].startswith("2024-05-12")
    assert ev.stored["gross_weight_kg"] == 24500.0 and ev.stored["hs_code"] == "391590"
    assert ev.stored[cells["Shipper"][1]] == "Harbour Metals Ltd"  # the cell beside its value
    assert ev.to_json()["sources"][0]["cells"][0] == {
        "header": "Declaration No.", "as_written": "EX-0001", "field": "declaration_no"}
    last = evidence.declaration_evidence(db, _id(db, "EX-0002")).sources[0]
    assert [c.header for c in last.cells] == HEADER[:5]  # the empty last cell left off


def test_a_second_file_adds_a_source_and_a_reimport_adds_nothing(db, tmp_path):
    first = write_csv(tmp_path / "a.csv", [HEADER, ["EX-7", "2024-05-12", "Harbour Metals Ltd",
                                                    "391590", "24.5", ""]])
    second = write_csv(tmp_path / "b.csv", [HEADER[:3] + ["Gross Weight (kg)", "Vessel"],
                                            ["EX-7", "2024-05-12", "Harbour Metals Ltd",
                                             "24500", "EVER GIVEN"]])
    import_file(db, first)
    import_file(db, first)
    import_file(db, second)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(RawRow)) == 2
    ev = evidence.declaration_evidence(db, _id(db, "EX-7"))
    assert [(s.file_name, s.row) for s in ev.sources] == [("a.csv", 2), ("b.csv", 2)]
    assert ev.sources[1].cells[4].as_written == "EVER GIVEN"
    assert evidence.sources_of(db, [_id(db, "EX-7")]) == {
        _id(db, "EX-7"): [("a.csv", "a", 2), ("b.csv", "b", 2)]}


def test_file_copies_are_off_by_default_and_kept_by_hash(db, tmp_path):
    path = write_csv(tmp_path / "a.csv", [HEADER, ["EX-8", "2024-05-12", "X Ltd", "391590",
                                                   "3", ""]])
    assert evidence.keeps_copies(db) is False
    evidence.set_keep_copies(db, True)
    assert evidence.keeps_copies(db) is True
    digest = evidence.keep_copy(db, path)
    assert evidence.keep_copy(db, path) == digest  # once
    assert evidence.copy_of(db, digest) == path.read_bytes()
    with pytest.raises(NotFound, match="no copy"):
        evidence.copy_of(db, "0" * 64)
    import_file(db, path)
    assert evidence.declaration_evidence(db, _id(db, "EX-8")).sources[0].copy_kept is True


def test_cells_json_keeps_types_and_drops_trailing_blanks():
    assert evidence.cells_json([["a", 1, 2.5, dt.date(2024, 1, 2), None, "", None],
                                ["", None]]) == ['["a",1,2.5,"2024-01-02"]', "[]"]


def test_an_import_keeps_the_file_itself_when_the_team_asks(db, tmp_path):
    from casedb.importing.pipeline import file_sha256

    path = write_csv(tmp_path / "k.csv", [HEADER, ["EX-9", "2024-05-12", "X Ltd", "391590",
                                                   "3", ""]])
    import_file(db, path, dry_run=True)
    evidence.set_keep_copies(db, True)
    import_file(db, path, dry_run=True)  # a dry run keeps nothing
    with pytest.raises(NotFound):
        evidence.copy_of(db, file_sha256(path))
    import_file(db, path)
    assert evidence.copy_of(db, file_sha256(path)) == path.read_bytes()
