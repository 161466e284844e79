"""Each layout national offices publish, recognised by its columns: shares as an independent
plain-Python sum over the rows written gives them, values in their own currency, codes at their
national length, partners by the names the offices use."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from casedb.models import TradeFlow
from casedb.trade import import_trade, trade_shares
from tests.unit.casedb.trade import national as nat

SHARED = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "trade"


def stored(db, dataset: str) -> list:
    t = TradeFlow
    with db.engine.connect() as conn:
        return conn.execute(select(t.exporter, t.importer, t.flow, t.year, t.month, t.hs_code,
                                   t.hs6, t.net_weight_kg, t.value, t.currency, t.partial)
                            .where(t.dataset == dataset)).all()


def assert_shares(table, expected: dict, period: str) -> None:
    got = {s.route: table.share(s.route, period) for s in table.series}
    got = {route: share for route, share in got.items() if share}
    assert set(got) == set(expected)
    for route, share in expected.items():
        assert got[route] == pytest.approx(share, abs=1e-9), route


def test_uk_hmrc_yearly_exports_by_partner(db, tmp_path):
    report = import_trade(db, nat.hmrc_yearly(tmp_path / "ots_3915_2020.csv"))
    assert (report.layout, report.imported, report.refused) == ("UK HMRC OTS", 11, 0)
    assert any("Stores and Provisions" in w for w in report.warnings)
    table = trade_shares(db, hs="3915", by="partner", reporter="United Kingdom", flow="export")
    exports = [r for r in nat.HMRC_ROWS if r[1].endswith("Exports")]
    assert_shares(table, nat.shares(exports, lambda r: r[3], lambda r: r[5] / 1000), "2020")
    rows = stored(db, report.dataset)
    assert {r.currency for r in rows} == {"GBP"}  # pounds, never labelled dollars
    assert sorted(r.value for r in rows) == sorted(r[4] for r in nat.HMRC_ROWS)
    assert {(r.hs_code, r.hs6) for r in rows} >= {("39151000", "391510"),
                                                  ("39159070", "391590")}
    imports = trade_shares(db, by="partner", reporter="GBR", flow="import")
    assert [s.route for s in imports.series] == ["NLD"]


def test_uk_hmrc_monthly_partial_year_is_flagged(db, tmp_path):
    report = import_trade(db, nat.hmrc_monthly(tmp_path / "ots_2021_h1.csv", range(1, 7)))
    assert report.imported == 66
    table = trade_shares(db, by="partner", reporter="GBR", flow="export")
    assert table.periods == ("2021",) and table.partial_periods == {"2021": [1, 2, 3, 4, 5, 6]}
    assert table.to_json()["partial_periods"] == {"2021": [1, 2, 3, 4, 5, 6]}
    monthly = trade_shares(db, by="partner", reporter="GBR", flow="export", period="month")
    assert monthly.periods[0] == "2021-01" and len(monthly.periods) == 6
    march = [r for r in nat.HMRC_ROWS if r[1].endswith("Exports")]
    assert_shares(monthly, nat.shares(march, lambda r: r[3], lambda r: r[5] + 3), "2021-03")


def test_eurostat_comext_annual_period_preferred_to_its_months(db, tmp_path):
    report = import_trade(db, nat.comext(tmp_path / "full201852.dat"))
    assert (report.layout, report.refused) == ("Eurostat Comext", 0)
    table = trade_shares(db, by="partner", reporter="DE", flow="export")
    annual = [r for r in nat.COMEXT_ROWS if r[5] == "2" and r[6] == "201852"]
    iso3 = {"TR": "TUR", "MY": "MYS", "HK": "HKG", "NL": "NLD", "EL": "GRC"}
    assert_shares(table, nat.shares(annual, lambda r: iso3[r[3]], lambda r: r[8]), "2018")
    assert {r.currency for r in stored(db, report.dataset)} == {"EUR"}
    assert {r.hs_code for r in stored(db, report.dataset)} >= {"39151000", "39159080"}


def test_us_census_usa_trade_online_with_banner_and_footnote(db, tmp_path):
    report = import_trade(db, nat.census(tmp_path / "usatradeonline.csv"))
    assert (report.layout, report.imported, report.refused) == (
        "US Census (USA Trade Online)", 6, 0)
    table = trade_shares(db, by="partner", reporter="USA", period="month")
    jan = [r for r in nat.CENSUS_ROWS if r[2] == "January 2019"]
    assert_shares(table, nat.shares(jan, lambda r: r[1], lambda r: r[4]), "2019-01")
    rows = stored(db, report.dataset)
    assert {r.currency for r in rows} == {"USD"} and {r.flow for r in rows} == {"export"}
    assert max(r.value for r in rows) == 2_000_000  # "2,000,000" read with its commas
    assert trade_shares(db, by="partner", reporter="USA").partial_periods == {"2019": [1, 2]}


@pytest.mark.parametrize(("header", "currency"), [("價值(新臺幣千元)", "TWD"),
                                                  ("價值(美元千元)", "USD")])
def test_taiwan_customs_big5_roc_dates_thousands(db, tmp_path, header, currency):
    report = import_trade(db, nat.taiwan(tmp_path / "貿易統計.csv", header))
    assert (report.layout, report.imported, report.refused) == ("Taiwan customs", 6, 0)
    table = trade_shares(db, by="partner", reporter="臺灣", flow="export")
    exports = [r for r in nat.TAIWAN_ROWS if r[4] == "出口"]
    assert_shares(table, nat.shares(exports, lambda r: r[3], lambda r: r[5]), "2018")
    rows = stored(db, report.dataset)
    assert {r.currency for r in rows} == {currency}
    assert sorted(r.value for r in rows) == sorted(r[6] * 1000 for r in nat.TAIWAN_ROWS)
    assert {r.hs_code for r in rows} == {"39151000006", "39159000009"}  # CCC at 11 digits
    assert {r.hs6 for r in rows} == {"391510", "391590"}


def test_comtrade_api_json_world_totals_breakdowns_and_reexports(db, tmp_path):
    records = [nat.api_record("MYS", "W00", "M", 870_000_000),
               nat.api_record("MYS", "GBR", "M", 100_000_000),
               nat.api_record("MYS", "USA", "M", 150_000_000),
               nat.api_record("MYS", "USA", "M", 149_000_000, mot=2100),  # by sea: in the 0
               nat.api_record("TUR", "W00", "M", 600_000_000),
               nat.api_record("IDN", "W00", "M", 300_000_000),
               nat.api_record("MYS", "W00", "RX", 5_000_000)]
    report = import_trade(db, nat.comtrade_api(tmp_path / "comtrade.json", records))
    assert (report.layout, report.imported) == ("Comtrade", 5)
    assert any("RX" in k for k in report.skipped) and any("motCode" in k for k in report.skipped)
    table = trade_shares(db, by="importer")
    totals = {"MYS": 870e6, "TUR": 600e6, "IDN": 300e6}  # the World rows, not the partners
    assert_shares(table, {k: v / sum(totals.values()) for k, v in totals.items()}, "2019")
    partners = trade_shares(db, by="partner", reporter="Malaysia", flow="import")
    assert_shares(partners, {"GBR": 0.4, "USA": 0.6}, "2019")


def test_comtrade_legacy_bulk_csv_keeps_detail_lines_not_their_aggregate(db, tmp_path):
    header = ["Classification", "Year", "Period", "Period Desc.", "Aggregate Level",
              "Is Leaf Code", "Trade Flow Code", "Trade Flow", "Reporter Code", "Reporter",
              "Reporter ISO", "Partner Code", "Partner", "Partner ISO", "Commodity Code",
              "Commodity", "Qty Unit Code", "Qty Unit", "Qty", "Netweight (kg)",
              "Trade Value (US$)", "Flag"]
    lines = [("4", "0", "3915", "Malaysia", "MYS", 5000), ("6", "1", "391510", "Malaysia",
             "MYS", 3000), ("6", "1", "391590", "Malaysia", "MYS", 2000),
             ("6", "1", "391510", "Areas, nes", "", 700)]
    rows = [["H4", 2017, 2017, 2017, lvl, leaf, 2, "Export", 392, "Japan", "JPN", 458, p, iso,
             cmd, "Waste", 8, "Weight in kilograms", kg, kg, kg * 2, 0]
            for lvl, leaf, cmd, p, iso, kg in lines]
    report = import_trade(db, nat.write_csv(tmp_path / "comtrade_bulk.csv", [header, *rows]))
    assert (report.layout, report.imported) == ("Comtrade", 3)
    assert any("aggregate codes" in k for k in report.skipped)
    assert any("'Areas, nes'" in w for w in report.warnings)  # kept under its name
    table = trade_shares(db, by="partner", reporter="JPN", flow="export")
    assert_shares(table, {"MYS": 5000 / 5700, "Areas, nes": 700 / 5700}, "2017")


def test_owid_reporter_totals_give_china_share_of_world_imports(db):
    path = SHARED / "owid_comtrade_3915" / "plastic_waste_trade_un_comtrade_2022.csv"
    report = import_trade(db, path)
    assert report.layout == "reporter totals" and report.refused == 0
    table = trade_shares(db, by="importer", dataset=report.dataset)
    aggregates = {"World", "Africa", "Asia", "Europe", "North America", "South America",
                  "Oceania", "High-income countries", "Low-income countries",
                  "Lower-middle-income countries", "Upper-middle-income countries"}
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["Year"] == "2016"
                and r["Entity"] not in aggregates and r["plastic_waste_imports"]]
    china = sum(float(r["plastic_waste_imports"]) for r in rows if r["Entity"] == "China")
    world = sum(float(r["plastic_waste_imports"]) for r in rows)
    assert table.share("CHN", "2016") == pytest.approx(china / world, abs=0.003)
    assert round(table.share("CHN", "2016") * 100, 1) == 52.9  # as OWID publishes it


def test_us_census_imports_with_values_only_give_shares_of_value(db, tmp_path):
    header = ["Commodity", "Country", "District", "Time", "Customs  Value (Cons) ($US)"]
    rows = [("3915100000 Waste, Parings And Scrap, Of Polymers Of Ethylene (kg)",
             "Canada", 4_000_000), ("3915900090 Waste, Parings And Scrap, Plastics (kg)",
             "Mexico", 2_500_000), ("3915900090 Waste, Parings And Scrap, Plastics (kg)",
             "Congo (Kinshasa)", 1_000)]
    path = nat.write_csv(tmp_path / "us_imports.csv",
                         [header, *[[c, p, "All Districts", "2024", f"{v:,}"] for c, p, v in rows]])
    report = import_trade(db, path)
    assert (report.layout, report.refused) == ("US Census (USA Trade Online)", 0)
    table = trade_shares(db, by="partner", reporter="USA")
    assert table.measure == "value (USD)" and table.to_json()["measure"] == "value (USD)"
    assert_shares(table, nat.shares(rows, lambda r: {"Canada": "CAN", "Mexico": "MEX"}
                                    .get(r[1], "COD"), lambda r: r[2]), "2024")
    assert {r.hs_code for r in stored(db, report.dataset)} == {"3915100000", "3915900090"}
    assert {r.flow for r in stored(db, report.dataset)} == {"import"}
