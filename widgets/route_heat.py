"""The route × period heat matrix of a ShareTable: shares in percent, a colour scale beside it,
and the route, period and value of the cell under the mouse."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QWidget


class RouteHeat(pg.PlotWidget):
    """``matrix[period, route]`` holds the shares drawn; ``hover_text`` the last cell named."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background="w")
        self.image = pg.ImageItem(axisOrder="col-major")  # image[period, route]
        self.addItem(self.image)
        self.setMouseEnabled(x=True, y=False)
        self.getPlotItem().invertY(True)
        self.getPlotItem().setMenuEnabled(False)
        self.scale = pg.ColorBarItem(values=(0, 100), colorMap=pg.colormap.get("viridis"),
                                     label=self.tr("Share of the period's total (%)"),
                                     interactive=False, width=14, colorMapMenu=False)
        self.scale.setImageItem(self.image, insert_in=self.getPlotItem())
        self.matrix = np.zeros((0, 0))
        self.periods: tuple[str, ...] = ()
        self.labels: list[str] = []
        self.hover_text = ""
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def show_shares(self, periods, labels: list[str], shares: list) -> None:
        """``shares``: per route, its share of each period (0-1)."""
        self.periods, self.labels = tuple(periods), list(labels)
        if not labels or not periods:
            self.image.clear()
            self.matrix = np.zeros((0, 0))
            return
        self.matrix = np.array(shares, dtype=float).T * 100
        top = max(1.0, float(np.ceil(self.matrix.max())))
        self.image.setImage(self.matrix, levels=(0, top))
        self.scale.setLevels((0, top))
        self.image.setRect(0, 0, len(periods), len(labels))
        step = max(1, len(periods) // 12)
        self.getAxis("bottom").setTicks(
            [[(i + 0.5, p) for i, p in enumerate(periods) if i % step == 0]])
        self.getAxis("left").setTicks([[(i + 0.5, _short(t)) for i, t in enumerate(labels)]])

    def cell_text(self, x: float, y: float) -> str:
        """The route, period and share at ``(x, y)`` in the matrix's coordinates, "" outside."""
        col, row = int(np.floor(x)), int(np.floor(y))
        if not (0 <= col < self.matrix.shape[0] and 0 <= row < self.matrix.shape[1]):
            return ""
        return self.tr("%1, %2: %3% of the period's total").replace(
            "%1", self.labels[row]).replace("%2", self.periods[col]).replace(
            "%3", f"{self.matrix[col, row]:.1f}")

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(pos):
            return
        p = vb.mapSceneToView(pos)
        self.hover_text = self.cell_text(p.x(), p.y())
        self.setToolTip(self.hover_text)


def _short(label: str, n: int = 28) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"
