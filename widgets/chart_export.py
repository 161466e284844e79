"""Exporting a pyqtgraph chart to an image file, for every chart of the workstation:
``export_plot(chart, "chart.png")`` (raster, at least MIN_PNG_WIDTH pixels wide) or
``export_plot(chart, "chart.svg")`` (vector)."""

from __future__ import annotations

import logging
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QGraphicsScene, QGraphicsView, QMessageBox

from casedb.store.export_file import export_file

log = logging.getLogger(__name__)

MIN_PNG_WIDTH = 2000
SUFFIXES = (".png", ".svg")


def export_plot(target, path, png_width: int = 2400) -> Path:
    """Write ``target`` to ``path``, PNG or SVG by the file's suffix (ValueError for any other).

    ``target``: a PlotWidget or PlotItem, any pyqtgraph GraphicsItem (a ViewBox, say), a
    GraphicsLayoutWidget or other QGraphicsView (its whole scene), or a QGraphicsScene.
    Written through a temporary file beside it (casedb.store.export_file): a failure half-way
    leaves a file already there as it was.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"cannot export a chart as {path.suffix or 'a file without suffix'!r}; "
                         f"use one of {', '.join(SUFFIXES)}")
    source = exportable(target)
    with export_file(path) as out:  # whole or not at all, owner-only, as every export
        if suffix == ".png":
            exporter = ImageExporter(source)
            exporter.parameters()["width"] = max(int(png_width), MIN_PNG_WIDTH)
            exporter.export(str(out.path))
        else:
            _export_svg(source, out.path)
    log.info("chart exported to %s", path)
    return path


def _export_svg(source, path: Path) -> None:
    try:
        SVGExporter(source).export(str(path))
    except ValueError:
        # pyqtgraph 0.14.0 cannot parse the closed paths ("... Z") Qt 6.10+ writes
        # (pyqtgraph issue #3495): draw the same region straight into an SVG instead.
        log.info("pyqtgraph's SVG exporter failed; writing %s with QSvgGenerator", path)
        _render_svg(source, path)


def _render_svg(source, path: Path) -> None:
    if isinstance(source, QGraphicsScene):
        scene, region = source, source.sceneRect()
    else:
        scene, region = source.scene(), source.sceneBoundingRect()
    target = QRectF(0, 0, region.width(), region.height())
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(target.size().toSize())
    generator.setViewBox(target)
    painter = QPainter(generator)
    try:
        scene.render(painter, target, region)
    finally:
        painter.end()


def exportable(target) -> QGraphicsItem | QGraphicsScene:
    """What a pyqtgraph exporter takes for ``target``: a graphics item or a scene."""
    if isinstance(target, pg.PlotWidget):
        return target.getPlotItem()
    if isinstance(target, QGraphicsItem | QGraphicsScene):
        return target
    if isinstance(target, QGraphicsView):
        return target.scene()
    raise TypeError(f"cannot export {type(target).__name__}: not a chart, graphics item or scene")


def export_with_dialog(parent, export, default_name: str) -> Path | None:
    """Ask for a PNG or SVG file and write it with ``export(path)``; the chosen filter gives
    the suffix when none is typed; a failure is logged and shown. Returns the path written."""
    title = QCoreApplication.translate("ChartExport", "Export image")
    path, chosen = QFileDialog.getSaveFileName(
        parent, title, default_name,
        QCoreApplication.translate("ChartExport", "PNG image (*.png);;SVG image (*.svg)"))
    if not path:
        return None
    if not Path(path).suffix:
        path += ".svg" if "svg" in chosen.lower() else ".png"
    try:
        export(path)
    except (ValueError, OSError) as exc:
        log.warning("chart export to %s failed: %s", path, exc)
        QMessageBox.warning(parent, title, QCoreApplication.translate(
            "ChartExport", "Could not write %1: choose a .png or .svg file in a folder you may "
            "write to.").replace("%1", path))
        return None
    return Path(path)
