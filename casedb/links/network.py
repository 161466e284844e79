"""Networks built from the case database with networkx: party-party (shipped to, shares an
identifier with), party-port and route networks, weighted by tonnage; their statistics
(components, and communities and centrality from casedb.links.graph), shortest paths, ego networks;
GraphML/GEXF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import polars as pl
from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from casedb.errors import CaseDbError
from casedb.links import graph
from casedb.models import Case, Declaration, DeclarationParty, Party, PartyIdentifier, Seizure
from casedb.store.database import Database
from casedb.store.export_file import export_file


@dataclass(frozen=True)
class NetworkFilter:
    since: dt.date | None = None
    until: dt.date | None = None
    hs_prefix: str | None = None
    cases: tuple[str, ...] = ()


def _declarations(db: Database, f: NetworkFilter):
    d = Declaration
    q = select(d.id)
    if f.since:
        q = q.where(d.declaration_date >= f.since)
    if f.until:
        q = q.where(d.declaration_date <= f.until)
    if f.hs_prefix:
        q = q.where(d.hs_code.startswith(f.hs_prefix, autoescape=True))
    if f.cases:
        q = q.where(d.id.in_(select(Seizure.declaration_id).join(Case).where(
            Case.case_ref.in_(f.cases))))
    return q


def party_network(db: Database, f: NetworkFilter = NetworkFilter()) -> nx.Graph:
    """Parties as nodes; 'shipped to' edges weighted by tonnes and declarations, and 'shares'
    edges between parties holding the same address, phone, email or tax id."""
    sh, co = aliased(DeclarationParty), aliased(DeclarationParty)
    d = Declaration
    ids = _declarations(db, f).subquery()
    q = (select(sh.party_id, co.party_id, func.count(),
                func.sum(func.coalesce(d.gross_weight_kg, d.net_weight_kg, 0.0)))
         .join(sh, and_(sh.declaration_id == d.id, sh.role == "shipper"))
         .join(co, and_(co.declaration_id == d.id, co.role == "consignee"))
         .where(d.id.in_(select(ids.c.id))).group_by(sh.party_id, co.party_id))
    with db.engine.connect() as conn:
        flows = conn.execute(q).all()
        pids = {a for a, *_ in flows} | {b for _, b, *_ in flows}
        parties = conn.execute(select(Party.id, Party.display_name, Party.country)).all()
        idents = conn.execute(select(PartyIdentifier.party_id, PartyIdentifier.kind,
                                     PartyIdentifier.value_key)).all()
    g = nx.Graph()
    names = {pid: (name, country) for pid, name, country in parties}
    for pid in pids:
        name, country = names.get(pid, (str(pid), None))
        g.add_node(f"p{pid}", label=name, kind="party", country=country or "")
    for a, b, n, kg in flows:
        g.add_edge(f"p{a}", f"p{b}", relation="shipped to", declarations=int(n),
                   tonnes=float(kg or 0) / 1000.0)
    _shared_identifier_edges(g, idents)
    return g


def case_network(case_file, links) -> tuple[list[tuple[str, str, str]],
                                            list[tuple[str, str, float]]]:
    """A loaded case (``casefile.CaseFile``) and its linked cases (``linked.linked_cases``) as
    link chart nodes ``(id, label, kind)`` and edges ``(a, b, tonnes)``: the case, its linked
    cases and its parties, each party weighted by the case's tonnes."""
    ref = case_file.case.case_ref
    nodes = [(ref, ref, "case")] + [(x.case_ref, x.case_ref, "case") for x in links.linked]
    edges = [(ref, x.case_ref, 0.0) for x in links.linked]
    seen = set()
    for p in case_file.parties:
        pid = f"p{p.id}"
        if pid not in seen:
            seen.add(pid)
            nodes.append((pid, p.display_name, "party"))
        edges.append((ref, pid, case_file.total_kg / 1000))
    return nodes, edges


def party_neighbourhood(db: Database, party_id: int, limit: int = 60
                        ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, float]]]:
    """What one party touches, for expanding it on a link chart: the cases holding its
    declarations and the parties on the other side of them, heaviest first. Nodes are
    ``(id, label, kind)`` with ids ``CASE-REF`` or ``p<party id>``; edges carry tonnes."""
    me, other = aliased(DeclarationParty), aliased(DeclarationParty)
    d = Declaration
    kg = func.sum(func.coalesce(d.gross_weight_kg, d.net_weight_kg, 0.0))
    with db.read() as s:
        cases = s.execute(
            select(Case.case_ref, kg).join(Seizure, Seizure.case_id == Case.id)
            .join(d, d.id == Seizure.declaration_id)
            .join(me, and_(me.declaration_id == d.id, me.party_id == party_id))
            .group_by(Case.case_ref).order_by(kg.desc()).limit(limit)).all()
        partners = s.execute(
            select(other.party_id, Party.display_name, kg)
            .join(me, and_(me.declaration_id == other.declaration_id, me.party_id == party_id))
            .join(d, d.id == other.declaration_id).join(Party, Party.id == other.party_id)
            .where(other.party_id != party_id)
            .group_by(other.party_id, Party.display_name).order_by(kg.desc()).limit(limit)).all()
    me_id = f"p{party_id}"
    nodes = [(ref, ref, "case") for ref, _ in cases]
    nodes += [(f"p{pid}", name, "party") for pid, name, _ in partners]
    edges = [(me_id, ref, float(t or 0) / 1000) for ref, t in cases]
    edges += [(me_id, f"p{pid}", float(t or 0) / 1000) for pid, _, t in partners]
    return nodes, edges


def _shared_identifier_edges(g: nx.Graph, idents) -> None:
    frame = pl.DataFrame(idents, orient="row", schema={"pid": pl.Int64, "kind": pl.Utf8,
                                                       "key": pl.Utf8})
    groups = frame.group_by("kind", "key").agg(pl.col("pid").unique()).filter(
        pl.col("pid").list.len().is_between(2, 50))
    for kind, _key, members in groups.iter_rows():
        nodes = [f"p{m}" for m in members if g.has_node(f"p{m}")]
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                if not g.has_edge(a, b):
                    g.add_edge(a, b, relation=f"shares {kind}", declarations=0, tonnes=0.0)


def route_network(db: Database, f: NetworkFilter = NetworkFilter()) -> nx.DiGraph:
    """Origin country -> transit port -> discharge port, weighted by tonnage."""
    d = Declaration
    q = (select(d.country_of_export, d.port_of_transshipment, d.port_of_discharge,
                func.sum(func.coalesce(d.gross_weight_kg, d.net_weight_kg, 0.0)))
         .where(d.id.in_(_declarations(db, f))).group_by(
        d.country_of_export, d.port_of_transshipment, d.port_of_discharge))
    g = nx.DiGraph()
    with db.engine.connect() as conn:
        for origin, via, pod, kg in conn.execute(q):
            legs = [x for x in (origin, via, pod) if x]
            for i, node in enumerate(legs):
                g.add_node(node, kind="country" if i == 0 and node == origin else "port")
            for a, b in zip(legs, legs[1:], strict=False):
                w = g.edges[a, b]["tonnes"] if g.has_edge(a, b) else 0.0
                g.add_edge(a, b, tonnes=w + float(kg or 0) / 1000.0)
    return g


@dataclass(frozen=True)
class NetworkStats:
    nodes: int
    edges: int
    components: int
    largest_component: int
    communities: int
    central: tuple[dict, ...] = field(default=())

    def to_json(self) -> dict:
        return {"nodes": self.nodes, "edges": self.edges, "components": self.components,
                "largest_component": self.largest_component, "communities": self.communities,
                "central": list(self.central)}


def network_stats(g: nx.Graph, top: int = 10) -> NetworkStats:
    """Sizes, components, communities and the most central nodes, computed by casedb.links.graph
    (as the link chart computes them)."""
    if g.number_of_nodes() == 0:
        return NetworkStats(0, 0, 0, 0, 0)
    u = g.to_undirected() if g.is_directed() else g
    comps = list(nx.connected_components(u))
    ids, edges, tonnes = graph.from_networkx(u)
    membership = graph.communities(len(ids), edges, tonnes)
    between = dict(zip(ids, graph.betweenness(len(ids), edges).tolist(), strict=True))
    degree = dict(u.degree())
    weighted = dict(u.degree(weight="tonnes"))
    ranked = sorted(u.nodes, key=lambda n: (-weighted[n], -degree[n]))[:top]
    central = tuple({"id": n, "label": u.nodes[n].get("label", n), "degree": degree[n],
                     "tonnes": round(weighted[n], 3), "betweenness": round(between[n], 6)}
                    for n in ranked)
    return NetworkStats(u.number_of_nodes(), u.number_of_edges(), len(comps),
                        max(len(c) for c in comps), int(membership.max()) + 1, central)


def ego_network(g: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    return nx.ego_graph(g, node, radius=radius)


def shortest_path(g: nx.Graph, a: str, b: str) -> list[str]:
    try:
        return nx.shortest_path(g, a, b)
    except (nx.NetworkXNoPath, nx.NodeNotFound) as exc:
        raise CaseDbError(f"no path between {a} and {b}") from exc


def write_graph(g: nx.Graph, path, db: Database | None = None) -> Path:
    """Write ``g`` to GraphML or GEXF, readable by its owner only, whole or not at all; audited
    in ``db``, the database it was drawn from, before it is in place (casedb.store.export_file)."""
    path = Path(path)
    writers = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}
    write = writers.get(path.suffix.lower())
    if write is None:
        raise CaseDbError(f"unknown graph format {path.suffix!r}: use .graphml or .gexf")
    detail = f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"
    with export_file(path, db, "graph", detail=detail) as out:
        write(g, out.path)
    return path
