"""A small risk world loaded into the test database (SQLite, then PostgreSQL)."""

from __future__ import annotations

import pytest

from casedb.synth.risk_load import load_world
from tests.unit.casedb.risk.worlds import world


@pytest.fixture
def risk_world(db):
    w = world()
    load_world(db, w)
    return db, w
