"""The import pipeline end to end on real files: normalisation, provenance, merge, refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from casedb.errors import NeedsDecision
from casedb.importing.pipeline import import_file, preview_file
from casedb.models import (
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    Party,
    PartyIdentifier,
    RowProvenance,
    Seizure,
)
from tests.writers import write_csv, write_xlsx

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Net Wt (t)",
          "Container No(s).", "Port of Loading", "Port of Discharge", "Country of Export",
          "Destination", "Shipper", "Shipper Phone", "Consignee", "Vessel", "IMO", "Voyage No.",
          "B/L No."]


def row(no, date="2023-05-12", hs="3915.10", gw="12,500 kg", nw=12.1,
        cntr="MSCU1234566 / TGHU7654320", shipper="ABC Recycling Co., Ltd.", phone="+60 3 5544 1234"):
    return [no, date, hs, gw, nw, cntr, "Felixstowe", "MYPKG", "United Kingdom", "Malaysia",
            shipper, phone, "Klang Polymer Sdn Bhd", "EVER GIVEN", "9811000", "0123W", "BL-1"]


def counts(db) -> dict:
    with db.read() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t))
                for t in (Declaration, DeclarationContainer, DeclarationParty, Party,
                          PartyIdentifier, RowProvenance, Case, Seizure)}


def test_xlsx_with_title_block_and_totals_row(db, tmp_path):
    path = write_xlsx(tmp_path / "decl.xlsx", {"Declarations": [
        ["Kaohsiung Customs — declarations export"], [],
        HEADER,
        row("AA123"), row("AA124", date=dt.date(2023, 6, 1), gw="12.5 t", cntr="TGHU7654320"),
        ["TOTAL", None, None, "=SUM(D4:D5)"],
    ]})
    report = import_file(db, path)
    assert (report.rows_read, report.imported, report.merged, report.unchanged) == (2, 2, 0, 0)
    assert report.refused == ()
    with db.read() as s:
        d = s.scalars(select(Declaration).order_by(Declaration.declaration_no)).all()
        assert [x.declaration_no for x in d] == ["AA123", "AA124"]
        assert d[0].declaration_date == dt.date(2023, 5, 12)
        assert d[1].declaration_date == dt.date(2023, 6, 1)
        assert (d[0].gross_weight_kg, d[1].gross_weight_kg) == (12500.0, 12500.0)
        assert d[0].net_weight_kg == pytest.approx(12100.0)
        assert (d[0].hs_code, d[0].port_of_loading, d[0].port_of_discharge) == (
            "391510", "GBFXT", "MYPKG")
        assert (d[0].country_of_export, d[0].country_of_destination) == ("GBR", "MYS")
        assert (d[0].vessel_imo, d[0].voyage_no) == ("9811000", "0123W")
        containers = s.scalars(select(DeclarationContainer.container_no).where(
            DeclarationContainer.declaration_id == d[0].id)).all()
        assert sorted(containers) == ["MSCU1234566", "TGHU7654320"]
        (phone,) = s.scalars(select(PartyIdentifier.value_key).where(
            PartyIdentifier.kind == "phone")).all()
        assert phone == "+60355441234"
        prov = s.execute(select(RowProvenance.sheet, RowProvenance.row_number)
                         .order_by(RowProvenance.row_number)).all()
        assert prov == [("Declarations", 4), ("Declarations", 5)]


def test_reimport_changes_nothing_and_says_so(db, tmp_path):
    path = write_xlsx(tmp_path / "decl.xlsx", {"S": [HEADER, row("A1"), row("A2")]})
    first = import_file(db, path)
    before = counts(db)
    again = import_file(db, path)
    assert (first.imported, again.imported, again.merged, again.unchanged) == (2, 0, 0, 2)
    assert not again.changed
    assert counts(db) == before
    assert again.to_json()["sha256"] == first.sha256 and len(first.sha256) == 64


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_file_stored_whole_is_not_read_again_with_the_same_spec(db, tmp_path, monkeypatch,
                                                                  kind):
    """Every data row stored by an import with the same spec: the rows are not normalised again;
    with another spec, or a row not stored, they are (and say the same)."""
    from casedb.importing import columns
    from casedb.importing.spec import ImportSpec

    rows = [["Register"], [], HEADER, row("A1"), [], row("A2"), row("A3"), ["TOTAL"]]
    path = (write_xlsx(tmp_path / "d.xlsx", {"S": rows}) if kind == "xlsx"
            else write_csv(tmp_path / "d.csv", rows))
    spec = ImportSpec(constants={"authority": "KHH"})
    first = import_file(db, path, spec=spec)
    before = counts(db)
    normalised = []
    real = columns.ColumnNormaliser.normalise
    monkeypatch.setattr(columns.ColumnNormaliser, "normalise",
                        lambda self, *a: normalised.append(a[1]) or real(self, *a))
    again = import_file(db, path, spec=spec)
    assert (first.imported, again.imported, again.merged, again.unchanged) == (3, 0, 0, 3)
    assert normalised == [] and counts(db) == before
    # Another spec reads the rows again; the rows stored are still unchanged.
    other = import_file(db, path, spec=ImportSpec(constants={"authority": "KHH"},
                                                   units={"net_weight_kg": "kg"}))
    assert (other.imported, other.unchanged) == (0, 3) and normalised
    assert counts(db) == before


def test_a_file_with_a_row_never_stored_is_read_again(db, tmp_path, monkeypatch):
    from casedb.importing import columns

    path = write_csv(tmp_path / "d.csv", [HEADER, row("A1"), row("A2", gw="", nw=None)])
    first = import_file(db, path)
    normalised = []
    real = columns.ColumnNormaliser.normalise
    monkeypatch.setattr(columns.ColumnNormaliser, "normalise",
                        lambda self, *a: normalised.append(a[1]) or real(self, *a))
    again = import_file(db, path)
    assert (first.imported, len(first.refused)) == (1, 1)
    assert (again.imported, again.unchanged, len(again.refused)) == (0, 1, 1) and normalised


def test_same_declaration_from_two_files_is_one_with_both_provenances(db, tmp_path):
    export = write_xlsx(tmp_path / "export.xlsx", {"S": [HEADER, row("A1"), row("A2")]})
    register = write_csv(tmp_path / "register.csv", [
        ["Case No.", "Declaration No.", "Seizure Date", "Quantity Seized (kg)", "Offence",
         "Basel Code", "Permit No."],
        ["KHH-2023-0142", "A1", "2023-05-20", "12500", "No Basel PIC", "Y48", "PN-778"],
    ])
    import_file(db, export)
    report = import_file(db, register)
    assert (report.imported, report.merged) == (0, 1)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Declaration)) == 2
        decl = s.scalar(select(Declaration).where(Declaration.declaration_no == "A1"))
        assert decl.permit_no == "PN-778"  # the register filled a missing value
        files = s.scalars(select(RowProvenance.source_file_id).where(
            RowProvenance.entity == "declaration", RowProvenance.entity_id == decl.id)).all()
        assert len(set(files)) == 2
        seizure = s.scalar(select(Seizure))
        assert (seizure.declaration_id, seizure.basel_code, seizure.quantity_kg) == (
            decl.id, "Y48", 12500.0)
        assert s.scalar(select(Case.case_ref)) == "KHH-2023-0142"


def test_bad_rows_are_refused_with_row_column_reason_and_good_rows_go_in(db, tmp_path):
    path = write_xlsx(tmp_path / "bad.xlsx", {"Data": [
        HEADER,
        row("OK1"),
        row("NEG", gw="-5 kg"),
        row("DATE", date="2023-02-30"),
        row(None),
        row("HS", hs="39A5"),
        row("CNTR", cntr="MSCU1234567 / TGHU7654320"),
        row("OK2"),
    ]})
    report = import_file(db, path)
    # Only required values refuse a row: the number, the date, the weights.
    assert (report.imported, report.merged) == (4, 0)
    got = {(r.row, r.column): r.reason for r in report.refused}
    assert set(got) == {(3, "Gross Weight (kg)"), (4, "Declaration Date"), (5, "Declaration No.")}
    assert "negative" in got[(3, "Gross Weight (kg)")]
    assert "2023-02-30" in got[(4, "Declaration Date")]
    assert "missing declaration number" in got[(5, "Declaration No.")]
    assert all(r.sheet == "Data" for r in report.refused)
    assert report.status == "partly imported"
    # An optional value that cannot be read is kept as written, with a warning; the row goes in.
    warned = {(w.row, w.column): (w.value, w.reason) for w in report.warnings}
    assert set(warned) == {(6, "HS Code"), (7, "Container No(s).")}
    assert warned[(6, "HS Code")][0] == "39A5"
    assert "MSCU1234567" in warned[(7, "Container No(s).")][1]
    with db.read() as s:
        hs, = s.execute(select(Declaration.hs_code).where(
            Declaration.declaration_no == "HS")).one()
        assert hs is None
        cntr = s.scalars(select(DeclarationContainer.container_no).join(Declaration).where(
            Declaration.declaration_no == "CNTR")).all()
        assert cntr == ["TGHU7654320"]  # the number that checks out is kept


def test_missing_weight_column_refuses_the_file_before_writing(db, tmp_path):
    path = write_csv(tmp_path / "w.csv", [["Declaration No.", "Declaration Date", "HS Code"],
                                          ["X1", "2023-01-02", "391510"]])
    before = counts(db)
    with pytest.raises(NeedsDecision, match="w.csv: no column holds the gross weight") as err:
        import_file(db, path)
    (q,) = err.value.questions
    assert (q.field, q.kind) == ("gross_weight_kg", "missing")
    assert counts(db) == before


def test_missing_weight_refused_for_a_new_declaration_of_a_register(db, tmp_path):
    path = write_csv(tmp_path / "w.csv", [["Case No.", "Declaration No.", "Declaration Date"],
                                          ["K1", "X1", "2023-01-02"]])
    report = import_file(db, path)
    assert report.imported == 0 and report.status == "nothing stored"
    assert [(r.row, r.reason) for r in report.refused] == [
        (2, "missing weight (gross or net) for a new declaration")]


def test_preview_shows_header_and_mapping(tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", {"S": [["Title"], [], HEADER, row("A1")]})
    (sheet,) = preview_file(path).sheets
    assert sheet.header_row == 2
    fields = {m.header: m.field for m in sheet.mappings}
    assert fields["Declaration No."] == "declaration_no"
    assert fields["Container No(s)."] == "containers"
    assert sheet.rows[0][0] == "A1"
