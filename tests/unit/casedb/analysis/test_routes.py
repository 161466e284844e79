"""Route shares and shifts on planted declarations: UK plastic scrap moves from China to Malaysia
and Turkey after 1 January 2018, some of it through a transit port."""

from __future__ import annotations

import datetime as dt

import pytest

from casedb.analysis.detour import detour_ratio, transit_indicators
from casedb.analysis.route_lines import route_map
from casedb.analysis.routes import route_shares
from casedb.analysis.shares import around_event, risers_fallers, with_shifts
from tests import factories as f

BAN = dt.date(2018, 1, 1)


@pytest.fixture
def shifted(db):
    with db.begin() as s:
        uk = f.party(s, "Northern Polymer Ltd", "GBR")
        cn, my, tr = (f.party(s, n, c) for n, c in (("Ningbo Recycling", "CHN"),
                                                   ("Klang Plastics", "MYS"), ("Mersin Geri", "TUR")))
        for month in range(1, 13):
            for year in (2016, 2017):
                f.declaration(s, parties={"shipper": uk, "consignee": cn}, hs_code="391590",
                              declaration_date=dt.date(year, month, 5), gross_weight_kg=20_000,
                              country_of_export="GBR", country_of_destination="CHN",
                              port_of_loading="GBFXT", port_of_discharge="CNNGB")
                f.declaration(s, parties={"shipper": uk, "consignee": my}, hs_code="391590",
                              declaration_date=dt.date(year, month, 9), gross_weight_kg=2_000,
                              country_of_export="GBR", country_of_destination="MYS",
                              port_of_loading="GBFXT", port_of_discharge="MYPKG")
            for year in (2018, 2019):
                f.declaration(s, parties={"shipper": uk, "consignee": my}, hs_code="391510",
                              declaration_date=dt.date(year, month, 5), gross_weight_kg=15_000,
                              country_of_export="GBR", country_of_destination="MYS",
                              port_of_loading="GBFXT", port_of_transshipment="SGSIN",
                              port_of_discharge="MYPKG")
                f.declaration(s, parties={"shipper": uk, "consignee": tr}, hs_code="391590",
                              declaration_date=dt.date(year, month, 9), gross_weight_kg=7_000,
                              country_of_export="GBR", country_of_destination="TUR",
                              port_of_loading="GBFXT", port_of_discharge="TRMER")
                f.declaration(s, parties={"shipper": uk, "consignee": cn}, hs_code="720449",
                              declaration_date=dt.date(year, month, 9), gross_weight_kg=9_000,
                              country_of_export="GBR", country_of_destination="CHN",
                              port_of_loading="GBFXT", port_of_discharge="CNNGB")
    return db


def test_shares_by_destination_country_and_change_points(shifted):
    t = route_shares(shifted, hs_prefix="3915", by="dest-country", period="year")
    assert t.periods == ("2016", "2017", "2018", "2019")
    assert t.share("CHN", "2017") == pytest.approx(20 / 22)
    assert t.share("CHN", "2018") == 0.0
    assert t.share("MYS", "2019") == pytest.approx(15 / 22)
    assert all(abs(sum(s.shares[i] for s in t.series) - 1) < 1e-9 for i in range(4))
    cn = [s for s in t.shifts if s.route == "CHN"]
    assert cn and cn[0].change_point == "2018" and cn[0].after_share == 0.0
    j = t.to_json()
    assert set(j) == {"periods", "series", "shifts"}
    assert j["series"][0].keys() == {"route", "label", "shares", "tonnes"}


def test_full_route_keys_by_quarter_and_count(shifted):
    t = route_shares(shifted, hs_prefix="3915", by="route", period="quarter", measure="count")
    keys = {s.route for s in t.series}
    assert {"GBR>CNNGB", "GBR>SGSIN>MYPKG", "GBR>TRMER", "GBR>MYPKG"} <= keys
    assert "2018-Q1" in t.periods
    labels = {s.route: s.label for s in t.series}
    assert labels["GBR>SGSIN>MYPKG"].startswith("United Kingdom → Singapore")
    zh = route_shares(shifted, hs_prefix="3915", by="route", period="year", lang="zh-TW")
    # countries and the ports the alias table knows read in Chinese
    assert {s.route: s.label for s in zh.series}["GBR>SGSIN>MYPKG"] == "英國 → 新加坡 → 巴生港"
    assert zh.lang == "zh-TW" and with_shifts(zh).lang == "zh-TW"
    ports = {p.locode: p.name for p in route_map(zh).ports}
    assert ports["MYPKG"] == "巴生港" and ports["CNNGB"] == "寧波"
    assert {p.locode: p.name for p in route_map(t).ports}["MYPKG"] == "Port Kelang"
    assert t.share("GBR>CNNGB", "2016-Q1") == pytest.approx(0.5)  # by count


def test_risers_fallers_around_the_event(shifted):
    t = route_shares(shifted, hs_prefix="3915", by="dest-country", period="month")
    before, after = around_event(t, BAN, "month")
    risers, fallers = risers_fallers(t, before, after)
    assert risers[0].route == "MYS" and fallers[0].route == "CHN"
    ev = route_shares(shifted, hs_prefix="3915", by="dest-country", period="month", event=BAN)
    assert {s.route for s in ev.shifts} >= {"CHN", "MYS", "TUR"}
    assert all(s.change_point == "2018-01" for s in ev.shifts)


def test_transit_ports_and_detour_ratio(shifted):
    (sg,) = transit_indicators(shifted, hs_prefix="3915", event=BAN)
    assert sg.transit == "SGSIN" and sg.new_after_event and sg.declarations == 24
    assert sg.median_detour == pytest.approx(1.0, abs=0.15)
    assert detour_ratio("GBFXT", "USLAX", "MYPKG") > 1.5  # a port-hop the wrong way round


def test_event_shifts_list_each_route_once(shifted):
    for period in ("year", "month"):
        ev = route_shares(shifted, hs_prefix="3915", by="dest-country", period=period, event=BAN)
        routes = [s.route for s in ev.shifts]
        assert sorted(routes) == ["CHN", "MYS", "TUR"]
        up = {s.route for s in ev.shifts if s.after_share > s.before_share}
        assert up == {"MYS", "TUR"}
