"""Sub-commands of the ``wasteintel`` command line.

Every module in this package defines ``register(subparsers)``; they are registered in name order.
A module that cannot be imported (a broken installation, a missing optional library) does not
take the other commands down: its command is listed and says, in one line, why it cannot run.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil

log = logging.getLogger(__name__)


def register_all(subparsers) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        try:
            module = importlib.import_module(f"{__name__}.{info.name}")
        except ImportError as exc:
            log.debug("command module %s cannot be imported", info.name, exc_info=True)
            _unavailable(subparsers, info.name, exc)
            continue
        module.register(subparsers)


def _unavailable(subparsers, name: str, exc: ImportError) -> None:
    from casedb.errors import CaseDbError

    def fail(args) -> int:
        raise CaseDbError(f"the {name} command cannot run in this installation ({exc}); "
                          "reinstall WasteIntel")

    p = subparsers.add_parser(name, help="(not available in this installation)")
    p.add_argument("rest", nargs=argparse.REMAINDER, help="ignored")
    p.set_defaults(handler=fail)
