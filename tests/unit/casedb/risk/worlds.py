"""Small risk worlds (casedb.synth.risk_world) for the detector tests, built once per session."""

from __future__ import annotations

import functools

from casedb.synth.risk_world import build_risk_world


@functools.cache
def world(n: int = 4_000, seed: int = 11):
    return build_risk_world(n, seed)


def declaration_truth(w) -> tuple[dict[str, str], set[str]]:
    """declaration no -> typology of the planted ones; the numbers of the decoys."""
    illicit = {no: typ for typ, nos in w.truth["illicit"].items() for no in nos}
    return illicit, {no for nos in w.truth["decoys"].values() for no in nos}
