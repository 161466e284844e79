"""The route map: an offline world basemap (Natural Earth land, resources/basemap), the ports of
the routes, and the routes along their sea lanes with widths by tonnage; all periods, one period
at a time on a slider, or before and after an event side by side. The map is cut where it cuts
the fewest routes (trans-Pacific lanes run the short way), routes sharing a lane are drawn side
by side with the biggest on top, port labels avoid each other, hovering a route names its tonnes
and declarations and clicking it asks the browser for them. Exports to PNG and SVG. The ports
and their labels are drawn by route_map_ports, the lanes laid out by route_map_layout."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsPathItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from casedb.analysis.route_lines import RouteMap, every_map, land_rings, route_map

from .chart_export import export_plot, export_with_dialog
from .route_chart import COLOURS, UNKNOWN
from .route_map_layout import best_cut, distance_to, lane_slots, offset, rejoin, shift
from .route_map_ports import PortLayer

log = logging.getLogger(__name__)

LAND_BRUSH, LAND_PEN, SEA = "#e3e3e0", "#c2c2bd", "#f2f6f9"
# The route chart's colours first (the same route, the same colour), then ten unlike them.
PALETTE = (*COLOURS, "#0b2e6f", "#111111", "#008080", "#c000c0", "#0b5d1e", "#d4a017",
           "#800000", "#7fd13b", "#fa8072", "#4f6d7a")
MAX_WIDTH, MIN_WIDTH = 12.0, 1.5  # px, for the biggest tonnage and the smallest
MODES = ("all", "period", "before-after")
HIDDEN_SIZE = (1400, 700)  # px: the least a never-shown map is laid out at to be exported
MIN_MAP_HEIGHT = 260  # px: below this the world is a strip
MAX_SLOT = 2  # routes sharing a lane sit at most this many widths beside it
HOVER_PX = 6.0  # how near the mouse a line must be to be the route under it


@cache
def land_path() -> QPainterPath:
    """Every ring of the basemap in one path (lon, lat), built once."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for ring in land_rings():
        path.moveTo(QPointF(*ring[0]))
        for lon, lat in ring[1:]:  # rings end where they start: no closeSubpath,
            path.lineTo(QPointF(lon, lat))  # whose 'Z' pyqtgraph's SVG export rejects
    return path


def _per_period(line, m: RouteMap) -> float:
    return line.tonnes / max(1, len(m.periods))


class RouteMapView(PortLayer, QWidget):
    """Shows a ShareTable (casedb.analysis.shares) on the world map. ``maps`` holds the
    RouteMap of each panel drawn, ``plots`` the panels (one, or two for before/after)."""

    drawn = Signal()
    route_hovered = Signal(str)  # a route key, "" when the mouse leaves the routes
    route_filter_requested = Signal(str)  # a route key: list its declarations

    def __init__(self, parent: QWidget | None = None, top: int = 8):
        super().__init__(parent)
        self._top = top
        self.table = None
        self.origin: str | None = None
        self.maps: list[RouteMap] = []
        self.plots: list[pg.PlotItem] = []
        self.route_items: list[dict[str, list[pg.PlotCurveItem]]] = []
        self.port_items: list[pg.ScatterPlotItem] = []
        self.legends: list[pg.LegendItem] = []
        self._extent = (-180.0, 180.0, -60.0, 85.0)
        self._colours: dict[str, str] = {}  # route -> colour, stable across periods
        self._period_scale = 0.0  # the most tonnes of a route in one period: the widest line
        self._cut = -180.0  # the map's left edge (a meridian)
        self.counts: dict[str, tuple[int, ...]] = {}  # route -> declarations in each period
        self.lines: list[dict[str, list[list[tuple[float, float]]]]] = []  # as drawn, per panel
        self.tips: list[dict[str, str]] = []  # route -> its hover text, per panel
        self.labels: list[list[pg.TextItem]] = []  # port names shown, per panel
        self.hover_text = ""
        self.title = QLabel(self)
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("All periods"), "all")
        self.mode.addItem(self.tr("Step by period"), "period")
        self.mode.addItem(self.tr("Before / after an event"), "before-after")
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setPageStep(1)
        self.slider.setMinimumWidth(200)
        self.where = QLabel(self)
        self.hovered = QLabel(self)  # the route under the mouse, its tonnes and declarations
        self.hovered.setStyleSheet("color: #404040")
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground("w")
        self.view.setMinimumHeight(MIN_MAP_HEIGHT)
        self.view.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.view.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        bar = QHBoxLayout()
        for w in (self.title, self.mode, self.slider, self.where):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hovered)
        self.mode.currentIndexChanged.connect(self._on_mode_changed)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.export_button.clicked.connect(self._on_export_clicked)
        self._on_mode_changed()

    # --- input ---------------------------------------------------------------------------------

    def show_table(self, table, title: str = "", origin: str | None = None,
                   counts: dict[str, tuple[int, ...]] | None = None) -> None:
        """``origin``: where routes that name only a destination start (LOCODE or country);
        ``counts``: each route's declarations in each period of ``table`` (for hover text)."""
        self.table, self.origin, self.counts = table, origin, counts or {}
        self.title.setText(title)
        every = every_map(table, top=self._top, origin=origin)
        self._cut = best_cut([(r.tonnes, r.segments) for m in every for r in m.routes])
        self._extent = self._fit(every, self._cut)
        self._period_scale = max((r.tonnes for m in every if len(m.periods) == 1
                                  for r in m.routes), default=0.0)
        routes = sorted({(r.rank, r.route) for m in every for r in m.routes})
        self._colours = {route: PALETTE[i % len(PALETTE)] for i, (_, route) in enumerate(routes)}
        self._on_mode_changed()

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(MODES.index(mode))

    def set_period_index(self, index: int) -> None:
        """The period shown (step mode) or the first period after the event (before/after)."""
        self.slider.setValue(index)

    def set_event_period(self, period: str) -> None:
        """Before/after mode cut at ``period`` (the event's own period counts as after)."""
        self.set_mode("before-after")
        if self.table is not None:
            later = [i for i, p in enumerate(self.table.periods) if p >= period]
            self.slider.setValue(later[0] if later else len(self.table.periods) - 1)

    def export(self, path: str | Path) -> None:
        """Both panels as drawn, as PNG (at least 2400 px wide) or SVG by ``path``'s suffix;
        ValueError for any other suffix. Works on a map not on screen (a hidden tab, a dossier)."""
        layout = self.view.ci
        if not self.view.isVisible():
            self._lay_out_hidden()
        export_plot(layout, path, png_width=max(2400, int(layout.boundingRect().width())))

    def _lay_out_hidden(self) -> None:
        """A view never shown is some 100 x 30 px and its maps are slivers: lay the panels out
        at least HIDDEN_SIZE big (showing the view lays them out again at its own size)."""
        size = self.view.size()
        width, height = max(size.width(), HIDDEN_SIZE[0]), max(size.height(), HIDDEN_SIZE[1])
        self.view.ci.setGeometry(QRectF(0, 0, width, height))
        self.view.ci.layout.activate()

    # --- drawing -------------------------------------------------------------------------------

    def _default_cut(self) -> int:
        """Where before/after starts: the biggest detected shift's change point, else midway."""
        periods = self.table.periods
        shifts = sorted(self.table.shifts, key=lambda sh: -abs(sh.after_share - sh.before_share))
        cut = next((sh.change_point for sh in shifts if sh.change_point in periods), None)
        return periods.index(cut) if cut else len(periods) // 2

    def _on_mode_changed(self, *_args) -> None:
        mode = self.mode.currentData()
        n = len(self.table.periods) if self.table is not None else 0
        self.slider.blockSignals(True)
        low = 1 if mode == "before-after" else 0
        self.slider.setRange(low, max(low, n - 1))
        if mode == "before-after" and self.table is not None:
            self.slider.setValue(max(low, min(n - 1, self._default_cut())))
        self.slider.blockSignals(False)
        self.slider.setEnabled(mode != "all" and n > 1)
        self._redraw()

    def _on_slider_value_changed(self, _value: int) -> None:
        self._redraw()

    def _maps(self) -> tuple[list[RouteMap], list[str]]:
        table, mode, i = self.table, self.mode.currentData(), self.slider.value()
        if table is None or not table.periods:
            return [], [""]
        top, origin = self._top, self.origin
        if mode == "period":
            m = route_map(table, [table.periods[i]], top=top, origin=origin)
            return [m], [m.span]
        if mode == "before-after" and len(table.periods) > 1:
            before = route_map(table, table.periods[:i], top=top, origin=origin)
            after = route_map(table, table.periods[i:], top=top, origin=origin)
            return [before, after], [self.tr("Before: %1").replace("%1", before.span),
                                     self.tr("After: %1").replace("%1", after.span)]
        m = route_map(table, top=top, origin=origin)
        return [m], [m.span]

    def _redraw(self) -> None:
        maps, titles = self._maps()
        self.view.clear()
        self.maps, self.plots, self.route_items, self.port_items = maps, [], [], []
        self.legends, self.lines, self.tips, self.labels = [], [], [], []
        self.where.setText(" | ".join(t for t in titles if t))
        # Widths show tonnes a period, on one scale for the maps compared: a before of two
        # years against an after of seven, or each period against every other.
        biggest = max([_per_period(r, m) for m in maps for r in m.routes], default=0.0)
        if self.mode.currentData() == "period":
            biggest = max(biggest, self._period_scale)
        colours = self._view_colours(maps)
        for col, (m, title) in enumerate(zip(maps or [None], titles, strict=False)):
            plot = self.view.addPlot(row=0, col=2 * col, title=title)
            self._draw_base(plot)
            if m is not None:
                self.route_items.append(self._draw_routes(plot, m, biggest, colours))
                self.port_items.append(self._draw_ports(plot, m))
            self.plots.append(plot)
        self.drawn.emit()

    def _draw_base(self, plot: pg.PlotItem) -> None:
        plot.setAspectLocked(True, ratio=1.0)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMenuEnabled(False)
        vb = plot.getViewBox()
        vb.setBackgroundColor(SEA)
        pen = QPen(QColor(LAND_PEN))
        pen.setCosmetic(True)
        pen.setWidthF(0.8)
        # the world, and its western part again east of 180° when the map is cut elsewhere
        for dx in (0.0, 360.0) if self._cut > -180.0 else (0.0,):
            land = QGraphicsPathItem(land_path().translated(dx, 0) if dx else land_path())
            land.setBrush(QBrush(QColor(LAND_BRUSH)))
            land.setPen(pen)
            land.setZValue(-10)
            plot.addItem(land, ignoreBounds=True)
        x0, x1, y0, y1 = self._extent
        vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _view_colours(self, maps: list[RouteMap]) -> dict[str, str]:
        """The stable colours, except that no two routes drawn together share one (the
        palette wraps when a table has many routes over its periods)."""
        out: dict[str, str] = {}
        for line in sorted({r.route: r for m in maps for r in m.routes}.values(),
                           key=lambda r: r.rank):
            colour = self._colours.get(line.route, PALETTE[line.rank % len(PALETTE)])
            if colour in out.values():
                colour = next((c for c in PALETTE if c not in out.values()), colour)
            out[line.route] = colour
        return out

    def _draw_routes(self, plot: pg.PlotItem, m: RouteMap, biggest: float,
                     colours: dict[str, str]) -> dict[str, list[pg.PlotCurveItem]]:
        # The legend sits beside its map, so that it hides no route and leaves the map tall.
        legend = pg.LegendItem(labelTextSize="8pt", labelTextColor="#202020")
        self.view.addItem(legend, row=0, col=2 * len(self.legends) + 1)
        self.legends.append(legend)
        items: dict[str, list[pg.PlotCurveItem]] = {}
        lines: dict[str, list[list[tuple[float, float]]]] = {}
        tips: dict[str, str] = {}
        # the panel's width in pixels, guessed before it is laid out (the legend takes ~250)
        panel_px = max(400.0, self.view.width() / max(1, len(self.maps)) - 250.0)
        degrees_a_px = (self._extent[1] - self._extent[0]) / panel_px
        joined = [rejoin(line.segments, self._cut) for line in m.routes]
        slots = lane_slots([[p for seg in segs for p in seg] for segs in joined])
        for line, segments, slot in zip(m.routes, joined, slots, strict=True):
            rate = _per_period(line, m)
            width = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * rate / biggest if biggest else MIN_WIDTH
            pen = pg.mkPen(colours[line.route], width=width,
                           capStyle=Qt.PenCapStyle.RoundCap, joinStyle=Qt.PenJoinStyle.RoundJoin)
            label = line.label.replace(UNKNOWN, self.tr("unknown"))
            name = self.tr("%1 (%2 t)").replace("%1", label).replace(
                "%2", f"{line.tonnes:,.0f}")
            tips[line.route] = self._tip(line, label, m, rate)
            slot = max(-MAX_SLOT, min(MAX_SLOT, slot))  # a crowded lane: beside, not afar
            drawn = [offset(seg, slot * MAX_WIDTH * 0.5 * degrees_a_px) for seg in segments]
            curves = []
            for seg in drawn:
                curve = pg.PlotCurveItem([p[0] for p in seg], [p[1] for p in seg], pen=pen)
                curve.setToolTip(tips[line.route])
                curve.setZValue(rate / biggest if biggest else 0)  # the biggest on top
                plot.addItem(curve)
                curves.append(curve)
            if curves:
                legend.addItem(curves[0], name)
            items[line.route], lines[line.route] = curves, drawn
        self.lines.append(lines)
        self.tips.append(tips)
        return items

    def _tip(self, line, label: str, m: RouteMap, rate: float) -> str:
        index = [self.table.periods.index(p) for p in m.periods if p in self.table.periods]
        counts = self.counts.get(line.route)
        declarations = (self.tr("%1 declarations").replace(
            "%1", f"{sum(counts[i] for i in index):,}") if counts else "")
        return self.tr("%1\n%2 t in %3 (%4 t a period), %5 of the tonnage shown\n"
                       "%6 km by sea").replace("%1", label).replace(
            "%2", f"{line.tonnes:,.0f}").replace("%3", m.span).replace(
            "%4", f"{rate:,.0f}").replace("%5", f"{line.share:.0%}").replace(
            "%6", f"{line.km or 0:,.0f}") + (f"\n{declarations}" if declarations else "")

    def route_at(self, panel: int, x: float, y: float, tolerance: float) -> str:
        """The route drawn nearest (x, y) in map units, within ``tolerance``; "" when none."""
        best, route = tolerance, ""
        for key, segments in self.lines[panel].items():
            d = min((distance_to(seg, x, y) for seg in segments), default=best)
            if d <= best:
                best, route = d, key
        return route

    def _route_under(self, pos: QPointF) -> tuple[int, str]:
        for panel, plot in enumerate(self.plots[: len(self.lines)]):
            vb = plot.getViewBox()
            if vb.sceneBoundingRect().contains(pos):
                p = vb.mapSceneToView(pos)
                return panel, self.route_at(panel, p.x(), p.y(),
                                            HOVER_PX * vb.viewPixelSize()[0])
        return -1, ""

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        panel, route = self._route_under(pos)
        text = self.tips[panel].get(route, "") if route else ""
        if text != self.hover_text:
            self.hover_text = text
            self.route_hovered.emit(route)
            self.hovered.setText(text.replace("\n", " · "))
            self.view.setToolTip(text)

    def _on_scene_mouse_clicked(self, event) -> None:
        _panel, route = self._route_under(event.scenePos())
        if route and event.button() == Qt.MouseButton.LeftButton:
            self.route_filter_requested.emit(route)

    def _fit(self, maps: list[RouteMap], cut: float = -180.0) -> tuple[float, float, float, float]:
        xs = [shift(x, cut) for m in maps for r in m.routes for x, _ in r.points()]
        ys = [y for m in maps for r in m.routes for _, y in r.points()]
        xs += [shift(p.lon, cut) for m in maps for p in m.ports]
        ys += [p.lat for m in maps for p in m.ports]
        if not xs:
            return (-180.0, 180.0, -60.0, 85.0)
        margin = 8.0
        return (max(cut, min(xs) - margin), min(cut + 360.0, max(xs) + margin),
                max(-85.0, min(ys) - margin), min(85.0, max(ys) + margin))

    def _on_export_clicked(self) -> None:
        export_with_dialog(self, self.export, "route_map.png")
