"""The only module that touches QSettings: every key declared with its type and default, a
version number, and a migration on start-up."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings

log = logging.getLogger(__name__)

ORGANIZATION, APPLICATION = "WasteIntel", "WasteIntel"
VERSION = 1


@dataclass(frozen=True)
class Key:
    name: str
    type: type
    default: object


LANGUAGE = Key("ui/language", str, "")  # "" follows the system, else "en" or "zh_TW"
RECENT = Key("db/recent", list, [])
GEOMETRY = Key("window/geometry", bytes, b"")
STATE = Key("window/state", bytes, b"")
LAYOUT_VERSION = 2  # bump when docks change: a saved state of another version is ignored


def init_names() -> None:
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)


class Settings:
    def __init__(self):
        self._q = QSettings()
        self._migrate()

    def _migrate(self) -> None:
        found = int(self._q.value("meta/version", 0) or 0)
        if found < VERSION:
            log.info("settings %s -> %s", found, VERSION)
            self._q.setValue("meta/version", VERSION)

    def get(self, key: Key):
        value = self._q.value(key.name, key.default)
        if key.type is list:
            return list(value) if isinstance(value, (list, tuple)) else ([value] if value else [])
        if key.type is bytes:
            return bytes(value) if value else b""
        return key.type(value) if value is not None else key.default

    def set(self, key: Key, value) -> None:
        self._q.setValue(key.name, value)

    def remember_database(self, url: str, keep: int = 8) -> list[str]:
        recent = [url] + [u for u in self.get(RECENT) if u != url]
        self.set(RECENT, recent[:keep])
        return recent[:keep]

    def layout(self) -> tuple[bytes, bytes]:
        if int(self._q.value("window/layout_version", 0) or 0) != LAYOUT_VERSION:
            return b"", b""
        return self.get(GEOMETRY), self.get(STATE)

    def save_layout(self, geometry: bytes, state: bytes) -> None:
        self.set(GEOMETRY, geometry)
        self.set(STATE, state)
        self._q.setValue("window/layout_version", LAYOUT_VERSION)
