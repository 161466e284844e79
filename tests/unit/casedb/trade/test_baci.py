"""The real 2018 route shift, reproduced from BACI HS 3915 (CEPII) data."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from casedb.trade import import_trade, load_bundled_baci, trade_shares

SHARED = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "trade"
G7 = ("CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA")


def test_china_malaysia_turkey_shares(db):
    first = load_bundled_baci(db)
    assert (first.imported, first.refused) == (32_940, 0)
    assert load_bundled_baci(db).imported == 0  # idempotent
    table = trade_shares(db, hs="3915", by="importer")
    pct = {c: [round(table.share(c, y) * 100, 1) for y in ("2016", "2018", "2019")]
           for c in ("CHN", "MYS", "TUR")}
    assert pct["CHN"] == [56.3, 8.0, 5.4]
    assert pct["MYS"][0] == 2.3 and pct["MYS"][2] == 15.5
    assert pct["TUR"][0] == 1.1 and pct["TUR"][2] == 9.7
    i2019 = table.periods.index("2019")
    top = max(table.series, key=lambda s: s.shares[i2019] if s.route != "EU" else 0)
    assert top.route == "MYS"
    china = [s for s in table.shifts if s.route == "CHN"]
    assert any(s.change_point == "2018" and s.after_share < 0.1 < s.before_share for s in china)
    labels = {s.route: s.label for s in trade_shares(db, hs="3915", by="pair", lang="zh-TW").series}
    assert labels["GBR>MYS"] == "英國 → 馬來西亞"  # for a Chinese workstation or dossier
    assert {s.route: s.label for s in table.series}["MYS"] == "Malaysia"


def test_grid_arendal_destinations_of_g7_plastic_waste_2018(db):
    report = import_trade(db, SHARED / "baci_3915_markovmfa" / "BACI_HS92_Y2018_V202001_hs3915.csv")
    assert report.layout == "BACI" and report.imported == 5322
    table = trade_shares(db, hs="3915", by="pair", dataset=report.dataset)
    i = table.periods.index("2018")
    g7_to = {}
    for s in table.series:
        exporter, importer = s.route.split(">")
        if exporter in G7:
            g7_to[importer] = g7_to.get(importer, 0.0) + s.tonnes[i]
    ref = pl.read_csv(SHARED / "published_figures" / "grida2019_top15_importers_of_G7_plastic_waste_2018.csv")
    within = [abs(g7_to.get(r["iso3"], 0) / r["g7_plastic_scrap_imports_2018_tonnes"] - 1) <= 0.10
              for r in ref.iter_rows(named=True)]
    assert sum(within) >= 14, within


def test_comtrade_layout_with_partner_names_and_mirror(db, tmp_path):
    path = tmp_path / "comtrade.csv"
    path.write_text(
        "refYear,reporterISO,partnerDesc,flowCode,cmdCode,netWgt,primaryValue\n"
        '2019,MYS,"Other Asia, nes",M,391590,5000000,100\n'
        + "2019,TWN,Malaysia,X,391590,1000000,50\n"
        + "2019,MYS,Japan,M,391590,2000000,50\n"
        + "2019,JPN,Malaysia,X,391590,2100000,50\n", "utf-8")
    report = import_trade(db, path)
    assert (report.layout, report.imported) == ("Comtrade", 4)
    gaps = mirror_discrepancies_for(db)
    assert [(g.exporter, g.importer) for g in gaps] == [("TWN", "MYS")]
    assert gaps[0].ratio == pytest.approx(5.0)


def mirror_discrepancies_for(db):
    from casedb.trade import mirror_discrepancies

    return mirror_discrepancies(db, hs="3915", ratio=1.5)


def test_baci_raw_with_numeric_country_codes_and_missing_quantities(db, tmp_path):
    """BACI as CEPII distributes it: t,i,j,k,v,q with Comtrade's numbers (842 the United
    States, 251 France, 490 Taiwan), k read as a number, q "NA" where not known."""
    path = tmp_path / "BACI_HS92_Y2019_V202301.csv"
    path.write_text("t,i,j,k,v,q\n"
                    "2019,842,458,391510,1000.5,   2000.0\n"
                    "2019,251,458,391590,500,1000\n"
                    "2019,490,458,391590,700,NA\n"
                    "2019,842,156,391590,100,300\n", "utf-8")
    report = import_trade(db, path)
    assert (report.layout, report.imported, report.refused) == ("BACI", 4, 0)
    table = trade_shares(db, by="exporter", dataset=report.dataset)
    assert table.share("USA", "2019") == pytest.approx(2300 / 3300)
    assert table.share("FRA", "2019") == pytest.approx(1000 / 3300)
    assert table.notes == ("1 flow(s) with a value but no net mass count as 0 t",)
    pair = {s.route for s in trade_shares(db, by="pair", dataset=report.dataset).series}
    assert "TWN>MYS" in pair and "USA>CHN" in pair
