"""Trade-statistics files written as national offices publish them (columns from their published
descriptions), and shares computed from the rows by plain sums, independently of casedb."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from tests.writers import write_csv

HMRC_HEADER = ["Cn8", "Hs2", "Hs4", "Hs6", "Description", "Year", "FlowType", "Country",
               "Value", "NetMass", "SuppUnit"]
# (cn8, flow type, country as HMRC names it, ISO, value in GBP, net mass in kg)
HMRC_ROWS = [
    ("39151000", "Non-EU Exports", "Turkey", "TUR", 4_100_000, 21_000_000),
    ("39159070", "Non-EU Exports", "Turkey", "TUR", 1_900_000, 9_500_000),
    ("39151000", "Non-EU Exports", "Malaysia", "MYS", 2_300_000, 11_200_000),
    ("39152000", "EU Exports", "Poland", "POL", 900_000, 6_300_000),
    ("39159070", "Non-EU Exports", "Abu Dhabi", "ARE", 50_000, 400_000),
    ("39159070", "Non-EU Exports", "Dubai", "ARE", 70_000, 350_000),
    ("39151000", "Non-EU Exports", "Trinidad:Tobago", "TTO", 1_000, 20_000),
    ("39159070", "Non-EU Exports", "Serbia-Monteneg.", "SCG", 2_000, 30_000),
    ("39151000", "Non-EU Exports", "Congo (Dem. Rep)", "COD", 3_000, 40_000),
    ("39159070", "Non-EU Exports", "Stores and Provisions", "Stores and Provisions", 500,
     1_000),
    ("39151000", "EU Imports", "Netherlands", "NLD", 700_000, 5_000_000),
]


def hmrc_yearly(path: Path, year: int = 2020) -> Path:
    rows = [HMRC_HEADER] + [[cn8, cn8[:2], cn8[:4], cn8[:6], "Waste, parings and scrap",
                             year, flow, country, value, mass, ""]
                            for cn8, flow, country, _, value, mass in HMRC_ROWS]
    return write_csv(path, rows)


def hmrc_monthly(path: Path, months: range) -> Path:
    """HMRC's monthly layout (MonthId as YYYYMM), the same rows each month."""
    header = ["MonthId", "FlowTypeDescription", "Cn8", "Country", "Value", "NetMass", "SuppUnit"]
    rows = [[f"2021{m:02d}", flow, cn8, country, value, mass + m, ""]
            for m in months for cn8, flow, country, _, value, mass in HMRC_ROWS]
    return write_csv(path, [header, *rows])


def shares(rows, key, weight) -> dict:
    """Plain sums: {key: weight / total}."""
    sums = defaultdict(float)
    for r in rows:
        sums[key(r)] += weight(r)
    total = sum(sums.values())
    return {k: v / total for k, v in sums.items()}


COMEXT_HEADER = ["DECLARANT", "DECLARANT_ISO", "PARTNER", "PARTNER_ISO", "TRADE_TYPE",
                 "PRODUCT_NC", "FLOW", "STAT_REGIME", "PERIOD", "VALUE_IN_EUROS",
                 "QUANTITY_IN_KG", "SUP_QUANTITY", "SUPP_UNIT"]
# (declarant, iso, partner code, partner iso, cn8, flow, period, euros, kg)
COMEXT_ROWS = [
    ("004", "DE", "052", "TR", "39151000", "2", "201852", 3_000_000, 40_000_000),
    ("004", "DE", "052", "TR", "39151000", "2", "201852", 500_000, 2_000_000),  # regime 2
    ("004", "DE", "701", "MY", "39159080", "2", "201852", 1_200_000, 15_000_000),
    ("004", "DE", "740", "HK", "39152000", "2", "201852", 800_000, 9_000_000),
    ("004", "DE", "003", "NL", "39151000", "2", "201852", 2_000_000, 30_000_000),
    ("004", "DE", "009", "EL", "39159080", "2", "201852", 100_000, 1_000_000),
    ("004", "DE", "052", "TR", "39151000", "2", "201801", 250_000, 3_000_000),  # a month
    ("004", "DE", "720", "CN", "39151000", "1", "201852", 10_000, 100_000),
]


def comext(path: Path) -> Path:
    rows = [[d, di, p, pi, "E", cn8, flow, "1", period, eur, kg, "", ""]
            for d, di, p, pi, cn8, flow, period, eur, kg in COMEXT_ROWS]
    return write_csv(path, [COMEXT_HEADER, *rows])


CENSUS_HEADER = ["Commodity", "Country", "Time", "Total Exports Value ($US)",
                 "Total Exports SWT Weight (kg)"]
# (country as the Census Bureau names it, ISO, time, US dollars, shipping weight in kg)
CENSUS_ROWS = [
    ("Malaysia", "MYS", "January 2019", 2_000_000, 9_000_000),
    ("Vietnam", "VNM", "January 2019", 1_500_000, 7_000_000),
    ("Korea, South", "KOR", "January 2019", 300_000, 1_200_000),
    ("Hong Kong", "HKG", "January 2019", 800_000, 4_000_000),
    ("Malaysia", "MYS", "February 2019", 1_800_000, 8_100_000),
    ("Burma", "MMR", "February 2019", 100_000, 600_000),
]


def census(path: Path) -> Path:
    rows = [["U.S. Census Bureau, USA Trade Online"], ["Exports: HS 6-digit by country"], [],
            CENSUS_HEADER]
    rows += [["391590 Plastics Waste, Parings And Scrap, Nesoi", c, t, f"{v:,}", f"{w:,}"]
             for c, _, t, v, w in CENSUS_ROWS]
    rows += [[], ["Source: U.S. Census Bureau, Foreign Trade Division"]]
    return write_csv(path, rows)


TAIWAN_HEADER = ["日期", "貨品號列", "中文貨名", "國家", "進出口別", "數量", "數量單位",
                 "重量(公斤)", "價值(新臺幣千元)"]
# (ROC month, CCC code, country, ISO, flow, kg, thousand TWD)
TAIWAN_ROWS = [
    ("107年1月", "39151000006", "馬來西亞", "MYS", "出口", 1_200_000, 9_800),
    ("107年1月", "39159000009", "越南", "VNM", "出口", 800_000, 6_000),
    ("107年1月", "39151000006", "香港", "HKG", "出口", 300_000, 2_500),
    ("107年2月", "39151000006", "馬來西亞", "MYS", "出口", 1_000_000, 8_000),
    ("107年2月", "39159000009", "印尼", "IDN", "出口", 400_000, 3_000),
    ("107年1月", "39151000006", "日本", "JPN", "進口", 50_000, 700),
]


def taiwan(path: Path, currency_header: str = "價值(新臺幣千元)") -> Path:
    header = [*TAIWAN_HEADER[:-1], currency_header]
    rows = [[d, c, "聚乙烯之廢料", country, flow, "", "", f"{kg:,}", f"{v:,}"]
            for d, c, country, _, flow, kg, v in TAIWAN_ROWS]
    return write_csv(path, [header, *rows], encoding="cp950")


def comtrade_api(path: Path, records: list[dict]) -> Path:
    """The JSON of UN Comtrade's current API (comtradeapicall's getFinalData)."""
    base = {"typeCode": "C", "freqCode": "A", "classificationCode": "H5", "partner2Code": 0,
            "customsCode": "C00", "mosCode": "0", "motCode": 0, "qtyUnitCode": 8,
            "qtyUnitAbbr": "kg", "isReported": True}
    data = [base | r for r in records]
    path.write_text(json.dumps({"elapsedTime": "0.1 secs", "count": len(data), "data": data,
                                "error": ""}), "utf-8")
    return path


def api_record(reporter: str, partner: str, flow: str, kg: float, *, year: int = 2019,
               mot: int = 0, cmd: str = "391590") -> dict:
    return {"refYear": year, "refMonth": 52, "period": str(year), "reporterISO": reporter,
            "partnerISO": partner, "partnerCode": 0 if partner == "W00" else 1,
            "flowCode": flow, "cmdCode": cmd, "netWgt": kg, "primaryValue": kg * 0.3,
            "motCode": mot}
