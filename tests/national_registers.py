"""Files shaped like a trade-data vendor's export and like seizure registers kept by hand, each
with the hand-checked outcome an import of it must give (see tests/national_files.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.national_files import (
    APHU,
    BMOU,
    EGHU,
    FCIU,
    HLXU,
    MSCU,
    SEGU,
    TEMU,
    TGHU,
    WHSU,
    YMLU,
    Expected,
    NationalFile,
    Row,
)
from tests.writers import write_csv, write_xls


def vendor_vietnam(folder: Path) -> NationalFile:
    """A trade-data vendor's export of Vietnamese import declarations (.xlsx, xlsxwriter): two
    banner rows above the header, English and Vietnamese in each header cell, NULL, N/A and -
    for blanks, ISO timestamps, countries as "IN, INDIA" and "BRAZIL (BR)", a port with a code
    prefix, comma-joined containers, the value in VND beside USD. Row 6 has NULL for its
    number (refused); row 7 a mistyped HS code (kept, with a warning)."""
    import xlsxwriter

    header = ["Declaration No. / Số tờ khai", "Date / Ngày", "Import/Export / Xuất nhập khẩu",
              "Importer / Nhà nhập khẩu", "Importer Tax ID / Mã số thuế",
              "Exporter / Nhà xuất khẩu", "HS Code / Mã HS",
              "Product Description / Mô tả hàng hóa", "Gross Weight (KG) / Trọng lượng (KG)",
              "Value (VND) / Trị giá (VND)", "Value (USD) / Trị giá (USD)",
              "Freight (USD) / Cước vận chuyển",
              "Country of Origin / Xuất xứ", "Country of Export / Nước xuất khẩu",
              "Port of Loading / Cảng xếp hàng", "Port of Discharge / Cảng dỡ hàng",
              "Container No. / Số container"]
    xanh, shree = "CONG TY TNHH NHUA XANH VIET", "SHREE POLYMERS PVT LTD"
    india, mundra = "IN, INDIA", "53306, MUNDRA"
    rows = [
        ["105512345678", "2023-05-12T00:00:00", "IMPORT", xanh, "0312345678", shree,
         "39159000", "PHE LIEU NHUA PET DANG MANH", 21540, 202045200, 8616, 1150, india, india,
         mundra, "HAIPHONG", f"{MSCU}, {TGHU}"],
        ["105512345690", "2023-05-15T00:00:00", "IMPORT", "CONG TY CP TAI CHE MIEN NAM",
         "NULL", "N/A", "39151000", "PHE LIEU NHUA PE", 19850, 174003000, 7420, 980,
         "BRAZIL (BR)", "BRAZIL (BR)", "SANTOS", "-", FCIU],
        ["NULL", "2023-05-16T00:00:00", "IMPORT", xanh, "0312345678", shree, "39159000",
         "PHE LIEU NHUA PET", 20000, 187600000, 8000, "N/A", india, india, mundra, "HAIPHONG",
         "N/A"],
        ["105512345701", "2023-05-16T00:00:00", "IMPORT", xanh, "0312345678", shree,
         "3915 9O00", "PHE LIEU NHUA PET", 20310, 190507800, 8124, 1150, india, india, mundra,
         "HAIPHONG", SEGU],
    ]
    path = folder / "vendor_vietnam_imports.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Results")
    ws.write(0, 0, "VIETNAM IMPORT DATA | HS 3915 | 2023-05-01 to 2023-05-31")
    ws.write(1, 0, "Generated 2023-06-01T10:22:05Z by TradeData Pro. Records: 4. "
                   "For subscriber use only.")
    for r, cells in enumerate([header, *rows], start=2):
        for c, value in enumerate(cells):
            ws.write(r, c, value)  # strings stay strings: numbers with leading zeros survive
    wb.close()
    india_row = {"direction": "import", "country_of_origin": "IND", "country_of_export": "IND",
                 "port_of_loading": "INMUN", "port_of_discharge": "VNHPH", "net_weight_kg": None}
    return NationalFile("vendor_vietnam", path, Expected("declaration_no", (
        Row("105512345678", {**india_row, "declaration_date": dt.date(2023, 5, 12),
                             "hs_code": "39159000", "gross_weight_kg": 21540.0},
            parties={"consignee": xanh, "shipper": shree}, tax_ids={"consignee": "0312345678"},
            containers=frozenset({MSCU, TGHU}),
            value_choices=((8616.0, "USD"), (202045200.0, "VND"))),
        Row("105512345690", {"declaration_date": dt.date(2023, 5, 15), "direction": "import",
                             "hs_code": "39151000", "gross_weight_kg": 19850.0,
                             "net_weight_kg": None,
                             "country_of_origin": "BRA", "country_of_export": "BRA",
                             "port_of_loading": "BRSSZ", "port_of_discharge": None},
            parties={"consignee": "CONG TY CP TAI CHE MIEN NAM"}, containers=frozenset({FCIU}),
            value_choices=((7420.0, "USD"), (174003000.0, "VND"))),
        Row("105512345701", {**india_row, "declaration_date": dt.date(2023, 5, 16),
                             "gross_weight_kg": 20310.0},
            parties={"consignee": xanh, "shipper": shree}, tax_ids={"consignee": "0312345678"},
            containers=frozenset({SEGU}),
            value_choices=((8124.0, "USD"), (190507800.0, "VND"))),
    ), refused={6: "declaration"}, warned={7: "HS"}))


def vendor_china(folder: Path) -> NationalFile:
    """A vendor's export of China customs 报关单 data (.xls, xlwt): a banner, a Chinese header
    row and its English translation in the row below, 18-digit declaration numbers, 10-digit
    商品编码, 进口/出口, the domestic and the overseas party (境内/境外收发货人: consignee or
    shipper by direction), the traded quantity in 吨 beside the weights in 千克, the value in USD
    beside CNY, Simplified Chinese country names, containers joined by ';'. Imports of
    'recycled pellets' under primary-form codes (3907, 3901): the post-ban pattern."""
    zh = ["海关编号", "申报日期", "进出口", "境内收发货人", "境外收发货人", "商品编码", "商品名称",
          "成交数量", "成交单位", "净重(千克)", "毛重(千克)", "美元总价", "人民币总价", "原产国(地区)",
          "启运国(地区)", "运抵国(地区)", "启运港", "集装箱号"]
    en = ["Customs Declaration No.", "Declaration Date", "I/E", "Domestic Consignee/Consignor",
          "Overseas Consignor/Consignee", "HS Code", "Product Name", "Quantity", "Unit",
          "Net Weight (kg)", "Gross Weight (kg)", "Total Value (USD)", "Total Value (CNY)",
          "Country of Origin", "Country of Dispatch", "Country of Arrival", "Port of Departure",
          "Container No."]
    rows = [
        ["223320230001234567", "2023-05-12 00:00:00", "进口", "东莞市绿源塑胶有限公司",
         "MY GREEN PELLETS SDN BHD", "3907610000", "再生PET颗粒", 25, "吨", 25000, 25300, 21250,
         146625, "马来西亚", "马来西亚", None, "巴生港", f"{YMLU};{TEMU}"],
        ["223320230001234590", "2023-05-15 00:00:00", "进口", "广东华塑再生资源有限公司",
         "THAI POLY RECYCLE CO LTD", "3901100000", "再生聚乙烯颗粒", 19.8, "吨", 19800, 20050,
         15840, 109296, "泰国", "泰国", None, "林查班", SEGU],
        ["223320230001234611", "2023-05-16 00:00:00", "出口", "深圳市金属回收有限公司",
         "VIET STEEL JSC", "7204490000", "废钢", 24.6, "吨", 24600, 24800, 7380, 51000, "中国",
         None, "越南", "深圳", WHSU],
    ]
    path = write_xls(folder / "china_customs_data.xls", {
        "海关数据": [["中国海关进出口数据 | 2023年5月 | 共3条"], zh, en, *rows]})
    imports = {"direction": "import", "port_of_loading": None}
    return NationalFile("vendor_china", path, Expected("declaration_no", (
        Row("223320230001234567", {**imports, "declaration_date": dt.date(2023, 5, 12),
                                   "hs_code": "3907610000", "gross_weight_kg": 25300.0,
                                   "net_weight_kg": 25000.0, "country_of_origin": "MYS",
                                   "country_of_export": "MYS", "port_of_loading": "MYPKG"},
            parties={"consignee": "东莞市绿源塑胶有限公司", "shipper": "MY GREEN PELLETS SDN BHD"},
            containers=frozenset({YMLU, TEMU}),
            value_choices=((21250.0, "USD"), (146625.0, "CNY"))),
        Row("223320230001234590", {**imports, "declaration_date": dt.date(2023, 5, 15),
                                   "hs_code": "3901100000", "gross_weight_kg": 20050.0,
                                   "net_weight_kg": 19800.0, "country_of_origin": "THA",
                                   "country_of_export": "THA", "port_of_loading": "THLCH"},
            parties={"consignee": "广东华塑再生资源有限公司", "shipper": "THAI POLY RECYCLE CO LTD"},
            containers=frozenset({SEGU}),
            value_choices=((15840.0, "USD"), (109296.0, "CNY"))),
        Row("223320230001234611", {"direction": "export", "declaration_date": dt.date(2023, 5, 16),
                                   "hs_code": "7204490000", "gross_weight_kg": 24800.0,
                                   "net_weight_kg": 24600.0, "country_of_origin": "CHN",
                                   "country_of_destination": "VNM", "port_of_loading": "CNSZX"},
            parties={"shipper": "深圳市金属回收有限公司", "consignee": "VIET STEEL JSC"},
            containers=frozenset({WHSU}), value_choices=((7380.0, "USD"), (51000.0, "CNY"))),
    ), may_refuse=(3,), never_stored=("Customs Declaration No.", "Domestic Consignee/Consignor",
                                      "Overseas Consignor/Consignee", "NULL")))


def seizure_register_en(folder: Path) -> NationalFile:
    """A seizure register kept by hand (.xlsx, openpyxl): a merged title and a merged remark
    above the header, the unit only in the header ("Weight (t)"), dates as date cells, a notes
    column, a blank row, a TOTAL row with a formula and a merged note below it."""
    from openpyxl import Workbook

    header = ["Case No.", "Seizure Date", "Declaration No.", "Declaration Date", "HS Code",
              "Weight (t)", "Container No(s).", "Country of Export", "Offence",
              "Detection Method", "Status", "Notes"]
    wb = Workbook()
    ws = wb.active
    ws.title = "2023"
    ws.append(["KAOHSIUNG CUSTOMS - WASTE SEIZURE REGISTER 2023"])
    ws.merge_cells("A1:L1")
    ws.append(["Investigation Division. Kept by hand; weights from weighbridge tickets."])
    ws.merge_cells("A2:L2")
    ws.append([])
    for r in [header,
              ["KH-2023-014", dt.date(2023, 5, 12), "BE/12/101/00077", dt.date(2023, 5, 9),
               "391510", 21.54, BMOU, "United States", "Waste declared as PE pellets", "X-ray",
               "Under investigation", "Lab sample taken"],
              ["KH-2023-015", dt.date(2023, 5, 20), "BE/12/101/00081", dt.date(2023, 5, 18),
               "854911", 18.25, f"{HLXU} / {EGHU}", "Malaysia", "No Basel notification",
               "Intelligence", "Referred", None],
              ["KH-2023-016", dt.date(2023, 6, 2), "BE/12/101/00093", dt.date(2023, 5, 30),
               "740400", 0.85, SEGU, "Japan", "Misdeclared as copper alloy", "Risk profile",
               "Closed", "Part of a container"],
              [],
              ["TOTAL", None, None, None, None, "=SUM(F5:F7)"],
              ["Note: weights in metric tonnes; photographs in the case files."]]:
        ws.append(r)
    ws.merge_cells("A10:L10")
    path = folder / "seizure_register_2023.xlsx"
    wb.save(path)
    return NationalFile("seizure_register_en", path, Expected("declaration_no", (
        _seized("BE/12/101/00077", "KH-2023-014", dt.date(2023, 5, 12), "391510", 21540.0,
                "USA", {BMOU}, declared=dt.date(2023, 5, 9)),
        _seized("BE/12/101/00081", "KH-2023-015", dt.date(2023, 5, 20), "854911", 18250.0,
                "MYS", {HLXU, EGHU}, declared=dt.date(2023, 5, 18)),
        _seized("BE/12/101/00093", "KH-2023-016", dt.date(2023, 6, 2), "740400", 850.0,
                "JPN", {SEGU}, declared=dt.date(2023, 5, 30)),
    ), never_stored=("TOTAL", "Note: weights in metric tonnes; photographs in the case files."),
        may_refuse=(9, 10)))


def seizure_register_zh(folder: Path) -> NationalFile:
    """A register kept by hand in Traditional Chinese (.xlsx, xlsxwriter): a merged title, the
    unit only in the header (淨重(公噸)), ROC dates written out (112年5月12日), Chinese country
    names, containers joined by 、, a 合計 row and a merged note (註)."""
    import xlsxwriter

    header = ["案件編號", "查獲日期", "報單號碼", "稅則號別", "淨重(公噸)", "貨櫃號碼", "起運國",
              "違規態樣", "查獲方式", "處理狀態", "備註"]
    rows = [
        ["高1120037", "112年5月12日", "BE/12/101/00101", "3915.10", 21.54, TEMU, "美國",
         "廢塑膠申報為塑膠粒", "X光檢查", "偵辦中", "已採樣"],
        ["高1120041", "112年6月3日", "BE/12/101/00117", "8549.11", 12.3, f"{WHSU}、{APHU}",
         "馬來西亞", "未取得輸入許可", "情資", "移送地檢署", None],
        ["合計", None, None, None, 33.84],
    ]
    path = folder / "查緝登記簿.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("112年")
    ws.merge_range(0, 0, 0, 10, "高雄關 廢棄物查緝登記簿（112年）")
    for r, cells in enumerate([header, *rows], start=2):
        for c, value in enumerate(cells):
            if value is not None:
                ws.write(r, c, value)
    ws.merge_range(6, 0, 6, 10, "註：重量單位為公噸。")
    wb.close()
    return NationalFile("seizure_register_zh", path, Expected("declaration_no", (
        _seized("BE/12/101/00101", "高1120037", dt.date(2023, 5, 12), "391510", 21540.0, "USA",
                {TEMU}, weight="net_weight_kg"),
        _seized("BE/12/101/00117", "高1120041", dt.date(2023, 6, 3), "854911", 12300.0, "MYS",
                {WHSU, APHU}, weight="net_weight_kg"),
    ), never_stored=("合計", "註：重量單位為公噸。"), may_refuse=(6, 7)))


def _seized(no: str, case: str, date: dt.date, hs: str, kg: float, country: str,
            containers: set, weight: str = "gross_weight_kg", declared: dt.date | None = None
            ) -> Row:
    values = {"hs_code": hs, "gross_weight_kg": None, "net_weight_kg": None,
              "country_of_export": country, weight: kg}
    if declared:
        values["declaration_date"] = declared
    return Row(no, values,
               containers=frozenset(containers),
               seizure={"case_ref": case, "seizure_date": date, "quantity_kg": kg})


def unitless_tonnes(folder: Path) -> NationalFile:
    """A CSV whose weight column names no unit anywhere, with a few dozen per container: tonnes
    written as numbers. Stored as kilograms they would be 1000 times too light; the expected
    rows hold the weights in kg for an import told the unit (a spec: units t)."""
    header = ["Declaration No.", "Declaration Date", "HS Code", "Container No.", "Weight",
              "Port of Loading", "Port of Discharge"]
    data = [("KHH2305001", "2023-05-12", "391510", TEMU, 18.5),
            ("KHH2305002", "2023-05-12", "391510", WHSU, 21.2),
            ("KHH2305003", "2023-05-13", "391590", APHU, 24.0),
            ("KHH2305004", "2023-05-14", "391520", YMLU, 22.75)]
    path = write_csv(folder / "bulk_waste_weights.csv",
                     [header, *[[*d, "USLAX", "TWKHH"] for d in data]])
    return NationalFile("unitless_tonnes", path, Expected("declaration_no", tuple(
        Row(no, {"declaration_date": dt.date.fromisoformat(date), "hs_code": hs,
                 "gross_weight_kg": t * 1000}, containers=frozenset({cntr}))
        for no, date, hs, cntr, t in data)))
