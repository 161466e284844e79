"""Data files shipped with WasteIntel, and a Qt-free accessor."""

from __future__ import annotations

import importlib.resources


def path(rel: str) -> str:
    return str(importlib.resources.files(__name__).joinpath(rel))
