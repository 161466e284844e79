"""``wasteintel routes``, ``linked`` and ``trade`` on the demo database, as scripts call them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TRUTH = json.loads((Path(__file__).resolve().parents[2] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))


def cli(*args):
    out = subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True,
                         check=True, timeout=120)
    return json.loads(out.stdout)


def test_routes_json_shape_and_the_demo_shift(demo_db):
    j = cli("routes", "--hs", "3915", "--by", "dest-country", "--period", "year", "--db",
            demo_db.url, "--json")
    assert j["periods"][0] == "2016" and set(j) == {"periods", "series", "shifts"}
    cn = next(s for s in j["series"] if s["route"] == "CHN")
    assert cn["shares"][j["periods"].index("2017")] > 0.4
    assert cn["shares"][j["periods"].index("2019")] < 0.05
    assert any(s["route"] == "CHN" and s["change_point"] == "2018" for s in j["shifts"])
    q = cli("routes", "--hs", "3915", "--by", "route", "--period", "quarter", "--event",
            "2018-01-01", "--db", demo_db.url, "--json")
    assert all(s["change_point"] == "2018-Q1" for s in q["shifts"])
    assert all(p[4:6] == "-Q" for p in q["periods"])


def test_linked_json_and_weak_links(demo_db):
    a, b = TRUTH["linked_pairs"][0]["cases"]
    j = cli("linked", a, "--db", demo_db.url, "--json")
    assert j["case"] == a
    link = next(x for x in j["linked"] if x["case_ref"] == b)
    assert set(link) == {"case_ref", "hops", "score", "via"} and link["hops"] == 1
    assert {v["kind"] for v in link["via"]} & {"party", "phone", "address"}
    w1, w2 = TRUTH["weak_pairs"][0]["cases"]
    strong = cli("linked", w1, "--db", demo_db.url, "--json")
    assert w2 not in {x["case_ref"] for x in strong["linked"]}
    weak = cli("linked", w1, "--weak", "--db", demo_db.url, "--json")
    via = next(x for x in weak["linked"] if x["case_ref"] == w2)["via"]
    assert "broker" in {v["kind"] for v in via}


def test_trade_shares_on_the_bundled_baci(demo_db):
    j = cli("trade", "shares", "--hs", "3915", "--by", "importer", "--db", demo_db.url, "--json")
    cn = next(s for s in j["series"] if s["route"] == "CHN")
    assert round(cn["shares"][j["periods"].index("2016")], 3) == 0.563


def test_splits_on_the_demo_finds_the_planted_rings_and_no_decoy(demo_db):
    rings = cli("splits", "--db", demo_db.url, "--json")
    found = [set(r["declarations"]) for r in rings]
    for ring in TRUTH["rings"]:
        assert any(set(ring["declarations"]) <= got for got in found), ring["name"]
    decoys = {n for d in TRUTH["decoys"] for n in d["declarations"]}
    assert not any(got & decoys for got in found)
    assert rings == sorted(rings, key=lambda r: -r["score"])
    assert all(r["reasons"] and r["threshold_kg"] for r in rings)


def test_entities_network_and_graph_export(demo_db, tmp_path):
    cands = cli("entities", "candidates", "--db", demo_db.url, "--json")
    assert cands and {"left", "right", "score", "evidence"} <= set(cands[0])
    stats = cli("network", "stats", "--db", demo_db.url, "--json")
    assert stats["nodes"] > 50 and stats["central"]
    out = tmp_path / "net.gexf"
    subprocess.run([sys.executable, "-m", "app.cli", "export", "graph", "-o", str(out), "--db",
                    demo_db.url], check=True, capture_output=True, timeout=120)
    assert out.read_text("utf-8").lstrip().startswith("<?xml")
