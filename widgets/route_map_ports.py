"""The route map's ports: a marker for each (origin square, transit and destination dots, a
tooltip with its roles and tonnes) and the busiest ports' names, placed where they cover no
other name and no other port, again whenever the panel is resized. A mixin of RouteMapView."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF

from casedb.analysis.route_lines import RouteMap

from .route_map_layout import place_labels, shift

ROLE_BRUSH = {"origin": "#333333", "transit": "#ffffff", "destination": "#b00000"}


class PortLayer:
    """Uses the view's ``_cut`` (the map's left meridian) and keeps ``labels`` (per panel)."""

    def _draw_ports(self, plot: pg.PlotItem, m: RouteMap) -> pg.ScatterPlotItem:
        roles = {"origin": self.tr("origin"), "transit": self.tr("transit"),
                 "destination": self.tr("destination")}
        spots = []
        for p in m.ports:
            tip = self.tr("%1 (%2)\n%3\n%4 t").replace("%1", p.name).replace(
                "%2", p.locode).replace("%3", ", ".join(roles[r] for r in p.roles)).replace(
                "%4", f"{p.tonnes:,.0f}")
            spots.append({"pos": (shift(p.lon, self._cut), p.lat), "data": tip, "size": 9,
                          "brush": pg.mkBrush(ROLE_BRUSH[p.roles[0]]),
                          "symbol": "s" if p.roles[0] == "origin" else "o"})
        scatter = pg.ScatterPlotItem(spots=spots, pen=pg.mkPen("#202020", width=1),
                                     hoverable=True, tip=lambda x, y, data: data)
        scatter.setZValue(10)
        plot.addItem(scatter)
        labels = []
        for p in m.ports:
            text = pg.TextItem(p.name, color="#202020", fill=(255, 255, 255, 170))
            text.setZValue(11)
            text.setVisible(False)
            text.port = (shift(p.lon, self._cut), p.lat)
            plot.addItem(text, ignoreBounds=True)
            labels.append(text)
        self.labels.append(labels)
        panel = len(self.labels) - 1
        plot.getViewBox().sigResized.connect(lambda _vb: self._place_labels(panel))
        self._place_labels(panel)
        return scatter

    def _place_labels(self, panel: int) -> None:
        """The busiest ports' names, each where it covers no other name and no other port."""
        labels = self.labels[panel] if panel < len(self.labels) else []
        vb = labels[0].getViewBox() if labels else None
        if vb is None:
            return
        ports = []
        for t in labels:
            at = vb.mapViewToScene(QPointF(*t.port))
            r = t.textItem.boundingRect()  # in pixels: the label ignores the map's scale
            ports.append((at.x(), at.y(), r.width() + 2, r.height()))
        frame = vb.sceneBoundingRect()
        placed = {i: box for i, _side, box in place_labels(
            ports, (frame.left(), frame.top(), frame.right(), frame.bottom()))}
        for i, t in enumerate(labels):
            t.setVisible(i in placed)
            if i in placed:
                x0, y0, _, _ = placed[i]
                t.setAnchor((0, 0))
                t.setPos(vb.mapSceneToView(QPointF(x0 + 1, y0)))
