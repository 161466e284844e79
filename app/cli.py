"""The ``wasteintel`` command line: every analysis, headless, for scripting.

``wasteintel`` alone opens the workstation; ``wasteintel --demo`` opens it on the demo database.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from sqlalchemy.exc import OperationalError

from casedb import __version__
from casedb.errors import CaseDbError

from . import logs
from .commands import register_all

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wasteintel",
        description="WasteIntel: case database and analysis for waste-smuggling investigations.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_db_option(parser)
    parser.add_argument("--demo", action="store_true", help="open the bundled demo database")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    register_all(sub)
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS,
        help="database: a SQLite file path or URL, or postgresql://user@host/dbname "
             "(default: the case database in your user data folder)",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable JSON on stdout")


SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")


def _opened_files(argv: list[str], commands) -> tuple[list[str], list[str]]:
    """Spreadsheets named on a command line without a command (as a file manager does with
    ``%F``), apart from the other arguments: ``wasteintel a.xlsx b.csv`` opens the
    workstation's import wizard on them."""
    first = next((i for i, a in enumerate(argv) if a in commands), len(argv))
    files = [a for a in argv[:first] if not a.startswith("-")
             and a.lower().endswith(SPREADSHEETS) and Path(a).is_file()]
    return files, [a for a in argv if a not in files]


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    return {name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
            for name in action.choices}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    files, argv = _opened_files(argv, _command_names(parser))
    args = parser.parse_args(argv)
    logs.configure(verbose=args.verbose)
    if args.command is None:
        from .gui import run_gui

        return run_gui(db_url=getattr(args, "db", None), demo=args.demo, import_paths=files)
    try:
        return int(args.handler(args) or 0)
    except CaseDbError as exc:
        _fail(str(exc))
        return 1
    except OperationalError as exc:
        log.error("database failure", exc_info=True)
        _fail(f"database not available: {str(exc.orig).splitlines()[0] if exc.orig else exc}")
        return 1
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        log.error("unexpected failure in %s", args.command, exc_info=True)
        _fail(f"unexpected error: {exc.__class__.__name__}: {exc} (see log {logs.log_path()})")
        return 2


def _fail(message: str) -> None:
    sys.stderr.write(f"wasteintel: error: {' '.join(message.split())}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
