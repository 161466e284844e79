"""Starting the workstation: QApplication, settings, translation, logging hooks, main window."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from casedb.store.database import Database

from . import i18n, theme
from .schema_upgrade import ensure_schema_shown
from .settings import LANGUAGE, Settings, init_names

log = logging.getLogger(__name__)
_T0 = time.perf_counter()


def _excepthook(exc_type, exc, tb) -> None:
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if (app is not None and threading.current_thread() is threading.main_thread()
            and QApplication.platformName() != "offscreen"):
        QMessageBox.critical(None, "WasteIntel", f"{exc_type.__name__}: {exc}")


def make_app(argv: list[str] | None = None) -> QApplication:
    init_names()
    if QApplication.instance() is None:
        # Fractional scaling (125 %, 150 %) drawn as such, not rounded: sharp on high-DPI screens.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    return app


def open_database(db_url: str | None, demo: bool) -> Database:
    if demo:
        from casedb.synth.demo_database import demo_database

        return demo_database()
    db = Database(db_url)
    ensure_schema_shown(db)
    return db


def show_main_window(db: Database, settings: Settings):
    from .main_window import MainWindow

    return MainWindow.open(db, settings)


def run_gui(db_url: str | None = None, demo: bool = False,
            import_paths: list[str] | None = None) -> int:
    app = make_app()
    sys.excepthook = _excepthook
    threading.excepthook = lambda args: log.error(
        "error in thread %s", args.thread, exc_info=(args.exc_type, args.exc_value,
                                                     args.exc_traceback))
    settings = Settings()
    theme.follow_system(app)
    translators = i18n.install(app, i18n.choose(settings.get(LANGUAGE)))  # noqa: F841 - kept alive
    db = open_database(db_url, demo)
    settings.remember_database(db.url)
    window = show_main_window(db, settings)
    if import_paths:
        from .actions.importing import import_paths as open_wizard

        open_wizard(window, [str(p) for p in import_paths])
    if os.environ.get("WASTEINTEL_EXIT_AFTER_FIRST_PAINT"):
        QTimer.singleShot(0, lambda: _first_paint(window))
    return app.exec()


def _first_paint(window) -> None:
    window.repaint()
    log.warning("first paint after %.3f s", time.perf_counter() - _T0)
    QApplication.instance().quit()
