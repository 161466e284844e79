"""The synthetic world: deterministic, consistent with its truth, and the committed demo files are
exactly what the generator writes; the demo database is built through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from casedb.importing.readers import read_workbook
from casedb.models import Case, Declaration, RowProvenance
from casedb.normalize import normalize_imo, split_containers
from casedb.synth.demo import build_world, write_demo
from casedb.synth.demo_database import demo_files

DEMO = Path(__file__).resolve().parents[4] / "resources" / "demo"


def test_same_seed_same_world():
    a, b = build_world(7), build_world(7)
    assert [r["declaration_no"] for r in a.records] == [r["declaration_no"] for r in b.records]
    assert [r["gross_weight_kg"] for r in a.records] == [r["gross_weight_kg"] for r in b.records]
    assert build_world(8).records[0]["gross_weight_kg"] != a.records[0]["gross_weight_kg"]


def test_truth_is_consistent():
    world = build_world()
    by_no = {r["declaration_no"]: r for r in world.records}
    for ring in world.truth["rings"]:
        recs = [by_no[n] for n in ring["declarations"]]
        assert len(recs) >= 8
        span = (max(r["declaration_date"] for r in recs) - min(r["declaration_date"] for r in recs))
        assert span.days <= 35
        assert all(0.9 * ring["threshold_kg"] <= r["gross_weight_kg"] < ring["threshold_kg"]
                   for r in recs)
    for r in world.records:
        assert split_containers(" / ".join(r["containers"])) == list(dict.fromkeys(r["containers"]))
        assert normalize_imo(r["vessel_imo"]) == r["vessel_imo"]
    cases = {r["case_ref"] for r in world.records if r.get("case_ref")}
    for pair in world.truth["linked_pairs"] + world.truth["weak_pairs"]:
        assert set(pair["cases"]) <= cases


def _contents(folder: Path) -> dict:
    return {p.name: [(s.name, s.rows) for s in read_workbook(p)]
            for p in sorted(folder.iterdir()) if p.suffix in (".xlsx", ".xls", ".ods", ".csv")}


def test_committed_demo_files_are_what_the_generator_writes(tmp_path):
    truth = write_demo(tmp_path)
    assert _contents(tmp_path) == _contents(DEMO)
    assert json.loads((DEMO / "truth.json").read_text("utf-8"))["rings"] == truth["rings"]
    assert {p.name for p in demo_files()} == set(truth["files"].values())
    assert sum(p.stat().st_size for p in DEMO.iterdir()) < 3_000_000


def test_demo_database_is_built_through_the_pipeline(demo_db):
    truth = json.loads((DEMO / "truth.json").read_text("utf-8"))
    with demo_db.read() as s:
        n_decl = s.scalar(select(func.count()).select_from(Declaration))
        refs = set(s.scalars(select(Case.case_ref)))
        n_prov = s.scalar(select(func.count()).select_from(RowProvenance))
    assert n_decl == truth["declarations"] + len(truth["rings"][0]["declarations"])  # + MY copies
    assert refs == set(truth["cases"])
    assert n_prov > n_decl  # merged rows carry several provenances
