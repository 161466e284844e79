"""More files shaped like the exports of national customs systems, each with the hand-checked
outcome an import of it must give (see tests/national_files.py for Row, Expected, NationalFile).

The shapes follow each system's public documentation as written by hand here, not our demo
generator: a Thai e-Export list (Buddhist-era dates, Thai headers, the weight's unit in a
column of its own, a title block and a รวม row), a Japanese NACCS import list (era dates 令和6年,
R06.05.07, 9-digit 統計品目番号, 合計 row), an Indian ICEGATE bill-of-entry list (lakh grouping,
INR, IEC, ICEGATE port codes such as INNSA1, tonnes as MTS), a Brazilian Siscomex DI extract
(Portuguese in Windows-1252, semicolons, decimal commas with dots for thousands, NCM
"3915.90.00", CNPJ), a Mexican pedimento list (the pedimento number in its printed groups,
fracción arancelaria with dots, RFC, MXN beside USD) and a UK CDS export list (MRN, EORI, 8-digit
commodity codes, a header of two rows whose first holds merged group cells, a TOTAL row).
Container numbers carry their real ISO 6346 check digits.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.national_files import Expected, NationalFile, Row
from tests.writers import write_csv, write_xlsx

MRKU, OOCU, ONEU, CSNU = "MRKU1234563", "OOCU7012344", "ONEU5512346", "CSNU8044113"
BEAU, ZCSU, SEKU, CXDU = "BEAU4332103", "ZCSU8801238", "SEKU5578124", "CXDU1200452"
GLDU = "GLDU7009124"


def thai_export(folder: Path) -> NationalFile:
    """A Thai e-Export declaration list (.xlsx, openpyxl) as a customs house's report gives it:
    a merged title and period above the header (row 3), Thai headers, dates in the Buddhist
    era (15/05/2567 is 15 May 2024; one written with a Thai month, 20 พ.ค. 2567), the net
    weight with its unit (KGM or TNE, UN/ECE codes) in the next column, the exporter's 13-digit
    tax id, FOB in baht, and a รวมทั้งสิ้น (grand total) row at the bottom."""
    from openpyxl import Workbook

    header = ["เลขที่ใบขนสินค้า", "วันที่ส่งออก", "ผู้ส่งออก", "เลขประจำตัวผู้เสียภาษีอากร", "ผู้ซื้อ",
              "ประเทศปลายทาง", "พิกัดศุลกากร", "ชื่อสินค้า", "น้ำหนักสุทธิ", "หน่วยน้ำหนัก",
              "มูลค่า FOB (บาท)", "ท่าเรือต้นทาง", "หมายเลขตู้คอนเทนเนอร์"]
    siam = ("บริษัท สยามรีไซเคิล จำกัด", "0105561234567")
    rows = [
        ["A0021670500123", "15/05/2567", *siam, "PENANG PLASTIC SDN BHD", "MY", "39159000",
         "เศษพลาสติก PET", 21540, "KGM", 301560.0, "THLCH", MRKU],
        ["A0021670500131", "16/05/2567", *siam, "HAI PHONG PAPER JSC", "VN", "47079000",
         "เศษกระดาษ", 24.5, "TNE", 147000.0, "THLCH", OOCU],
        ["A0021670500188", "20 พ.ค. 2567", "บริษัท อีสเทิร์น เมทัล จำกัด", "0215559876543",
         "INDO STEEL PT", "ID", "72044900", "เศษเหล็ก", 26.3, "TNE", 289300.0, "THLCH", ONEU],
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "ใบขนขาออก"
    ws.append(["รายงานใบขนสินค้าขาออก ด่านศุลกากรแหลมฉบัง"])
    ws.merge_cells("A1:M1")
    ws.append(["ประจำเดือน พฤษภาคม 2567"])
    ws.merge_cells("A2:M2")
    for r in [header, *rows, ["รวมทั้งสิ้น", None, None, None, None, None, None, None, 72340]]:
        ws.append(r)
    path = folder / "thai_export_may2567.xlsx"
    wb.save(path)
    export = {"direction": None, "port_of_loading": "THLCH"}
    return NationalFile("thai_export", path, Expected("declaration_no", (
        Row("A0021670500123", {**export, "declaration_date": dt.date(2024, 5, 15),
                               "hs_code": "39159000", "net_weight_kg": 21540.0,
                               "country_of_destination": "MYS"},
            parties={"shipper": siam[0], "consignee": "PENANG PLASTIC SDN BHD"},
            tax_ids={"shipper": siam[1]}, containers=frozenset({MRKU}),
            value_choices=((301560.0, "THB"),)),
        Row("A0021670500131", {**export, "declaration_date": dt.date(2024, 5, 16),
                               "hs_code": "47079000", "net_weight_kg": 24500.0,
                               "country_of_destination": "VNM"},
            parties={"shipper": siam[0], "consignee": "HAI PHONG PAPER JSC"},
            tax_ids={"shipper": siam[1]}, containers=frozenset({OOCU}),
            value_choices=((147000.0, "THB"),)),
        Row("A0021670500188", {**export, "declaration_date": dt.date(2024, 5, 20),
                               "hs_code": "72044900", "net_weight_kg": 26300.0,
                               "country_of_destination": "IDN"},
            parties={"shipper": "บริษัท อีสเทิร์น เมทัล จำกัด", "consignee": "INDO STEEL PT"},
            tax_ids={"shipper": "0215559876543"}, containers=frozenset({ONEU}),
            value_choices=((289300.0, "THB"),)),
    ), may_refuse=(7,), never_stored=("รวมทั้งสิ้น", "TOTAL")))


def japan_naccs(folder: Path) -> NationalFile:
    """A Japanese import declaration list as a NACCS user's office exports it (.xlsx,
    xlsxwriter): a title in the Japanese era and a blank row above the header, 申告番号 of 11
    digits, 申告年月日 written in the era three ways (令和6年5月1日, R06.05.07, 令和6年5月10日), 輸入者
    with its 13-digit 法人番号, 仕出人 abroad, the 9-digit 統計品目番号 (HS 6 + 3 statistical
    digits), 総重量 with 重量単位 KGM or TNE beside it, 課税価格 in yen, UN/LOCODE ports, and a 合計
    row."""
    header = ["申告番号", "申告年月日", "輸出入区分", "輸入者", "法人番号", "仕出人", "統計品目番号",
              "品名", "原産地", "積出港", "取卸港", "総重量", "重量単位", "課税価格（円）",
              "コンテナ番号"]
    tokai = ("東海リサイクル株式会社", "1180001012345")
    rows = [
        ["40512345670", "令和6年5月1日", "輸入", *tokai, "GUANGZHOU RENEW METAL CO LTD",
         "740400000", "銅のくず", "CN", "CNCAN", "JPNGO", 18250, "KGM", 21900000, CSNU],
        ["40512345681", "R06.05.07", "輸入", *tokai, "KAOHSIUNG ALLOY CORP", "760200000",
         "アルミニウムのくず", "TW", "TWKHH", "JPNGO", 21.3, "TNE", 6390000, BEAU],
        ["40512345692", "令和6年5月10日", "輸入", "株式会社北陸ペーパー", "5230001098765",
         "PACIFIC FIBRE LLC", "470790000", "古紙", "US", "USOAK", "JPTOY", 24600, "KGM",
         1230000, ZCSU],
    ]
    path = folder / "輸入申告一覧_令和6年5月.xlsx"
    write_xlsx(path, {"輸入申告": [["輸入申告一覧（令和6年5月分）"], [], header, *rows,
                               ["合計", None, None, None, None, None, None, None, None, None,
                                None, 64150]]})
    imports = {"direction": "import", "gross_weight_kg": None}
    return NationalFile("japan_naccs", path, Expected("declaration_no", (
        Row("40512345670", {**imports, "declaration_date": dt.date(2024, 5, 1),
                            "hs_code": "740400000", "gross_weight_kg": 18250.0,
                            "country_of_origin": "CHN", "port_of_loading": "CNCAN",
                            "port_of_discharge": "JPNGO"},
            parties={"consignee": tokai[0], "shipper": "GUANGZHOU RENEW METAL CO LTD"},
            tax_ids={"consignee": tokai[1]}, containers=frozenset({CSNU}),
            value_choices=((21900000.0, "JPY"),)),
        Row("40512345681", {**imports, "declaration_date": dt.date(2024, 5, 7),
                            "hs_code": "760200000", "gross_weight_kg": 21300.0,
                            "country_of_origin": "TWN", "port_of_loading": "TWKHH",
                            "port_of_discharge": "JPNGO"},
            parties={"consignee": tokai[0], "shipper": "KAOHSIUNG ALLOY CORP"},
            tax_ids={"consignee": tokai[1]}, containers=frozenset({BEAU}),
            value_choices=((6390000.0, "JPY"),)),
        Row("40512345692", {**imports, "declaration_date": dt.date(2024, 5, 10),
                            "hs_code": "470790000", "gross_weight_kg": 24600.0,
                            "country_of_origin": "USA", "port_of_loading": "USOAK",
                            "port_of_discharge": "JPTOY"},
            parties={"consignee": "株式会社北陸ペーパー", "shipper": "PACIFIC FIBRE LLC"},
            tax_ids={"consignee": "5230001098765"}, containers=frozenset({ZCSU}),
            value_choices=((1230000.0, "JPY"),)),
    ), may_refuse=(7,), never_stored=("合計", "TOTAL")))


def india_bill_of_entry(folder: Path) -> NationalFile:
    """Indian bills of entry as an ICEGATE-fed report exports them (CSV): BE No. and date
    (d/m/y, one of them ambiguous alone: 06/05/2024), the ICEGATE port code of the customs
    station (a UN/LOCODE and a digit: INNSA1 Nhava Sheva sea, INMUN1 Mundra; left unmapped, as
    it is the station, not a port column), the importer's 10-character IEC, 8-digit ITC-HS
    codes under CTH, the gross weight with its unit in the next column headed only "Unit" (KGS
    or MTS: 125.40 MTS is 125,400 kg), and the assessable value in rupees written with Indian
    lakh grouping (1,02,37,500.00)."""
    header = ["BE No", "BE Date", "Port Code", "IEC", "Importer Name", "Supplier Name",
              "Country of Origin", "Port of Shipment", "CTH", "Item Description", "Gross Weight",
              "Unit", "Assessable Value (INR)"]
    gujarat = ("0312345678", "GUJARAT POLYMERS PVT LTD")
    rows = [
        ["2345678", "15/05/2024", "INNSA1", *gujarat, "EURO PLAST RECYCLING BV", "NETHERLANDS",
         "NLRTM", "39159090", "PET BOTTLE SCRAP (BALES)", "21,540", "KGS", "18,45,600.00"],
        ["2345702", "06/05/2024", "INMUN1", "AABCS1234E", "SHREE STEEL RE-ROLLING MILLS LTD",
         "GULF METALS FZE", "UNITED ARAB EMIRATES", "AEJEA", "72044900",
         "HEAVY MELTING SCRAP HMS 1&2", "125.40", "MTS", "1,02,37,500.00"],
        ["2345733", "17/05/2024", "INNSA1", *gujarat, "PACIFIC RESIN RECOVERY INC",
         "UNITED STATES", "USLAX", "39151000", "LDPE FILM SCRAP", "19,850", "KGS", "9,85,000"],
    ]
    path = write_csv(folder / "icegate_bill_of_entry.csv", [header, *rows])
    return NationalFile("india_bill_of_entry", path, Expected("declaration_no", (
        Row("2345678", {"declaration_date": dt.date(2024, 5, 15), "hs_code": "39159090",
                        "gross_weight_kg": 21540.0, "country_of_origin": "NLD",
                        "port_of_loading": "NLRTM", "authority": ""},
            parties={"consignee": gujarat[1], "shipper": "EURO PLAST RECYCLING BV"},
            tax_ids={"consignee": gujarat[0]}, value_choices=((1845600.0, "INR"),)),
        Row("2345702", {"declaration_date": dt.date(2024, 5, 6), "hs_code": "72044900",
                        "gross_weight_kg": 125400.0, "country_of_origin": "ARE",
                        "port_of_loading": "AEJEA", "authority": ""},
            parties={"consignee": "SHREE STEEL RE-ROLLING MILLS LTD",
                     "shipper": "GULF METALS FZE"},
            tax_ids={"consignee": "AABCS1234E"}, value_choices=((10237500.0, "INR"),)),
        Row("2345733", {"declaration_date": dt.date(2024, 5, 17), "hs_code": "39151000",
                        "gross_weight_kg": 19850.0, "country_of_origin": "USA",
                        "port_of_loading": "USLAX", "authority": ""},
            parties={"consignee": gujarat[1], "shipper": "PACIFIC RESIN RECOVERY INC"},
            tax_ids={"consignee": gujarat[0]}, value_choices=((985000.0, "INR"),)),
    )))


def brazil_di(folder: Path) -> NationalFile:
    """A Brazilian import declaration (DI) extract from Siscomex as Windows programs save it
    (CSV, Windows-1252, semicolons): Portuguese headers, the DI number 24/0123456-7, adições
    (items: DI 24/0987654-3 has two), the importer's CNPJ, NCM written "3915.90.00", Portuguese
    country names, weights and values with a decimal comma and dots for thousands
    ("21.540,500"), and a gross weight written without decimals ("24.800" is 24,800 kg)."""
    header = ["Número da DI", "Data de Registro", "Adição", "CNPJ do Importador",
              "Nome do Importador", "Exportador Estrangeiro", "NCM", "Descrição da Mercadoria",
              "País de Origem", "País de Procedência", "Peso Líquido (kg)", "Peso Bruto (kg)",
              "Valor FOB (US$)"]
    recicla = ("12.345.678/0001-95", "RECICLA SUL COMERCIO DE SUCATAS LTDA")
    metais = ("98.765.432/0001-10", "METAIS PAULISTA INDUSTRIA LTDA")
    rows = [
        ["24/0123456-7", "15/05/2024", "001", *recicla, "GREEN POLYMER TRADING GMBH",
         "3915.90.00", "DESPERDÍCIOS DE PLÁSTICO PET", "ALEMANHA", "PAÍSES BAIXOS (HOLANDA)",
         "21.540,500", "21.800,000", "8.616,20"],
        ["24/0987654-3", "17/05/2024", "001", *metais, "CHATARRAS DEL PACIFICO SPA",
         "7204.49.00", "SUCATA DE FERRO FUNDIDO", "CHILE", "CHILE", "24.650,000", "24.800",
         "7.440,00"],
        ["24/0987654-3", "17/05/2024", "002", *metais, "CHATARRAS DEL PACIFICO SPA",
         "7404.00.00", "RESÍDUOS DE COBRE", "CHILE", "CHILE", "1.180,250", "1.250",
         "6.962,50"],
    ]
    path = write_csv(folder / "siscomex_di.csv", [header, *rows], encoding="cp1252",
                     delimiter=";")
    return NationalFile("brazil_di", path, Expected("declaration_no", (
        Row("24/0123456-7", {"declaration_date": dt.date(2024, 5, 15), "hs_code": "39159000",
                             "net_weight_kg": 21540.5, "gross_weight_kg": 21800.0,
                             "country_of_origin": "DEU", "country_of_export": "NLD"},
            parties={"consignee": recicla[1], "shipper": "GREEN POLYMER TRADING GMBH"},
            tax_ids={"consignee": recicla[0]}, value_choices=((8616.2, "USD"),)),
        Row("24/0987654-3", {"declaration_date": dt.date(2024, 5, 17),
                             "net_weight_kg": 25830.25, "gross_weight_kg": 26050.0,
                             "country_of_origin": "CHL", "country_of_export": "CHL"},
            parties={"consignee": metais[1], "shipper": "CHATARRAS DEL PACIFICO SPA"},
            tax_ids={"consignee": metais[0]}, value_choices=((14402.5, "USD"),),
            items=(("001", "72044900", 24800.0, 24650.0), ("002", "74040000", 1250.0, 1180.25))),
    )))


def mexico_pedimento(folder: Path) -> NationalFile:
    """A Mexican pedimento list (.xlsx, xlsxwriter) as a customs broker's system exports it: the
    pedimento number in its printed groups (year, aduana, patente, número: "24 47 3456
    4001234"), fecha de pago as a date cell, clave de pedimento A1, tipo de operación as the
    words IMPORTACION / EXPORTACION, the RFC, the 8-digit fracción arancelaria written with dots
    ("3915.90.99") and its 2-digit NICO in a column of its own, SAAI's 3-letter country codes,
    peso bruto in kg, the customs value in pesos beside the commercial value in dollars."""
    header = ["Pedimento", "Fecha de pago", "Clave", "Tipo de operación", "RFC",
              "Importador/Exportador", "Proveedor/Comprador", "Fracción arancelaria", "NICO",
              "Descripción", "País de origen", "Peso bruto (kg)", "Valor aduana (MXN)",
              "Valor comercial (USD)"]
    norte = ("RNO0102037A1", "RECICLADORA DEL NORTE SA DE CV")
    rows = [
        ["24 47 3456 4001234", dt.date(2024, 5, 15), "A1", "IMPORTACION", *norte,
         "TEXAS POLYMER RECOVERY LLC", "3915.90.99", "00", "DESPERDICIOS DE PLASTICO", "USA",
         21540, 152934.0, 8616.0],
        ["24 47 3456 4001251", dt.date(2024, 5, 16), "A1", "EXPORTACION", "MMO9807154K2",
         "METALES DE MONTERREY SA DE CV", "SHANGHAI COPPER RECYCLING CO", "7404.00.01", "00",
         "DESPERDICIOS DE COBRE", "MEX", 18250, 1642500.0, 96360.0],
    ]
    path = write_xlsx(folder / "pedimentos_mayo_2024.xlsx", {"Pedimentos": [header, *rows]})
    return NationalFile("mexico_pedimento", path, Expected("declaration_no", (
        Row("24 47 3456 4001234", {"declaration_date": dt.date(2024, 5, 15),
                                   "direction": "import", "hs_code": "39159099",
                                   "gross_weight_kg": 21540.0, "country_of_origin": "USA"},
            parties={"consignee": norte[1], "shipper": "TEXAS POLYMER RECOVERY LLC"},
            tax_ids={"consignee": norte[0]},
            value_choices=((152934.0, "MXN"), (8616.0, "USD"))),
        Row("24 47 3456 4001251", {"declaration_date": dt.date(2024, 5, 16),
                                   "direction": "export", "hs_code": "74040001",
                                   "gross_weight_kg": 18250.0, "country_of_origin": "MEX"},
            parties={"shipper": "METALES DE MONTERREY SA DE CV",
                     "consignee": "SHANGHAI COPPER RECYCLING CO"},
            tax_ids={"shipper": "MMO9807154K2"},
            value_choices=((1642500.0, "MXN"), (96360.0, "USD"))),
    )))


def mexico_pedimento_codes(folder: Path) -> NationalFile:
    """Pedimentos as a broker's system exports them with the SAT data dictionary's names (CSV,
    upper-case with underscores): TIPO_OPERACION as its code (1 importación, 2 exportación),
    CVE_PEDIMENTO A1 (a type, not the number), RFC_IMPORTADOR_EXPORTADOR beside
    IMPORTADOR_EXPORTADOR and PROVEEDOR_COMPRADOR (the Mexican party and the foreign one: who
    ships depends on the code), FRACCION as 8 digits, PAIS_ORIGEN in SAAI's 3-letter codes."""
    header = ["PEDIMENTO", "FECHA_PAGO", "TIPO_OPERACION", "CVE_PEDIMENTO",
              "RFC_IMPORTADOR_EXPORTADOR", "IMPORTADOR_EXPORTADOR", "PROVEEDOR_COMPRADOR",
              "FRACCION", "PAIS_ORIGEN", "PESO_BRUTO"]
    norte = ("RNO0102037A1", "RECICLADORA DEL NORTE SA DE CV")
    rows = [
        ["24 47 3456 4001234", "2024-05-15", "1", "A1", *norte, "TEXAS POLYMER RECOVERY LLC",
         "39159099", "USA", "21540"],
        ["24 47 3456 4001251", "2024-05-16", "2", "A1", "MMO9807154K2",
         "METALES DE MONTERREY SA DE CV", "SHANGHAI COPPER RECYCLING CO", "74040001", "MEX",
         "18250"],
    ]
    path = write_csv(folder / "pedimentos_sat.csv", [header, *rows])
    return NationalFile("mexico_pedimento_codes", path, Expected("declaration_no", (
        Row("24 47 3456 4001234", {"declaration_date": dt.date(2024, 5, 15),
                                   "direction": "import", "hs_code": "39159099",
                                   "gross_weight_kg": 21540.0, "country_of_origin": "USA"},
            parties={"consignee": norte[1], "shipper": "TEXAS POLYMER RECOVERY LLC"},
            tax_ids={"consignee": norte[0]}),
        Row("24 47 3456 4001251", {"declaration_date": dt.date(2024, 5, 16),
                                   "direction": "export", "hs_code": "74040001",
                                   "gross_weight_kg": 18250.0, "country_of_origin": "MEX"},
            parties={"shipper": "METALES DE MONTERREY SA DE CV",
                     "consignee": "SHANGHAI COPPER RECYCLING CO"},
            tax_ids={"shipper": "MMO9807154K2"}),
    )))


def uk_cds_export(folder: Path) -> NationalFile:
    """UK CDS export declarations as an MSS extract pasted into a workbook (.xlsx, openpyxl): a
    merged title, then a header of two rows whose first holds merged group cells (Exporter over
    Name and EORI, Mass (kg) over Gross and Net), the MRN, acceptance timestamps, the
    exporter's EORI as its tax id, 8-digit export commodity codes, statistical value in
    pounds sterling, and a TOTAL row."""
    from openpyxl import Workbook

    groups = ["Declaration", None, None, "Exporter", None, "Consignee", "Goods", None,
              "Mass (kg)", None, "Country of destination", "Statistical value (GBP)",
              "Container number"]
    header = ["MRN", "Declaration type", "Acceptance date", "Name", "EORI", "Name",
              "Commodity code", "Description", "Gross", "Net", None, None, None]
    mersey = ("MERSEY POLYMER RECOVERY LTD", "GB123456789000")
    rows = [
        ["24GB7Q3K2M9P1X4A71", "EX", "2024-05-13T09:41:22Z", *mersey, "ADANA GERI DONUSUM AS",
         "39151000", "LDPE FILM WASTE BALED", 22180, 21940, "TR", 4388.0, SEKU],
        ["24GB7Q3K2M9P1X4B88", "EX", "2024-05-20T16:05:10Z", "THAMES METALS LTD",
         "GB987654321000", "KLANG STEEL SDN BHD", "72044900", "HMS 1&2 FERROUS SCRAP", 26400,
         26300, "MY", 7890.0, CXDU],
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Exports"
    ws.append(["CDS export declarations, MSS extract, May 2024"])
    ws.merge_cells("A1:M1")
    ws.append(groups)
    for r in [header, *rows, ["TOTAL", None, None, None, None, None, None, None, 48580, 48240,
                              None, 12278.0]]:
        ws.append(r)
    for span in ("A2:C2", "D2:E2", "G2:H2", "I2:J2", "K2:K3", "L2:L3", "M2:M3"):
        ws.merge_cells(span)
    path = folder / "cds_exports_may2024.xlsx"
    wb.save(path)
    export = {"direction": "export", "country_of_destination": None}
    return NationalFile("uk_cds_export", path, Expected("declaration_no", (
        Row("24GB7Q3K2M9P1X4A71", {**export, "declaration_date": dt.date(2024, 5, 13),
                                   "hs_code": "39151000", "gross_weight_kg": 22180.0,
                                   "net_weight_kg": 21940.0, "country_of_destination": "TUR"},
            parties={"shipper": mersey[0], "consignee": "ADANA GERI DONUSUM AS"},
            tax_ids={"shipper": mersey[1]}, containers=frozenset({SEKU}),
            value_choices=((4388.0, "GBP"),)),
        Row("24GB7Q3K2M9P1X4B88", {**export, "declaration_date": dt.date(2024, 5, 20),
                                   "hs_code": "72044900", "gross_weight_kg": 26400.0,
                                   "net_weight_kg": 26300.0, "country_of_destination": "MYS"},
            parties={"shipper": "THAMES METALS LTD", "consignee": "KLANG STEEL SDN BHD"},
            tax_ids={"shipper": "GB987654321000"}, containers=frozenset({CXDU}),
            value_choices=((7890.0, "GBP"),)),
    ), may_refuse=(6,)))


def taiwan_roc_numbers(folder: Path) -> NationalFile:
    """A Taiwan broker's 進口報單 list (.xlsx, xlsxwriter) whose 申報日期 are ROC dates stored as
    number cells (1130501: 113/05/01, i.e. 2024-05-01) and, on a row pasted from another system,
    as text with the ROC year padded to four digits (0113/05/08); a merged title, 毛重 in 公噸 by
    its header, the 11-digit CCC code written with its dots and check digit
    ("3915.90.90.00-5"), 完稅價格 in 新臺幣, 賣方 abroad, and a 合計 row."""
    import xlsxwriter

    header = ["報單號碼", "申報日期", "進口人名稱", "進口人統一編號", "賣方名稱", "稅則號別", "貨物名稱",
              "毛重(公噸)", "完稅價格(新臺幣)", "起運口岸", "貨櫃號碼"]
    plastic = ("台灣環保塑膠股份有限公司", "12345675")
    rows = [
        ["AW/13/501/10023", 1130501, *plastic, "GREEN EARTH RECYCLING INC.", "3915.90.90.00-5",
         "PET塑膠廢料", 21.54, 265000, "USLAX", GLDU],
        ["AW/13/501/10031", 1130503, *plastic, "OSAKA RESIN TRADING CO", "3915.10.00.00-6",
         "PE塑膠廢料", 18.2, 198000, "JPOSA", MRKU],
        ["AW/13/501/10047", "0113/05/08", "中部金屬回收有限公司", "04595257",
         "PENANG METAL SDN BHD", "7404.00.00.00-6", "銅廢料", 12.75, 3120000, "MYPEN", OOCU],
    ]
    path = folder / "進口報單_113年5月.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("113年5月")
    ws.merge_range(0, 0, 0, 10, "進口報單明細（113年5月）")
    for r, cells in enumerate([header, *rows, ["合計", None, None, None, None, None, None, 52.49]],
                              start=1):
        for c, value in enumerate(cells):
            if value is not None:
                ws.write(r, c, value)
    wb.close()
    return NationalFile("taiwan_roc_numbers", path, Expected("declaration_no", (
        Row("AW/13/501/10023", {"declaration_date": dt.date(2024, 5, 1), "hs_code": "39159090005",
                                "gross_weight_kg": 21540.0, "port_of_loading": "USLAX"},
            parties={"consignee": plastic[0], "shipper": "GREEN EARTH RECYCLING INC."},
            tax_ids={"consignee": plastic[1]}, containers=frozenset({GLDU}),
            value_choices=((265000.0, "TWD"),)),
        Row("AW/13/501/10031", {"declaration_date": dt.date(2024, 5, 3), "hs_code": "39151000006",
                                "gross_weight_kg": 18200.0, "port_of_loading": "JPOSA"},
            parties={"consignee": plastic[0], "shipper": "OSAKA RESIN TRADING CO"},
            tax_ids={"consignee": plastic[1]}, containers=frozenset({MRKU}),
            value_choices=((198000.0, "TWD"),)),
        Row("AW/13/501/10047", {"declaration_date": dt.date(2024, 5, 8), "hs_code": "74040000006",
                                "gross_weight_kg": 12750.0, "port_of_loading": "MYPEN"},
            parties={"consignee": "中部金屬回收有限公司", "shipper": "PENANG METAL SDN BHD"},
            tax_ids={"consignee": "04595257"}, containers=frozenset({OOCU}),
            value_choices=((3120000.0, "TWD"),)),
    ), may_refuse=(6,), never_stored=("合計", "TOTAL")))


MORE_SHAPES = (thai_export, japan_naccs, india_bill_of_entry, brazil_di, mexico_pedimento,
               mexico_pedimento_codes, uk_cds_export, taiwan_roc_numbers)
