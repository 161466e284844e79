"""0005 keeps the trade flows imported before it: their dollars labelled USD, one dataset entry
each; a downgrade brings ``value_usd`` back."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from casedb.store import migrate
from casedb.store.database import Database


@pytest.mark.parametrize("empty_db_url", ["sqlite", "postgresql"], indirect=True)
def test_trade_flows_of_before_keep_their_dollars(empty_db_url):
    db = Database(empty_db_url)
    migrate.upgrade(db, "0004")
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO trade_flow (dataset, reporter, flow, exporter, importer, year, hs_code, "
            "net_weight_kg, value_usd) VALUES ('BACI', NULL, 'import', 'GBR', 'MYS', 2018, "
            "'391510', 1000, 250), ('CT', 'MYS', 'import', 'JPN', 'MYS', 2019, '3915', 5, NULL)"))
    migrate.upgrade(db)
    assert migrate.check(db).ok
    with db.engine.begin() as conn:
        rows = conn.execute(text("SELECT dataset, value, currency, hs6, partial FROM trade_flow "
                                 "ORDER BY dataset")).all()
        assert [tuple(r) for r in rows] == [("BACI", 250, "USD", "391510", False),
                                            ("CT", None, None, None, False)]
        names = conn.execute(text("SELECT name FROM trade_dataset ORDER BY name")).scalars()
        assert list(names) == ["BACI", "CT"]
        conn.execute(text("INSERT INTO trade_flow (dataset, reporter, flow, exporter, importer, "
                          "year, hs_code, value, currency, partial) VALUES ('UK', 'GBR', "
                          "'export', 'GBR', 'Stores and Provisions', 2020, '39151000', 9, "
                          "'GBP', false)"))
    migrate.downgrade(db, "0004")
    with db.engine.begin() as conn:
        rows = conn.execute(text("SELECT dataset, value_usd FROM trade_flow ORDER BY dataset"))
        assert [tuple(r) for r in rows] == [("BACI", 250), ("CT", None)]
    db.dispose()
