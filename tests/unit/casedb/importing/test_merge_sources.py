"""The same declaration from two systems: merged within the precision each shows, and a real
disagreement kept as a discrepancy (both values, the provenance of the new one), never refused."""

from __future__ import annotations

from sqlalchemy import func, select

from casedb.importing.pipeline import import_file
from casedb.importing.spec import ImportSpec
from casedb.models import (
    Declaration,
    DeclarationItem,
    Discrepancy,
    ImportRun,
    RowProvenance,
    SourceFile,
)
from casedb.store import audit
from tests.writers import write_csv, write_ods, write_xls, write_xlsx

# An ASYCUDA-style export (whole kilograms, UN/LOCODEs) ...
SAD = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Net Weight (kg)",
       "Port of Loading", "Port of Discharge", "Consignee", "Vessel", "Container No(s)."]
# ... and a vendor's export of the same declarations (tonnes to three decimals, port names).
VENDOR = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (t)", "Consignee",
          "Port of Loading", "Port of Discharge", "Vessel"]


def sad_row(no="D-1", gross="12,481", consignee="Klang Polymer Sdn Bhd", hs="3915.10"):
    return [no, "2023-05-12", hs, gross, "12,100", "INBOM", "MYPKG", consignee, "EVER GIVEN",
            "MSCU1234566"]


def vendor_row(no="D-1", tonnes="12.480", consignee="KLANG POLYMER SDN. BHD.", hs="391510"):
    return [no, "2023-05-12", hs, tonnes, consignee, "Nhava Sheva", "Port Klang", "Ever-Given"]


def discrepancies(db) -> list[tuple]:
    with db.read() as s:
        return sorted(tuple(r) for r in s.execute(select(
            Discrepancy.item_no, Discrepancy.field, Discrepancy.stored_value,
            Discrepancy.other_value, Discrepancy.sheet, Discrepancy.row_number)))


def declaration(db, no="D-1") -> Declaration:
    with db.read() as s:
        d = s.scalar(select(Declaration).where(Declaration.declaration_no == no))
        s.expunge(d)
        return d


def test_rounding_port_aliases_and_spelling_merge_without_a_discrepancy(db, tmp_path):
    first = import_file(db, write_xlsx(tmp_path / "sad.xlsx", {"Declarations": [SAD, sad_row()]}))
    second = import_file(db, write_csv(tmp_path / "vendor.csv", [VENDOR, vendor_row()]))
    assert (first.imported, second.imported, second.merged, second.refused) == (1, 0, 1, ())
    assert discrepancies(db) == []
    d = declaration(db)
    # The stored values stay: 12,481 kg agrees with 12.480 t (a tonne to three decimals shows
    # the kilogram); INBOM and Nhava Sheva (INNSA) are one port area; MYPKG is Port Klang.
    assert (d.gross_weight_kg, d.port_of_loading, d.port_of_discharge, d.vessel_name) == (
        12481.0, "INBOM", "MYPKG", "EVER GIVEN")
    with db.read() as s:
        files = s.scalars(select(RowProvenance.source_file_id).where(
            RowProvenance.entity == "declaration", RowProvenance.entity_id == d.id)).all()
        assert len(set(files)) == 2


def test_whole_tonnes_agree_with_kilograms_within_half_a_tonne(db, tmp_path):
    import_file(db, write_xlsx(tmp_path / "sad.xlsx", {"S": [SAD, sad_row(gross="12,481"),
                                                             sad_row("D-2", gross="12,481")]}))
    report = import_file(db, write_ods(tmp_path / "vendor.ods", {"S": [
        VENDOR, vendor_row(tonnes="12"), vendor_row("D-2", tonnes="13")]}))
    assert report.merged == 2
    # 12 t shows whole tonnes: 12,481 kg is within half a tonne; 13 t is not.
    assert discrepancies(db) == [(None, "gross_weight_kg", "12481", "13000", "S", 3)]


def test_a_weight_8_percent_apart_and_another_consignee_are_kept_with_their_provenance(
        db, tmp_path):
    import_file(db, write_xlsx(tmp_path / "sad.xlsx", {"S": [SAD, sad_row(gross="12,500")]}))
    other = write_xls(tmp_path / "other.xls", {"Export": [
        VENDOR, vendor_row(tonnes="13.5", consignee="Selangor Plastics Trading")]})
    report = import_file(db, other)
    assert (report.imported, report.merged, report.refused) == (0, 1, ())
    assert sorted(report.discrepancies) == [  # counted in the report, listed for review
        ("Export", 2, "consignee_name", "Klang Polymer Sdn Bhd", "Selangor Plastics Trading"),
        ("Export", 2, "gross_weight_kg", "12500", "13500")]
    d = declaration(db)
    assert d.gross_weight_kg == 12500.0  # the stored value stays
    assert discrepancies(db) == [
        (None, "consignee_name", "Klang Polymer Sdn Bhd", "Selangor Plastics Trading",
         "Export", 2),
        (None, "gross_weight_kg", "12500", "13500", "Export", 2)]
    with db.read() as s:
        row = s.scalar(select(Discrepancy).where(Discrepancy.field == "gross_weight_kg"))
        assert row.declaration_id == d.id and row.status == "open"
        assert s.scalar(select(SourceFile.file_name).where(
            SourceFile.id == row.source_file_id)) == "other.xls"
        assert s.scalar(select(ImportRun.source_file_id).where(
            ImportRun.id == row.import_run_id)) == row.source_file_id
        # The row that disagrees is stored: its provenance points at the declaration.
        assert s.scalar(select(RowProvenance.entity_id).where(
            RowProvenance.source_file_id == row.source_file_id)) == d.id

    # Imported again, as it was or read with another spec: nothing recorded twice.
    again = import_file(db, other)
    reread = import_file(db, other, spec=ImportSpec(units={"net_weight_kg": "kg"}))
    assert (again.unchanged, reread.unchanged, again.merged, reread.merged) == (1, 1, 0, 0)
    assert again.discrepancies == reread.discrepancies == ()
    assert len(discrepancies(db)) == 2


def test_another_hs_code_from_another_source_is_a_discrepancy_not_a_second_line(db, tmp_path):
    import_file(db, write_xlsx(tmp_path / "sad.xlsx", {"S": [SAD, sad_row(gross="12,500")]}))
    import_file(db, write_csv(tmp_path / "vendor.csv", [VENDOR, vendor_row(
        tonnes="12.5", hs="3901.10")]))  # plastic scrap declared elsewhere as polyethylene
    d = declaration(db)
    assert (d.hs_code, d.gross_weight_kg) == ("391510", 12500.0)  # not doubled
    assert discrepancies(db) == [(None, "hs_code", "391510", "390110", "vendor", 2)]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(DeclarationItem)) == 0


def test_a_national_tariff_line_refines_the_heading_it_falls_under(db, tmp_path):
    import_file(db, write_csv(tmp_path / "vendor.csv", [VENDOR, vendor_row(hs="391510")]))
    import_file(db, write_xlsx(tmp_path / "sad.xlsx", {"S": [SAD, sad_row(hs="3915.10.00")]}))
    assert discrepancies(db) == []
    d = declaration(db)
    assert d.hs_code == "39151000"
    with db.read() as s:  # a change to a declaration of an earlier import is audited
        merges = {e.field: e for e in audit.entries(s, entity="declaration")
                  if e.action == "merge" and e.entity_id == d.id}
    assert set(merges) == {"hs_code", "net_weight_kg"}  # refined, filled in
    assert merges["hs_code"].new_value == "39151000"
    assert merges["hs_code"].reason == "import sad.xlsx S row 2"


def test_port_areas_name_only_real_codes_of_one_port():
    from casedb.normalize.port_areas import AREAS, port_area, same_port
    from casedb.normalize.ports import port_info

    assert [c for codes in AREAS.values() for c in codes if port_info(c) is None] == []
    assert port_area("INNSA") == "INBOM" and port_area("MYPKG") == "MYPKG"
    assert same_port("USNYC", "USEWR") and same_port("IDTPP", "Tanjung Priok")
    assert same_port("Fort Worth ICD", "FORT WORTH  I.C.D.")  # kept by name: compared by name
    assert not same_port("INBOM", "INMUN")  # Mundra is another port
    assert not same_port("TWTPE", "TWKEL")  # Taipei and Keelung: two ports
    assert not same_port("USLAX", None)


def test_amounts_agree_within_the_precision_each_shows():
    from casedb.importing.tolerance import agree, granularity

    assert [granularity(x) for x in (12500.0, 12481.0, 12.345 * 1000, 20000.0, 0.5, 0.0)] == [
        100.0, 1.0, 1.0, 1000.0, 0.1, 0.0]
    assert agree("gross_weight_kg", 12481.0, 12480.0)  # 12.480 t shows tens of kilograms
    assert agree("gross_weight_kg", 12481.0, 12000.0)  # whole tonnes: within 500 kg
    assert not agree("gross_weight_kg", 12500.0, 13500.0)  # 8% apart
    assert not agree("gross_weight_kg", 12481.0, 12483.0)  # both to the kilogram
    assert agree("vessel_name", "EVER GIVEN", "Ever-Given")
    assert agree("hs_code", "391510", "3915100010") and not agree("hs_code", "391510", "391590")


def test_a_value_kept_as_written_is_stored_as_a_warning_of_its_declaration(db, tmp_path):
    from casedb.models import ImportWarning

    inland = sad_row()
    inland[5] = "Dry Port Ndola"  # a place without a UN/LOCODE: kept by its name, warned
    path = write_csv(tmp_path / "sad.csv", [SAD, inland, sad_row("D-2")])
    report = import_file(db, path)
    assert (report.imported, report.refused, len(report.warnings)) == (2, (), 1)
    with db.read() as s:
        (w,) = s.execute(select(ImportWarning.declaration_id, ImportWarning.sheet,
                                ImportWarning.row_number, ImportWarning.column_header,
                                ImportWarning.raw_value, ImportWarning.source_file_id)).all()
    assert w[:5] == (declaration(db).id, "sad", 2, "Port of Loading", "Dry Port Ndola")
    assert declaration(db).port_of_loading == "Dry Port Ndola"
    import_file(db, path)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ImportWarning)) == 1
