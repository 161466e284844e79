"""Every reader through the whole pipeline: xls, ods, CSV encodings, Chinese headers, ROC dates,
and import specs."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from casedb.importing.pipeline import import_file
from casedb.importing.spec import load_spec
from casedb.models import Declaration, PartyName
from tests.writers import write_csv, write_ods, write_xls

ZH_HEADER = ["報單號碼", "申報日期", "稅則號別", "毛重(公斤)", "貨櫃號碼", "裝貨港", "卸貨港",
             "起運國", "出口人", "出口人電話", "進口人"]


def test_cp950_csv_with_chinese_headers_roc_dates_and_title_block(db, tmp_path):
    rows = [["高雄關 廢塑膠查緝案件登錄表"], ["製表日期：113年1月5日"], [],
            ZH_HEADER,
            ["BE/11/2023/0001", "112/05/12", "3915.90", "24,560.0 公斤", "MSCU1234566",
             "高雄", "巴生港", "臺灣", "大發資源回收股份有限公司", "07-123-4567", "馬來西亞塑膠公司"],
            ["BE/11/2023/0002", "112年6月1日", "391590", "3 公噸", "TGHU7654320",
             "TWKHH", "MYPKG", "TW", "大發資源回收股份有限公司", "07-123-4567", "馬來西亞塑膠公司"],
            ["合計", None, None, "27,560"]]
    path = write_csv(tmp_path / "register_big5.csv", rows, encoding="cp950")
    report = import_file(db, path)
    assert (report.imported, report.refused) == (2, ())
    with db.read() as s:
        d = s.scalars(select(Declaration).order_by(Declaration.declaration_no)).all()
        assert [x.declaration_date for x in d] == [dt.date(2023, 5, 12), dt.date(2023, 6, 1)]
        assert [x.gross_weight_kg for x in d] == [24560.0, 3000.0]
        assert (d[0].port_of_loading, d[0].port_of_discharge, d[0].country_of_export) == (
            "TWKHH", "MYPKG", "TWN")
        names = s.scalars(select(PartyName.raw_name)).all()
        assert "大發資源回收股份有限公司" in names


def test_csv_encodings_and_delimiters(db, tmp_path):
    header = ["Entry No.", "Entry Date", "Tariff Code", "G.W.", "Shipper"]
    cases = [("utf-8-sig", ";"), ("utf-16", "\t"), ("cp1252", "|"), ("gb18030", ",")]
    for n, (encoding, delimiter) in enumerate(cases):
        name = "Société Générale Déchets" if encoding == "cp1252" else f"Shipper {n}"
        if encoding == "gb18030":
            name = "广州再生资源有限公司"
        path = write_csv(tmp_path / f"f{n}.csv", [header, [f"E{n}", "12/05/2023", "7204", "1000",
                                                           name]],
                         encoding=encoding, delimiter=delimiter)
        report = import_file(db, path)
        assert (report.imported, report.refused) == (1, ()), (encoding, report.refused)
    with db.read() as s:
        names = set(s.scalars(select(PartyName.raw_name)))
    assert {"Société Générale Déchets", "广州再生资源有限公司"} <= names


def test_dmy_and_mdy_resolved_per_column(db, tmp_path):
    header = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight"]
    dmy = write_csv(tmp_path / "dmy.csv", [header, ["D1", "03/04/2023", "7204", "1"],
                                           ["D2", "25/04/2023", "7204", "1"]])
    mdy = write_csv(tmp_path / "mdy.csv", [header, ["M1", "03/04/2023", "7204", "1"],
                                           ["M2", "04/25/2023", "7204", "1"]])
    import_file(db, dmy)
    import_file(db, mdy)
    with db.read() as s:
        got = dict(s.execute(select(Declaration.declaration_no, Declaration.declaration_date)).all())
    assert got["D1"] == dt.date(2023, 4, 3) and got["M1"] == dt.date(2023, 3, 4)


def test_ods_and_xls(db, tmp_path):
    header = ["BOE No.", "Declaration Date", "HS Code", "Gross Weight (t)", "Consignee"]
    ods = write_ods(tmp_path / "partner.ods", {"Sheet1": [header, ["O1", "2023-01-05", "3915",
                                                                  12.5, "Klang Polymer"]]})
    xls = write_xls(tmp_path / "manifest.xls", {"M": [header, ["X1", dt.date(2019, 3, 1), "3915",
                                                              20, "Ho Chi Minh Plastics"]]})
    assert import_file(db, ods).imported == 1
    assert import_file(db, xls).imported == 1
    with db.read() as s:
        got = dict(s.execute(select(Declaration.declaration_no, Declaration.gross_weight_kg)).all())
        xd = s.scalar(select(Declaration.declaration_date).where(
            Declaration.declaration_no == "X1"))
    assert got == {"O1": 12500.0, "X1": 20000.0}
    assert xd == dt.date(2019, 3, 1)


def test_spec_overrides_mapping_and_sets_constants(db, tmp_path):
    path = write_csv(tmp_path / "odd.csv", [
        ["Ref", "When", "Code", "Mass", "Boxes"],
        ["R1", "2023-07-01", "8549", "4.9", "MSCU1234566+TGHU7654320"],
    ])
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(json.dumps({
        "version": 1,
        "columns": {"Ref": "declaration_no", "When": "declaration_date", "Code": "hs_code",
                    "Mass": "gross_weight_kg", "Boxes": "containers"},
        "constants": {"authority": "MY Customs", "direction": "import"},
        "units": {"gross_weight_kg": "t"},
        "split": {"containers": "[+]"},
    }))
    report = import_file(db, path, spec=load_spec(spec_path))
    assert (report.imported, report.refused) == (1, ())
    with db.read() as s:
        d = s.scalar(select(Declaration))
        n_cntr = len(d.containers)
    assert (d.authority, d.direction, d.gross_weight_kg, d.hs_code) == (
        "MY Customs", "import", 4900.0, "8549")
    assert n_cntr == 2


def test_cells_of_spaces_are_blank_in_csv_and_xlsx(db, tmp_path):
    """A cell holding only spaces or tabs is empty, and a row of such cells is no row at all:
    it is neither counted nor refused, in a text file as in a workbook."""
    from tests.writers import write_xlsx

    header = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight", "B/L No."]
    rows = [header, ["D1", "2023-05-12", "7204", "1000", "  "],
            [" ", "\t", "  ", " ", ""],
            ["D2", "2023-05-13", "7204", "2000", "BL2"]]
    for n, path in enumerate((write_csv(tmp_path / "spaces.csv", rows),
                              write_xlsx(tmp_path / "spaces.xlsx", {"S": rows}))):
        report = import_file(db, path)
        assert (report.rows_read, report.refused) == (2, ()), path.name
        # the workbook brings the same two declarations again: a second provenance each
        assert (report.imported, report.merged) == ((2, 0) if n == 0 else (0, 2)), path.name
    with db.read() as s:
        assert s.execute(select(Declaration.declaration_no, Declaration.bl_no)
                         .order_by(Declaration.declaration_no)).all() == [("D1", None),
                                                                          ("D2", "BL2")]
