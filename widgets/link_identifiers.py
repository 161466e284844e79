"""The identifiers that tie a case together as nodes of their own on the link chart: each party's
phones, addresses and e-mails, and each declaration's containers, B/L and sailing (vessel and
voyage), joined to the party or the case that holds them. Pure data, from a loaded CaseFile."""

from __future__ import annotations

from .link_style import IDENTIFIER_KINDS


def node_id(kind: str, value: str) -> str:
    """As casedb.analysis.ring_network names identifier nodes: ``kind:VALUE KEY``."""
    return f"{kind}:{' '.join(value.upper().split())}"


def with_identifiers(case_file, nodes: list, edges: list) -> tuple[list, list]:
    """``nodes`` and ``edges`` (from casedb.links.network.case_network) with the case's identifiers
    added: parties to their phones, addresses and e-mails; the case to its declarations'
    containers, B/L and sailings, weighted by each declaration's tonnes."""
    ref = case_file.case.case_ref
    out_nodes, out_edges = list(nodes), list(edges)
    seen = {n[0] for n in nodes}

    def add(kind: str, value: str, holder: str, tonnes: float) -> None:
        if not value or kind not in IDENTIFIER_KINDS:
            return
        key = node_id(kind, value)
        if key not in seen:
            seen.add(key)
            out_nodes.append((key, value, kind))
        out_edges.append((holder, key, tonnes))

    for p in case_file.parties:
        for kind, value in p.identifiers:
            add(kind, value, f"p{p.id}", 0.0)
    for d in case_file.declarations:
        tonnes = (d.gross_weight_kg or 0.0) / 1000
        for container in d.containers:
            add("container", container, ref, tonnes)
        add("bl", d.bl_no or "", ref, tonnes)
        add("sailing", d.vessel, ref, tonnes)
    return out_nodes, _merged(out_edges)


def _merged(edges: list) -> list:
    """One edge per pair, tonnes summed (two declarations on one sailing)."""
    total: dict[tuple[str, str], float] = {}
    for a, b, t in edges:
        total[(a, b)] = total.get((a, b), 0.0) + t
    return [(a, b, t) for (a, b), t in total.items()]
