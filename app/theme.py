"""Light and dark, following the system: Fusion with a dark palette when the platform says the
colour scheme is dark, re-applied when it changes."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 32, 36), QColor(45, 48, 53), QColor(225, 228, 232)
    disabled = QColor(120, 124, 130)
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, base),
                         (QPalette.ColorRole.AlternateBase, QColor(38, 41, 46)),
                         (QPalette.ColorRole.ToolTipBase, window),
                         (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.Button, window),
                         (QPalette.ColorRole.ButtonText, text),
                         (QPalette.ColorRole.BrightText, QColor(255, 90, 90)),
                         (QPalette.ColorRole.Link, QColor(100, 170, 255)),
                         (QPalette.ColorRole.Highlight, QColor(52, 120, 200)),
                         (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
                         (QPalette.ColorRole.PlaceholderText, disabled)):
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def is_dark(app: QGuiApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply(app: QApplication, dark: bool | None = None) -> bool:
    """Apply the palette for ``dark`` (default: the system's scheme); returns whether dark."""
    dark = is_dark(app) if dark is None else dark
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    log.info("%s theme", "dark" if dark else "light")
    return dark


def follow_system(app: QApplication) -> None:
    apply(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))
