"""The pyqtgraph items that draw a LinkGraph in a ViewBox: edges in one curve per width
class, nodes in one scatter, marks (selection, pins, a highlighted path) and a few labels.

Drawing cost is what limits big charts: an edge wider than 1 px costs several times a thin
one, so at most WIDE_EDGE_BUDGET edges (the heaviest) are drawn wide; labels are drawn only
for LABEL_BUDGET nodes in view (the biggest), plus the selection, its neighbours and a path.
A label goes below its node, or above it when below would cover another label or (on charts
of at most NODE_BOXES nodes) another node; with neither free, the node goes unlabelled.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from casedb.links.graph import LinkGraph
from widgets.link_style import (
    BORDER_COLOUR,
    EDGE_COLOUR,
    PATH_COLOUR,
    PIN_COLOUR,
    SELECTION_COLOUR,
    BrushCache,
    community_colours,
    edge_widths,
    style_of,
)

WIDE_EDGE_BUDGET = 2000
LABEL_BUDGET = 40
LABEL_CANDIDATES = 400  # the biggest nodes in view tried for a label
LABEL_HEIGHT_PX = 18
NEIGHBOUR_LABEL_BUDGET = 30
LABEL_CHARS = 32
HIT_SLOP_PX = 3
CENTRALITY_SIZES = (7.0, 30.0)  # pixels, least and most central
NODE_BOXES = 2000  # on charts of at most so many nodes, a label covers no other node


def _curve(colour, width: float, z: float) -> pg.PlotCurveItem:
    pen = pg.mkPen(colour, width=width)
    pen.setCapStyle(Qt.PenCapStyle.SquareCap)
    item = pg.PlotCurveItem(connect="pairs", pen=pen, antialias=False, skipFiniteCheck=True)
    item.setSegmentedLineMode("on" if width > 1 else "off")  # the fast path for each width
    item.setZValue(z)
    return item


class NodeScatter(pg.ScatterPlotItem):
    """Nodes; clicks are resolved by LinkItems.row_at (vectorised) instead of pyqtgraph's
    per-point objects, which cost seconds to build for 50k nodes."""

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph override
        ev.ignore()


def _marks(pen, z: float, symbol: str = "o") -> pg.ScatterPlotItem:
    item = pg.ScatterPlotItem(pxMode=True, symbol=symbol, pen=pen, brush=None)
    item.setZValue(z)
    return item


class LinkItems:
    def __init__(self, box: pg.ViewBox, graph: LinkGraph):
        self.box, self.graph = box, graph
        self.edge_items: dict[int, pg.PlotCurveItem] = {}
        self.edge_classes: list[tuple[int, np.ndarray]] = []  # (width, edge rows)
        self.path_item = _curve(PATH_COLOUR, 4, 1)
        self.nodes = NodeScatter(pxMode=True, pen=pg.mkPen("#ffffff", width=0.8))
        self.nodes.setZValue(2)
        self.selection_item = _marks(pg.mkPen(SELECTION_COLOUR, width=2.5), 3)
        self.path_nodes_item = _marks(pg.mkPen(PATH_COLOUR, width=2.5), 3)
        self.pin_item = _marks(pg.mkPen(PIN_COLOUR, width=1.5, style=Qt.PenStyle.DashLine), 3,
                               "s")
        self.border_item = _marks(pg.mkPen(BORDER_COLOUR, width=3), 2.5)  # conditional border
        self._border_rows = np.empty(0, dtype=int)
        for item in (self.path_item, self.nodes, self.selection_item, self.path_nodes_item,
                     self.pin_item, self.border_item):
            box.addItem(item)
        self.labels: list[pg.TextItem] = []  # every label item, shown or not
        self.label_of: dict[int, pg.TextItem] = {}  # row -> its label item, while it has one
        self._labels_version = -1
        self.labelled: list[int] = []  # rows with a label now
        self.above: set[int] = set()  # rows whose label is above the node, not below
        self.symbols = np.empty(0, dtype=object)
        self.colours = np.empty(0, dtype=object)
        self.sizes = np.empty(0, dtype=float)
        self._brushes = BrushCache()
        self._brush_array = np.empty(0, dtype=object)

    # --- style ------------------------------------------------------------------------------

    def restyle(self, communities: np.ndarray | None = None,
                centrality: np.ndarray | None = None, colours: np.ndarray | None = None) -> None:
        """Symbols and colours by kind (colours by community when given), sizes by kind (by
        centrality, 0..1, when given); edge width classes by tonnes."""
        styles = [style_of(k) for k in self.graph.kinds]
        self.symbols = np.array([s.symbol for s in styles] or [], dtype=object)
        if colours is not None and len(colours) == self.graph.n:  # conditional formatting
            self.colours = colours
        elif communities is not None and len(communities) == self.graph.n:
            self.colours = community_colours(communities)
        else:
            self.colours = np.array([s.colour for s in styles], dtype=object)
        if centrality is not None and len(centrality) == self.graph.n:
            low, high = CENTRALITY_SIZES
            self.sizes = low + (high - low) * np.sqrt(np.clip(centrality, 0, 1))
        else:
            self.sizes = np.array([s.size for s in styles], dtype=float)
        self._brush_array = self._brushes(self.colours)
        self._classify_edges()

    def _classify_edges(self) -> None:
        widths = edge_widths(self.graph.tonnes)
        wide = np.flatnonzero(widths > 1)
        if len(wide) > WIDE_EDGE_BUDGET:  # keep the heaviest wide, draw the others thin
            order = np.argsort(self.graph.tonnes[wide], kind="stable")
            widths[wide[order[:-WIDE_EDGE_BUDGET]]] = 1
        self.edge_classes = [(int(w), np.flatnonzero(widths == w)) for w in np.unique(widths)]
        for width in set(self.edge_items) - {w for w, _ in self.edge_classes}:
            self.box.removeItem(self.edge_items.pop(width))
        for width, _ in self.edge_classes:
            if width not in self.edge_items:
                self.edge_items[width] = _curve(EDGE_COLOUR, width, 0)
                self.box.addItem(self.edge_items[width])

    # --- drawing ----------------------------------------------------------------------------

    def placed(self) -> bool:
        return self.graph.n > 0 and bool(np.isfinite(self.graph.pos).all())

    def draw(self) -> None:
        """Nodes and edges at the graph's positions (nothing until every node is placed)."""
        if not self.placed():
            self.nodes.clear()
            for item in self.edge_items.values():
                item.setData([], [])
            return
        pos = self.graph.pos
        self.nodes.setData(pos=pos, symbol=self.symbols, brush=self._brush_array,
                           size=self.sizes)
        for width, rows in self.edge_classes:
            xy = pos[self.graph.edges[rows]].reshape(-1, 2)
            self.edge_items[width].setData(xy[:, 0], xy[:, 1])

    def draw_marks(self, selected: np.ndarray, path: np.ndarray, path_edges: np.ndarray,
                   bordered: np.ndarray | None = None) -> None:
        """Rings round selected and path nodes, a dashed box round pinned ones, a thick border
        round ``bordered`` ones (conditional formatting), the path's edges in the path colour."""
        ok = self.placed()
        pos = self.graph.pos
        bordered = np.empty(0, dtype=int) if bordered is None else bordered
        self._border_rows = bordered if ok else np.empty(0, dtype=int)
        for item, rows, extra in ((self.selection_item, selected, 9),
                                  (self.path_nodes_item, path, 6),
                                  (self.pin_item, np.flatnonzero(self.graph.pinned), 6),
                                  (self.border_item, bordered, 3)):
            rows = np.asarray(rows, dtype=int) if ok else np.empty(0, dtype=int)
            item.setData(pos=pos[rows], size=self.sizes[rows] + extra)
        edges = self.graph.edges[path_edges] if ok else np.empty((0, 2), dtype=int)
        xy = pos[edges].reshape(-1, 2)
        self.path_item.setData(xy[:, 0], xy[:, 1])

    def bordered_rows(self) -> list[int]:
        """The rows drawn with the conditional border (as drawn: for tests and exports)."""
        pos = self.border_item.getData()
        return [int(r) for r in self._border_rows] if len(pos[0]) else []

    def draw_labels(self, rows: np.ndarray) -> None:
        """Names under (or over) the nodes ``rows``; a node named before keeps its label item,
        so a pan or zoom lays out only the names that change."""
        rows = [int(r) for r in rows]
        if self._labels_version != self.graph.version:
            self.label_of, self._labels_version = {}, self.graph.version
        self.label_of = {r: label for r, label in self.label_of.items() if r in set(rows)}
        used = {id(label) for label in self.label_of.values()}
        free = [label for label in self.labels if id(label) not in used]
        pos = self.graph.pos
        for row in rows:
            label = self.label_of.get(row)
            if label is None:
                label = free.pop(0) if free else self._new_label()
                self.label_of[row] = label
            text = self.graph.labels[row][:LABEL_CHARS]
            if label.toPlainText() != text:  # setting text or anchor lays the label out again
                label.setText(text)
            height = label.textItem.boundingRect().height() or 16.0
            gap = (self.sizes[row] / 2 + 1) / height  # just below the symbol, or just above
            anchor = pg.Point(0.5, 1 + gap if row in self.above else -gap)
            if label.anchor != anchor:
                label.setAnchor(anchor)
            label.setPos(float(pos[row, 0]), float(pos[row, 1]))
            label.setVisible(True)
        for label in free:
            label.setVisible(False)
        self.labelled = rows

    def _new_label(self) -> pg.TextItem:
        label = pg.TextItem(color="#202020", fill=pg.mkBrush(255, 255, 255, 190))
        label.setZValue(1.5)  # over edges, under nodes: a label never hides a node
        self.box.addItem(label, ignoreBounds=True)
        self.labels.append(label)
        return label

    # --- what to label, what was clicked ------------------------------------------------------

    def rows_to_label(self, selected: np.ndarray, path: np.ndarray) -> np.ndarray:
        """The selection, its best-connected neighbours and the path, always; then every node
        in view when there are at most LABEL_BUDGET, else the biggest first, as long as their
        labels do not overlap, at most LABEL_BUDGET."""
        if not self.placed():
            return np.empty(0, dtype=int)
        pos = self.graph.pos
        (x0, x1), (y0, y1) = self.box.viewRange()
        inside = np.flatnonzero((pos[:, 0] >= x0) & (pos[:, 0] <= x1)
                                & (pos[:, 1] >= y0) & (pos[:, 1] <= y1))
        degree = self.graph.degree()
        if len(inside) > LABEL_CANDIDATES:
            score = self.sizes[inside] * 1e6 + degree[inside]
            inside = inside[np.argpartition(-score, LABEL_CANDIDATES)[:LABEL_CANDIDATES]]
        inside = inside[np.lexsort((-degree[inside], -self.sizes[inside]))]
        near = self.graph.neighbours(selected)
        if len(near) > NEIGHBOUR_LABEL_BUDGET:
            near = near[np.argsort(-degree[near], kind="stable")[:NEIGHBOUR_LABEL_BUDGET]]
        forced = list(dict.fromkeys(np.concatenate(
            [np.asarray(path, dtype=int), np.asarray(selected, dtype=int), near]).tolist()))
        # few or many in view: those whose labels overlap none taken (the tooltip names the rest)
        return np.array(self._without_overlaps(forced, inside.tolist()), dtype=int)

    def _without_overlaps(self, forced: list[int], candidates: list[int]) -> list[int]:
        """Greedy: forced rows all (below their node, or above when that is free), then each
        candidate whose label box (in pixels), below or else above its node, misses the boxes
        taken and the other nodes, until LABEL_BUDGET candidates are in."""
        px, py = self.box.viewPixelSize()
        self.above = set()
        if not px or not py:
            return forced
        placer = _Placer(self.graph, self.sizes, px, py)
        chosen = []
        for row in forced:
            if placer.place(row, must=True) == "above":
                self.above.add(row)
            chosen.append(row)
        for row in candidates:
            if len(chosen) - len(forced) >= LABEL_BUDGET:
                break
            side = None if row in chosen else placer.place(row, must=False)
            if side is not None:
                chosen.append(row)
                if side == "above":
                    self.above.add(row)
        return chosen

    def row_at(self, scene_pos) -> int | None:
        """The node under a scene position (within its symbol and a few pixels), or None."""
        if not self.placed():
            return None
        point = self.box.mapSceneToView(scene_pos)
        px, py = self.box.viewPixelSize()
        if not px or not py:
            return None
        dx = (self.graph.pos[:, 0] - point.x()) / px
        dy = (self.graph.pos[:, 1] - point.y()) / py
        d2 = dx * dx + dy * dy
        row = int(np.argmin(d2))
        reach = self.sizes[row] / 2 + HIT_SLOP_PX
        return row if d2[row] <= reach * reach else None

    def view_pos_of(self, row: int):
        """Scene position of a node's centre (for tests and pop-ups)."""
        x, y = self.graph.pos[row]
        return self.box.mapViewToScene(pg.Point(float(x), float(y)))


def _hits(boxes: np.ndarray, box: tuple) -> np.ndarray:
    """Which of ``boxes`` (rows of left, top, right, bottom) ``box`` overlaps."""
    return ((boxes[:, 0] < box[2]) & (boxes[:, 2] > box[0])
            & (boxes[:, 1] < box[3]) & (boxes[:, 3] > box[1]))


class _Placer:
    """Label boxes in pixels (screen y grows down), below or above their nodes, kept clear of
    those taken before and (on a chart of at most NODE_BOXES nodes) of the other nodes."""

    def __init__(self, graph: LinkGraph, sizes: np.ndarray, px: float, py: float):
        self.graph, self.sizes, self.px, self.py = graph, sizes, px, py
        self.taken: list[tuple[float, float, float, float]] = []
        self.nodes = np.empty((0, 4))
        if graph.n <= NODE_BOXES:
            x, y, half = graph.pos[:, 0] / px, -graph.pos[:, 1] / py, sizes / 2
            self.nodes = np.column_stack([x - half, y - half, x + half, y + half])

    def box(self, row: int, above: bool) -> tuple[float, float, float, float]:
        x, y = self.graph.pos[row, 0] / self.px, -self.graph.pos[row, 1] / self.py
        half = 3.5 * min(len(self.graph.labels[row]), LABEL_CHARS) + 3
        top = y - self.sizes[row] / 2 - LABEL_HEIGHT_PX if above else y + self.sizes[row] / 2
        return x - half, top, x + half, top + LABEL_HEIGHT_PX

    def free(self, row: int, box: tuple) -> bool:
        if self.taken and _hits(np.asarray(self.taken), box).any():
            return False
        if not len(self.nodes):
            return True
        hit = _hits(self.nodes, box)
        hit[row] = False
        return not hit.any()

    def place(self, row: int, must: bool) -> str | None:
        """"below" or "above" where the label goes (a forced one below when neither is free),
        None when it finds no room."""
        for side in ("below", "above"):
            box = self.box(row, side == "above")
            if self.free(row, box):
                self.taken.append(box)
                return side
        if must:
            self.taken.append(self.box(row, False))
            return "below"
        return None
