"""A case's saved link chart follows the case's team and clearance on a real PostgreSQL server
with real login roles: an analyst of another team neither reads nor overwrites it, and the
analyst of the case's team saves and reads it (the GRANTs of ``db roles`` include the table)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casedb.errors import NotFound
from casedb.links.chart_state import chart_state, save_chart_state
from casedb.models import LinkChartState
from tests.unit.casedb.test_roles import _as, world  # noqa: F401 - the fixture, shared

STATE = {"version": 2, "nodes": [["B-1", "B-1", "case"]], "edges": [], "positions": [[0, 0]],
         "pinned": [], "hidden": [], "filtered": {}}


def test_a_hidden_cases_chart_is_hidden_and_cannot_be_overwritten(world):  # noqa: F811
    save_chart_state(world.owner, "B-1", STATE)
    b = _as(world, world.analyst_b)
    assert chart_state(b, "B-1") == STATE  # the case's team
    save_chart_state(b, "B-1", dict(STATE, pinned=["B-1"]))
    a = _as(world, world.analyst_a)
    with pytest.raises(NotFound, match="B-1"):
        chart_state(a, "B-1")
    with pytest.raises(NotFound, match="B-1"):
        save_chart_state(a, "B-1", dict(STATE, pinned=[]))
    with a.read() as s:  # not even by the table itself
        assert s.scalars(select(LinkChartState)).all() == []
    save_chart_state(a, "A-1", dict(STATE, nodes=[["A-1", "A-1", "case"]]))
    assert chart_state(world.owner, "B-1")["pinned"] == ["B-1"]
    assert chart_state(world.owner, "A-1")["nodes"] == [["A-1", "A-1", "case"]]
