"""Write the demo world into ``resources/demo``:  ``python -m casedb.synth.demo resources/demo``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
from pathlib import Path

from . import writers
from .patterns import plant_cases, plant_decoys, plant_rings
from .world import Builder, World

log = logging.getLogger(__name__)
SEED = 20250224  # the APEC SCCP workshop on green customs, 24 February 2025
FILES = {
    "declarations": "declarations_kaohsiung_2016_2024.xlsx",
    "shipments": "shipments_2021_semicolon.csv",
    "register": "seizure_register_zh-TW.csv",
    "partner": "partner_notifications_my.ods",
    "manifest": "manifest_extract_2019.xls",
}


def build_world(seed: int = SEED, per_month: int = 22) -> World:
    b = Builder(seed)
    b.legit_trade(per_month)
    rings = plant_rings(b)
    plant_decoys(b)
    plant_cases(b, rings)
    b.world.records.sort(key=lambda r: (r["declaration_date"], r["declaration_no"]))
    return b.world


def write_demo(folder: Path, seed: int = SEED) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    world = build_world(seed)
    recs = world.records
    main = [r for r in recs if r["declaration_date"].year != 2021]
    y2021 = [r for r in recs if r["declaration_date"].year == 2021]
    seized = [r for r in recs if r.get("case_ref")]
    ring_a = set(world.truth["rings"][0]["declarations"])
    partner = [r for r in recs if r["declaration_no"] in ring_a]
    manifest = [r for r in recs if r["declaration_date"].year == 2019][::3]
    paths = {k: folder / v for k, v in FILES.items()}
    writers.write_declarations_xlsx(paths["declarations"], main,
                                    "Kaohsiung Customs - export declarations of waste, 2016-2024")
    writers.write_shipments_csv(paths["shipments"], y2021)
    writers.write_seizure_register(paths["register"], seized)
    writers.write_partner_ods(paths["partner"], partner)
    writers.write_manifest_xls(paths["manifest"], manifest)
    for key, path in paths.items():
        writers.write_spec(path, "MY Customs" if key == "partner" else "TW Customs")
    truth = dict(world.truth, files=FILES, declarations=len(recs),
                 generated_by="python -m casedb.synth.demo")
    (folder / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False,
                                                  default=_json) + "\n", encoding="utf-8")
    log.info("demo world: %d declarations, %d cases", len(recs), len(world.truth["cases"]))
    return truth


def _json(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("folder", type=Path)
    p.add_argument("--seed", type=int, default=SEED)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    write_demo(args.folder, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
