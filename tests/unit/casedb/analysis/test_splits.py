"""The split detector on planted rings and decoys: every ring found, no decoy flagged."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from casedb.analysis.splits import detect_splits, ring_timeline
from tests import factories as f


def plant(s, rng, *, shippers, consignees, start, n, days, threshold, hs, ports):
    nos = []
    for i in range(n):
        nos.append(f.declaration(
            s, parties={"shipper": shippers[i % len(shippers)],
                        "consignee": consignees[i % len(consignees)]},
            declaration_no=f"R{start:%y%m}{i:03d}-{threshold:.0f}",
            declaration_date=start + dt.timedelta(days=round(i * days / (n - 1))),
            gross_weight_kg=threshold * rng.uniform(0.92, 0.998), hs_code=hs[i % len(hs)],
            port_of_discharge=ports[i % len(ports)]))
    return nos


@pytest.fixture
def world(db):
    rng = random.Random(4)
    truth = {"rings": [], "decoys": []}
    with db.begin() as s:
        buyer = f.party(s, "Klang Polymer Sdn Bhd", "MYS")
        shells = [f.party(s, f"Shell {i} Ltd", "GBR", phone="+60 3 5544 1234") for i in range(3)]
        a = plant(s, rng, shippers=shells, consignees=[buyer], start=dt.date(2023, 3, 1), n=11,
                  days=23, threshold=25_000, hs=("391590",), ports=("MYPKG", "MYPEN", "MYTPP"))
        vn = [f.party(s, "Hai Phong Tech", "VNM"), f.party(s, "Saigon Parts", "VNM")]
        ewaste = [f.party(s, f"Formosa Trade {i}", "TWN", address="No. 88, Lane 5, Zhongshan Rd")
                  for i in range(4)]
        b = plant(s, rng, shippers=ewaste, consignees=vn, start=dt.date(2023, 9, 1), n=8, days=30,
                  threshold=10_000, hs=("854900", "847330"), ports=("VNHPH", "VNSGN"))
        jp = [f.party(s, f"Yokohama Poly {i}", "JPN", email="sales@yp.example") for i in range(3)]
        c = plant(s, rng, shippers=jp, consignees=[f.party(s, "Jakarta Plast", "IDN")],
                  start=dt.date(2024, 5, 1), n=9, days=33, threshold=5_000,
                  hs=("391510", "390110"), ports=("IDJKT", "IDSUB"))
        truth["rings"] = [a, b, c]
        regular = f.party(s, "Regular Recycling plc", "GBR")
        regular_buyer = f.party(s, "Penang Plastics", "MYS")
        day, nos = dt.date(2020, 1, 6), []
        while day < dt.date(2023, 1, 1):
            nos.append(f.declaration(s, parties={"shipper": regular, "consignee": regular_buyer},
                                     declaration_date=day, hs_code="391510",
                                     gross_weight_kg=rng.uniform(22_000, 24_000),
                                     port_of_discharge="MYPEN"))
            day += dt.timedelta(days=7)
        big = f.party(s, "Big Steel Inc.", "USA")
        one = f.declaration(s, parties={"shipper": big, "consignee": f.party(s, "Mersin", "TUR")},
                            declaration_date=dt.date(2023, 6, 1), hs_code="720449",
                            gross_weight_kg=260_000)
        trader = f.party(s, "Kobe Aluminium KK", "JPN")
        vn_buyer = f.party(s, "Dong Nai Metal", "VNM")
        burst = [f.declaration(s, parties={"shipper": trader, "consignee": vn_buyer},
                               declaration_date=dt.date(2023, 11, 1) + dt.timedelta(days=i),
                               hs_code="760200", gross_weight_kg=rng.uniform(6_000, 26_000),
                               port_of_discharge="VNHPH") for i in range(14)]
        truth["decoys"] = [nos, [one], burst]
    return db, truth


def _nos(db, ids):
    from sqlalchemy import select

    from casedb.models import Declaration

    with db.read() as s:
        return set(s.scalars(select(Declaration.declaration_no).where(Declaration.id.in_(ids))))


def test_every_planted_ring_is_found_and_no_decoy(world):
    db, truth = world
    rings = detect_splits(db)
    found = [set(r.declaration_ids) for r in rings]
    for planted in truth["rings"]:
        assert any(set(planted) <= got for got in found), planted
    for decoy in truth["decoys"]:
        assert not any(set(decoy) & got for got in found)
    assert len(rings) == 3


def test_explanations_carry_the_figures(world):
    db, _ = world
    ring = next(r for r in detect_splits(db) if r.threshold_kg == 25_000)
    text = " ".join(ring.reasons)
    assert "11 declarations in 23 days from 3 shippers sharing +60 3 5544 1234" in text
    assert "% of 25 t" in text and ring.threshold_kg == 25_000
    assert f"{ring.total_kg / 1000:,.0f} t in all" in text
    j = ring.to_json()
    assert set(j) == {"score", "typology", "declarations", "shippers", "consignees", "total_kg",
                      "first", "last", "threshold_kg", "reasons"}
    assert j["typology"] == "scatter-gather"
    assert 0.8 <= j["score"] <= 1.0
    b = next(r for r in detect_splits(db) if r.threshold_kg == 10_000)
    assert "HS 8473, 8549" in " ".join(b.reasons)  # misdeclared code, same family


def test_window_and_threshold_settings(world):
    db, _ = world
    assert detect_splits(db, until=dt.date(2023, 6, 30))[0].threshold_kg == 25_000
    assert len(detect_splits(db, since=dt.date(2024, 1, 1))) == 1
    timeline = ring_timeline(db, next(r for r in detect_splits(db) if len(r.declaration_ids) == 11))
    assert len(timeline) == 11 and timeline[0][2].startswith("Shell")
