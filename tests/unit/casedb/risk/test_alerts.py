"""Watchlists and alerts: rules of every kind hit the declarations they name, once each, after
an import of new declarations; alerts stay until reviewed."""

from __future__ import annotations

import datetime as dt

import pytest

from casedb.alerts import RuleError, add_watchlist, list_alerts, review_alerts, run_watchlists
from casedb.synth.risk_load import load_world
from tests import factories as f
from tests.unit.casedb.risk.worlds import declaration_truth, world


@pytest.fixture
def planted(db):
    with db.begin() as s:
        shell = f.party(s, "Harbour Shell Ltd", "GBR", phone="+44 161 555 0199")
        buyer = f.party(s, "Klang Buyer Sdn Bhd", "MYS")
        ids = [f.declaration(s, parties={"shipper": shell, "consignee": buyer},
                             declaration_date=dt.date(2023, 3, d), hs_code="391590",
                             country_of_export="GBR", port_of_transshipment="SGSIN",
                             port_of_discharge="MYPKG", vessel_imo="9321483",
                             containers=(f"MSCU123456{d % 10}",) if d == 5 else ())
               for d in (1, 5, 9)]
        other = f.declaration(s, parties={"shipper": buyer}, hs_code="720449",
                              country_of_export="MYS", port_of_discharge="TWKHH")
    return db, ids, other


def test_rules_of_every_kind(planted):
    db, ids, other = planted
    add_watchlist(db, "phone", "+44 161 555 0199", name="shell phone")
    add_watchlist(db, "party", "Klang Buyer Sdn Bhd")
    add_watchlist(db, "route", "GBR>SGSIN>MYPKG")
    add_watchlist(db, "hs", "7204")
    add_watchlist(db, "vessel", "9321483")
    assert run_watchlists(db, ids[:1]) == 4  # phone, party, route and vessel hit the first
    assert run_watchlists(db, ids[:1]) == 0  # once per rule and declaration
    assert run_watchlists(db, [*ids, other]) == 2 * 4 + 2  # the others; 7204 and the party
    alerts = list_alerts(db)
    assert len(alerts) == 14 and all(a.status == "new" and a.reason for a in alerts)
    by_rule = {a.rule for a in alerts}
    assert {"shell phone", "hs 7204", "route GBR>SGSIN>MYPKG"} <= by_rule
    roles = {a.reason for a in alerts if a.kind == "party"}
    assert roles == {"party is its consignee", "party is its shipper"}
    assert review_alerts(db, [alerts[0].id]) == 1
    assert len(list_alerts(db)) == 13 and len(list_alerts(db, status=None)) == 14
    j = alerts[0].to_json()
    assert {"rule", "declaration_no", "reason", "status"} <= set(j)


def test_bad_rules_are_refused(planted):
    db, _, _ = planted
    with pytest.raises(RuleError, match="one of"):
        add_watchlist(db, "planet", "Mars")
    with pytest.raises(RuleError, match="detector"):
        add_watchlist(db, "detector", "astrology")
    with pytest.raises(RuleError, match="joined by '>'"):  # refused when saved, not at imports
        add_watchlist(db, "route", "GBR")
    with pytest.raises(RuleError, match="check digit"):
        add_watchlist(db, "container", "MSCU1234567")


def test_a_detector_rule_on_a_risk_world(db):
    w = world()
    load_world(db, w)
    illicit, _ = declaration_truth(w)
    add_watchlist(db, "detector", "split", params={"min_weight": 0.6})
    assert run_watchlists(db) > 0
    hits = {a.declaration_no for a in list_alerts(db)}
    assert len(hits & set(illicit)) >= 0.9 * len(hits)
