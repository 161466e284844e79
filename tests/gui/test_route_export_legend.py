"""The route chart's exported picture has its legend: the legend on screen is a list beside the
plot, outside what is exported, so the export draws one of its own right of the plot. The test
looks at the PNG written: each route's colour and dark text where the legend stands, right of
every line (the plot alone, wider, has there at most the end of one line); and the chart on
screen is as it was."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from tests.gui.test_route_chart import chart  # noqa: F401 - the fixture
from widgets.route_chart import COLOURS


def _pixels(path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8).copy()  # the image goes away
    return data.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3].reshape(
        image.height(), image.width(), 3)


def _near(pixels: np.ndarray, colour: str) -> int:
    """Pixels of that colour, blended with white or not (antialiased thin lines): coloured
    (saturated) pixels whose nearest route colour it is."""
    px = pixels.reshape(-1, 3).astype(float)
    coloured = px[px.max(axis=1) - px.min(axis=1) > 50]
    palette = np.array([[QColor(c).red(), QColor(c).green(), QColor(c).blue()]
                        for c in COLOURS[:3]], dtype=float)
    # as hue: each pixel and colour minus its own lightest channel, scaled to unit length
    def hue(a):
        a = a - a.min(axis=1, keepdims=True)
        return a / np.linalg.norm(a, axis=1, keepdims=True)
    nearest = np.argmax(hue(coloured) @ hue(palette).T, axis=1)
    return int((nearest == COLOURS.index(colour)).sum())


def test_the_exported_png_has_the_legend_beside_the_plot(chart, tmp_path):  # noqa: F811
    plot = chart.plot.getPlotItem()
    before = plot.vb.sceneBoundingRect()
    path = chart.export_image(tmp_path / "routes.png")
    pixels = _pixels(path)
    height, width, _ = pixels.shape
    lines_end = int(width * 0.86)  # the last period's x: no line goes further right
    legend = pixels[: height // 2, lines_end + 10:]
    for colour in COLOURS[:3]:  # China, Malaysia, unknown: one sample line each
        assert _near(legend, colour) > 50, colour
    dark = (pixels[: height // 2, lines_end + 10:].max(axis=2) < 90).sum()
    assert dark > 300  # the routes' names
    assert not _near(pixels[height // 2:, lines_end + 10:], COLOURS[0])  # nothing under it
    texts = [label.text for _, label in chart.export_legend.items]
    assert texts == ["China", "Malaysia", "unknown"]
    assert chart.export_legend.scene() is None  # gone from the chart on screen
    assert plot.vb.sceneBoundingRect() == before
