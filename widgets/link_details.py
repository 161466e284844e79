"""The link chart's details: an attribute panel for the selected node (kind, roles, dates, links,
tonnes, its heaviest neighbours), a tooltip for the node under the mouse, and link labels (the
role or identifier kind, the value the two ends share, the tonnes) shown for the hovered node's
links, or for every link drawn by a toggle."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF
from PySide6.QtWidgets import QTextBrowser

from .link_style import kind_label, link_words, role_label

MAX_LABELS = 150  # link labels drawn at once
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
        self.link_labels: list[pg.TextItem] = []
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
        link (the heaviest MAX_LABELS) when ``always``."""
        for item in self.link_labels:
            self.chart.box.removeItem(item)
        self.link_labels = []
        graph = self.chart.network
        if not graph.n or not np.isfinite(graph.pos).all():
            return
        if self.always:
            rows = np.argsort(-graph.tonnes)[:MAX_LABELS]
        elif self.hovered is not None and self.hovered < graph.n:
            mine = (graph.edges[:, 0] == self.hovered) | (graph.edges[:, 1] == self.hovered)
            rows = np.flatnonzero(mine)[:MAX_LABELS]
        else:
            return
        for e in rows.tolist():
            a, b = graph.edges[e]
            mid = (graph.pos[a] + graph.pos[b]) / 2
            text = pg.TextItem(self.link_text(e), color="#404040",
                               fill=(255, 255, 255, 200), anchor=(0.5, 0.5))
            text.setPos(float(mid[0]), float(mid[1]))
            text.setZValue(4)
            self.chart.box.addItem(text, ignoreBounds=True)
            self.link_labels.append(text)
