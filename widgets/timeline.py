"""A timeline in i2's theme-line style: one lane per party, declarations and seizures as events
placed by date and sized by tonnes (an event touching several parties marks each of their lanes,
joined by a thin line), dashed links between events that share an identifier, a date axis that
zooms from years to days. Clicking an event selects it and says so (``event_selected``), so the
case view and the link chart can follow (widgets/timeline_sync.py); ``select`` takes a selection
made elsewhere, ``mark`` several events (those of nodes chosen on the chart)."""

from __future__ import annotations

import logging
import math
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .chart_export import export_plot, export_with_dialog
from .date_axis import DAY, DateAxis, timestamp
from .route_chart import COLOURS

log = logging.getLogger(__name__)

LINK_COLOURS = {"container": "#8c564b", "bl": "#9467bd", "sailing": "#17becf",
                "phone": "#d62728", "address": "#2ca02c", "email": "#ff7f0e",
                "seized": "#b00000"}
SEIZURE_BRUSH = "#b00000"
MIN_SIZE, MAX_SIZE = 7.0, 30.0  # px, for the fewest and the most tonnes
SELECTED_PEN = pg.mkPen("#000000", width=3)


class LaneAxis(pg.AxisItem):
    """The lanes' names on the left, each at its lane (y = lane index)."""

    def __init__(self):
        super().__init__("left")
        self.names: list[str] = []

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        lo, hi = sorted((minVal, maxVal))  # the lanes run downwards: the range is inverted
        return [(1.0, [i for i in range(len(self.names)) if lo - 1 <= i <= hi + 1])]

    def set_names(self, names: list[str]) -> None:
        self.names = names
        metrics = QFontMetricsF(self.font())
        self.setWidth(int(max((metrics.horizontalAdvance(n) for n in names), default=20)) + 16)
        self.picture = None
        self.update()

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [self.names[int(v)] if 0 <= int(v) < len(self.names) else "" for v in values]


class TimelineView(QWidget):
    event_selected = Signal(str, object)  # the event's key, its declaration id (or None)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key = QLabel(self)
        self.fit_button = QPushButton(self.tr("Fit"), self)
        self.export_button = QPushButton(self.tr("Export image…"), self)
        self.lane_axis = LaneAxis()
        self.plot = pg.PlotWidget(self, background="w", axisItems={
            "bottom": DateAxis(), "left": self.lane_axis})
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.getPlotItem().setMenuEnabled(False)
        self.plot.getPlotItem().invertY(True)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setTextPen("#202020")
        self.plot.setToolTip(self.tr("Scroll to zoom from years to days; click an event"))
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.key)
        layout.addWidget(self.detail)
        self.fit_button.clicked.connect(self.fit)
        self.export_button.clicked.connect(
            lambda: export_with_dialog(self, self.export_image, "timeline.png"))
        self.timeline = None
        self.events: dict[str, object] = {}  # key -> Event
        self.lane_of: dict[str, int] = {}  # lane key -> row
        self.scatter: pg.ScatterPlotItem | None = None
        self.selected: str | None = None
        self.marked: set[str] = set()  # events drawn as selected: the one selected, or several

    # --- input ---------------------------------------------------------------------------------

    def show_timeline(self, timeline, title: str = "") -> None:
        """``timeline``: a casedb.analysis.timeline.Timeline."""
        self.timeline, self.selected, self.marked = timeline, None, set()
        self.title.setText(title or timeline.title)
        self.detail.clear()
        self.plot.clear()
        self.events = {e.key: e for e in timeline.events}
        self.lane_of = {lane.key: i for i, lane in enumerate(timeline.lanes)}
        self.lane_axis.set_names([self._lane_name(lane) for lane in timeline.lanes])
        self._draw_lanes(timeline)
        self._draw_links(timeline)
        self._draw_events(timeline)
        self._fill_key(timeline)
        self.fit()

    def select(self, key: str | None) -> None:
        """Mark the event ``key`` (from elsewhere: the case view, the link chart) and show it."""
        self.selected = key if key in self.events else None
        self._draw_marks({self.selected} if self.selected else set())
        self.detail.setText(self._describe(self.events[key]) if self.selected else "")

    def mark(self, keys) -> None:
        """Draw these events as selected (none selected alone); the detail line counts them."""
        self.selected = None
        self._draw_marks({k for k in keys if k in self.events})
        self.detail.setText(self.tr("%n event(s) of the nodes chosen on the link chart", "",
                                    len(self.marked)) if self.marked else "")

    def _draw_marks(self, keys: set[str]) -> None:
        if keys == self.marked or self.scatter is None:
            self.marked = keys
            return
        changed = keys ^ self.marked
        self.marked = keys
        for spot in self.scatter.points():
            if spot.data() in changed:
                spot.setPen(SELECTED_PEN if spot.data() in keys
                            else pg.mkPen("#202020", width=0.5))

    def select_declaration(self, declaration_id: int) -> None:
        self.select(f"d{declaration_id}")

    def fit(self) -> None:
        span = self.timeline.span if self.timeline is not None else None
        if not span:
            return
        x0, x1 = timestamp(span[0]), timestamp(span[1])
        pad = max(15 * DAY, (x1 - x0) * 0.04)
        vb = self.plot.getPlotItem().getViewBox()
        vb.setLimits(xMin=x0 - 20 * 365 * DAY, xMax=x1 + 20 * 365 * DAY, minXRange=3 * DAY,
                     maxXRange=40 * 365 * DAY)
        vb.setRange(xRange=(x0 - pad, x1 + pad),
                    yRange=(-0.6, max(0.6, len(self.timeline.lanes) - 0.4)), padding=0)

    # --- drawing -------------------------------------------------------------------------------

    def _lane_name(self, lane) -> str:
        if lane.key == "other":
            return self.tr("No party")
        name = lane.label if len(lane.label) <= 30 else lane.label[:29] + "…"
        return f"{name} ({self.tr(lane.role)})"

    def _draw_lanes(self, timeline) -> None:
        for i in range(len(timeline.lanes)):
            line = pg.InfiniteLine(pos=i, angle=0, movable=False,
                                   pen=pg.mkPen(COLOURS[i % len(COLOURS)], width=2))
            line.setOpacity(0.35)
            line.setZValue(-5)
            self.plot.addItem(line)

    def _draw_links(self, timeline) -> None:
        by_kind: dict[str, list[tuple[float, float]]] = {}
        for link in timeline.links:
            a, b = self.events.get(link.a), self.events.get(link.b)
            if a is None or b is None:
                continue
            by_kind.setdefault(link.kind, []).extend(
                [(timestamp(a.date), self.lane_of.get(a.lane, 0)),
                 (timestamp(b.date), self.lane_of.get(b.lane, 0))])
        for kind, points in by_kind.items():
            curve = pg.PlotCurveItem([p[0] for p in points], [p[1] for p in points],
                                     connect="pairs", pen=pg.mkPen(
                                         LINK_COLOURS.get(kind, "#7f7f7f"), width=1.5,
                                         style=Qt.PenStyle.DashLine))
            curve.setZValue(-2)
            self.plot.addItem(curve)
        # an event touching several parties: a thin line down its lanes, a dot on each
        joins, dots = [], []
        for e in timeline.events:
            rows = sorted(self.lane_of[k] for k in e.lanes if k in self.lane_of)
            if len(rows) > 1:
                x = timestamp(e.date)
                joins += [(x, rows[0]), (x, rows[-1])]
                dots += [(x, r) for r in rows if r != self.lane_of.get(e.lane)]
        if joins:
            self.plot.addItem(pg.PlotCurveItem([p[0] for p in joins], [p[1] for p in joins],
                                               connect="pairs", pen=pg.mkPen("#9a9a9a", width=1)))
            self.plot.addItem(pg.ScatterPlotItem([p[0] for p in dots], [p[1] for p in dots],
                                                 size=5, brush="#9a9a9a", pen=None))

    def _draw_events(self, timeline) -> None:
        most = max((e.tonnes for e in timeline.events), default=0.0)
        spots = []
        for e in timeline.events:
            size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(e.tonnes / most) if most else MIN_SIZE
            row = self.lane_of.get(e.lane, 0)
            spots.append({"pos": (timestamp(e.date), row), "size": size, "data": e.key,
                          "symbol": "d" if e.kind == "seizure" else "o",
                          "brush": pg.mkBrush(SEIZURE_BRUSH if e.kind == "seizure"
                                              else COLOURS[row % len(COLOURS)]),
                          "pen": pg.mkPen("#202020", width=0.5)})
        self.scatter = pg.ScatterPlotItem(spots=spots, hoverable=True,
                                          tip=lambda x, y, data: self._describe(self.events[data]))
        self.scatter.setZValue(5)
        self.scatter.sigClicked.connect(self._on_scatter_clicked)
        self.plot.addItem(self.scatter)

    def _fill_key(self, timeline) -> None:
        kinds = sorted({link.kind for link in timeline.links})
        names = {"container": self.tr("container"), "bl": self.tr("B/L"),
                 "sailing": self.tr("sailing"), "phone": self.tr("phone"),
                 "address": self.tr("address"), "email": self.tr("e-mail")}
        parts = [self.tr("● declaration (size: tonnes)"),
                 f'<span style="color:{SEIZURE_BRUSH}">◆</span> ' + self.tr("seizure")]
        parts += [f'<span style="color:{LINK_COLOURS.get(k, "#7f7f7f")}">╌╌</span> '
                  + (self.tr("declaration and its seizure") if k == "seized" else
                     self.tr("same %1").replace("%1", names.get(k, k))) for k in kinds]
        self.key.setText("&nbsp;&nbsp;&nbsp;".join(parts))

    def _describe(self, e) -> str:
        lanes = [self.timeline.lanes[self.lane_of[k]].label for k in e.lanes
                 if k in self.lane_of]
        kind = self.tr("Seizure") if e.kind == "seizure" else self.tr("Declaration")
        text = self.tr("%1 %2 on %3, %4 t").replace("%1", kind).replace(
            "%2", e.label).replace("%3", e.date.isoformat()).replace("%4", f"{e.tonnes:,.1f}")
        if lanes:
            text += " · " + " → ".join(lanes)
        if e.identifiers:
            text += " · " + ", ".join(v for _, v in e.identifiers)
        return text

    def _on_scatter_clicked(self, _item, spots, *_event) -> None:
        if len(spots):
            key = spots[0].data()
            self.select(key)
            self.event_selected.emit(key, self.events[key].declaration_id)

    def export_image(self, path: str | Path) -> Path:
        """The timeline as PNG (at least 2400 px wide) or SVG by ``path``'s suffix."""
        return export_plot(self.plot, path)
