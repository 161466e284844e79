"""The link chart: a network drawn with pyqtgraph (case and party nodes by colour and symbol,
edge width by tonnage), laid out with networkx (small graphs) or igraph's DrL (large ones)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

KIND_STYLE = {"case": ("s", "#d62728", 16), "party": ("o", "#1f77b4", 11),
              "port": ("t", "#2ca02c", 11)}


def layout_positions(nodes: list[str], edges: list[tuple[str, str]], seed: int = 7) -> np.ndarray:
    """Node positions: spring layout (networkx) for small graphs, igraph's DrL for big ones."""
    index = {n: i for i, n in enumerate(nodes)}
    if len(nodes) <= 500:
        import networkx as nx

        g = nx.Graph()
        g.add_nodes_from(nodes)
        g.add_edges_from(edges)
        pos = nx.spring_layout(g, seed=seed)
        return np.array([pos[n] for n in nodes], dtype=float)
    import igraph as ig

    g = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges])
    return np.array(g.layout_drl().coords, dtype=float)


class LinkChart(QWidget):
    node_activated = Signal(str)  # node id, e.g. a case reference

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground("w")
        self.box = self.view.addViewBox()
        self.box.setAspectLocked(True)
        self.graph = pg.GraphItem()
        self.box.addItem(self.graph)
        self.labels: list[pg.TextItem] = []
        self.nodes: list[str] = []
        QVBoxLayout(self).addWidget(self.view)
        self.graph.scatter.sigClicked.connect(self._on_scatter_clicked)

    def show_network(self, nodes: list[tuple[str, str, str]], edges: list[tuple[str, str, float]],
                     positions: np.ndarray | None = None) -> None:
        """``nodes``: (id, label, kind); ``edges``: (a, b, tonnes)."""
        self.nodes = [n[0] for n in nodes]
        index = {n: i for i, n in enumerate(self.nodes)}
        pos = positions if positions is not None else layout_positions(
            self.nodes, [(a, b) for a, b, _ in edges])
        adj = np.array([(index[a], index[b]) for a, b, _ in edges], dtype=int).reshape(-1, 2)
        widths = [1 + min(6.0, t / 50.0) for *_, t in edges]
        pens = np.array([(150, 150, 150, 255, w) for w in widths],
                        dtype=[("red", np.ubyte), ("green", np.ubyte), ("blue", np.ubyte),
                               ("alpha", np.ubyte), ("width", float)])
        symbols = [KIND_STYLE.get(k, KIND_STYLE["party"])[0] for _, _, k in nodes]
        brushes = [KIND_STYLE.get(k, KIND_STYLE["party"])[1] for _, _, k in nodes]
        sizes = [KIND_STYLE.get(k, KIND_STYLE["party"])[2] for _, _, k in nodes]
        self.graph.setData(pos=pos, adj=adj if len(adj) else None,
                           pen=pens if len(adj) else None, symbol=symbols,
                           symbolBrush=brushes, size=sizes, pxMode=True, data=self.nodes)
        for item in self.labels:
            self.box.removeItem(item)
        self.labels = []
        if len(nodes) <= 300:  # labels stay readable on small charts
            for (_, label, _), (x, y) in zip(nodes, pos, strict=True):
                t = pg.TextItem(label[:32], color="#222", anchor=(0.5, -0.4))
                t.setPos(x, y)
                self.box.addItem(t)
                self.labels.append(t)

    def _on_scatter_clicked(self, _scatter, points, _event=None) -> None:
        if len(points):
            self.node_activated.emit(str(points[0].data()))
