"""Files shaped like the exports of real national customs systems, each with the hand-checked
outcome an import of it must give.

Each builder writes one file with a real writer (xlsxwriter, openpyxl, odfpy, xlwt, csv) into a
folder and returns a NationalFile: the path and the Expected outcome. The shapes follow the
public documentation of each system (ASYCUDA SAD boxes, US AMS manifest fields as trade-data
vendors sell them, SUNAT DUA, the Eurasian ДТ, Taiwan's 報單), not our own demo generator.
Container numbers carry their real ISO 6346 check digits (casedb.normalize.container_check_digit).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tests.writers import write_csv, write_ods, write_xlsx

LB = 0.45359237


@dataclass(frozen=True)
class Row:
    """A record the import must store, found by its key (see Expected.key_field)."""

    key: str
    values: dict  # Declaration attribute -> normalised value
    parties: dict = field(default_factory=dict)  # role -> the name as written
    tax_ids: dict = field(default_factory=dict)  # role -> tax id as written
    containers: frozenset = frozenset()
    items: tuple = ()  # (item_no, hs_code, gross kg, net kg) of a declaration with several
    value_choices: tuple = ()  # (declared_value, currency) pairs any one of which is right
    seizure: dict = field(default_factory=dict)  # case_ref, seizure_date, quantity_kg


@dataclass(frozen=True)
class Expected:
    key_field: str  # the Declaration attribute a stored record is found by
    rows: tuple[Row, ...]
    refused: dict = field(default_factory=dict)  # sheet row (1-based) -> a word of the reason
    warned: dict = field(default_factory=dict)  # sheet row -> a word of the column's header
    may_refuse: tuple[int, ...] = ()  # rows that are not data (a total, a note): refused or not
    # Texts no stored declaration number, B/L number or party name may be (placeholders, totals).
    never_stored: tuple[str, ...] = ("NULL", "N/A", "-", "TOTAL")


@dataclass(frozen=True)
class NationalFile:
    shape: str
    path: Path
    expected: Expected


# ISO 6346 numbers with their check digits (computed with container_check_digit).
MSCU, TGHU, MAEU, CMAU = "MSCU1234566", "TGHU7654320", "MAEU4120357", "CMAU5581200"
TCNU, OOLU, HLXU, EGHU = "TCNU7349010", "OOLU1902558", "HLXU8711305", "EGHU9055120"
FCIU, SEGU, TRHU, KOCU = "FCIU3812749", "SEGU5022974", "TRHU2288153", "KOCU4500762"
EITU, GESU, CAIU, BMOU = "EITU1177334", "GESU6409217", "CAIU9133480", "BMOU7753604"
TEMU, WHSU, APHU, YMLU = "TEMU6604180", "WHSU5319609", "APHU7062130", "YMLU8944021"


def sad_asycuda(folder: Path) -> NationalFile:
    """An ASYCUDA World item-level SAD extract (.xlsx, openpyxl): box A office and registration,
    box 1 model (IM 4 / EX 1), exporter and consignee each as a code beside a name, box 14
    declarant, box 32 item number, box 33 national commodity code (8 digits), box 34 origin,
    boxes 35/38 gross and net mass in kg, box 46 statistical value, box 31 containers."""
    from openpyxl import Workbook

    header = ["Customs office", "Registration number", "Registration date", "Type of declaration",
              "Declarant code", "Declarant name", "Exporter code", "Exporter name",
              "Consignee code", "Consignee name", "Country of export", "Country of destination",
              "Item Nber", "Commodity code", "Goods description", "Country of origin",
              "Gross mass (kg)", "Net mass (kg)", "Statistical value", "Container number"]
    lanka = ("D0412", "LANKA CLEARING AGENCY (PVT) LTD")
    rows = [
        ["CBBE1", "C 23456", "12/05/2023", "IM 4", *lanka, None, "ABC RECYCLING LTD",
         "114567890", "CEYLON POLYMERS (PVT) LTD", "GB", "LK", 1, "39151000",
         "POLYETHYLENE SCRAP IN BALES", "GB", 12500, 12100, 4350.0, MSCU],
        ["CBBE1", "C 23456", "12/05/2023", "IM 4", *lanka, None, "ABC RECYCLING LTD",
         "114567890", "CEYLON POLYMERS (PVT) LTD", "GB", "LK", 2, "39159000",
         "MIXED PLASTIC SCRAP", "GB", 8400, 8150, 2100.0, TGHU],
        ["CBBE1", "C 23457", "15/05/2023", "IM 4", *lanka, None, "GULF METALS FZE",
         "114002233", "LANKA STEEL RECYCLERS LTD", "AE", "LK", 1, "72044900",
         "FERROUS WASTE AND SCRAP", "AE", 24800, 24600, 6200.0, MAEU],
        ["CBBE1", "E 1208", "16/05/2023", "EX 1", *lanka, "114998877",
         "GREEN FIBRE EXPORTS (PVT) LTD", None, "SHANDONG PAPER CO LTD", "LK", "IN", 1,
         "47079000", "WASTE PAPER MIXED", "LK", 21000, 20800, 3150.0, f"{CMAU} {TCNU}"],
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "SAD items"
    for r in [header, *rows]:
        ws.append(r)
    path = folder / "asycuda_sad_items.xlsx"
    wb.save(path)
    ceylon = {"shipper": "ABC RECYCLING LTD", "consignee": "CEYLON POLYMERS (PVT) LTD",
              "broker": lanka[1]}
    return NationalFile("sad_asycuda", path, Expected("declaration_no", (
        Row("C 23456", {"authority": "CBBE1", "declaration_date": dt.date(2023, 5, 12),
                        "direction": "import", "gross_weight_kg": 20900.0,
                        "net_weight_kg": 20250.0, "country_of_export": "GBR",
                        "country_of_destination": "LKA", "country_of_origin": "GBR"},
            parties=ceylon, tax_ids={"consignee": "114567890", "broker": "D0412"},
            containers=frozenset({MSCU, TGHU}),
            items=(("1", "39151000", 12500.0, 12100.0), ("2", "39159000", 8400.0, 8150.0))),
        Row("C 23457", {"authority": "CBBE1", "declaration_date": dt.date(2023, 5, 15),
                        "direction": "import", "hs_code": "72044900",
                        "gross_weight_kg": 24800.0, "net_weight_kg": 24600.0,
                        "country_of_export": "ARE", "country_of_origin": "ARE"},
            parties={"shipper": "GULF METALS FZE", "consignee": "LANKA STEEL RECYCLERS LTD",
                     "broker": lanka[1]},
            tax_ids={"consignee": "114002233", "broker": "D0412"}, containers=frozenset({MAEU})),
        Row("E 1208", {"authority": "CBBE1", "declaration_date": dt.date(2023, 5, 16),
                       "direction": "export", "hs_code": "47079000",
                       "gross_weight_kg": 21000.0, "net_weight_kg": 20800.0,
                       "country_of_export": "LKA", "country_of_destination": "IND"},
            parties={"shipper": "GREEN FIBRE EXPORTS (PVT) LTD",
                     "consignee": "SHANDONG PAPER CO LTD", "broker": lanka[1]},
            tax_ids={"shipper": "114998877", "broker": "D0412"},
            containers=frozenset({CMAU, TCNU})),
    )))


def us_bill_of_lading(folder: Path) -> NationalFile:
    """US import bills of lading as trade-data vendors export the AMS manifest (CSV): no
    declaration number, US dates (m/d/y), weight with a unit column (KG or LB), ports as a
    Schedule K / Schedule D code and a name, several containers comma-joined, NULL cells; one
    B/L on two lines, a container each: one shipment with its lines as items."""
    header = ["Bill of Lading Number", "Arrival Date", "Shipper Name", "Shipper Address",
              "Consignee Name", "Consignee Address", "Notify Party", "Weight", "Weight Unit",
              "Quantity", "Quantity Unit", "Container Number", "Foreign Port of Lading",
              "US Port of Unlading", "Vessel Name", "Carrier", "Country of Origin",
              "Product Description"]
    rows = [
        ["MEDUIN123456", "05/12/2023", "SHREE POLYMERS PVT LTD", "PLOT 14 GIDC, VAPI, GUJARAT",
         "PACIFIC RESIN RECOVERY INC", "2200 E PACIFIC COAST HWY, LONG BEACH CA",
         "ORIENT CUSTOMS BROKERS LLC", "19850", "KG", "22", "BALES", MSCU, "53306, MUNDRA",
         "2704, LOS ANGELES, CALIFORNIA", "MSC ANNA", "MSCU", "India",
         "PLASTIC SCRAP PP REGRIND"],
        ["MEDUIN123456", "05/12/2023", "SHREE POLYMERS PVT LTD", "PLOT 14 GIDC, VAPI, GUJARAT",
         "PACIFIC RESIN RECOVERY INC", "2200 E PACIFIC COAST HWY, LONG BEACH CA",
         "ORIENT CUSTOMS BROKERS LLC", "20110", "KG", "24", "BALES", TCNU, "53306, MUNDRA",
         "2704, LOS ANGELES, CALIFORNIA", "MSC ANNA", "MSCU", "India",
         "PLASTIC SCRAP PP REGRIND"],
        ["ZIMUNYC998877", "05/24/2023", "NINGBO HUAXIN METAL CO LTD", "NINGBO, ZHEJIANG",
         "EAST COAST ALLOYS CORP", "45 INDUSTRIAL RD, NEWARK NJ", "NULL", "44092", "LB", "40",
         "PALLETS", f"{TGHU}, {MAEU}", "57035, SHANGHAI", "1001, NEW YORK, NEW YORK",
         "ZIM ROTTERDAM", "ZIMU", "CHINA", "ALUMINIUM SCRAP TAINT TABOR"],
        ["COSU6123456780", "05/26/2023", "HAI PHONG RUBBER JSC", "NULL",
         "WESTERN TIRE RECYCLING LLC", "N/A", "N/A", "21300", "KG", "1", "CNTR", GESU,
         "NULL", "2709, LONG BEACH, CALIFORNIA", "COSCO PRIDE", "COSU",
         "VIETNAM, DEMOCRATIC REPUBLIC OF", "RUBBER WASTE CRUMB"],
        ["HDMUPUSA4471520", "2023-05-29", "KOREA ZINC RECYCLING CO", "ULSAN, KOREA",
         "NORTHWEST METALS LLC", "TACOMA WA", "", "48,502", "LB", "18", "DRUMS", BMOU,
         "58023, PUSAN", "3002, TACOMA, WASHINGTON", "HYUNDAI SPEED", "HDMU",
         "KOREA, REPUBLIC OF", "ZINC DROSS AND SKIMMINGS"],
    ]
    path = write_csv(folder / "us_bill_of_lading.csv", [header, *rows])
    return NationalFile("us_bill_of_lading", path, Expected("bl_no", (
        Row("MEDUIN123456", {"record_kind": "shipment", "declaration_date": dt.date(2023, 5, 12),
                             "vessel_name": "MSC ANNA", "gross_weight_kg": 39960.0, "port_of_loading": "INMUN",
                             "port_of_discharge": "USLAX", "country_of_origin": "IND"},
            parties={"shipper": "SHREE POLYMERS PVT LTD",
                     "consignee": "PACIFIC RESIN RECOVERY INC",
                     "notify": "ORIENT CUSTOMS BROKERS LLC"},
            containers=frozenset({MSCU, TCNU}),
            items=((MSCU, None, 19850.0, None), (TCNU, None, 20110.0, None))),
        Row("ZIMUNYC998877", {"record_kind": "shipment",
                              "declaration_date": dt.date(2023, 5, 24),
                              "gross_weight_kg": 44092 * LB, "port_of_loading": "CNSHA",
                              "port_of_discharge": "USNYC", "country_of_origin": "CHN"},
            parties={"shipper": "NINGBO HUAXIN METAL CO LTD",
                     "consignee": "EAST COAST ALLOYS CORP"},
            containers=frozenset({TGHU, MAEU})),
        Row("COSU6123456780", {"record_kind": "shipment",
                               "declaration_date": dt.date(2023, 5, 26),
                               "gross_weight_kg": 21300.0, "port_of_loading": None,
                               "port_of_discharge": "USLGB", "country_of_origin": "VNM"},
            parties={"shipper": "HAI PHONG RUBBER JSC", "consignee": "WESTERN TIRE RECYCLING LLC"},
            containers=frozenset({GESU})),
        Row("HDMUPUSA4471520", {"record_kind": "shipment",
                                "declaration_date": dt.date(2023, 5, 29),
                                "gross_weight_kg": 48502 * LB, "port_of_loading": "KRPUS",
                                "port_of_discharge": "USTIW", "country_of_origin": "KOR"},
            parties={"shipper": "KOREA ZINC RECYCLING CO", "consignee": "NORTHWEST METALS LLC"},
            containers=frozenset({BMOU})),
    )))


def dua_peru(folder: Path) -> NationalFile:
    """A Latin-American DUA export (SUNAT-style, .xlsx by xlsxwriter): Spanish headers, the DUA
    number as aduana-año-régimen-número with its series (items: 045871 has two), d/m/y dates,
    the importer's RUC beside its Razón Social, a 10-digit partida arancelaria written with
    dots, FOB in US$, weights in kg in the header. Row 5 has an impossible date (refused)."""
    header = ["Aduana", "Número de DUA", "Serie", "Fecha de Numeración", "Régimen",
              "RUC del importador", "Razón Social", "Proveedor", "Partida Arancelaria",
              "Descripción comercial", "País de Origen", "País de Procedencia",
              "Puerto de embarque", "Vía de transporte", "Peso Bruto (kg)", "Peso Neto (kg)",
              "Valor FOB (US$)"]
    andinos = ("20512345678", "RECICLADOS ANDINOS S.A.C.", "PACIFIC RESIN RECOVERY INC")
    aceros = ("20498765432", "ACEROS RECUPERADOS DEL SUR S.A.", "CHATARRAS DEL PACIFICO SPA")
    lines = [  # DUA, serie, date, parties, partida, description, country, port, kg, kg, FOB
        ("045871", 1, "12/05/2023", andinos, "3915.90.00.00",
         "DESPERDICIOS DE PLASTICO PET MOLIDO EN PACAS", "US", "LONG BEACH", 21540.5, 21200,
         8616.0),
        ("045871", 2, "12/05/2023", andinos, "3915.10.00.00", "DESPERDICIOS DE POLIETILENO",
         "US", "LONG BEACH", 4200, 4100, 1260.0),
        ("045902", 1, "15/05/2023", aceros, "7204.49.00.00", "CHATARRA DE ACERO FRAGMENTADA",
         "CL", "VALPARAISO", 24800, 24650, 7440.0),
        ("045913", 1, "31/02/2023", andinos, "3915.90.00.00", "DESPERDICIOS DE PLASTICO PET",
         "US", "LONG BEACH", 20100, 19900, 8040.0),
    ]
    rows = [["118 - MARITIMA DEL CALLAO", f"118-2023-10-{no}", serie, date,
             "10 - IMPORTACION PARA EL CONSUMO", *parties, partida, text, country, country,
             port, "MARITIMA", gross, net, fob]
            for no, serie, date, parties, partida, text, country, port, gross, net, fob in lines]
    path = write_xlsx(folder / "dua_peru.xlsx", {"DUA": [header, *rows]})
    return NationalFile("dua_peru", path, Expected("declaration_no", (
        _dua("118-2023-10-045871", dt.date(2023, 5, 12), ("USA", "USLGB"), andinos, (
            ("1", "3915900000", 21540.5, 21200.0, 8616.0),
            ("2", "3915100000", 4200.0, 4100.0, 1260.0))),
        _dua("118-2023-10-045902", dt.date(2023, 5, 15), ("CHL", "CLVAP"), aceros, (
            ("1", "7204490000", 24800.0, 24650.0, 7440.0),)),
    ), refused={5: "date"}))


def _dua(no: str, date: dt.date, place: tuple, parties: tuple, items: tuple) -> Row:
    """A DUA as stored: its totals over its series, the HS code of a single series."""
    (country, port), (ruc, importer, supplier) = place, parties
    values = {"declaration_date": date, "direction": "import",
              "gross_weight_kg": sum(i[2] for i in items),
              "net_weight_kg": sum(i[3] for i in items), "country_of_origin": country,
              "country_of_export": country, "port_of_loading": port}
    if len(items) == 1:
        values["hs_code"] = items[0][1]
    return Row(no, values, parties={"consignee": importer, "shipper": supplier},
               tax_ids={"consignee": ruc}, value_choices=((sum(i[4] for i in items), "USD"),),
               items=tuple(i[:4] for i in items) if len(items) > 1 else ())


def gtd_russia(folder: Path) -> NationalFile:
    """A Russian/Eurasian ДТ (ГТД) export as CSV in Windows-1251 with semicolons (what such
    systems save): Cyrillic headers, the number as office/date/sequence, direction ИМ/ЭК,
    10-digit ТН ВЭД codes, weights with decimal commas and spaces for thousands."""
    header = ["Номер ДТ", "Дата", "Направление", "Отправитель", "Получатель",
              "ИНН получателя", "Код ТН ВЭД", "Описание товара", "Вес брутто, кг",
              "Вес нетто, кг", "Страна происхождения", "Страна отправления",
              "Таможенная стоимость", "Номера контейнеров"]
    rows = [
        ["10702070/120523/0012345", "12.05.2023", "ИМ", "SHANGHAI GREEN METAL CO., LTD",
         'ООО "ВТОРМЕТ-ДВ"', "2536123456", "7204490000", "ОТХОДЫ И ЛОМ ЧЕРНЫХ МЕТАЛЛОВ",
         "21 340,5", "21 100", "CN", "CN", "1 250 000,00", TRHU],
        ["10702070/150523/0012399", "15.05.2023", "ЭК", 'ООО "ДАЛЬПЛАСТ"',
         "BUSAN RECYCLE CO., LTD", "", "3915100000", "ОТХОДЫ ПОЛИЭТИЛЕНА",
         "19 850,25", "19 600", "RU", "RU", "640 000,00", f"{KOCU}, {EITU}"],
    ]
    path = write_csv(folder / "gtd_export.csv", [header, *rows], encoding="cp1251",
                     delimiter=";")
    return NationalFile("gtd_russia", path, Expected("declaration_no", (
        Row("10702070/120523/0012345", {"declaration_date": dt.date(2023, 5, 12),
                                        "direction": "import", "hs_code": "7204490000",
                                        "gross_weight_kg": 21340.5, "net_weight_kg": 21100.0,
                                        "country_of_origin": "CHN", "country_of_export": "CHN"},
            parties={"shipper": "SHANGHAI GREEN METAL CO., LTD", "consignee": 'ООО "ВТОРМЕТ-ДВ"'},
            tax_ids={"consignee": "2536123456"}, containers=frozenset({TRHU})),
        Row("10702070/150523/0012399", {"declaration_date": dt.date(2023, 5, 15),
                                        "direction": "export", "hs_code": "3915100000",
                                        "gross_weight_kg": 19850.25, "net_weight_kg": 19600.0,
                                        "country_of_origin": "RUS", "country_of_export": "RUS"},
            parties={"shipper": 'ООО "ДАЛЬПЛАСТ"', "consignee": "BUSAN RECYCLE CO., LTD"},
            containers=frozenset({KOCU, EITU})),
    )))


def dt_kazakhstan(folder: Path) -> NationalFile:
    """A Kazakh ДТ export (.xlsx, openpyxl; the same Eurasian declaration as gtd_russia, read
    from a workbook so the Cyrillic is not in doubt): the procedure as graph 1 writes it
    (ИМ 40 / ЭК 10), the party headers as 'Отправитель/экспортер', the recipient's 12-digit
    БИН, items by '№ товара' (one ДТ, two товара in one container), statistical value in USD."""
    from openpyxl import Workbook

    header = ["Таможенный пост", "№ ДТ", "Дата регистрации ДТ", "Таможенная процедура",
              "Отправитель/экспортер", "Получатель/импортер", "БИН получателя", "№ товара",
              "Код ТН ВЭД", "Наименование товара", "Вес брутто (кг)", "Вес нетто (кг)",
              "Страна происхождения", "Страна отправления", "Страна назначения",
              "Статистическая стоимость (USD)", "Номер контейнера"]
    post, xinjiang, kazvtormet = "Т/П ДОСТЫК-ЦТО", "XINJIANG HUAYU METAL CO LTD", 'ТОО "КАЗВТОРМЕТ"'
    ekoplast = 'ТОО "ЭКОПЛАСТ АЛМАТЫ"'
    rows = [
        [post, "50304/120523/0012345", "12.05.2023", "ИМ 40", xinjiang, kazvtormet,
         "123456789012", 1, "7204490000", "ЛОМ ЧЕРНЫХ МЕТАЛЛОВ", 24500, 24300, "CN", "CN", "KZ",
         7350.0, TGHU],
        [post, "50304/120523/0012345", "12.05.2023", "ИМ 40", xinjiang, kazvtormet,
         "123456789012", 2, "7204410000", "СТРУЖКА СТАЛЬНАЯ", 3200, 3150, "CN", "CN", "KZ",
         960.0, TGHU],
        [post, "50304/150523/0012399", "15.05.2023", "ЭК 10", ekoplast,
         "URUMQI GREEN PLASTIC CO LTD", None, 1, "3915100000", "ОТХОДЫ ПОЛИЭТИЛЕНА", 18400,
         18000, "KZ", "KZ", "CN", 4600.0, MSCU],
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "ДТ"
    for r in [header, *rows]:
        ws.append(r)
    path = folder / "dt_kazakhstan.xlsx"
    wb.save(path)
    return NationalFile("dt_kazakhstan", path, Expected("declaration_no", (
        Row("50304/120523/0012345", {"declaration_date": dt.date(2023, 5, 12),
                                     "direction": "import", "gross_weight_kg": 27700.0,
                                     "net_weight_kg": 27450.0, "country_of_origin": "CHN",
                                     "country_of_export": "CHN", "country_of_destination": "KAZ"},
            parties={"shipper": xinjiang, "consignee": kazvtormet},
            tax_ids={"consignee": "123456789012"}, containers=frozenset({TGHU}),
            items=(("1", "7204490000", 24500.0, 24300.0), ("2", "7204410000", 3200.0, 3150.0)),
            value_choices=((8310.0, "USD"),)),
        Row("50304/150523/0012399", {"declaration_date": dt.date(2023, 5, 15),
                                     "direction": "export", "hs_code": "3915100000",
                                     "gross_weight_kg": 18400.0, "net_weight_kg": 18000.0,
                                     "country_of_origin": "KAZ", "country_of_export": "KAZ",
                                     "country_of_destination": "CHN"},
            parties={"shipper": ekoplast, "consignee": "URUMQI GREEN PLASTIC CO LTD"},
            containers=frozenset({MSCU}), value_choices=((4600.0, "USD"),)),
    )))


def taiwan_customs(folder: Path) -> NationalFile:
    """A Taiwan 報單 export (.ods, odfpy: the government's open format): 報單號碼 with slashes
    or as 14 characters, ROC dates, 進出口別, 出口人/進口人 with 統一編號, the 11-digit CCC code
    (8-digit tariff line, 2 statistical digits, a check digit), 淨重(公斤) and a bare 毛重,
    UN/LOCODE ports, containers joined by 、, 不詳 for an unknown party."""
    header = ["報單號碼", "申報日期", "進出口別", "出口人名稱", "出口人統一編號", "進口人名稱",
              "進口人統一編號", "貨品分類號列", "貨名", "淨重(公斤)", "毛重", "生產國別", "起運國",
              "裝貨港", "卸貨港", "貨櫃號碼"]
    rows = [
        ["AA/12/345/67890", "112/05/12", "進口", "GREEN EARTH RECYCLING INC.", None,
         "台灣環保塑膠股份有限公司", "12345675", "39159090005", "PET塑膠廢料", 21540, 21800,
         "US", "US", "USLAX", "TWKHH", OOLU],
        ["AA/12/345/67891", "112/05/15", "出口", "永續金屬回收有限公司", "04595257",
         "MALAYSIA METAL SDN BHD", None, "74040000006", "銅廢料及碎屑", 18250.5, 18400, "TW",
         "TW", "TWKHH", "MYPKG", f"{HLXU}、{EGHU}"],
        ["KAAE1263500456", "112/05/20", "進口", "不詳", None, "台灣環保塑膠股份有限公司",
         "12345675", "85491100002", "廢電池", 9800, 10150, "JP", "JP", "JPYOK", "TWKEL",
         CAIU],
    ]
    path = write_ods(folder / "taiwan_declarations.ods", {"報單": [header, *rows]})
    tw_plastic = "台灣環保塑膠股份有限公司"
    return NationalFile("taiwan_customs", path, Expected("declaration_no", (
        Row("AA/12/345/67890", {"declaration_date": dt.date(2023, 5, 12), "direction": "import",
                                "hs_code": "39159090005", "gross_weight_kg": 21800.0,
                                "net_weight_kg": 21540.0, "country_of_origin": "USA",
                                "country_of_export": "USA", "port_of_loading": "USLAX",
                                "port_of_discharge": "TWKHH"},
            parties={"shipper": "GREEN EARTH RECYCLING INC.", "consignee": tw_plastic},
            tax_ids={"consignee": "12345675"}, containers=frozenset({OOLU})),
        Row("AA/12/345/67891", {"declaration_date": dt.date(2023, 5, 15), "direction": "export",
                                "hs_code": "74040000006", "gross_weight_kg": 18400.0,
                                "net_weight_kg": 18250.5, "country_of_origin": "TWN",
                                "country_of_export": "TWN", "port_of_loading": "TWKHH",
                                "port_of_discharge": "MYPKG"},
            parties={"shipper": "永續金屬回收有限公司", "consignee": "MALAYSIA METAL SDN BHD"},
            tax_ids={"shipper": "04595257"}, containers=frozenset({HLXU, EGHU})),
        Row("KAAE1263500456", {"declaration_date": dt.date(2023, 5, 20), "direction": "import",
                               "hs_code": "85491100002", "gross_weight_kg": 10150.0,
                               "net_weight_kg": 9800.0, "country_of_origin": "JPN",
                               "port_of_loading": "JPYOK", "port_of_discharge": "TWKEL"},
            parties={"consignee": tw_plastic}, tax_ids={"consignee": "12345675"},
            containers=frozenset({CAIU})),
    ), never_stored=("不詳", "NULL", "TOTAL")))


DECLARATION_SHAPES = (sad_asycuda, us_bill_of_lading, dua_peru, gtd_russia, dt_kazakhstan,
                      taiwan_customs)
