"""What the link chart offers beyond its toolbar: a node's context menu (open, expand, hide,
pin, find path to..., add to case, copy), the filter by node kind and tonnage, and the chart's
state as JSON (nodes, positions, pins, hidden nodes, what the filters took out and how they are
set, styles) to save with a case (casedb.links.chart_state) and reopen as it was."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from .link_filters import put_back
from .link_style import kind_label

STATE_VERSION = 2  # 2: styles and the role and date filters; version 1 charts still open
PATH_TARGETS = 30  # nodes offered under "Find path to"
TONNES_KEY = "@tonnes"  # in ``filtered``: the nodes below the tonnage floor
TOP_NEIGHBOURS = 12  # an expansion shows the heaviest so many; "Show all" the rest


class LinkMenu(QObject):
    def __init__(self, chart):
        super().__init__(chart)
        self.chart = chart
        self.filtered: dict[str, tuple] = {}  # kind -> what was taken out (graph.remove)
        self.menu: QMenu | None = None
        self.pending: dict[str, tuple[list, list]] = {}  # node -> neighbours not shown yet

    # --- the context menu ---------------------------------------------------------------------

    def menu_for(self, node: str) -> QMenu:
        """The menu of ``node`` (kept as ``self.menu`` until the next one)."""
        chart, graph = self.chart, self.chart.network
        row = graph.index[node]
        menu = QMenu(chart)
        self._act(menu, self.tr("Open"), lambda: chart.node_activated.emit(node))
        self._act(menu, self.tr("Expand"), lambda: chart.expand_requested.emit(node))
        if graph.kinds[row] in ("party", "case"):
            self._act(menu, self.tr("Timeline"), lambda: chart.timeline_requested.emit(node))
        if node in self.pending:
            self._act(menu, self.tr("Show all %1 neighbours").replace(
                "%1", str(self.shown_of(node)[1])), lambda: self.show_rest(node))
        self._act(menu, self.tr("Hide"), lambda: chart.hide_nodes([node]))
        pinned = bool(graph.pinned[row])
        self._act(menu, self.tr("Unpin") if pinned else self.tr("Pin"),
                  lambda: chart.set_pinned([node], not pinned))
        path = menu.addMenu(self.tr("Find path to"))
        others = sorted((graph.labels[r], graph.ids[r]) for r in range(graph.n) if r != row)
        for label, other in others[:PATH_TARGETS]:
            self._act(path, label, lambda _=False, o=other: chart.highlight_shortest_path(node, o))
        self._act(menu, self.tr("Add to the open case"),
                  lambda: chart.add_to_case_requested.emit(node))
        self._act(menu, self.tr("Copy"),
                  lambda: QGuiApplication.clipboard().setText(graph.labels[row]))
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = menu
        return menu

    @staticmethod
    def _act(menu: QMenu, text: str, slot) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    # --- expanding a hub ------------------------------------------------------------------------

    def add_expansion(self, node: str, nodes: list, edges: list) -> list[str]:
        """``node``'s neighbours (nodes, edges from the shell): the TOP_NEIGHBOURS new ones
        with the most tonnes to it now, the rest kept for ``show_rest``. Returns those added."""
        shown = set(self.chart.network.ids)
        weight: dict[str, float] = {}
        for a, b, t in edges:
            other = b if a == node else a if b == node else None
            if other is not None:
                weight[other] = max(weight.get(other, 0.0), float(t or 0.0))
        new = sorted((n for n in nodes if n[0] not in shown), key=lambda n: -weight.get(n[0], 0))
        now, later = new[:TOP_NEIGHBOURS], new[TOP_NEIGHBOURS:]
        if later:
            self.pending[node] = (later, list(edges))
        else:
            self.pending.pop(node, None)
        keep = shown | {n[0] for n in now}
        added = self.chart.add_network(now, [e for e in edges if e[0] in keep and e[1] in keep])
        self.chart.toolbar.refresh()
        return added

    def shown_of(self, node: str) -> tuple[int, int]:
        """(neighbours shown, neighbours found) of an expanded node."""
        graph = self.chart.network
        row = graph.index.get(node)
        shown = 0 if row is None else int(((graph.edges[:, 0] == row)
                                           | (graph.edges[:, 1] == row)).sum())
        later = len(self.pending.get(node, ((), ()))[0])
        return shown, shown + later

    def show_rest(self, node: str | None = None) -> list[str]:
        """Every neighbour held back, of ``node`` or of all expanded nodes."""
        added = []
        for key in [node] if node else list(self.pending):
            later, edges = self.pending.pop(key, ([], []))
            keep = set(self.chart.network.ids) | {n[0] for n in later}
            added += self.chart.add_network(
                later, [e for e in edges if e[0] in keep and e[1] in keep])
        self.chart.toolbar.refresh()
        return added

    # --- the filter by kind -------------------------------------------------------------------

    def kinds(self) -> list[str]:
        """Every kind in the chart, shown or filtered out."""
        return sorted(set(self.chart.network.kinds)
                      | {k for k in self.filtered if not k.startswith("@")})

    def set_kind_shown(self, kind: str, shown: bool) -> None:
        chart = self.chart
        if not shown and kind not in self.filtered:
            ids = [i for i, k in zip(chart.network.ids, chart.network.kinds, strict=True)
                   if k == kind]
            self.filtered[kind] = chart.network.remove(ids)
        elif shown and kind in self.filtered:
            put_back(chart, self.filtered.pop(kind))
        else:
            return
        chart.refresh_structure()

    def set_min_tonnes(self, tonnes: float) -> None:
        """Hide the nodes (cases excepted) whose links carry fewer than ``tonnes`` in all;
        0 brings them back."""
        chart, graph = self.chart, self.chart.network
        if TONNES_KEY in self.filtered:
            put_back(chart, self.filtered.pop(TONNES_KEY))
        if tonnes > 0 and graph.n:
            total = np.zeros(graph.n)
            np.add.at(total, graph.edges[:, 0], graph.tonnes)
            np.add.at(total, graph.edges[:, 1], graph.tonnes)
            light = [graph.ids[r] for r in np.flatnonzero(total < tonnes)
                     if graph.kinds[r] != "case"]
            self.filtered[TONNES_KEY] = graph.remove(light)
        chart.refresh_structure()

    def kind_text(self, kind: str) -> str:
        return kind_label(kind)

    # --- state --------------------------------------------------------------------------------

    def state(self) -> dict:
        """The chart as JSON-ready data: every node with its place and pin, every edge, the
        nodes hidden and those the filters took out (kept to bring them back), the filters'
        settings and the styles."""
        graph = self.chart.network
        out = {"version": STATE_VERSION,
               "nodes": [[i, label, kind] for i, label, kind
                         in zip(graph.ids, graph.labels, graph.kinds, strict=True)],
               "edges": [[graph.ids[a], graph.ids[b], t] for (a, b), t
                         in zip(graph.edges.tolist(), graph.tonnes.tolist(), strict=True)],
               "positions": _listed(graph.pos),
               "pinned": [graph.ids[r] for r in np.flatnonzero(graph.pinned)],
               "hidden": [_taken(t) for t in self.chart.hidden_sets()],
               "filtered": {kind: _taken(t) for kind, t in self.filtered.items()},
               "filters": self.chart.filters.state(),
               "styles": self.chart.styles()}
        return out

    def restore(self, state: dict) -> None:
        """Show a chart saved by ``state``; ValueError for another version."""
        if state.get("version") not in (1, STATE_VERSION):
            raise ValueError(f"a link chart saved in version {state.get('version')!r} cannot be "
                             f"opened here (version {STATE_VERSION}); lay the chart out anew")
        chart = self.chart
        pos = np.array([[np.nan, np.nan] if p is None else p for p in state["positions"]],
                       dtype=float).reshape(-1, 2)
        chart.show_network([tuple(n) for n in state["nodes"]],
                           [tuple(e) for e in state["edges"]], pos)
        chart.set_pinned(state["pinned"], True)
        chart.set_hidden_sets([_untaken(t) for t in state["hidden"]])
        self.filtered = {kind: _untaken(t) for kind, t in state["filtered"].items()}
        chart.filters.restore(state.get("filters", {}))
        chart.refresh_structure()
        chart.set_styles(state.get("styles", {}))


def _listed(pos: np.ndarray) -> list:
    return [None if not np.isfinite(p).all() else [float(p[0]), float(p[1])] for p in pos]


def _taken(taken) -> dict:
    nodes, edges, pos = taken
    return {"nodes": [list(n) for n in nodes], "edges": [list(e) for e in edges],
            "positions": _listed(np.asarray(pos, dtype=float).reshape(-1, 2))}


def _untaken(data: dict) -> tuple:
    pos = np.array([[np.nan, np.nan] if p is None else p for p in data["positions"]],
                   dtype=float).reshape(-1, 2)
    return ([tuple(n) for n in data["nodes"]], [tuple(e) for e in data["edges"]], pos)
