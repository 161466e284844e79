"""The value and route detectors and the risk score on a risk world of 20,000 declarations:
each planted typology found, few legitimate declarations flagged, decoys left alone, and the
top of the ranking far above the base rate."""

from __future__ import annotations

import datetime as dt

import pytest

from casedb.analysis.declarations import load_declarations
from casedb.analysis.hs_switch import (
    EVENTS,
    change_point_events,
    new_code_after_event,
    priced_like_waste,
)
from casedb.analysis.transshipment import detours, hops_after_seizure
from casedb.analysis.unit_values import describe, unit_value_anomalies
from casedb.risk import combine, risk_scores, store_scores, stored_scores
from casedb.synth.risk_load import load_world
from tests import factories as f
from tests.unit.casedb.risk.worlds import declaration_truth, world


@pytest.fixture
def loaded(db):
    w = world(20_000, 3)
    load_world(db, w)
    frame = load_declarations(db)
    illicit, decoys = declaration_truth(w)
    nos = dict(zip(frame["id"].to_list(), frame["no"].to_list(), strict=True))
    return db, frame, illicit, decoys, nos


def _hits(ids, nos, illicit, typology):
    flagged = {nos[i] for i in ids}
    planted = {no for no, t in illicit.items() if t == typology}
    return len(flagged & planted) / len(planted), flagged


def test_unit_values_hs_switch_and_detours(loaded):
    db, frame, illicit, decoys, nos = loaded
    uv = unit_value_anomalies(frame)
    recall, flagged = _hits(uv["id"], nos, illicit, "unit-value")
    assert recall >= 0.9 and len(flagged - set(illicit)) <= 0.001 * frame.height
    assert "below the median" in describe(uv.sort("factor").row(0, named=True))
    priced = priced_like_waste(frame)
    recall, flagged = _hits(priced["id"], nos, illicit, "hs-switch")
    assert recall >= 0.75 and not flagged - set(illicit)  # a cell needs 20 earlier prices
    new = new_code_after_event(frame, EVENTS)
    assert _hits(new["id"], nos, illicit, "hs-switch")[0] >= 0.25  # weak: a shipper may have had both codes
    d = detours(frame)
    recall, flagged = _hits(d["id"], nos, illicit, "transshipment")
    assert recall >= 0.7 and not flagged - set(illicit)
    assert (d["ratio"] >= 1.3).all()


def test_risk_ranking_and_its_reasons(loaded):
    db, frame, illicit, decoys, nos = loaded
    rows = risk_scores(db)
    base = len(illicit) / frame.height
    top = rows[: frame.height // 100]
    precision = sum(r.declaration_no in illicit for r in top) / len(top)
    assert precision >= 0.9 and precision > 20 * base
    kinds = {s.kind for r in rows for s in r.signals}
    assert {"scatter-gather", "fan-in", "fan-out", "stack", "unit-value", "hs-switch",
            "transshipment"} <= kinds
    assert all(0 < r.score <= 1 and r.signals and all(s.reason for s in r.signals) for r in rows)
    assert rows == sorted(rows, key=lambda r: (-r.score, r.declaration_no))
    j = rows[0].to_json()
    assert set(j) == {"declaration_no", "score", "signals"}
    assert set(j["signals"][0]) == {"kind", "weight", "reason"}
    strong = {r.declaration_no for r in rows if r.score >= 0.5}
    assert not strong & decoys
    assert store_scores(db, rows) == len(rows)
    assert stored_scores(db, top=3)[0]["declaration_no"] == rows[0].declaration_no
    later = risk_scores(db, since=dt.date(2021, 1, 1))
    assert later and all(r.date >= dt.date(2021, 1, 1) for r in later)


def test_noisy_or():
    assert combine([]) == 0.0
    assert combine([0.5, 0.5]) == pytest.approx(0.75)
    assert combine([1.0, 0.2]) == 1.0


def test_port_hops_after_a_seizure(db):
    with db.begin() as s:
        shipper = f.party(s, "Hopping Plastics Ltd", "GBR")
        buyer = f.party(s, "Ningbo Buyer", "CHN")
        for month, pod in ((1, "CNNGB"), (2, "CNNGB"), (5, "VNHPH"), (6, "MYPKG")):
            f.declaration(s, parties={"shipper": shipper, "consignee": buyer},
                          declaration_date=dt.date(2019, month, 3), port_of_discharge=pod,
                          hs_code="391590", case_ref="KHH-2019-1" if month == 2 else None)
    hops = hops_after_seizure(db, load_declarations(db))
    assert sorted(hops["pod"].to_list()) == ["MYPKG", "VNHPH"]
    assert hops["since"][0] == dt.date(2019, 2, 3)


def test_a_change_point_is_an_event_for_the_switch(db):
    """Waste plastic moves to film in mid-2020 with no enforcement date configured: the fall of
    3915's share of its family is found as an event, and the shipper's film after it flagged."""
    with db.begin() as s:
        shipper = f.party(s, "Film Switcher Ltd", "GBR")
        other = f.party(s, "Steady Trader Ltd", "GBR")
        for month in range(36):
            day = dt.date(2018 + month // 12, month % 12 + 1, 10)
            code = "391590" if month < 30 else "392010"
            f.declaration(s, parties={"shipper": shipper}, declaration_date=day, hs_code=code,
                          gross_weight_kg=20_000)
            f.declaration(s, parties={"shipper": other}, declaration_date=day,
                          hs_code="391510" if month % 2 else "392010", gross_weight_kg=5_000)
    frame = load_declarations(db)
    (event,) = change_point_events(frame)
    assert event == dt.date(2020, 7, 1)
    hits = new_code_after_event(frame, [event])
    assert hits.height == 6 and set(hits["hs6"]) == {"392010"}
