"""Loading the translation for the chosen language or the system locale."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import resources

log = logging.getLogger(__name__)
LANGUAGES = {"en": "English", "zh_TW": "繁體中文"}


def choose(setting: str) -> str:
    if setting in LANGUAGES:
        return setting
    name = QLocale.system().name()
    return "zh_TW" if name.startswith(("zh_TW", "zh_HK", "zh_Hant")) else "en"


def install(app: QApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language``; keep the returned list alive."""
    if language == "en":
        return []
    installed = []
    for base, folder in (("wasteintel", resources.path("i18n")),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        t = QTranslator(app)
        if t.load(f"{base}_{language}", folder):
            app.installTranslator(t)
            installed.append(t)
        else:
            log.info("no %s translation for %s in %s", base, language, folder)
    return installed


def active() -> str:
    """The language of the installed translation ("en" or "zh-TW", as casedb names them): the
    translation of the marker string "en" is its language."""
    return "zh-TW" if QCoreApplication.translate("MainWindow", "en") == "zh-TW" else "en"
