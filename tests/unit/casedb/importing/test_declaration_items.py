"""A declaration of several items (box 32 of the SAD, or one commodity line a row) is one
declaration with items whose sums are its totals, on the column writer and the row writer."""

from __future__ import annotations

from sqlalchemy import func, select

from casedb.importing import pipeline
from casedb.importing.pipeline import import_file
from casedb.importing.write_merge import DeclarationWriter
from casedb.models import Declaration, DeclarationItem, Discrepancy, RowProvenance
from tests.unit.casedb.importing.test_pipeline_bulk import dump, row_by_row
from tests.writers import write_csv, write_ods, write_xlsx

# An ASYCUDA-style SAD export: one row per item, the declaration's values repeated.
SAD = ["Declaration No.", "Declaration Date", "Item No.", "HS Code", "Goods Description",
       "Gross Weight (kg)", "Net Weight (kg)", "Declared Value", "Consignee", "Container No(s)."]


def sad(no: str, item, hs: str, gross: str, net: str, value: str, goods="Plastic scrap"):
    return [no, "2023-05-12", item, hs, goods, gross, net, value, "Klang Polymer Sdn Bhd",
            "MSCU1234566"]


def items(db, no="D-1") -> list[tuple]:
    with db.read() as s:
        return s.execute(select(
            DeclarationItem.item_no, DeclarationItem.hs_code, DeclarationItem.gross_weight_kg,
            DeclarationItem.net_weight_kg, DeclarationItem.declared_value).join(
            Declaration, Declaration.id == DeclarationItem.declaration_id).where(
            Declaration.declaration_no == no).order_by(DeclarationItem.item_no)).all()


def totals(db, no="D-1") -> tuple:
    with db.read() as s:
        return s.execute(select(
            Declaration.hs_code, Declaration.gross_weight_kg, Declaration.net_weight_kg,
            Declaration.declared_value).where(Declaration.declaration_no == no)).one()


def two_items_file(tmp_path):
    return write_xlsx(tmp_path / "sad.xlsx", {"Items": [
        SAD,
        sad("D-1", 1, "3915.10", "5,000", "4,800", "1,000"),
        sad("D-1", 2, "3915.90", "3,000", "2,900", "600", goods="Mixed plastic waste"),
        sad("D-2", 1, "7404.00", "20,000", "19,500", "90,000", goods="Copper scrap"),
    ]})


def test_a_two_item_declaration_is_one_declaration_with_its_items_and_right_totals(db, tmp_path):
    path = two_items_file(tmp_path)
    report = import_file(db, path)
    assert (report.imported, report.merged, report.refused) == (2, 1, ())
    assert items(db) == [("1", "391510", 5000.0, 4800.0, 1000.0),
                         ("2", "391590", 3000.0, 2900.0, 600.0)]
    assert totals(db) == ("391510", 8000.0, 7700.0, 1600.0)  # sums; the first item's HS
    assert items(db, "D-2") == [("1", "740400", 20000.0, 19500.0, 90000.0)]
    assert totals(db, "D-2") == ("740400", 20000.0, 19500.0, 90000.0)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Declaration)) == 2
        assert s.scalar(select(func.count()).select_from(Discrepancy)) == 0
        rows = s.scalars(select(RowProvenance.row_number).join(
            Declaration, Declaration.id == RowProvenance.entity_id).where(
            Declaration.declaration_no == "D-1")).all()
        assert sorted(rows) == [2, 3]
    before = dump(db)
    again = import_file(db, path)
    assert (again.imported, again.merged, again.unchanged) == (0, 0, 3)
    assert dump(db) == before


def test_items_stored_alike_by_the_column_writer_and_the_row_writer(db, other_db, tmp_path,
                                                                     monkeypatch):
    rows = [SAD]
    for i in range(60):  # declarations of one to three items, items repeated in places
        for item in range(1, 2 + i % 3):
            rows.append(sad(f"D-{i}", item, ["3915.10", "3915.90", "7404.00"][item - 1],
                            f"{1000 * item + i:,}", f"{900 * item + i:,}", f"{100 * item}"))
        if i % 7 == 0:
            rows.append(sad(f"D-{i}", 1, "3915.10", f"{(1000 + i) / 1000:.3f} t", "", ""))
        if i % 11 == 0:
            rows.append(sad(f"D-{i}", 1, "3915.30", "9,999", "", ""))  # disagrees on item 1
    path = write_csv(tmp_path / "items.csv", rows)
    monkeypatch.setattr(pipeline, "CHUNK", 25)  # items of a declaration across chunks
    bulk = import_file(db, path)
    got = dump(db)
    assert len(got["items"]) == sum(1 + i % 3 for i in range(60))
    assert {d[2] for d in got["discrepancies"]} == {"gross_weight_kg", "hs_code"}
    monkeypatch.setattr(DeclarationWriter, "write_chunk", row_by_row)
    slow = import_file(other_db, path)
    assert (bulk.imported, bulk.merged, bulk.refused) == (slow.imported, slow.merged,
                                                          slow.refused)
    assert dump(other_db) == got


def test_commodity_lines_without_item_numbers_become_items(db, tmp_path):
    header = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Shipper"]
    path = write_csv(tmp_path / "lines.csv", [
        header,
        ["D-1", "2023-05-12", "3915.10", "5,000", "ABC Recycling Co., Ltd."],
        ["D-1", "2023-05-12", "7404.00", "2,500", "ABC Recycling Co., Ltd."],
        ["D-1", "2023-05-12", "7404.00", "2,500", "ABC Recycling Co., Ltd."],  # a repeat
    ])
    report = import_file(db, path)
    assert (report.imported, report.merged) == (1, 2)
    assert items(db) == [("1", "391510", 5000.0, None, None), ("2", "740400", 2500.0, None, None)]
    assert totals(db)[:2] == ("391510", 7500.0)


def test_a_second_source_merges_into_the_items_it_names_and_compares_the_rest_with_totals(
        db, tmp_path):
    import_file(db, two_items_file(tmp_path))
    path = write_ods(tmp_path / "other.ods", {"S": [
        SAD,
        sad("D-1", 2, "391590", "3 t", "", "", goods="MIXED PLASTIC WASTE"),  # agrees
        sad("D-1", 3, "3915.20", "1,000", "", ""),  # an item the first source did not list
    ]})
    report = import_file(db, path)
    assert (report.imported, report.merged) == (0, 2)
    assert [i[0] for i in items(db)] == ["1", "2", "3"]
    assert totals(db)[:2] == ("391510", 9000.0)
    header = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)"]
    summary = write_csv(tmp_path / "summary.csv", [header, ["D-1", "2023-05-12", "", "9,000"]])
    import_file(db, summary)  # a register giving the declaration's total: no doubling
    assert totals(db)[:2] == ("391510", 9000.0)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Discrepancy)) == 0


def test_another_hs_code_on_the_same_item_is_a_discrepancy(db, tmp_path):
    import_file(db, two_items_file(tmp_path))
    import_file(db, write_csv(tmp_path / "other.csv", [
        SAD, sad("D-1", 2, "3901.10", "3,000", "", "", goods="Polyethylene, primary form")]))
    with db.read() as s:
        found = s.execute(select(Discrepancy.item_no, Discrepancy.field,
                                 Discrepancy.stored_value, Discrepancy.other_value)).all()
    assert sorted(found) == [
        ("2", "goods_description", "Mixed plastic waste", "Polyethylene, primary form"),
        ("2", "hs_code", "391590", "390110")]
    assert items(db)[1][1] == "391590"  # the stored value stays
