"""Route shares summed by the database (issue 22) give the table the client-side grouping gave:
every grouping, period and measure, with filters and an event, on a small random world with
missing countries, transit ports and weights."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from casedb.analysis.routes import BY, RouteQuery, route_shares, route_shares_from_rows
from tests import factories as f


@pytest.fixture
def world(db):
    rng = random.Random(22)
    countries = ["GBR", "CHN", "MYS", "TUR", None]
    ports = ["CNNGB", "MYPKG", "TRMER", "VNHPH", None]
    with db.begin() as s:
        for i in range(400):
            gross = rng.choice([None, round(rng.uniform(1_000, 26_000), 1)])
            net = rng.choice([None, None, round(rng.uniform(1_000, 26_000), 1)])
            f.declaration(s, declaration_date=dt.date(2016, 1, 1) + dt.timedelta(
                              days=rng.randrange(5 * 365)) if i % 50 else None,
                          hs_code=rng.choice(["391510", "391590", "720449", "854900", None]),
                          gross_weight_kg=gross, net_weight_kg=net,
                          country_of_export=rng.choice(countries),
                          country_of_destination=rng.choice(countries),
                          port_of_transshipment=rng.choice([None, None, "SGSIN", "HKHKG"]),
                          port_of_discharge=rng.choice(ports))
    return db


def _same(a, b):
    assert a.periods == b.periods
    assert [s.route for s in a.series] == [s.route for s in b.series]
    for x, y in zip(a.series, b.series, strict=True):
        assert x.label == y.label
        assert x.shares == pytest.approx(y.shares, abs=1e-12)
        assert x.tonnes == pytest.approx(y.tonnes, abs=1e-9)
    assert [(s.route, s.change_point) for s in a.shifts] == \
        [(s.route, s.change_point) for s in b.shifts]
    assert [s.after_share for s in a.shifts] == pytest.approx([s.after_share for s in b.shifts])


@pytest.mark.parametrize("by", BY)
@pytest.mark.parametrize("period", ["year", "quarter", "month"])
def test_grouped_in_sql_equals_grouped_in_the_client(world, by, period):
    for measure in ("tonnes", "count"):
        q = RouteQuery(by=by, period=period, measure=measure)
        table = route_shares(world, q)
        assert table.series, "the world has routes"
        _same(table, route_shares_from_rows(world, q))


def test_filters_event_and_language_as_before(world):
    q = RouteQuery(hs_prefix="3915", by="route", period="quarter", since=dt.date(2017, 3, 1),
                   until=dt.date(2019, 6, 30), event=dt.date(2018, 1, 1), lang="zh-TW")
    table = route_shares(world, q)
    assert table.periods[0] == "2017-Q1" and table.periods[-1] == "2019-Q2"
    assert table.shifts and table.lang == "zh-TW"
    _same(table, route_shares_from_rows(world, q))
    empty = RouteQuery(hs_prefix="9999")
    assert route_shares(world, empty).series == route_shares_from_rows(world, empty).series == ()


def test_unknown_period_or_grouping_is_refused(world):
    with pytest.raises(ValueError, match="week"):
        route_shares(world, period="week")
    with pytest.raises(ValueError, match="ship"):
        route_shares(world, by="ship")
