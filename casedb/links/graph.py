"""Graph maths, one place for the link chart, ``wasteintel network stats`` and the dossier.

The analyses take a network as arrays (nodes 0..n-1, ``edges`` as (a, b) rows, ``tonnes`` per
edge) and use one set of parameters: Louvain communities weighted by tonnes with SEED, and
betweenness exact up to EXACT_BETWEENNESS_UP_TO nodes, else estimated from
BETWEENNESS_SAMPLES sources. A link without tonnage (a shared phone, a link between cases)
weighs NO_TONNES_WEIGHT. ``LinkGraph`` is the network a link chart holds (positions, pins,
merging, hiding, shortest paths); the force layout is in ``graph_layout``."""

from __future__ import annotations

import itertools
import logging

import networkx as nx
import numpy as np

log = logging.getLogger(__name__)
_VERSIONS = itertools.count(1)  # unique across graphs: a late answer never fits a new graph

SEED = 42
BETWEENNESS_SAMPLES = 200
EXACT_BETWEENNESS_UP_TO = 2000  # nodes
NO_TONNES_WEIGHT = 1.0


def as_nx(n: int, edges: np.ndarray, tonnes: np.ndarray | None = None) -> nx.Graph:
    """Nodes 0..n-1 with the edges, each weighted (``weight``) for the analyses. Edges go in
    sorted: the same network gives the same answers whatever order its edges came in (Louvain
    and sampled betweenness follow the adjacency order)."""
    edges = np.sort(np.asarray(edges, dtype=np.int64).reshape(-1, 2), axis=1)
    weights = weights_of(tonnes, len(edges))
    order = np.lexsort((edges[:, 1], edges[:, 0]))
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from((a, b, w) for (a, b), w in zip(edges[order].tolist(),
                                                             weights[order].tolist(), strict=True))
    return g


def weights_of(tonnes, count: int) -> np.ndarray:
    if tonnes is None:
        return np.full(count, NO_TONNES_WEIGHT)
    t = np.nan_to_num(np.asarray(tonnes, dtype=float).reshape(-1))
    return np.where(t > 0, t, NO_TONNES_WEIGHT)


def from_networkx(g: nx.Graph) -> tuple[list, np.ndarray, np.ndarray]:
    """A networkx graph (undirected view) as node ids in its order, edge rows and tonnes."""
    u = g.to_undirected() if g.is_directed() else g
    ids = list(u.nodes)
    index = {node: i for i, node in enumerate(ids)}
    rows = [(index[a], index[b], float(d.get("tonnes") or 0.0)) for a, b, d in u.edges(data=True)]
    edges = np.array([(a, b) for a, b, _ in rows], dtype=np.int64).reshape(-1, 2)
    return ids, edges, np.array([t for _, _, t in rows], dtype=float)


def communities(n: int, edges: np.ndarray, tonnes: np.ndarray | None = None) -> np.ndarray:
    """Louvain communities weighted by tonnes (networkx, seeded): each node's community
    number, 0 the largest."""
    found = nx.community.louvain_communities(as_nx(n, edges, tonnes), weight="weight",
                                             seed=SEED)
    membership = np.zeros(n, dtype=int)
    for number, members in enumerate(sorted(found, key=len, reverse=True)):
        membership[list(members)] = number
    return membership


def betweenness(n: int, edges: np.ndarray) -> np.ndarray:
    """Betweenness centrality (normalised; by hops), exact or from BETWEENNESS_SAMPLES."""
    k = None if n <= EXACT_BETWEENNESS_UP_TO else BETWEENNESS_SAMPLES
    found = nx.betweenness_centrality(as_nx(n, edges), k=k, seed=SEED, normalized=True)
    return np.array([found[i] for i in range(n)], dtype=float)


def centrality(n: int, edges: np.ndarray, measure: str) -> np.ndarray:
    """Degree or betweenness, scaled to 0..1 (the largest is 1)."""
    edges = np.asarray(edges).reshape(-1, 2)
    if measure == "degree":
        values = np.bincount(edges.reshape(-1), minlength=n).astype(float)
    elif measure == "betweenness":
        values = betweenness(n, edges)
    else:
        raise ValueError(f"unknown centrality measure {measure!r}")
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else values


def shortest_path_rows(n: int, edges: np.ndarray, a: int, b: int) -> list[int]:
    """Rows from a to b (fewest links); empty when they are not connected."""
    try:
        return nx.shortest_path(as_nx(n, edges), a, b)
    except nx.NetworkXNoPath:
        return []


def bridging(kinds, edges: np.ndarray, hub_kind: str = "case") -> np.ndarray:
    """Which nodes reach two or more ``hub_kind`` nodes (cases) within two links: a company in
    two cases, a phone or a container held by companies of two cases. Hubs themselves are not
    marked. One bool per node."""
    kinds = list(kinds)
    hubs = np.array([k == hub_kind for k in kinds], dtype=bool)
    near: list[set[int]] = [set() for _ in kinds]  # the hubs each node links to directly
    neighbours: list[list[int]] = [[] for _ in kinds]
    for a, b in np.asarray(edges, dtype=int).reshape(-1, 2).tolist():
        neighbours[a].append(b)
        neighbours[b].append(a)
        if hubs[b]:
            near[a].add(b)
        if hubs[a]:
            near[b].add(a)
    out = np.zeros(len(kinds), dtype=bool)
    for node, others in enumerate(neighbours):
        if hubs[node]:
            continue
        reached = set(near[node])
        for other in others:
            if not hubs[other]:
                reached |= near[other]
            if len(reached) > 1:
                out[node] = True
                break
    return out


class LinkGraph:
    """Nodes are rows 0..n-1 of the arrays; ``index`` maps a node id to its row."""

    def __init__(self):
        self.ids: list[str] = []
        self.labels: list[str] = []
        self.kinds: list[str] = []
        self.index: dict[str, int] = {}
        self.edges = np.empty((0, 2), dtype=np.int64)
        self.tonnes = np.empty(0, dtype=float)
        self.pos = np.empty((0, 2), dtype=float)  # NaN rows: not placed yet
        self.pinned = np.empty(0, dtype=bool)
        self.version = next(_VERSIONS)  # a new number on every change of nodes or edges

    @property
    def n(self) -> int:
        return len(self.ids)

    def merge(self, nodes, edges, positions=None) -> np.ndarray:
        """Add the nodes not held yet (existing ones keep label, kind and position) and the edges
        not held yet, the heaviest of duplicates; edges to unknown nodes are left out. Returns
        the rows of the new nodes."""
        first = self.n
        given = None if positions is None else np.asarray(positions, dtype=float).reshape(-1, 2)
        new_pos = []
        for row, (node_id, label, kind) in enumerate(nodes):
            if node_id in self.index:
                continue
            self.index[node_id] = len(self.ids)
            self.ids.append(node_id)
            self.labels.append(str(label))
            self.kinds.append(str(kind))
            new_pos.append(given[row] if given is not None else (np.nan, np.nan))
        added = self.n - first
        self.pos = np.vstack([self.pos, np.array(new_pos, dtype=float).reshape(-1, 2)])
        self.pinned = np.concatenate([self.pinned, np.zeros(added, dtype=bool)])
        self._merge_edges(edges)
        self._changed()
        return np.arange(first, self.n)

    def _merge_edges(self, edges) -> None:
        heaviest: dict[tuple[int, int], float] = {}
        for (a, b), t in zip(self.edges.tolist(), self.tonnes.tolist(), strict=True):
            heaviest[(a, b)] = t
        unknown = 0
        for a, b, tonnes in edges:
            ia, ib = self.index.get(a), self.index.get(b)
            if ia is None or ib is None:
                unknown += 1
                continue
            if ia == ib:
                continue
            key = (min(ia, ib), max(ia, ib))
            heaviest[key] = max(heaviest.get(key, 0.0), float(tonnes or 0.0))
        if unknown:
            log.warning("link chart: %d edge(s) to unknown nodes left out", unknown)
        self.edges = np.array(list(heaviest), dtype=np.int64).reshape(-1, 2)
        self.tonnes = np.array(list(heaviest.values()), dtype=float)

    def remove(self, node_ids) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, float]],
                                         np.ndarray]:
        """Take nodes out; returns them (id, label, kind), their edges and their positions, so
        they can be merged back."""
        rows = np.array(sorted({self.index[i] for i in node_ids if i in self.index}), dtype=int)
        keep = np.ones(self.n, dtype=bool)
        keep[rows] = False
        removed_nodes = [(self.ids[r], self.labels[r], self.kinds[r]) for r in rows]
        touched = ~(keep[self.edges[:, 0]] & keep[self.edges[:, 1]])
        removed_edges = [(self.ids[a], self.ids[b], t) for (a, b), t
                         in zip(self.edges[touched].tolist(), self.tonnes[touched].tolist(),
                                strict=True)]
        removed_pos = self.pos[rows].copy()
        new_row = np.cumsum(keep) - 1
        self.edges = new_row[self.edges[~touched]].reshape(-1, 2)
        self.tonnes = self.tonnes[~touched]
        self.ids = [i for i, k in zip(self.ids, keep, strict=True) if k]
        self.labels = [x for x, k in zip(self.labels, keep, strict=True) if k]
        self.kinds = [x for x, k in zip(self.kinds, keep, strict=True) if k]
        self.index = {node_id: r for r, node_id in enumerate(self.ids)}
        self.pos = self.pos[keep]
        self.pinned = self.pinned[keep]
        self._changed()
        return removed_nodes, removed_edges, removed_pos

    def _changed(self) -> None:
        self.version = next(_VERSIONS)

    def degree(self) -> np.ndarray:
        return np.bincount(self.edges.reshape(-1), minlength=self.n)

    def neighbours(self, rows) -> np.ndarray:
        rows = np.asarray(list(rows), dtype=int)
        if not len(rows) or not len(self.edges):
            return np.empty(0, dtype=int)
        a, b = self.edges[:, 0], self.edges[:, 1]
        return np.unique(np.concatenate([b[np.isin(a, rows)], a[np.isin(b, rows)]]))

    def shortest_path(self, a: str, b: str) -> list[str]:
        """Node ids from a to b (fewest links); empty when they are not connected."""
        rows = shortest_path_rows(self.n, self.edges, self.index[a], self.index[b])
        return [self.ids[r] for r in rows]

    def path_edge_mask(self, path: list[str]) -> np.ndarray:
        """Which edges join consecutive nodes of ``path``."""
        rows = np.array([self.index[i] for i in path], dtype=np.int64)
        if len(rows) < 2 or not len(self.edges):
            return np.zeros(len(self.edges), dtype=bool)
        steps = np.minimum(rows[:-1], rows[1:]) * self.n + np.maximum(rows[:-1], rows[1:])
        keys = self.edges.min(axis=1) * self.n + self.edges.max(axis=1)
        return np.isin(keys, steps)
