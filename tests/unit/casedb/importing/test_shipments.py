"""Bill-of-lading records and manifests without a declaration number: shipments keyed by B/L,
one line per container, merging like declarations; and the writer's warnings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select

from casedb.importing.columns import Chunk
from casedb.importing.pipeline import import_file
from casedb.importing.write_merge import DeclarationWriter
from casedb.models import (
    Declaration,
    DeclarationContainer,
    DeclarationItem,
    Discrepancy,
    ImportRun,
    ImportWarning,
    SourceFile,
)
from tests.writers import write_csv, write_xlsx

CONTAINERS = ["MSCU1234566", "TGHU7654320", "CSQU3054383"]
# A US bill-of-lading import record as trade-data vendors sell it: no declaration number.
BOL = ["Bill of Lading Nbr.", "Arrival Date", "Shipper", "Consignee", "Container Number",
       "Weight (kg)", "Foreign Port of Lading", "US Port of Unlading", "Vessel Name"]


def manifest_row(container: str, kg: str, bl="MAEU123456789"):
    return [bl, "2023-03-02", "Global Plastic Recovery Ltd", "Pacific Polymer Inc", container,
            kg, "VNHPH", "USLAX", "MAERSK SELETAR"]


def shipment(db, bl="MAEU123456789") -> tuple:
    with db.read() as s:
        d = s.scalar(select(Declaration).where(Declaration.declaration_no == f"B/L {bl}"))
        containers = sorted(s.scalars(select(DeclarationContainer.container_no).where(
            DeclarationContainer.declaration_id == d.id)))
        lines = s.execute(select(DeclarationItem.item_no, DeclarationItem.gross_weight_kg).where(
            DeclarationItem.declaration_id == d.id).order_by(DeclarationItem.item_no)).all()
        return d.record_kind, d.bl_no, d.gross_weight_kg, containers, lines


def test_a_manifest_of_one_row_per_container_is_one_shipment_with_its_lines(db, tmp_path):
    path = write_csv(tmp_path / "bol.csv", [
        BOL, manifest_row(CONTAINERS[0], "18,000"), manifest_row(CONTAINERS[1], "19,500"),
        manifest_row(CONTAINERS[2], "20,100"), manifest_row(CONTAINERS[1], "19,500"),  # again
    ])
    report = import_file(db, path)
    assert (report.imported, report.merged, report.refused) == (1, 3, ())
    assert shipment(db) == ("shipment", "MAEU123456789", 57600.0, sorted(CONTAINERS), [
        ("CSQU3054383", 20100.0), ("MSCU1234566", 18000.0), ("TGHU7654320", 19500.0)])
    again = import_file(db, path)
    assert (again.imported, again.merged, again.unchanged) == (0, 0, 4)
    assert shipment(db)[2] == 57600.0


def test_the_same_bill_of_lading_from_another_vendor_merges(db, tmp_path):
    import_file(db, write_csv(tmp_path / "bol.csv", [
        BOL, *(manifest_row(c, kg) for c, kg in zip(CONTAINERS, ["18,000", "19,500", "20,100"],
                                                     strict=True))]))
    other = ["B/L No.", "Arrival Date", "Consignee", "Container No(s).", "Gross Weight (lb)"]
    report = import_file(db, write_xlsx(tmp_path / "vendor.xlsx", {"S": [
        other, ["MAEU123456789", "2023-03-02", "PACIFIC POLYMER INC.", ", ".join(CONTAINERS),
                "126,986.6"]]}))  # the total in pounds: 57,600.0 kg
    assert (report.imported, report.merged, report.refused) == (0, 1, ())
    assert shipment(db)[2] == 57600.0
    with db.read() as s:
        assert s.scalars(select(Discrepancy.field)).all() == []


def _writer(session) -> DeclarationWriter:
    source = session.execute(insert(SourceFile).values(
        sha256="0" * 64, file_name="manifest.csv", size=1).returning(SourceFile.id)).scalar_one()
    run = session.execute(insert(ImportRun).values(
        source_file_id=source, actor="test", kind="declarations", spec={}, summary={}
    ).returning(ImportRun.id)).scalar_one()
    return DeclarationWriter(session, source_file_id=source, run_id=run, file_name="manifest.csv",
                             user="test")


@pytest.mark.parametrize("columns", [True, False], ids=["column writer", "row writer"])
def test_the_writer_keys_shipments_by_bill_of_lading_and_keeps_warnings(db, columns):
    """The writer given normalised chunks: rows of one B/L are lines of one shipment whichever
    writer takes them, and the warnings of the rows stored are kept with their declaration."""
    day = dt.date(2023, 3, 2)
    values = {"declaration_no": ["B/L X1", "B/L X1", "B/L X2", "B/L X1"],
              "bl_no": ["X1", "X1", "X2", "X1"], "record_kind": ["shipment"] * 4,
              "declaration_date": [day] * 4, "gross_weight_kg": [1000.0, 2000.0, 500.0, 2000.4],
              "containers": [[CONTAINERS[0]], [CONTAINERS[1]], [CONTAINERS[2]], [CONTAINERS[1]]],
              "port_of_discharge": ["USLAX", "USLGB", "Fort Worth ICD", "USLAX"]}
    chunk = Chunk("S", [2, 3, 4, 5], values)
    chunk.warnings = [(4, "port_of_discharge", "Port of Unlading", "Fort Worth ICD",
                       "no UN/LOCODE: kept as written"), (9, "hs_code", "HS", "39A5", "gone")]
    with db.begin() as s:
        writer = _writer(s)
        if columns:
            writer.write_chunk(chunk)
        else:
            writer.write_rows(chunk, range(len(chunk)), chunk.warnings)
        assert (writer.outcome.imported, writer.outcome.merged) == (2, 2)
        assert writer.outcome.warnings == 1 and writer.outcome.discrepancies == []
    with db.read() as s:
        x1 = s.scalar(select(Declaration).where(Declaration.declaration_no == "B/L X1"))
        assert (x1.record_kind, x1.gross_weight_kg, x1.port_of_discharge) == (
            "shipment", 3000.0, "USLAX")  # Long Beach and Los Angeles: one port area
        assert sorted(s.scalars(select(DeclarationItem.item_no).where(
            DeclarationItem.declaration_id == x1.id))) == CONTAINERS[:2]
        (w,) = s.execute(select(ImportWarning.row_number, ImportWarning.declaration_id,
                                ImportWarning.column_header, ImportWarning.raw_value)).all()
        x2 = s.scalar(select(Declaration.id).where(Declaration.declaration_no == "B/L X2"))
        assert tuple(w) == (4, x2, "Port of Unlading", "Fort Worth ICD")


def test_a_manifest_after_the_whole_bill_of_lading_adds_its_containers_not_its_weights(
        db, tmp_path):
    """A vendor gave the B/L whole (three containers, the total); a manifest then gives it a
    row per container. Those rows are parts of the whole: containers linked, the total kept,
    nothing counted twice and no part compared with the whole."""
    other = ["B/L No.", "Arrival Date", "Consignee", "Container No(s).", "Gross Weight (kg)"]
    import_file(db, write_xlsx(tmp_path / "vendor.xlsx", {"S": [
        other, ["MAEU123456789", "2023-03-02", "Pacific Polymer Inc",
                ", ".join(CONTAINERS[:2]), "57,600"]]}))
    report = import_file(db, write_csv(tmp_path / "bol.csv", [
        BOL, *(manifest_row(c, kg) for c, kg in zip(CONTAINERS, ["18,000", "19,500", "20,100"],
                                                     strict=True))]))
    assert (report.imported, report.merged, report.refused) == (0, 3, ())
    assert shipment(db) == ("shipment", "MAEU123456789", 57600.0, sorted(CONTAINERS), [])
    with db.read() as s:
        assert s.scalars(select(Discrepancy.field)).all() == []


@pytest.mark.parametrize("columns", [True, False], ids=["column writer", "row writer"])
def test_a_row_of_several_containers_then_one_of_another_are_two_lines(db, columns):
    day = dt.date(2023, 3, 2)
    chunk = Chunk("S", [2, 3], {
        "declaration_no": ["B/L X3"] * 2, "bl_no": ["X3"] * 2, "record_kind": ["shipment"] * 2,
        "declaration_date": [day] * 2, "gross_weight_kg": [2000.0, 1000.0],
        "containers": [CONTAINERS[:2], CONTAINERS[2:]]})
    with db.begin() as s:
        writer = _writer(s)
        if columns:
            writer.write_chunk(chunk)
        else:
            writer.write_rows(chunk, range(len(chunk)))
    with db.read() as s:
        x3 = s.scalar(select(Declaration).where(Declaration.declaration_no == "B/L X3"))
        lines = s.execute(select(DeclarationItem.item_no, DeclarationItem.gross_weight_kg).where(
            DeclarationItem.declaration_id == x3.id).order_by(DeclarationItem.item_no)).all()
        assert x3.gross_weight_kg == 3000.0
        assert [tuple(r) for r in lines] == [("1", 2000.0), (CONTAINERS[2], 1000.0)]
