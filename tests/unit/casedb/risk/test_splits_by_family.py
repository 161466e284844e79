"""Split detection family by family on the compact columns (issue 22) finds the rings the
whole-frame detector found on every column: same declarations, scores, typologies, thresholds
and reasons, on the small risk world (every shape of split, decoys, legitimate trade)."""

from __future__ import annotations

import polars as pl
import pytest

from casedb.analysis import splits_data
from casedb.analysis.declarations import load_declarations
from casedb.analysis.splits import detect_splits, ring_timeline, rings_in


def _as_tuple(ring):
    return (ring.declaration_ids, ring.declaration_nos, ring.shipper_ids, ring.shipper_names,
            ring.consignee_ids, ring.consignee_names, ring.first, ring.last, ring.threshold_kg,
            ring.typology, ring.reasons)


def test_by_family_equals_the_whole_frame(risk_world):
    db, _ = risk_world
    whole = splits_data.load(db, declarations=load_declarations(db))
    before = rings_in(db, whole, by_family=False)
    compact = splits_data.load(db)
    assert compact.height == whole.height
    assert compact["family"].dtype == pl.Categorical and "no" not in compact.columns
    after = rings_in(db, compact)
    assert len(before) >= 8 and len({r.evidence["bunching"].threshold for r in before}) > 1
    family = dict(zip(compact["id"].to_list(), compact["family"].cast(pl.Utf8), strict=True))
    assert len({family[r.declaration_ids[0]] for r in after}) > 1  # rings of several families
    assert [_as_tuple(r) for r in after] == [_as_tuple(r) for r in before]
    assert [r.score for r in after] == pytest.approx([r.score for r in before], abs=1e-12)
    assert after == detect_splits(db)
    # the full frame searched family by family, too (what the risk engine passes)
    assert [_as_tuple(r) for r in rings_in(db, whole)] == [_as_tuple(r) for r in before]
    ring = after[0]
    assert ring_timeline(db, ring, compact) == ring_timeline(db, before[0], whole)


def test_compact_load_reads_a_range_of_ids_at_a_time(risk_world, monkeypatch):
    db, _ = risk_world
    whole = splits_data.load(db)
    monkeypatch.setattr(splits_data, "STEP", 997)  # many ranges, one of them partly empty
    stepped = splits_data.load(db)
    assert stepped.height == whole.height
    assert stepped.select(pl.all().cast(pl.Utf8)).equals(whole.select(pl.all().cast(pl.Utf8)))
    since = whole["date"].min().replace(month=6, day=1)
    assert splits_data.load(db, since=since)["date"].min() >= since
