"""The link chart's toolbar: fit, expand, hide, show hidden, pin, shortest path, colour by
community, size by kind or centrality, re-layout, export image. The actions call the chart's
public methods; ``refresh`` enables them for the current selection."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDoubleSpinBox, QMenu, QToolBar, QToolButton

from .chart_export import export_with_dialog

log = logging.getLogger(__name__)


class LinkToolbar(QToolBar):
    def __init__(self, chart):
        super().__init__(chart)
        self.chart = chart
        self.fit_action = self._add(self.tr("Fit"), lambda: chart.fit_view(),
                                    self.tr("Show the whole network"))
        self.expand_action = self._add(self.tr("Expand"), lambda: chart.expand_selected(),
                                       self.tr("Add the selected nodes' neighbours"))
        self.hide_action = self._add(self.tr("Hide"), lambda: chart.hide_selected(),
                                     self.tr("Hide the selected nodes (Delete)"))
        self.hide_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.hide_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        chart.addAction(self.hide_action)  # the shortcut works with the focus on the chart
        self.show_all_action = self._add(self.tr("Show all"), lambda: chart.menu.show_rest(),
                                         self.tr("Show every neighbour an expansion held back "
                                                 "(it shows the heaviest first)"))
        self.show_hidden_action = self._add(self.tr("Show hidden"), lambda: chart.show_hidden(),
                                            self.tr("Show the nodes hidden so far again"))
        self.pin_action = self._add(self.tr("Pin"), lambda: chart.toggle_pin_selected(),
                                    self.tr("Pin or unpin the selected nodes: pinned nodes keep "
                                            "their place when the layout runs"))
        self.path_action = self._add(self.tr("Shortest path"),
                                     lambda: chart.highlight_shortest_path(),
                                     self.tr("Highlight the shortest path between the two "
                                             "selected nodes (Ctrl+click selects a second)"))
        self.addSeparator()
        self.community_action = self._add(self.tr("Communities"),
                                          lambda on: chart.set_colour_by_community(on),
                                          self.tr("Colour nodes by community (Louvain)"))
        self.community_action.setCheckable(True)
        self.tonnes_colour_action = self._add(
            self.tr("Colour by tonnes"), lambda on: chart.set_colour_by_tonnes(on),
            self.tr("Colour nodes by the tonnes on their links, in bands (legend)"))
        self.tonnes_colour_action.setCheckable(True)
        self.border_action = self._add(
            self.tr("Border: links cases"), lambda on: chart.set_border_bridges(on),
            self.tr("A thick border round the companies and identifiers that link two or more "
                    "cases (legend)"))
        self.border_action.setCheckable(True)
        self.size_button, self.size_actions = self._size_menu()
        self.addWidget(self.size_button)
        self.link_labels_action = self._add(self.tr("Link labels"),
                                            lambda on: chart.details.set_always(on),
                                            self.tr("Label every link with its role or the "
                                                    "identifier it shares, and its tonnes (else "
                                                    "only the links of the node under the "
                                                    "mouse)"))
        self.link_labels_action.setCheckable(True)
        self.kinds_button = QToolButton(self)
        self.kinds_button.setText(self.tr("Types"))
        self.kinds_button.setToolTip(self.tr("Show or hide the nodes of each type"))
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kinds_menu = QMenu(self.kinds_button)
        self.kinds_menu.aboutToShow.connect(self.fill_kinds_menu)
        self.kinds_button.setMenu(self.kinds_menu)
        self.addWidget(self.kinds_button)
        self.min_tonnes = QDoubleSpinBox(self)
        self.min_tonnes.setRange(0, 1_000_000)
        self.min_tonnes.setDecimals(0)
        self.min_tonnes.setSuffix(" t")
        self.min_tonnes.setPrefix(self.tr("at least "))
        self.min_tonnes.setToolTip(self.tr("Hide the nodes whose links carry fewer tonnes "
                                           "(cases stay)"))
        self.min_tonnes.editingFinished.connect(
            lambda: chart.menu.set_min_tonnes(self.min_tonnes.value()))
        self.addWidget(self.min_tonnes)
        self.addSeparator()
        self.relayout_action = self._add(self.tr("Re-layout"), lambda: chart.relayout(),
                                         self.tr("Lay the network out again; pinned nodes stay"))
        self.export_action = self._add(self.tr("Export image…"), self.export_with_dialog,
                                       self.tr("Save the chart as a PNG or SVG file"))
        self.save_action = self._add(self.tr("Save with case"), lambda: chart.save_requested.emit(),
                                     self.tr("Keep the chart as it is (places, pins, hidden "
                                             "nodes) with the open case"))

    def _add(self, text: str, slot, tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _size_menu(self) -> tuple[QToolButton, dict[str | None, QAction]]:
        button = QToolButton(self)
        button.setText(self.tr("Size"))
        button.setToolTip(self.tr("Size nodes by kind or by centrality"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        group = QActionGroup(self)
        actions: dict[str | None, QAction] = {}
        for measure, text in ((None, self.tr("Size by kind")),
                              ("degree", self.tr("Size by degree")),
                              ("betweenness", self.tr("Size by betweenness (estimate)"))):
            action = QAction(text, group)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, m=measure: self.chart.set_size_by(m))
            button.addAction(action)
            actions[measure] = action
        actions[None].setChecked(True)
        return button, actions

    def fill_kinds_menu(self) -> None:
        """One checkable entry per node type in the chart, ticked when shown."""
        self.kinds_menu.clear()
        menu = self.chart.menu
        for kind in menu.kinds():
            action = self.kinds_menu.addAction(menu.kind_text(kind))
            action.setCheckable(True)
            action.setChecked(kind not in menu.filtered)
            action.toggled.connect(lambda on, k=kind: menu.set_kind_shown(k, on))

    def refresh(self) -> None:
        selected = len(self.chart.selected)
        for action in (self.expand_action, self.hide_action, self.pin_action):
            action.setEnabled(selected > 0)
        self.path_action.setEnabled(selected == 2)
        self.show_hidden_action.setEnabled(self.chart.has_hidden())
        self.show_all_action.setEnabled(bool(self.chart.menu.pending))

    def export_with_dialog(self) -> None:
        export_with_dialog(self.chart, self.chart.export_image, "link-chart.png")
