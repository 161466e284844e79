"""Opening, creating and connecting to case databases."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from casedb.errors import CaseDbError
from casedb.store.database import Database

from ..schema_upgrade import ensure_schema_shown

log = logging.getLogger(__name__)


def switch_to(window, url: str) -> None:
    try:
        db = Database(url)
        ensure_schema_shown(db, window)
    except (CaseDbError, Exception) as exc:  # noqa: BLE001 - connection errors vary by driver
        log.error("cannot open %s", url, exc_info=True)
        QMessageBox.warning(
            window,
            QCoreApplication.translate("MainWindow", "Open database"),
            str(exc).splitlines()[0],
        )
        return
    window.settings.remember_database(url)
    window.replace_with(db)


def open_database(window) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("MainWindow", "Open case database"),
        "",
        QCoreApplication.translate("MainWindow", "Case databases (*.db *.sqlite)"),
    )
    if path:
        switch_to(window, path)


def new_database(window) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("MainWindow", "New case database"),
        "cases.db",
        QCoreApplication.translate("MainWindow", "Case databases (*.db)"),
    )
    if path:
        switch_to(window, path)


def connect_postgresql(window) -> None:
    url, ok = QInputDialog.getText(
        window,
        QCoreApplication.translate("MainWindow", "Connect to PostgreSQL"),
        QCoreApplication.translate("MainWindow", "Server URL (postgresql://user@host/database):"),
    )
    if ok and url.strip():
        switch_to(window, url.strip())
