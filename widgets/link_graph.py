"""The network a link chart holds, without Qt: nodes (id, label, kind) with positions and pins,
edges with tonnes as numpy arrays, merging (expand), removing (hide), shortest paths, and the
analyses that may run off the GUI thread (communities, centrality)."""

from __future__ import annotations

import itertools
import logging

import networkx as nx
import numpy as np

log = logging.getLogger(__name__)
_VERSIONS = itertools.count(1)  # unique across graphs: a late answer never fits a new graph


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
        self._nx: nx.Graph | None = None

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
        self._nx = None

    def degree(self) -> np.ndarray:
        return np.bincount(self.edges.reshape(-1), minlength=self.n)

    def neighbours(self, rows) -> np.ndarray:
        rows = np.asarray(list(rows), dtype=int)
        if not len(rows) or not len(self.edges):
            return np.empty(0, dtype=int)
        a, b = self.edges[:, 0], self.edges[:, 1]
        return np.unique(np.concatenate([b[np.isin(a, rows)], a[np.isin(b, rows)]]))

    def nx_graph(self) -> nx.Graph:
        if self._nx is None:
            g = nx.Graph()
            g.add_nodes_from(range(self.n))
            g.add_edges_from(self.edges.tolist())
            self._nx = g
        return self._nx

    def shortest_path(self, a: str, b: str) -> list[str]:
        """Node ids from a to b (fewest links); empty when they are not connected."""
        try:
            rows = nx.shortest_path(self.nx_graph(), self.index[a], self.index[b])
        except nx.NetworkXNoPath:
            return []
        return [self.ids[r] for r in rows]

    def path_edge_mask(self, path: list[str]) -> np.ndarray:
        """Which edges join consecutive nodes of ``path``."""
        rows = np.array([self.index[i] for i in path], dtype=np.int64)
        if len(rows) < 2 or not len(self.edges):
            return np.zeros(len(self.edges), dtype=bool)
        steps = np.minimum(rows[:-1], rows[1:]) * self.n + np.maximum(rows[:-1], rows[1:])
        keys = self.edges.min(axis=1) * self.n + self.edges.max(axis=1)
        return np.isin(keys, steps)


def communities(n: int, edges: np.ndarray, seed: int = 7) -> np.ndarray:
    """Louvain communities (networkx, seeded): each node's community number, 0 the largest."""
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(np.asarray(edges).tolist())
    found = sorted(nx.community.louvain_communities(g, seed=seed), key=len, reverse=True)
    membership = np.zeros(n, dtype=int)
    for number, members in enumerate(found):
        membership[list(members)] = number
    return membership


BETWEENNESS_SAMPLES = 64


def centrality(n: int, edges: np.ndarray, measure: str, seed: int = 7) -> np.ndarray:
    """Degree, or betweenness estimated from BETWEENNESS_SAMPLES sources (networkx), scaled
    to 0..1."""
    edges = np.asarray(edges).reshape(-1, 2)
    if measure == "degree":
        values = np.bincount(edges.reshape(-1), minlength=n).astype(float)
    elif measure == "betweenness":
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges.tolist())
        k = n if n <= BETWEENNESS_SAMPLES else BETWEENNESS_SAMPLES
        found = nx.betweenness_centrality(g, k=k, seed=seed)
        values = np.array([found[i] for i in range(n)], dtype=float)
    else:
        raise ValueError(f"unknown centrality measure {measure!r}")
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else values
