"""Routes as lines on the map: sea lanes between the right ports, tonnage carried through, cut
at the antimeridian, and the before/after maps of planted declarations."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from casedb.analysis.route_lines import (
    before_after,
    candidates,
    route_map,
    route_stops,
    split_antimeridian,
)
from casedb.analysis.routes import route_shares
from casedb.analysis.shares import Series, ShareTable
from casedb.normalize import port_info
from tests import factories as f

ROOT = Path(__file__).resolve().parents[4]
BAN = dt.date(2018, 1, 1)


def _table(*rows: tuple[str, tuple[float, ...]], periods=("2017", "2018")) -> ShareTable:
    totals = [sum(t[i] for _, t in rows) for i in range(len(periods))]
    series = tuple(Series(key, key, tuple(t / n if n else 0.0 for t, n in zip(ts, totals,
                                                                          strict=True)), ts)
                   for key, ts in rows)
    return ShareTable(tuple(periods), series)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (x0, y0), (x1, y1) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((y1 - y0) / 2) ** 2 + math.cos(y0) * math.cos(y1) * math.sin((x1 - x0) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _near(point, locode: str, km: float = 60) -> bool:
    p = port_info(locode)
    return _km(point, (p.lon, p.lat)) < km


_RINGS = None


def _land_rings():
    global _RINGS
    if _RINGS is None:
        data = json.loads((ROOT / "resources/basemap/land_110m.json").read_text("utf-8"))
        _RINGS = [(min(x for x, _ in r), max(x for x, _ in r), min(y for _, y in r),
                   max(y for _, y in r), r)
                  for c in data["countries"] for poly in c["polygons"] for r in poly[:1]]
    return _RINGS


def _on_land(x: float, y: float) -> bool:
    for x0, x1, y0, y1, ring in _land_rings():
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            continue
        inside = False
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
                inside = not inside
        if inside:
            return True
    return False


def _land_fraction(segments) -> float:
    """Share of points every ~50 km along the line that fall on Natural Earth land."""
    samples = []
    for seg in segments:
        for a, b in zip(seg, seg[1:], strict=False):
            n = max(1, int(_km(a, b) / 50))
            samples += [(a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n)
                        for i in range(n)]
    return sum(_on_land(*p) for p in samples) / len(samples)


def test_rotterdam_to_port_klang_follows_the_sea_through_suez():
    m = route_map(_table(("NLRTM>MYPKG", (120.0, 80.5))))
    (line,) = m.routes
    assert line.stops == ("NLRTM", "MYPKG")
    assert line.tonnes == pytest.approx(200.5) and line.share == pytest.approx(1.0)
    pts = line.points()
    assert _near(pts[0], "NLRTM") and _near(pts[-1], "MYPKG")
    assert 14_000 < line.km < 17_000  # by sea; the great circle is ~10,400 km
    assert any(_km(p, (32.5, 30.0)) < 150 for p in pts)  # the Suez Canal
    assert any(_km(p, (80.6, 5.6)) < 150 for p in pts)  # round Sri Lanka
    assert _land_fraction(line.segments) < 0.1
    straight = ((pts[0], pts[-1]),)
    assert _land_fraction(straight) > 0.5  # the check itself can fail


def test_a_trans_pacific_route_is_cut_at_the_antimeridian():
    (line,) = route_map(_table(("USLAX>CNSHA", (10.0, 0.0)))).routes
    assert len(line.segments) == 2
    for seg in line.segments:
        assert all(-180 <= x <= 180 for x, _ in seg)
        assert all(abs(b[0] - a[0]) < 30 for a, b in zip(seg, seg[1:], strict=False))
    (end_x, end_y), (start_x, start_y) = line.segments[0][-1], line.segments[1][0]
    assert abs(end_x) == 180 and start_x == -end_x and end_y == pytest.approx(start_y)
    assert _near(line.segments[0][0], "USLAX") and _near(line.segments[-1][-1], "CNSHA")


def test_split_antimeridian_interpolates_the_crossing():
    segs = split_antimeridian([(170.0, 10.0), (190.0, 20.0), (200.0, 20.0)])
    assert segs == (((170.0, 10.0), (180.0, 15.0)), ((-180.0, 15.0), (-170.0, 20.0),
                                                     (-160.0, 20.0)))
    assert split_antimeridian([(-170.0, 0.0), (170.0, 0.0)]) == (
        ((-170.0, 0.0), (-180.0, 0.0)), ((180.0, 0.0), (170.0, 0.0)))
    assert split_antimeridian([]) == ()


def test_countries_stand_as_their_main_ports_and_unknowns_are_left_off():
    assert candidates("GBR")[0] == "GBFXT"
    assert candidates("MYPEN") == ("MYPEN",)
    assert candidates("???") == () and candidates("XYZZY") == ()
    assert route_stops("GBR>MYS") == ("GBFXT", "MYPKG")
    assert route_stops("USA>TUR")[0] == "USNYC"  # the Atlantic gateway, not Los Angeles
    assert route_stops("MYS") == ("MYPKG",)
    assert route_stops("MYS", origin="TWKHH") == ("TWKHH", "MYPKG")
    assert route_stops("???>SGSIN>MYPKG", origin="GBR") == ("GBFXT", "SGSIN", "MYPKG")
    assert route_stops("GBR>???") == ()
    m = route_map(_table(("GBR>???", (50.0, 50.0)), ("MYS", (10.0, 30.0)),
                         ("GBR>MYS", (5.0, 1.0))))
    assert [r.route for r in m.routes] == ["MYS", "GBR>MYS"]
    assert m.total_tonnes == pytest.approx(146.0)
    dest_only, pair = m.routes
    assert dest_only.segments == () and dest_only.km is None and pair.segments
    assert {p.locode: p.roles for p in m.ports} == {"MYPKG": ("destination",),
                                                    "GBFXT": ("origin",)}
    assert next(p for p in m.ports if p.locode == "MYPKG").tonnes == pytest.approx(46.0)


def test_a_period_keeps_only_its_top_routes_by_tonnage():
    t = _table(("GBR>CHN", (90.0, 0.0)), ("GBR>MYS", (10.0, 40.0)), ("GBR>TUR", (0.0, 25.0)),
               ("GBR>VNM", (0.0, 5.0)))
    m = route_map(t, ["2018"], top=2)
    assert m.periods == ("2018",) and m.span == "2018"
    assert [(r.route, r.tonnes, r.rank) for r in m.routes] == [("GBR>MYS", 40.0, 1),
                                                               ("GBR>TUR", 25.0, 2)]
    assert m.routes[0].share == pytest.approx(40 / 70)
    assert route_map(t).span == "2017 – 2018"
    assert route_map(t, ["2016"]).routes == ()


@pytest.fixture
def shifted(db):
    """UK plastic scrap to Ningbo until 2017, then to Port Klang through Singapore."""
    with db.begin() as s:
        uk = f.party(s, "Northern Polymer Ltd", "GBR")
        cn, my = f.party(s, "Ningbo Recycling", "CHN"), f.party(s, "Klang Plastics", "MYS")
        for month in range(1, 13):
            for year in (2016, 2017):
                f.declaration(s, parties={"shipper": uk, "consignee": cn}, hs_code="391590",
                              declaration_date=dt.date(year, month, 5), gross_weight_kg=20_000,
                              country_of_export="GBR", country_of_destination="CHN",
                              port_of_loading="GBFXT", port_of_discharge="CNNGB")
            for year in (2018, 2019):
                f.declaration(s, parties={"shipper": uk, "consignee": my}, hs_code="391510",
                              declaration_date=dt.date(year, month, 5), gross_weight_kg=15_000,
                              country_of_export="GBR", country_of_destination="MYS",
                              port_of_loading="GBFXT", port_of_transshipment="SGSIN",
                              port_of_discharge="MYPKG")
    return db


def test_before_and_after_the_ban_on_planted_declarations(shifted):
    table = route_shares(shifted, hs_prefix="3915", by="route", period="year")
    before, after = before_after(table, BAN, "year")
    assert before.periods == ("2016", "2017") and after.periods == ("2018", "2019")
    (b,) = before.routes
    assert b.route == "GBR>CNNGB" and b.stops == ("GBFXT", "CNNGB")
    assert b.tonnes == pytest.approx(480.0)
    (a,) = after.routes
    assert a.route == "GBR>SGSIN>MYPKG" and a.stops == ("GBFXT", "SGSIN", "MYPKG")
    assert a.tonnes == pytest.approx(360.0)
    assert any(_near(p, "SGSIN", 30) for p in a.points())
    assert _near(a.points()[0], "GBFXT") and _near(a.points()[-1], "MYPKG")
    roles = {p.locode: p.roles for p in after.ports}
    assert roles == {"GBFXT": ("origin",), "SGSIN": ("transit",), "MYPKG": ("destination",)}
