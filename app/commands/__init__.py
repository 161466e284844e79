"""Sub-commands of the ``wasteintel`` command line.

Every module in this package defines ``register(subparsers)``; they are registered in name order.
"""

from __future__ import annotations

import importlib
import pkgutil


def register_all(subparsers) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}").register(subparsers)
