"""A split-shipment ring's small network for the link chart: its shippers and consignees, each
shipper joined to the consignees it sent to (as wide as the ring's tonnes between them), and the
identifiers (phone, address, e-mail) that tie the ring's shippers together, each joined to the
shippers holding it."""

from __future__ import annotations

import logging
from collections import defaultdict

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from casedb.store.database import Database

from ..models import Declaration, DeclarationParty, PartyIdentifier
from .splits import SplitRing

log = logging.getLogger(__name__)

# The identifier kinds drawn as nodes; the link chart styles each of them.
TIE_KINDS = ("phone", "address", "email")

Node = tuple[str, str, str]  # (id, label, kind)
Edge = tuple[str, str, float]  # (a, b, tonnes)


def party_node_id(party_id: int) -> str:
    return f"p{party_id}"


def identifier_node_id(kind: str, value_key: str) -> str:
    return f"{kind}:{value_key}"


def ring_network(db: Database, ring: SplitRing) -> tuple[list[Node], list[Edge]]:
    """``(nodes, edges)`` in the link chart's format: nodes ``(id, label, kind)``, parties as
    ``p<id>`` (kind "party") and shared identifiers as ``<kind>:<value key>``; edges
    ``(shipper, consignee, tonnes)`` and ``(shipper, identifier, 0.0)``."""
    nodes: dict[str, Node] = {}
    for pid, name in zip(ring.shipper_ids + ring.consignee_ids,
                         ring.shipper_names + ring.consignee_names, strict=True):
        nodes.setdefault(party_node_id(pid), (party_node_id(pid), name, "party"))
    edges = [(party_node_id(s), party_node_id(c), kg / 1000)
             for s, c, kg in _flows(db, ring.declaration_ids)]
    for kind, key, value, holders in _shared_identifiers(db, ring.shipper_ids):
        node = identifier_node_id(kind, key)
        nodes[node] = (node, value, kind)
        edges.extend((party_node_id(p), node, 0.0) for p in holders)
    missing = {x for e in edges for x in e[:2]} - nodes.keys()
    if missing:  # a party on a declaration but not in the ring's lists: should not happen
        log.warning("ring network: parties not in the ring's lists: %s", sorted(missing))
        edges = [e for e in edges if e[0] in nodes and e[1] in nodes]
    return list(nodes.values()), edges


def _flows(db: Database, declaration_ids) -> list[tuple[int, int, float]]:
    """(shipper id, consignee id, kg) summed over the declarations, kg gross or else net."""
    if not declaration_ids:
        return []
    d = Declaration
    shipper, consignee = aliased(DeclarationParty), aliased(DeclarationParty)
    kg = func.sum(func.coalesce(d.gross_weight_kg, d.net_weight_kg, 0))
    q = (select(shipper.party_id, consignee.party_id, kg)
         .join(shipper, and_(shipper.declaration_id == d.id, shipper.role == "shipper"))
         .join(consignee, and_(consignee.declaration_id == d.id, consignee.role == "consignee"))
         .where(d.id.in_([int(i) for i in declaration_ids]))
         .group_by(shipper.party_id, consignee.party_id)
         .order_by(shipper.party_id, consignee.party_id))
    with db.read() as s:
        return [(int(a), int(b), float(w or 0.0)) for a, b, w in s.execute(q)]


def _shared_identifiers(db: Database, party_ids) -> list[tuple[str, str, str, list[int]]]:
    """(kind, value key, value as written, holders) for each identifier held by at least two
    of ``party_ids``."""
    if len(party_ids) < 2:
        return []
    pi = PartyIdentifier
    q = (select(pi.kind, pi.value_key, pi.value, pi.party_id)
         .where(pi.party_id.in_([int(p) for p in party_ids]), pi.kind.in_(TIE_KINDS))
         .order_by(pi.kind, pi.value_key, pi.party_id))
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    values: dict[tuple[str, str], str] = {}
    with db.read() as s:
        for kind, key, value, party_id in s.execute(q):
            holders[(kind, key)].append(int(party_id))
            values.setdefault((kind, key), value)
    return [(kind, key, values[(kind, key)], sorted(set(who)))
            for (kind, key), who in holders.items() if len(set(who)) >= 2]
