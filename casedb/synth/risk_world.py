"""A synthetic world for measuring the risk detectors, at any scale: legitimate waste and
materials trade with regular shippers, their own weights, prices per code and origin, seasonal
routes that move after China's ban (2018) and the Basel plastic amendments (2021), and every
typology of the trade planted at a low base rate (about 1.5% of declarations), with a truth file.

Legitimate trade is drawn in columns (numpy), so a million declarations cost seconds; planted
typologies (casedb.synth.risk_plants) are appended as rows. ``build_risk_world(n, seed)``
returns a RiskWorld: parties, one declarations frame and the truth; casedb.synth.risk_load writes
it into a case database. The demo world (casedb.synth.demo) is a different, fixed world.

    python -m casedb.synth.risk_world out.json --n 20000 --seed 3   (the truth only)
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import numpy as np
import polars as pl

from .risk_legit import BASEL_PLASTICS, CHINA_BAN, START, Parties, RiskWorld, legit_trade
from .risk_plants import plant_all

log = logging.getLogger(__name__)


def build_risk_world(n: int = 20_000, seed: int = 1, *, illicit_rate: float = 0.015
                     ) -> RiskWorld:
    """A world of about ``n`` declarations, ``illicit_rate`` of them planted."""
    rng = np.random.default_rng(seed)
    parties = Parties(rng)
    legit = legit_trade(int(n * (1 - illicit_rate)), parties, rng)
    world = RiskWorld(parties.rows, None, {"seed": seed, "events": {
        "china_ban": CHINA_BAN.isoformat(), "basel_plastics": BASEL_PLASTICS.isoformat()},
        "illicit": {}, "decoys": {}, "instances": []})
    planted = plant_all(world, parties, legit, rng, budget=int(n * illicit_rate))
    frame = pl.concat([legit, planted], how="diagonal_relaxed").with_columns(
        pl.col("day").cast(pl.Int64))
    frame = frame.sort("day", maintain_order=True).with_row_index("i")
    world.declarations = frame.with_columns(
        (pl.lit(START) + pl.duration(days=pl.col("day"))).alias("declaration_date"),
        pl.format("RW{}/{}", pl.lit(seed), pl.col("i").cast(pl.Utf8).str.zfill(8))
        .alias("declaration_no"),
        (pl.col("gross_weight_kg") * 0.97).round(1).alias("net_weight_kg"))
    _resolve_truth(world)
    world.parties = parties.rows
    return world


def _resolve_truth(world: RiskWorld) -> None:
    """Planted rows carry a ``tag`` (``illicit:typology`` or ``decoy:kind``) and an ``instance``;
    the truth names them by declaration number."""
    f = world.declarations.filter(pl.col("tag").is_not_null())
    illicit, decoys = {}, {}
    for no, tag in f.select("declaration_no", "tag").iter_rows():
        kind, name = tag.split(":", 1)
        (illicit if kind == "illicit" else decoys).setdefault(name, []).append(no)
    world.truth["illicit"] = illicit
    world.truth["decoys"] = decoys
    world.truth["declarations"] = world.declarations.height
    world.truth["illicit_declarations"] = sum(len(v) for v in illicit.values())


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("truth", type=Path)
    p.add_argument("--n", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    world = build_risk_world(args.n, args.seed)
    args.truth.write_text(json.dumps(world.truth, indent=1), encoding="utf-8")
    log.info("%d declarations, %d planted", world.truth["declarations"],
             world.truth["illicit_declarations"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
