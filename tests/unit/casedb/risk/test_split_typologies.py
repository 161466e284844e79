"""The split detector on a small risk world: each shape of split (scatter-gather, fan-in,
fan-out, stack) found, few legitimate declarations flagged, no decoy."""

from __future__ import annotations

from collections import Counter

from casedb.analysis.splits import detect_splits
from tests.unit.casedb.risk.worlds import declaration_truth

SPLIT_SHAPES = ("scatter-gather", "fan-in", "fan-out", "stack")


def test_every_shape_found_and_no_decoy(risk_world):
    db, w = risk_world
    illicit, decoys = declaration_truth(w)
    rings = detect_splits(db)
    flagged = {no: r.typology for r in rings for no in r.declaration_nos}
    assert not set(flagged) & decoys
    for shape in SPLIT_SHAPES:
        planted = [no for no, t in illicit.items() if t == shape]
        found = sum(no in flagged for no in planted)
        assert found >= 0.9 * len(planted), (shape, found, len(planted))
    correct = sum(no in illicit for no in flagged)
    assert correct >= 0.9 * len(flagged)
    labels = Counter(flagged[no] for no in flagged if illicit.get(no) in SPLIT_SHAPES
                     and flagged[no] == illicit[no])
    assert set(labels) == set(SPLIT_SHAPES)  # each shape named as what it is
    assert all(r.reasons for r in rings)
