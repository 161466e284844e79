"""The risk world: every typology planted at a low base rate, the truth consistent with the
declarations, the same seed the same world, and the world loads into SQLite and PostgreSQL."""

from __future__ import annotations

import polars as pl
from sqlalchemy import func, select

from casedb.models import Declaration, DeclarationParty
from casedb.synth.risk_plants import TYPOLOGIES
from casedb.synth.risk_world import build_risk_world
from tests.unit.casedb.risk.worlds import world


def test_base_rate_and_every_typology():
    w = world()
    truth = w.truth
    assert set(truth["illicit"]) == set(TYPOLOGIES)
    rate = truth["illicit_declarations"] / truth["declarations"]
    assert 0.01 <= rate <= 0.025, rate  # a small world: at least one whole instance each
    assert {"regular weekly shipper", "one-off large consignment", "big trader's burst",
            "honest switch to film"} == set(truth["decoys"])
    nos = set(w.declarations["declaration_no"])
    assert all(no in nos for v in truth["illicit"].values() for no in v)
    assert w.declarations["declaration_no"].n_unique() == w.declarations.height


def test_same_seed_same_world_and_any_scale():
    a, b = build_risk_world(1_500, 5), build_risk_world(1_500, 5)
    assert a.declarations.select("declaration_no", "gross_weight_kg").equals(
        b.declarations.select("declaration_no", "gross_weight_kg"))
    assert not build_risk_world(1_500, 6).declarations["gross_weight_kg"].equals(
        a.declarations["gross_weight_kg"])
    big = build_risk_world(30_000, 5)
    assert 29_000 <= big.truth["declarations"] <= 31_000
    assert 0.01 <= big.truth["illicit_declarations"] / big.truth["declarations"] <= 0.02


def test_rings_keep_under_their_threshold_and_stacks_pass_the_load_on():
    f = world().declarations
    sg = f.filter(pl.col("tag") == "illicit:scatter-gather")
    for _, g in sg.group_by("instance"):
        assert g["consignee"].n_unique() == 1 and g["shipper"].n_unique() >= 3
    for _, g in f.filter(pl.col("tag") == "illicit:stack").group_by("instance"):
        assert g.height % 3 == 0 and g["hs_code"].n_unique() == 1


def test_the_world_loads(risk_world):
    db, w = risk_world
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Declaration)) == w.truth["declarations"]
        notify = s.scalar(select(func.count()).select_from(DeclarationParty)
                          .where(DeclarationParty.role == "notify"))
    assert notify > 0
