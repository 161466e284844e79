"""The link chart: cases, parties, ports, containers, vessels... as a network, each kind by
colour and symbol (legend), edges as wide as their tonnage; laid out off the GUI thread and
refined on screen; select, open, expand, hide, pin, shortest path, communities, centrality,
export. Drawing lives in link_items; the network, its analyses and its layout are Qt-free, in
casedb.links.graph and casedb.links.layout."""

from __future__ import annotations

import logging

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from casedb.links.graph import LinkGraph, bridging
from widgets.background import Runner, Task, Tasks
from widgets.chart_export import export_plot
from widgets.link_background import ChartBackground
from widgets.link_details import LinkDetails
from widgets.link_filters import LinkFilterBar, LinkFilters
from widgets.link_items import LinkItems
from widgets.link_menu import LinkMenu
from widgets.link_style import (
    add_band_entries,
    add_border_entry,
    add_legend_entries,
    band_colours,
    make_legend,
    node_tonnes,
)
from widgets.link_toolbar import LinkToolbar

__all__ = ["LinkChart"]
log = logging.getLogger(__name__)

EXPAND_ITERATIONS = 150


class LinkChart(ChartBackground, QWidget):
    node_activated = Signal(str)  # node id, e.g. a case reference: double-click
    expand_requested = Signal(str)  # node id whose neighbours the shell should add_network()
    selection_changed = Signal()
    layout_progressed = Signal()  # an intermediate layout was drawn
    layout_finished = Signal()
    add_to_case_requested = Signal(str)  # node id: add what it stands for to the open case
    timeline_requested = Signal(str)  # a party or case node: show its timeline
    save_requested = Signal()  # the user asks to keep the chart (``menu.state()``) with the case

    def __init__(self, parent: QWidget | None = None, *, runner: Runner):
        super().__init__(parent)
        self._runner = runner
        self.network = LinkGraph()
        self.selected: list[str] = []  # in the order picked: a path runs first to second
        self.path: list[str] = []
        self._path_edges = np.zeros(0, dtype=bool)
        self._hidden: list[tuple[list, list, np.ndarray]] = []
        self._communities: np.ndarray | None = None
        self._centrality: np.ndarray | None = None
        self._size_by: str | None = None
        self.colour_by_tonnes = False  # conditional formatting: tonnage bands, with a legend
        self.border_bridges = False  # conditional border: nodes linking two or more cases
        self._bordered = np.empty(0, dtype=int)
        self._tasks = Tasks()
        self._layout: Task | None = None
        self._layout_tag = 0
        self._follow_layout = True  # fit the view to the layout until the user pans or zooms
        self._draw_seconds = 0.0
        self._drawn_at = 0.0
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground("w")
        self.box = self.view.addViewBox()
        self.box.setAspectLocked(True)
        self.box.disableAutoRange()
        self.items = LinkItems(self.box, self.network)
        self.legend = make_legend(self.box)
        self.status = QLabel(self)
        self.menu = LinkMenu(self)  # context menu, filter by kind, state
        self.filters = LinkFilters(self)  # by role and date range, from the case's facts
        self.toolbar = LinkToolbar(self)
        self.filter_bar = LinkFilterBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        self.details = LinkDetails(self)  # attribute panel, tooltips, link labels
        side = QVBoxLayout()  # the filters over the attribute panel: the chart keeps its height
        side.addWidget(self.filter_bar)
        side.addWidget(self.details.panel, 1)
        self.filter_bar.setMaximumWidth(self.details.panel.maximumWidth())
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(side)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)
        self.view.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        self.box.sigRangeChanged.connect(self._on_box_range_changed)
        self.box.sigRangeChangedManually.connect(self._on_box_range_changed_manually)
        if QCoreApplication.instance() is not None:  # a window's children get no closeEvent
            QCoreApplication.instance().aboutToQuit.connect(self.stop_background_work)
        self.toolbar.refresh()

    # --- data in ----------------------------------------------------------------------------

    @property
    def nodes(self) -> list[str]:
        """The ids of the nodes shown."""
        return list(self.network.ids)

    def show_network(self, nodes: list[tuple[str, str, str]], edges: list[tuple[str, str, float]],
                     positions: np.ndarray | None = None) -> None:
        """Replace the chart. ``nodes``: (id, label, kind); ``edges``: (a, b, tonnes).
        Without ``positions`` the layout runs in the background, drawn as it improves."""
        self._cancel_layout()
        self.network = LinkGraph()
        self.items.graph = self.network
        self.selected, self.path, self._hidden = [], [], []
        self.menu.filtered, self.menu.pending = {}, {}
        self.filters.reset()
        self.network.merge(nodes, edges, positions)
        self._follow_layout = True
        self._structure_changed()
        if positions is None:
            self._start_layout()
        else:
            self.fit_view()

    def add_network(self, nodes, edges, positions: np.ndarray | None = None) -> list[str]:
        """Merge nodes and edges in (an expansion): nodes already shown keep their place, new
        ones are laid out around them. Returns the ids of the nodes added."""
        was_running = self.is_laying_out()
        old = self.network.n
        added = self.network.merge(nodes, edges, positions)
        self._structure_changed()
        if was_running:
            self._relayout_after_change()
        elif len(added) and not np.isfinite(self.network.pos[added]).all():
            fixed = self.network.pinned.copy()
            fixed[:old] = True
            self._start_layout(fixed, EXPAND_ITERATIONS)
        return [self.network.ids[r] for r in added]

    # --- drawing ----------------------------------------------------------------------------

    def _structure_changed(self) -> None:
        self._communities = self._centrality = None
        live = set(self.network.index)
        self.selected = [i for i in self.selected if i in live]
        if not all(i in live for i in self.path):
            self.path = []
        self._path_edges = self.network.path_edge_mask(self.path)
        if self.toolbar.community_action.isChecked():
            self.set_colour_by_community(True)
        if self._size_by:
            self.set_size_by(self._size_by)
        self._draw(structure=True)
        self.toolbar.refresh()
        self._show_status()

    def _draw(self, structure: bool) -> None:
        if structure:
            banded = self.colour_by_tonnes and self.network.n
            self.items.restyle(self._communities, self._centrality, band_colours(node_tonnes(
                self.network.edges, self.network.tonnes, self.network.n)) if banded else None)
            add_legend_entries(self.legend, self.network.kinds,
                               neutral=self._communities is not None or banded)
            if banded:
                add_band_entries(self.legend)
            self._bordered = (np.flatnonzero(bridging(self.network.kinds, self.network.edges))
                              if self.border_bridges and self.network.n else
                              np.empty(0, dtype=int))
            if self.border_bridges:
                add_border_entry(self.legend)
        self.items.draw()
        self._draw_marks()
        if self.details.always:
            self.details.draw_link_labels()

    def _draw_marks(self) -> None:
        rows = np.array([self.network.index[i] for i in self.selected], dtype=int)
        path = np.array([self.network.index[i] for i in self.path], dtype=int)
        self.items.draw_marks(rows, path, self._path_edges, self._bordered)
        self.items.draw_labels(self.items.rows_to_label(rows, path))

    def fit_view(self, manual: bool = True) -> None:
        pos = self.network.pos
        ok = np.isfinite(pos).all(axis=1)
        if not ok.any():
            return
        low, high = pos[ok].min(axis=0), pos[ok].max(axis=0)
        pad = np.maximum((high - low) * 0.05, 1.0)
        # room on the left for the legend, which sits over the chart's top-left corner
        width, legend = self.box.width(), self.legend.boundingRect().width() + 20
        span = high[0] - low[0] + 2 * pad[0]
        room = span * legend / (width - legend) if width > 2 * legend else 0.0
        self.box.setRange(xRange=(low[0] - pad[0] - room, high[0] + pad[0]),
                          yRange=(low[1] - pad[1], high[1] + pad[1]), padding=0)
        if manual:
            self._follow_layout = True

    def _on_box_range_changed(self, *_args) -> None:
        self._draw_marks()  # labels follow the zoom
        if self.details.always:
            self.details.draw_link_labels()  # what fits without overlapping changes with it

    def _on_box_range_changed_manually(self, *_args) -> None:
        self._follow_layout = False

    def labelled_nodes(self) -> list[str]:
        return [self.network.ids[r] for r in self.items.labelled]

    def position_of(self, node_id: str) -> tuple[float, float]:
        x, y = self.network.pos[self.network.index[node_id]]
        return float(x), float(y)

    # --- selection and actions ---------------------------------------------------------------

    def select_nodes(self, node_ids, add: bool = False) -> None:
        """Select these nodes; with ``add``, toggle them in the current selection."""
        chosen = [i for i in node_ids if i in self.network.index]
        if add:
            kept = [i for i in self.selected if i not in chosen]
            self.selected = kept + [i for i in chosen if i not in self.selected]
        else:
            self.selected = list(dict.fromkeys(chosen))
        self._draw_marks()
        self.toolbar.refresh()
        self.selection_changed.emit()

    def _on_scene_mouse_clicked(self, event) -> None:
        where = event.scenePos()
        if (event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton)
                or not self.box.sceneBoundingRect().contains(where)
                or self.legend.sceneBoundingRect().contains(where)):
            return
        row = self.items.row_at(where)
        if event.button() == Qt.MouseButton.RightButton:
            if row is not None:
                self.select_nodes([self.network.ids[row]])
                self.menu.menu_for(self.network.ids[row]).popup(event.screenPos().toPoint())
            return
        add = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                        | Qt.KeyboardModifier.ShiftModifier))
        if row is None:
            if not add and not event.double():
                self.select_nodes([])
            return
        node = self.network.ids[row]
        if event.double():
            self.select_nodes([node])
            self.node_activated.emit(node)
        else:
            self.select_nodes([node], add=add)

    def expand_selected(self) -> None:
        for node in self.selected:
            self.expand_requested.emit(node)

    def hide_selected(self) -> None:
        if self.selected:
            self.hide_nodes(self.selected)

    def hide_nodes(self, node_ids) -> None:
        removed = self.network.remove(node_ids)
        if removed[0]:
            self._hidden.append(removed)
            self._structure_changed()
            self._relayout_after_change()

    def hidden_sets(self) -> list:
        """What each hide took out, oldest first (``menu.state`` saves them)."""
        return list(self._hidden)

    def set_hidden_sets(self, hidden: list) -> None:
        self._hidden = list(hidden)

    def refresh_structure(self) -> None:
        """Redraw after the network was changed from outside (the filter by kind)."""
        self._structure_changed()

    def show_hidden(self) -> None:
        hidden, self._hidden = self._hidden, []
        if hidden:  # all nodes first: an edge may join nodes hidden at different times
            self.network.merge([n for nodes, _, _ in hidden for n in nodes],
                               [e for _, edges, _ in hidden for e in edges],
                               np.vstack([pos for _, _, pos in hidden]))
            self._structure_changed()
            self._relayout_after_change()

    def set_pinned(self, node_ids, pinned: bool = True) -> None:
        rows = [self.network.index[i] for i in node_ids if i in self.network.index]
        self.network.pinned[rows] = pinned
        self._draw_marks()
        self._relayout_after_change()

    def toggle_pin_selected(self) -> None:
        rows = [self.network.index[i] for i in self.selected]
        self.set_pinned(self.selected, not bool(self.network.pinned[rows].all()))

    def highlight_shortest_path(self, a: str | None = None, b: str | None = None) -> list[str]:
        """Highlight the fewest-links path from a to b (default: the two selected nodes)."""
        if a is None or b is None:
            if len(self.selected) != 2:
                return []
            a, b = self.selected
        self.path = self.network.shortest_path(a, b)
        self._path_edges = self.network.path_edge_mask(self.path)
        self._draw_marks()
        if not self.path:
            self.status.setText(self.tr("No path links %1 and %2.").replace("%1", a)
                                .replace("%2", b))
        return self.path

    def path_edges(self) -> list[tuple[str, str]]:
        ids = self.network.ids
        return [(ids[a], ids[b]) for a, b in self.network.edges[self._path_edges].tolist()]

    # --- styles and facts -----------------------------------------------------------------------

    def set_colour_by_tonnes(self, on: bool) -> None:
        """Nodes coloured by the tonnes on their links, in bands shown in the legend."""
        self.colour_by_tonnes = bool(on)
        self.toolbar.tonnes_colour_action.setChecked(self.colour_by_tonnes)
        self._draw(structure=True)

    def set_border_bridges(self, on: bool) -> None:
        """A thick border round the nodes that link two or more cases (within two links)."""
        self.border_bridges = bool(on)
        self.toolbar.border_action.setChecked(self.border_bridges)
        self._draw(structure=True)

    def styles(self) -> dict:
        """How the chart is drawn, for its saved state."""
        return {"colour_by_tonnes": self.colour_by_tonnes, "border_bridges": self.border_bridges,
                "communities": self.toolbar.community_action.isChecked(),
                "size_by": self._size_by, "link_labels": self.details.always}

    def set_styles(self, styles: dict) -> None:
        self.set_colour_by_tonnes(bool(styles.get("colour_by_tonnes")))
        self.set_border_bridges(bool(styles.get("border_bridges")))
        self.set_colour_by_community(bool(styles.get("communities")))
        size_by = styles.get("size_by")
        self.set_size_by(size_by if size_by in self.toolbar.size_actions else None)
        self.toolbar.link_labels_action.setChecked(bool(styles.get("link_labels")))
        self.details.set_always(bool(styles.get("link_labels")))

    def set_facts(self, facts) -> None:
        """What the case says of its nodes and links (casedb.links.link_facts.LinkFacts):
        roles and dates to filter by, what each link shares to label it with."""
        self.filters.set_facts(facts)
        self.details.draw_link_labels()

    # --- export, status, lifetime ---------------------------------------------------------------

    def export_image(self, path) -> None:
        export_plot(self.box, path)

    def has_hidden(self) -> bool:
        return bool(self._hidden)

    def _show_status(self) -> None:
        text = self.tr("%n node(s)", "", self.network.n) + ", " + \
            self.tr("%n link(s)", "", len(self.network.edges))
        if self.is_laying_out():
            text += " — " + self.tr("laying out…")
        self.status.setText(text)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.stop_background_work(0)
        super().closeEvent(event)

