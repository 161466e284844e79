"""How the link chart draws things: each node kind by colour AND symbol (readable in greyscale
and by colour-blind readers: Okabe-Ito colours), edge width by tonnage, community colours."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class NodeStyle:
    symbol: str  # a pyqtgraph scatter symbol
    colour: str
    size: float  # pixels


KIND_STYLE: dict[str, NodeStyle] = {
    "case": NodeStyle("s", "#D55E00", 16),
    "party": NodeStyle("o", "#0072B2", 11),
    "port": NodeStyle("t1", "#009E73", 13),
    "container": NodeStyle("d", "#E69F00", 12),
    "vessel": NodeStyle("t", "#56B4E9", 13),
    "address": NodeStyle("p", "#CC79A7", 11),
    "phone": NodeStyle("h", "#8C564B", 11),
    "email": NodeStyle("x", "#7F3C8D", 11),
    "declaration": NodeStyle("star", "#6F6F00", 13),
    "sailing": NodeStyle("t3", "#56B4E9", 12),
    "bl": NodeStyle("t2", "#6A3D9A", 12),
}
IDENTIFIER_KINDS = ("phone", "address", "email", "container", "sailing", "bl", "vessel")
OTHER_STYLE = NodeStyle("+", "#7F7F7F", 11)

EDGE_COLOUR = (165, 165, 165)
PATH_COLOUR = "#E4007C"
SELECTION_COLOUR = "#111111"
PIN_COLOUR = "#444444"
BORDER_COLOUR = "#B8860B"  # conditional border: nodes that link two or more cases
COMMUNITY_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                     "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939")
SMALL_COMMUNITY_COLOUR = "#c7c7c7"
TONNES_PER_PIXEL = 50.0  # edge width: 1 px plus one per 50 t, at most MAX_EDGE_WIDTH
MAX_EDGE_WIDTH = 5


def style_of(kind: str) -> NodeStyle:
    return KIND_STYLE.get(kind, OTHER_STYLE)


def kind_label(kind: str) -> str:
    """The kind as the legend shows it, translated; an unknown kind is shown as given."""
    labels = {  # spelt out in full so that lupdate finds them
        "case": QCoreApplication.translate("LinkStyle", "Case"),
        "party": QCoreApplication.translate("LinkStyle", "Party"),
        "port": QCoreApplication.translate("LinkStyle", "Port"),
        "container": QCoreApplication.translate("LinkStyle", "Container"),
        "vessel": QCoreApplication.translate("LinkStyle", "Vessel"),
        "address": QCoreApplication.translate("LinkStyle", "Address"),
        "phone": QCoreApplication.translate("LinkStyle", "Phone"),
        "email": QCoreApplication.translate("LinkStyle", "E-mail"),
        "declaration": QCoreApplication.translate("LinkStyle", "Declaration"),
        "sailing": QCoreApplication.translate("LinkStyle", "Sailing"),
        "bl": QCoreApplication.translate("LinkStyle", "B/L"),
    }
    return labels.get(kind, kind)


def role_label(role: str) -> str:
    """A party's role (or roles joined by "/") in the user's words; unknown ones as given."""
    labels = {  # spelt out in full so that lupdate finds them
        "shipper": QCoreApplication.translate("LinkStyle", "shipper"),
        "consignee": QCoreApplication.translate("LinkStyle", "consignee"),
        "broker": QCoreApplication.translate("LinkStyle", "broker"),
        "forwarder": QCoreApplication.translate("LinkStyle", "forwarder"),
        "notify": QCoreApplication.translate("LinkStyle", "notify party"),
        "exporter": QCoreApplication.translate("LinkStyle", "exporter"),
        "importer": QCoreApplication.translate("LinkStyle", "importer"),
        "carrier": QCoreApplication.translate("LinkStyle", "carrier"),
    }
    return "/".join(labels.get(r, r) for r in role.split("/"))


def link_words(role: str) -> str:
    """What a link stands for: a party's role, or the kind of identifier it shares."""
    return kind_label(role) if role in KIND_STYLE else role_label(role)


def edge_widths(tonnes: np.ndarray) -> np.ndarray:
    """Whole-pixel edge widths, 1 to MAX_EDGE_WIDTH, from tonnes (NaN or negative: 1 px)."""
    t = np.nan_to_num(np.asarray(tonnes, dtype=float), nan=0.0).clip(min=0.0)
    return (1 + np.minimum(MAX_EDGE_WIDTH - 1, np.round(t / TONNES_PER_PIXEL))).astype(int)


def community_colours(membership: np.ndarray) -> np.ndarray:
    """Colours (hex strings) for community numbers ranked by size: the largest communities
    get the palette, the rest a light grey."""
    palette = np.array(COMMUNITY_COLOURS + (SMALL_COMMUNITY_COLOUR,), dtype=object)
    return palette[np.minimum(membership, len(COMMUNITY_COLOURS))]


class BrushCache:
    """One QBrush per colour, so per-node brush arrays share a handful of objects (pyqtgraph
    caches rendered symbols per brush)."""

    def __init__(self):
        self._brushes: dict[str, object] = {}

    def __call__(self, colours) -> np.ndarray:
        unique, inverse = np.unique(np.asarray(colours, dtype=str), return_inverse=True)
        for colour in unique:
            if colour not in self._brushes:
                self._brushes[colour] = pg.mkBrush(colour)
        brushes = np.empty(len(unique), dtype=object)
        brushes[:] = [self._brushes[c] for c in unique]
        return brushes[inverse.reshape(-1)]


def make_legend(box: pg.ViewBox) -> pg.LegendItem:
    legend = pg.LegendItem(offset=(10, 10), brush=pg.mkBrush(255, 255, 255, 210),
                           pen=pg.mkPen("#c0c0c0"), labelTextColor="#202020")
    legend.setParentItem(box)
    return legend


def add_legend_entries(legend: pg.LegendItem, kinds: list[str], neutral: bool = False) -> None:
    """One entry per kind present; ``neutral`` draws the symbols grey (colours then mean
    communities, not kinds)."""
    legend.clear()
    for kind in sorted(set(kinds), key=lambda k: (k not in KIND_STYLE, k)):
        style = style_of(kind)
        sample = pg.ScatterPlotItem(symbol=style.symbol, size=10, pen=pg.mkPen("#333", width=0.5),
                                    brush=pg.mkBrush("#9a9a9a" if neutral else style.colour))
        legend.addItem(sample, kind_label(kind))


# Conditional formatting (i2-style): nodes coloured by the tonnes on their links, in bands.
TONNE_BANDS = ((0.0, "#fed976"), (10.0, "#fd8d3c"), (100.0, "#e31a1c"), (1000.0, "#800026"))


def node_tonnes(edges: np.ndarray, tonnes: np.ndarray, n: int) -> np.ndarray:
    """Each node's tonnes: the sum over its links."""
    total = np.zeros(n)
    if len(edges):
        np.add.at(total, edges[:, 0], tonnes)
        np.add.at(total, edges[:, 1], tonnes)
    return total


def band_colours(total: np.ndarray) -> np.ndarray:
    """The band colour of each node's tonnes."""
    floors = np.array([b[0] for b in TONNE_BANDS])
    palette = np.array([b[1] for b in TONNE_BANDS], dtype=object)
    return palette[np.searchsorted(floors, np.nan_to_num(total), side="right") - 1]


def band_label(i: int) -> str:
    low = TONNE_BANDS[i][0]
    if i + 1 == len(TONNE_BANDS):
        return QCoreApplication.translate("LinkStyle", "%1 t or more").replace("%1", f"{low:,.0f}")
    high = TONNE_BANDS[i + 1][0]
    return QCoreApplication.translate("LinkStyle", "%1 to %2 t").replace(
        "%1", f"{low:,.0f}").replace("%2", f"{high:,.0f}")


def add_band_entries(legend: pg.LegendItem) -> None:
    """The tonnage bands under the kinds (the kinds then drawn grey)."""
    for i, (_, colour) in enumerate(TONNE_BANDS):
        sample = pg.ScatterPlotItem(symbol="s", size=10, pen=pg.mkPen("#333", width=0.5),
                                    brush=pg.mkBrush(colour))
        legend.addItem(sample, band_label(i))


def add_border_entry(legend: pg.LegendItem) -> None:
    """What the thick border means (conditional formatting by attribute)."""
    sample = pg.ScatterPlotItem(symbol="o", size=10, pen=pg.mkPen(BORDER_COLOUR, width=3),
                                brush=pg.mkBrush("#ffffff"))
    legend.addItem(sample, QCoreApplication.translate("LinkStyle", "links 2 or more cases"))
