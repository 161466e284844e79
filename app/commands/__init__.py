"""Sub-commands of the ``wasteintel`` command line. Each module has ``register(subparsers)``."""

from __future__ import annotations

import importlib

# Modules listed here register their sub-commands; a module that is missing is a bug.
MODULES = ("db", "cases")


def register_all(subparsers) -> None:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
