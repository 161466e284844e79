"""Write the synthetic world into real spreadsheets, as investigators receive them: English and
Chinese headers, title blocks, totals rows, ROC dates, weights with units, several encodings."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

EN = {"declaration_no": "Declaration No.", "declaration_date": "Declaration Date",
      "direction": "Direction", "hs_code": "HS Code", "goods_description": "Goods Description",
      "gross_weight_kg": "Gross Weight (kg)", "net_weight_kg": "Net Weight (kg)",
      "declared_value": "Declared Value", "currency": "Currency", "bl_no": "B/L No.",
      "vessel_name": "Vessel", "vessel_imo": "IMO", "voyage_no": "Voyage No.",
      "port_of_loading": "Port of Loading", "port_of_transshipment": "Transshipment Port",
      "port_of_discharge": "Port of Discharge", "country_of_origin": "Country of Origin",
      "country_of_export": "Country of Export", "country_of_destination": "Destination",
      "containers": "Container No(s).", "shipper": "Shipper", "shipper_address": "Shipper Address",
      "shipper_phone": "Shipper Phone", "consignee": "Consignee",
      "consignee_address": "Consignee Address", "consignee_phone": "Consignee Phone",
      "broker": "Broker"}
ZH = {"case_ref": "案件編號", "case_title": "案由", "declaration_no": "報單號碼", "declaration_date": "申報日期",
      "hs_code": "稅則號別", "goods_description": "貨物名稱", "gross_weight_kg": "毛重(公斤)",
      "containers": "貨櫃號碼", "port_of_loading": "裝貨港", "port_of_discharge": "卸貨港",
      "country_of_destination": "目的國", "shipper": "出口人", "shipper_address": "出口人地址",
      "shipper_phone": "出口人電話", "consignee": "進口人", "broker": "報關行", "vessel_name": "船名",
      "voyage_no": "航次", "bl_no": "提單號碼", "seizure_date": "查獲日期",
      "quantity_seized_kg": "查獲數量(公斤)", "offence": "違規態樣", "detection_method": "查獲方式",
      "outcome": "處理狀態"}
ZH_TEXT = {"Split shipment below permit threshold": "分批申報規避許可門檻",
           "Undeclared hazardous waste": "未申報有害廢棄物", "Misdeclared goods": "貨名申報不實",
           "No Basel PIC": "未取得巴塞爾事先同意", "Falsified permit": "偽造許可文件",
           "Contaminated bales": "夾雜污染物", "Risk profiling": "風險分析",
           "Container scan": "貨櫃檢查儀", "Physical inspection": "查驗", "Tip-off": "線報",
           "under investigation": "偵查中", "referred": "移送", None: "處理中"}
COUNTRY_STYLES = {"MYS": ("Malaysia", "MY", "MYS"), "VNM": ("Viet Nam", "Vietnam", "VN"),
                  "CHN": ("China", "CN", "CHN"), "HKG": ("Hong Kong", "HK", "HKG"),
                  "TUR": ("Turkey", "TR", "Türkiye"), "IND": ("India", "IN", "IND"),
                  "IDN": ("Indonesia", "ID", "IDN"), "THA": ("Thailand", "TH", "THA")}


def _value(rec: dict, key: str, style: int = 0):
    if key in ("shipper", "consignee"):
        company = rec[key]
        return rec.get(f"{key}_name_as_written") or company.name
    if key.endswith(("_address", "_phone")):
        role, attr = key.split("_", 1)
        return getattr(rec[role], attr)
    if key == "containers":
        return " / ".join(rec["containers"])
    if key == "country_of_destination":
        styles = COUNTRY_STYLES.get(rec[key], (rec[key],))
        return styles[style % len(styles)]
    return rec.get(key)


def _dmy(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _roc(d: dt.date) -> str:
    return f"{d.year - 1911}/{d.month:02d}/{d.day:02d}"


def write_declarations_xlsx(path: Path, records: list[dict], title: str) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    bold = wb.add_format({"bold": True})
    sheets = {"2016-2020": [r for r in records if r["declaration_date"].year <= 2020],
              "2022-2024": [r for r in records if r["declaration_date"].year >= 2022]}
    keys = list(EN)
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        ws.write(0, 0, title, bold)
        ws.write(1, 0, f"Extracted {dt.date(2025, 1, 15).isoformat()} — RESTRICTED")
        ws.write_row(3, 0, [EN[k] for k in keys], bold)
        for i, rec in enumerate(rows):
            r = 4 + i
            for c, k in enumerate(keys):
                v = _value(rec, k, i)
                if k == "declaration_date":
                    ws.write_datetime(r, c, dt.datetime.combine(v, dt.time()), date_fmt)
                elif k == "gross_weight_kg" and i % 5 == 0:
                    ws.write_string(r, c, f"{v:,.1f} kg")
                elif v is not None:
                    ws.write(r, c, v)
        total_row = 4 + len(rows)
        ws.write(total_row, 0, "TOTAL")
        col = keys.index("gross_weight_kg")
        ws.write_formula(total_row, col, f"=SUM(F5:F{total_row})")
    wb.close()


def _csv_bytes(rows: list[list], encoding: str, delimiter: str) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
    return buf.getvalue().encode(encoding)


def write_shipments_csv(path: Path, records: list[dict]) -> None:
    keys = list(EN)
    rows = [[EN[k] for k in keys]]
    for i, rec in enumerate(records):
        row = []
        for k in keys:
            v = _value(rec, k, i + 1)
            if k == "declaration_date":
                v = _dmy(v)
            elif k == "gross_weight_kg":
                v = f"{v / 1000:.3f} t".replace(".", ",")
            elif k == "net_weight_kg":
                v = f"{v:.1f}".replace(".", ",")
            row.append(v)
        rows.append(row)
    path.write_bytes(_csv_bytes(rows, "utf-8-sig", ";"))


def write_seizure_register(path: Path, records: list[dict]) -> None:
    keys = list(ZH)
    rows = [["高雄關 廢棄物走私查緝案件登錄表（機密）"], ["製表日期：114年1月15日"], [],
            [ZH[k] for k in keys]]
    for rec in records:
        row = []
        for k in keys:
            v = _value(rec, k)
            if isinstance(v, dt.date):
                v = _roc(v)
            elif k == "gross_weight_kg":
                v = f"{v:,.1f} 公斤"
            elif k == "containers":
                v = "、".join(rec["containers"])
            elif k in ("offence", "detection_method", "outcome"):
                v = ZH_TEXT.get(v, v)
            row.append(v)
        rows.append(row)
    total = sum(r["quantity_seized_kg"] for r in records)
    rows.append(["合計"] + [None] * (keys.index("quantity_seized_kg") - 1) + [f"{total:,.1f}"])
    path.write_bytes(_csv_bytes(rows, "cp950", ","))


def write_partner_ods(path: Path, records: list[dict]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    header = ["Entry No.", "Entry Date", "Tariff Code", "Gross Wt (t)", "Importer", "Exporter",
              "Exporter Tel", "Cntr No(s)", "POL", "POD", "Origin"]
    doc = OpenDocumentSpreadsheet()
    table = Table(name="MY Customs import entries")
    for values in [header] + [[
        f"MY-IMP-{r['declaration_date'].year}-{i + 1:05d}", r["declaration_date"].isoformat(),
        r["hs_code"][:4] + "." + r["hs_code"][4:], round(r["gross_weight_kg"] / 1000, 3),
        _value(r, "consignee"), _value(r, "shipper"), _value(r, "shipper_phone"),
        ", ".join(r["containers"]), r["port_of_loading"], r["port_of_discharge"],
        r["country_of_origin"]] for i, r in enumerate(records)]:
        tr = TableRow()
        for v in values:
            cell = TableCell(valuetype="float", value=v) if isinstance(v, float) else \
                TableCell(valuetype="string")
            cell.addElement(P(text=str(v)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def write_manifest_xls(path: Path, records: list[dict]) -> None:
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("Manifest 2019")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    header = ["Declaration No.", "Declaration Date", "Vessel", "IMO", "Voyage No.", "B/L No.",
              "Container No(s).", "Gross Weight (kg)"]
    for c, h in enumerate(header):
        ws.write(0, c, h)
    for i, rec in enumerate(records, start=1):
        ws.write(i, 0, rec["declaration_no"])
        ws.write(i, 1, dt.datetime.combine(rec["declaration_date"], dt.time()), date_style)
        for c, k in enumerate(("vessel_name", "vessel_imo", "voyage_no", "bl_no"), start=2):
            ws.write(i, c, rec[k])
        ws.write(i, 6, "\n".join(rec["containers"]))
        ws.write(i, 7, rec["gross_weight_kg"])
    wb.save(str(path))


def write_spec(path: Path, authority: str) -> None:
    spec = {"version": 1, "constants": {"authority": authority}}
    Path(f"{path}.spec.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
