"""The declaration table's first page by ORDER BY ... LIMIT (issue 22) is the head of the full
id list, in every column's order, both ways, with filters, ties and missing values."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from casedb.browse import tables as browse
from casedb.models import RiskScore
from tests import factories as f


@pytest.fixture
def world(db):
    rng = random.Random(7)
    with db.begin() as s:
        for i in range(120):
            d = f.declaration(s, declaration_date=rng.choice(
                              [None, dt.date(2020, 1, 1), dt.date(2020, 1, 1) +
                               dt.timedelta(days=rng.randrange(400))]),
                              hs_code=rng.choice(["391510", "720449", None]),
                              gross_weight_kg=rng.choice([None, 5_000.0, rng.uniform(1, 9e4)]),
                              country_of_export=rng.choice(["GBR", "USA", None]),
                              country_of_destination=rng.choice(["MYS", "TUR", None]),
                              port_of_discharge=rng.choice(["MYPKG", "TRMER", None]),
                              vessel_name=rng.choice(["EVER A", "MSC B", None]),
                              bl_no=f"BL{i % 40}")
            if i % 3:
                s.add(RiskScore(declaration_id=d, score=rng.choice([0.5, rng.random()]),
                                signals=[]))
    return db


@pytest.mark.parametrize("descending", [False, True])
def test_first_page_is_the_head_of_the_full_order(world, descending):
    for order in browse.DECLARATION_COLUMNS:
        full = browse.declaration_ids(world, order=order, descending=descending)
        assert len(full) == 120
        for n in (1, 25, 200):
            assert browse.declaration_ids(world, order=order, descending=descending,
                                          limit=n) == full[:n], (order, n)


def test_first_page_with_filters(world):
    filters = browse.Filters(hs_prefix="3915", country="GBR", since=dt.date(2020, 3, 1))
    full = browse.declaration_ids(world, filters)
    assert 0 < len(full) < 120
    assert browse.declaration_ids(world, filters, limit=10) == full[:10]
    rows = browse.declaration_rows(world, browse.declaration_ids(world, filters, limit=10))
    assert [r[0] for r in rows] == [r[0] for r in browse.declaration_rows(world, full[:10])]
