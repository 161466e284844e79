"""Every chart of the analysis panel exports to PNG and SVG: the route-share chart, the split ring's
timeline and the route map, through their public export methods and their "Export image…"
buttons (the file dialog stubbed), on the demo database."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from widgets.route_map import LAND_BRUSH, SEA

SVG = "{http://www.w3.org/2000/svg}"
DRAWING = ("path", "polyline", "polygon", "rect", "line", "ellipse", "circle", "g")


def _show(panel, page, shown: bool) -> None:
    """The tab of ``page`` current, or (``shown`` False) the link chart's: the chart hidden, as
    when a dossier exports it."""
    panel.tabs.setCurrentWidget(page if shown else panel.links)


def _routes(qtbot, window, shown=True):
    """The route chart with its lines drawn; its export; the colour of its biggest route."""
    panel = window.analysis
    _show(panel, panel.routes.parentWidget(), shown)
    qtbot.waitUntil(lambda: panel.routes.table is not None
                    and bool(panel.routes.plot.getPlotItem().listDataItems()), timeout=10_000)
    first = panel.routes.plot.getPlotItem().listDataItems()[0]
    return panel.routes, panel.routes.export_image, [pg.mkPen(first.opts["pen"]).color().name()]


def _splits(qtbot, window, shown=True):
    """The split view on its first ring; its export; the colour of the first shipper's marks."""
    panel = window.analysis
    _show(panel, panel.splits, shown)
    qtbot.waitUntil(lambda: panel.splits.ring_count() > 0, timeout=10_000)
    panel.splits.select_ring(0)
    qtbot.waitUntil(lambda: bool(panel.splits.plot.getPlotItem().listDataItems()), timeout=5000)
    first = panel.splits.plot.getPlotItem().listDataItems()[0]
    return (panel.splits, panel.splits.export_image,
            [pg.mkBrush(first.opts["brush"]).color().name()])  # a ScatterPlotItem


def _map(qtbot, window, shown=True):
    """The route map with its routes drawn; its export; the colours of the biggest route, the
    land and the sea."""
    panel = window.analysis
    _show(panel, panel.map, shown)
    qtbot.waitUntil(lambda: any(panel.map.route_items), timeout=10_000)
    biggest = max(panel.map.maps[0].routes, key=lambda r: r.tonnes).route
    pen = panel.map.route_items[0][biggest][0].opts["pen"]
    return panel.map, panel.map.export, [pen.color().name(), LAND_BRUSH, SEA]


CHARTS = {"route chart": _routes, "split view": _splits, "route map": _map}


def _check_png(path, colours: list[str], least: int = 200) -> None:
    """A PNG at least 2000 px wide with the chart's data on it: pixels of each of ``colours``
    (``least`` of each: a ring's timeline on a hidden tab draws its dozen points, sized by
    tonnes, in a few pixels each)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") >= 2000  # IHDR width
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull() and image.width() >= 2000
    pixels = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), -1)
    rgb = pixels[:, :image.width()] & 0xFFFFFF
    for colour in colours:
        assert (rgb == int(colour[1:], 16)).sum() > least, colour


def _check_svg(path, colours: list[str]) -> None:
    """An SVG that parses, with drawing elements, the chart's data among them in ``colours``."""
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    drawn = [e for e in root.iter() if e.tag.removeprefix(SVG) in DRAWING]
    assert len(drawn) > 10
    painted = {e.get(a, "").lower() for e in root.iter() for a in ("stroke", "fill")}
    assert {c.lower() for c in colours} <= painted


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_exports_a_wide_png_and_an_svg_that_parses(qtbot, window, tmp_path, name):
    _chart, export, colours = CHARTS[name](qtbot, window)
    export(tmp_path / "x.png")
    export(tmp_path / "x.svg")
    _check_png(tmp_path / "x.png", colours)
    _check_svg(tmp_path / "x.svg", colours)
    with pytest.raises(ValueError):
        export(tmp_path / "x.jpg")
    assert not (tmp_path / "x.jpg").exists()


@pytest.mark.parametrize("name", CHARTS)
def test_a_chart_on_a_hidden_tab_exports_its_data_too(qtbot, window, tmp_path, name):
    chart, export, colours = CHARTS[name](qtbot, window, shown=False)
    assert not chart.isVisible()
    export(tmp_path / "hidden.png")
    export(tmp_path / "hidden.svg")
    _check_png(tmp_path / "hidden.png", colours, least=40 if name == "split view" else 200)
    _check_svg(tmp_path / "hidden.svg", colours)


@pytest.mark.parametrize("name", CHARTS)
def test_the_export_button_writes_the_file_chosen_in_the_dialog(qtbot, window, tmp_path,
                                                                monkeypatch, name):
    chart, _export, colours = CHARTS[name](qtbot, window)
    answers = iter([(str(tmp_path / "chosen"), "SVG image (*.svg)"),  # no suffix: the filter's
                    (str(tmp_path / "chosen.png"), "SVG image (*.svg)"),
                    (str(tmp_path / "chosen.gif"), "PNG image (*.png)"),
                    ("", "")])  # cancelled
    asked = []

    def get_save_file_name(parent, caption, directory, filters, *args, **kwargs):
        asked.append(filters)
        return next(answers)

    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a))
    assert chart.export_button.text().startswith("Export")
    qtbot.mouseClick(chart.export_button, Qt.MouseButton.LeftButton)
    _check_svg(tmp_path / "chosen.svg", colours)
    qtbot.mouseClick(chart.export_button, Qt.MouseButton.LeftButton)
    _check_png(tmp_path / "chosen.png", colours)
    assert not warned
    qtbot.mouseClick(chart.export_button, Qt.MouseButton.LeftButton)  # not an image suffix
    assert len(warned) == 1 and not (tmp_path / "chosen.gif").exists()
    qtbot.mouseClick(chart.export_button, Qt.MouseButton.LeftButton)
    assert len(warned) == 1
    assert sorted(p.name for p in tmp_path.glob("chosen*")) == ["chosen.png", "chosen.svg"]
    assert asked == ["PNG image (*.png);;SVG image (*.svg)"] * 4


def test_the_split_export_is_the_selected_rings_timeline(qtbot, window, tmp_path):
    splits, export, _colour = _splits(qtbot, window)
    panel = window.analysis
    sizes = {len(r.declaration_nos) for r in panel.shown_rings}
    assert len(panel.shown_rings) > 1 and len(sizes) > 1, "the demo's rings differ in size"
    first = len(panel.shown_rings[0].declaration_nos)
    other = next(i for i, r in enumerate(panel.shown_rings) if len(r.declaration_nos) != first)
    export(tmp_path / "first.svg")
    splits.select_ring(other)
    qtbot.waitUntil(lambda: sum(len(i.getData()[0]) for i in splits.plot.getPlotItem().listDataItems())
                    == len(panel.shown_rings[other].declaration_nos), timeout=5000)
    export(tmp_path / "other.svg")
    assert (tmp_path / "first.svg").read_bytes() != (tmp_path / "other.svg").read_bytes()
