"""The link chart's details: an attribute panel for the selected node (kind, roles, dates, links,
tonnes, its heaviest neighbours), a tooltip for the node under the mouse, and link labels (the
role or identifier kind, the value the two ends share, the tonnes) shown for the hovered node's
links, or for every link drawn by a toggle."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QTextBrowser

from .link_items import LABEL_CHARS
from .link_style import kind_label, link_words, role_label

MAX_LABELS = 150  # link labels drawn at once
LABEL_CANDIDATES = 600  # the heaviest links tried for a label
TEXT_MARGIN = 4  # px round a TextItem's text (its document's margin)
NODE_BOXES = 2000  # on charts of at most so many nodes, link labels do not cover nodes
TOP_NEIGHBOURS = 8  # listed in the panel
VALUE_CHARS = 28  # of a shared value on a link label


class LinkDetails(QObject):
    def __init__(self, chart):
        super().__init__(chart)
        self.chart = chart
        self.panel = QTextBrowser(chart)
        self.panel.setMinimumWidth(200)
        self.panel.setMaximumWidth(280)
        self.panel.setPlaceholderText(self.tr("Select a node to see its attributes"))
        self.always = False  # link labels on every link, not only the hovered node's
        self.hovered: int | None = None
        self.hover_text = ""
        self.link_labels: list[pg.TextItem] = []  # shown now
        self._pool: list[pg.TextItem] = []
        self.skipped = 0  # links whose label would have covered another
        self._text_key: tuple | None = None
        self._text_cache: dict[int, tuple[str, float]] = {}  # link row -> label, its width
        chart.view.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        chart.selection_changed.connect(self.show_selected)

    # --- the panel ----------------------------------------------------------------------------

    def links_of(self, row: int) -> list[tuple[int, float]]:
        """(neighbour row, tonnes) of a node's links, heaviest first."""
        graph = self.chart.network
        edges, tonnes = graph.edges, graph.tonnes
        mine = (edges[:, 0] == row) | (edges[:, 1] == row)
        others = np.where(edges[mine, 0] == row, edges[mine, 1], edges[mine, 0])
        pairs = sorted(zip(others.tolist(), tonnes[mine].tolist(), strict=True),
                       key=lambda p: -p[1])
        return pairs

    def describe(self, row: int) -> str:
        """A node's attributes as HTML: its name, kind, links and tonnes, its heaviest
        neighbours."""
        graph = self.chart.network
        links = self.links_of(row)
        total = sum(t for _, t in links)
        lines = [f"<b>{html.escape(graph.labels[row])}</b>",
                 html.escape(kind_label(graph.kinds[row])),
                 self.tr("%1 link(s), %2 t").replace("%1", str(len(links))).replace(
                     "%2", f"{total:,.1f}")]
        facts = self.chart.filters.facts
        node = graph.ids[row]
        if facts is not None and facts.roles.get(node):
            lines.append(self.tr("Roles: %1").replace("%1", html.escape(
                ", ".join(role_label(r) for r in facts.roles[node]))))
        if facts is not None and node in facts.spans:
            first, last = facts.spans[node]
            lines.append(self.tr("Declared %1 to %2").replace("%1", first.isoformat()).replace(
                "%2", last.isoformat()))
        if graph.pinned[row]:
            lines.append(self.tr("pinned"))
        if links:
            lines.append("<br><i>" + html.escape(self.tr("Heaviest links")) + "</i>")
            lines += [f"{html.escape(graph.labels[o])} ({html.escape(kind_label(graph.kinds[o]))})"
                      f" — {t:,.1f} t" for o, t in links[:TOP_NEIGHBOURS]]
        return "<br>".join(lines)

    def show_selected(self) -> None:
        chart = self.chart
        rows = [chart.network.index[n] for n in chart.selected if n in chart.network.index]
        self.panel.setHtml(self.describe(rows[-1]) if rows else "")

    # --- hover and link labels ----------------------------------------------------------------

    def set_always(self, on: bool) -> None:
        self.always = on
        self.draw_link_labels()

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        row = self.chart.items.row_at(pos)
        if row == self.hovered:
            return
        self.hovered = row
        graph = self.chart.network
        self.hover_text = "" if row is None else self.tr("%1 (%2): %3 link(s)").replace(
            "%1", graph.labels[row]).replace("%2", kind_label(graph.kinds[row])).replace(
            "%3", str(len(self.links_of(row))))
        self.chart.view.setToolTip(self.hover_text)
        if not self.always:
            self.draw_link_labels()

    def link_text(self, e: int) -> str:
        """A link's label: its role or the kind of identifier it shares, the value shared, its
        tonnes (those of the declarations behind it when the case's facts are known)."""
        graph = self.chart.network
        a, b = graph.edges[e]
        facts = self.chart.filters.facts
        fact = facts.link(graph.ids[a], graph.ids[b]) if facts is not None else None
        if fact is None:
            return f"{graph.tonnes[e]:,.0f} t"
        parts = [link_words(fact.role)] if fact.role else []
        if fact.value:
            value = fact.value
            parts.append(value if len(value) <= VALUE_CHARS else value[:VALUE_CHARS - 1] + "…")
        if fact.tonnes:
            parts.append(f"{fact.tonnes:,.0f} t")
        return " · ".join(parts)

    def draw_link_labels(self) -> None:
        """Labels at the middle of the links (``link_text``): of the hovered node, or of every
        link (the heaviest first, at most MAX_LABELS) when ``always``; a label that would cover
        another label, a node's name or (on a chart of at most NODE_BOXES nodes) a node is left
        out (``skipped`` counts them). Items are reused from one drawing to the next."""
        graph, box = self.chart.network, self.chart.box
        rows = self._candidates()
        chosen = self._placed(rows)
        self.skipped = len(rows) - len(chosen)
        while len(self._pool) < len(chosen):
            item = pg.TextItem(color="#404040", fill=(255, 255, 255, 215), anchor=(0.5, 0.5))
            # when all are labelled: over edges and node labels, under nodes (its own two ends)
            box.addItem(item, ignoreBounds=True)
            self._pool.append(item)
        for item, (e, text) in zip(self._pool, chosen, strict=False):
            if item.toPlainText() != text:
                item.setText(text)
            a, b = graph.edges[e]
            mid = (graph.pos[a] + graph.pos[b]) / 2
            item.setPos(float(mid[0]), float(mid[1]))
            item.setZValue(1.6 if self.always else 4)  # a hovered node's: over everything
            item.setVisible(True)
        for item in self._pool[len(chosen):]:
            item.setVisible(False)
        self.link_labels = self._pool[:len(chosen)]

    def _candidates(self) -> np.ndarray:
        """The links tried for a label: the hovered node's, or the heaviest whose middle is in
        view."""
        graph = self.chart.network
        if not graph.n or not np.isfinite(graph.pos).all():
            return np.empty(0, dtype=int)
        if self.always:
            (x0, x1), (y0, y1) = self.chart.box.viewRange()
            mid = (graph.pos[graph.edges[:, 0]] + graph.pos[graph.edges[:, 1]]) / 2
            inside = np.flatnonzero((mid[:, 0] >= x0) & (mid[:, 0] <= x1)
                                    & (mid[:, 1] >= y0) & (mid[:, 1] <= y1))
            if len(inside) > LABEL_CANDIDATES:
                inside = inside[np.argpartition(-graph.tonnes[inside], LABEL_CANDIDATES)
                                [:LABEL_CANDIDATES]]
            return inside[np.argsort(-graph.tonnes[inside], kind="stable")]
        if self.hovered is not None and self.hovered < graph.n:
            mine = (graph.edges[:, 0] == self.hovered) | (graph.edges[:, 1] == self.hovered)
            return np.flatnonzero(mine)[:LABEL_CANDIDATES]
        return np.empty(0, dtype=int)

    def _texts(self, rows: np.ndarray) -> tuple[list[str], np.ndarray]:
        """The links' labels and their widths in pixels, kept until the network, the facts or
        the font change (a pan or zoom asks again for the same)."""
        key = (self.chart.network.version, id(self.chart.filters.facts), self.chart.font().key())
        if self._text_key != key:
            self._text_key, self._text_cache = key, {}
        metrics, cache = QFontMetricsF(self.chart.font()), self._text_cache
        for e in rows.tolist():
            if e not in cache:
                text = self.link_text(e)
                cache[e] = (text, metrics.horizontalAdvance(text))
        return [cache[e][0] for e in rows.tolist()], np.array([cache[e][1] for e in
                                                               rows.tolist()], dtype=float)

    def _placed(self, rows: np.ndarray) -> list[tuple[int, str]]:
        """(link row, label) of the candidates whose labels cover no label taken before and,
        when every link is labelled, no node name and no node but the link's own two (which
        are drawn over it); a hovered node's links may cover names for the moment."""
        graph, items = self.chart.network, self.chart.items
        px, py = self.chart.box.viewPixelSize()
        if not len(rows) or not px or not py:
            return []
        metrics = QFontMetricsF(self.chart.font())
        texts, widths = self._texts(rows)
        ends = graph.edges[rows]
        mid = (graph.pos[ends[:, 0]] + graph.pos[ends[:, 1]]) / 2 / (px, -py)
        half_w, half_h = widths / 2 + TEXT_MARGIN + 1, metrics.height() / 2 + TEXT_MARGIN + 1
        boxes = np.column_stack([mid[:, 0] - half_w, mid[:, 1] - half_h,
                                 mid[:, 0] + half_w, mid[:, 1] + half_h])
        blocked = np.zeros(len(boxes), dtype=bool)
        names = self._label_boxes(px, py, metrics) if self.always else []
        if names:
            blocked |= _overlap(boxes, np.asarray(names)).any(axis=1)
        if self.always and graph.n <= NODE_BOXES:
            x, y, half = graph.pos[:, 0] / px, -graph.pos[:, 1] / py, items.sizes / 2
            cover = _overlap(boxes, np.column_stack([x - half, y - half, x + half, y + half]))
            cover[np.arange(len(boxes))[:, None], ends] = False  # its own two ends
            blocked |= cover.any(axis=1)
        among = _overlap(boxes, boxes)
        chosen = []
        for i in range(len(boxes)):  # greedy, heaviest first
            if blocked[i]:
                continue
            chosen.append((int(rows[i]), texts[i]))
            blocked |= among[i]
            if len(chosen) >= MAX_LABELS:
                break
        return chosen

    def _label_boxes(self, px: float, py: float, metrics: QFontMetricsF
                     ) -> list[tuple[float, float, float, float]]:
        """In pixels (y down): the node labels shown, just below (or above) their node."""
        graph, items = self.chart.network, self.chart.items
        boxes = []
        for row in items.labelled:
            if row < graph.n:
                x, y = graph.pos[row, 0] / px, -graph.pos[row, 1] / py
                half = metrics.horizontalAdvance(graph.labels[row][:LABEL_CHARS]) / 2 + TEXT_MARGIN
                height = metrics.height() + 2 * TEXT_MARGIN + 2
                top = (y - items.sizes[row] / 2 - height if row in items.above
                       else y + items.sizes[row] / 2)
                boxes.append((x - half, top, x + half, top + height))
        return boxes


def _overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``[i, j]``: box ``a[i]`` overlaps box ``b[j]`` (rows of left, top, right, bottom)."""
    return ((a[:, None, 0] < b[None, :, 2]) & (a[:, None, 2] > b[None, :, 0])
            & (a[:, None, 1] < b[None, :, 3]) & (a[:, None, 3] > b[None, :, 1]))
