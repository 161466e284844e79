"""The other shapes the same offices give: Eurostat's SDMX-CSV (one row per indicator, quantity in
100 kg), the Census Bureau's API (a JSON list of rows, weights by vessel and air, country groups),
Taiwan's portal with the unit of weight in its own column."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from casedb.models import TradeFlow
from casedb.trade import import_trade, trade_shares
from tests.unit.casedb.trade import national as nat


def values(db, dataset: str) -> list:
    t = TradeFlow
    with db.engine.connect() as conn:
        return conn.execute(select(t.importer, t.net_weight_kg, t.value, t.currency)
                            .where(t.dataset == dataset)).all()


def test_eurostat_sdmx_csv_one_row_per_indicator(db, tmp_path):
    header = ["DATAFLOW", "LAST UPDATE", "freq", "reporter", "partner", "product", "flow",
              "indicators", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"]
    flows = [("NL", "TR", 61_000, 2_500_000), ("NL", "MY", 8_000, 400_000),
             ("NL", "VN", 11_000, 300_000)]
    rows = []
    for rep, par, q100, eur in flows:
        for ind, v in (("QUANTITY_IN_100KG", q100), ("VALUE_IN_EUROS", eur)):
            rows.append(["ESTAT:DS-045409(1.0)", "15/02/24 23:00:00", "M", rep, par,
                         "39151000", "2", ind, "2019-03", v, ""])
    report = import_trade(db, nat.write_csv(tmp_path / "ds-045409.csv", [header, *rows]))
    assert (report.layout, report.imported, report.refused) == ("Eurostat Comext", 3, 0)
    got = {r.importer: (r.net_weight_kg, r.value, r.currency) for r in values(db, report.dataset)}
    assert got["TUR"] == (6_100_000, 2_500_000, "EUR")  # 100 kg units multiplied out
    table = trade_shares(db, by="partner", reporter="NLD", flow="export", period="month")
    total = sum(q for _, _, q, _ in flows)
    assert table.share("MYS", "2019-03") == pytest.approx(8_000 / total)


def test_census_api_json_rows_with_vessel_and_air_weights_and_groups(db, tmp_path):
    data = [["CTY_CODE", "CTY_NAME", "E_COMMODITY", "ALL_VAL_MO", "VES_WGT_MO", "AIR_WGT_MO",
             "time"],
            ["5570", "MALAYSIA", "391590", "900000", "4000000", "1000", "2019-05"],
            ["5520", "VIETNAM", "391590", "600000", "2500000", "0", "2019-05"],
            ["5800", "KOREA, SOUTH", "391590", "100000", "700000", "500", "2019-05"],
            ["0014", "PACIFIC RIM COUNTRIES", "391590", "1600000", "7200000", "1500",
             "2019-05"],
            ["5XXX", "ASIA", "391590", "1600000", "7200000", "1500", "2019-05"],
            ["-", "TOTAL FOR ALL COUNTRIES", "391590", "1700000", "7300000", "1500",
             "2019-05"]]
    path = tmp_path / "census.json"
    path.write_text(json.dumps(data), "utf-8")
    report = import_trade(db, path)
    assert (report.layout, report.imported, report.refused) == (
        "US Census (USA Trade Online)", 4, 0)
    assert any("country groups" in k for k in report.skipped)
    assert any("vessel plus air" in w for w in report.warnings)
    table = trade_shares(db, by="partner", reporter="USA", period="month")
    kg = {"MYS": 4_001_000, "VNM": 2_500_000, "KOR": 700_500}
    for iso, w in kg.items():
        assert table.share(iso, "2019-05") == pytest.approx(w / sum(kg.values()))
    world = trade_shares(db, by="exporter", period="month")  # the total row, not the sum
    assert [s.route for s in world.series] == ["USA"]
    assert world.series[0].tonnes == (pytest.approx(7_301.5),)


def test_taiwan_weight_unit_column_and_us_dollar_header(db, tmp_path):
    header = ["年月", "貨品號列", "國家", "進出口別", "重量", "重量單位", "美元(千元)"]
    rows = [["2019年3月", "39159000009", "馬來西亞", "出口", "1,200", "公噸", "300"],
            ["2019年3月", "39159000009", "越南", "出口", "800000", "公斤", "150"]]
    report = import_trade(db, nat.write_csv(tmp_path / "tw.csv", [header, *rows],
                                            encoding="cp950"))
    assert (report.layout, report.imported) == ("Taiwan customs", 2)
    got = {r.importer: (r.net_weight_kg, r.value, r.currency) for r in values(db, report.dataset)}
    assert got == {"MYS": (1_200_000, 300_000, "USD"), "VNM": (800_000, 150_000, "USD")}


def test_the_european_union_beside_its_members_is_not_a_partner(db, tmp_path):
    rows = [nat.CENSUS_HEADER,
            ["391590", "Germany", "2019", "10", "1000"],
            ["391590", "Netherlands", "2019", "10", "3000"],
            ["391590", "European Union", "2019", "20", "4000"],
            ["391590", "India", "2019", "10", "4000"]]
    report = import_trade(db, nat.write_csv(tmp_path / "usa.csv", rows))
    assert report.imported == 3
    table = trade_shares(db, by="partner", reporter="USA")
    assert table.share("IND", "2019") == pytest.approx(0.5)


def test_hmrc_api_odata_json_with_expanded_lookups(db, tmp_path):
    def record(month, flow_id, flow, alpha, name, kg):
        return {"MonthId": month, "FlowTypeId": flow_id, "SuppressionIndex": 0,
                "CommodityId": 39151000, "CountryId": 0, "PortId": 0, "Value": kg // 5,
                "NetMass": kg, "SuppUnit": 0,
                "Country": {"CountryId": 0, "CountryName": name, "CountryCodeAlpha": alpha},
                "FlowType": {"FlowTypeId": flow_id, "FlowTypeDescription": flow},
                "Commodity": {"CommodityId": 39151000, "Cn8Code": "39151000"}}
    data = {"@odata.context": "https://api.uktradeinfo.com/$metadata#OTS",
            "value": [record(202001, 4, "Non-EU Exports", "TR", "Turkey", 6_000_000),
                      record(202001, 4, "Non-EU Exports", "MY", "Malaysia", 2_000_000),
                      record(202001, 2, "EU Exports", "PL", "Poland", 2_000_000),
                      record(202001, 1, "EU Imports", "NL", "Netherlands", 900_000)]}
    path = tmp_path / "ots.json"
    path.write_text(json.dumps(data), "utf-8")
    report = import_trade(db, path)
    assert (report.layout, report.imported, report.refused) == ("UK HMRC OTS", 4, 0)
    table = trade_shares(db, by="partner", reporter="GBR", flow="export", period="month")
    assert table.share("TUR", "2020-01") == pytest.approx(0.6)
    assert {r.currency for r in values(db, report.dataset)} == {"GBP"}


def test_taiwan_portal_download_with_both_currencies_and_weights(db, tmp_path):
    """The portal's CSV (進出口別 | 日期 | 貨品號列 | 中文貨名 | 英文貨名 | 國家 | 美元(千元) |
    新臺幣(千元) | 重量(公噸) | 重量(公斤)): the kilograms, not the rounded tonnes; one currency."""
    header = ["進出口別", "日期", "貨品號列", "中文貨名", "英文貨名", "國家", "美元(千元)",
              "新臺幣(千元)", "重量(公噸)", "重量(公斤)"]
    rows = [["出口總值(含復出口)", "113年05月", "39159000009", "其他塑膠之廢料", "Waste", "馬來西亞",
             "120", "3,900", "2,001", "2,000,600"],
            ["出口總值(含復出口)", "113年05月", "39159000009", "其他塑膠之廢料", "Waste", "越南",
             "80", "2,600", "1,000", "999,700"],
            ["復出口", "113年05月", "39159000009", "其他塑膠之廢料", "Waste", "越南",
             "8", "260", "100", "99,000"],
            ["出口總值(含復出口)", "113年05月", "39159000009", "其他塑膠之廢料", "Waste", "合計",
             "200", "6,500", "3,001", "3,000,300"]]
    report = import_trade(db, nat.write_csv(tmp_path / "GA30.csv", [header, *rows],
                                            encoding="cp950"))
    assert (report.layout, report.imported, report.refused) == ("Taiwan customs", 3, 0)
    got = {r.importer: (r.net_weight_kg, r.value, r.currency) for r in values(db, report.dataset)}
    assert got["MYS"] == (2_000_600, 120_000, "USD")
    table = trade_shares(db, by="partner", reporter="TWN", period="month")
    assert table.share("MYS", "2024-05") == pytest.approx(2_000_600 / 3_000_300)


def test_usa_trade_online_with_weights_by_mode_and_several_values(db, tmp_path):
    header = ["Commodity", "Country", "Time", "Vessel Value ($US)", "Total Exports Value ($US)",
              "Vessel SWT (kg)", "Containerized Vessel SWT (kg)", "Air SWT (kg)"]
    rows = [["391590 Plastics Waste", "Malaysia", "2019", "900", "1,000", "9,000", "8,000",
             "1,000"],
            ["391590 Plastics Waste", "Canada", "2019", "0", "5,000", "0", "0", "30,000"]]
    report = import_trade(db, nat.write_csv(tmp_path / "uto.csv", [header, *rows]))
    assert report.imported == 2 and any("vessel plus air" in w for w in report.warnings)
    got = {r.importer: (r.net_weight_kg, r.value) for r in values(db, report.dataset)}
    assert got == {"MYS": (10_000, 1_000), "CAN": (30_000, 5_000)}  # totals, not by vessel


def test_a_workbook_with_a_title_row_and_codes_as_numbers(db, tmp_path):
    from tests.writers import write_xlsx

    rows = [["UK overseas trade: plastic waste, 2020"], [], nat.HMRC_HEADER]
    rows += [[int(cn8), 39, 3915, int(cn8[:6]), "Waste", 2020, flow, country, value, mass, None]
             for cn8, flow, country, _, value, mass in nat.HMRC_ROWS]
    report = import_trade(db, write_xlsx(tmp_path / "ots.xlsx", {"OTS": rows}))
    assert (report.layout, report.imported, report.refused) == ("UK HMRC OTS", 11, 0)
    assert report.refused_rows == [] and {r.currency for r in values(db, report.dataset)} == {
        "GBP"}
    table = trade_shares(db, by="partner", reporter="GBR", flow="export")
    exports = [r for r in nat.HMRC_ROWS if r[1].endswith("Exports")]
    for iso, share in nat.shares(exports, lambda r: r[3], lambda r: r[5]).items():
        assert table.share(iso, "2020") == pytest.approx(share)
