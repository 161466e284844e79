"""The ``wasteintel`` command line: every analysis, headless, for scripting.

``wasteintel`` alone opens the workstation; ``wasteintel --demo`` opens it on the demo database.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from sqlalchemy.exc import DatabaseError, OperationalError

from casedb import __version__
from casedb.errors import CaseDbError

from . import logs
from .arguments import UsageError
from .commands import register_all

log = logging.getLogger(__name__)


GUI_MODULES = ("PySide6", "shiboken6", "pyqtgraph")
GUI_MISSING = ("the workstation needs its graphical libraries, which are not installed: install "
               "them with pip install 'wasteintel[gui]' (the commands work without them: "
               "wasteintel --help)")
BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command whose reader went away


class Parser(argparse.ArgumentParser):
    """argparse, but a bad command line is one line naming the argument and where to look,
    raised for main() to print (as text, or as JSON with ``--json``)."""

    def error(self, message: str):
        raise UsageError(f"{self.prog.removeprefix('wasteintel ')}: {message} "
                         f"(see {self.prog} --help)" if self.prog != "wasteintel"
                         else f"{message} (see wasteintel --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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


def add_actions(*handlers) -> None:
    """Each (sub-command parser, handler): ``--db``, ``--json`` and the handler it runs."""
    for parser, fn in handlers:
        add_db_option(parser)
        add_json_option(parser)
        parser.set_defaults(handler=fn)


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
    as_json = "--json" in argv
    try:
        code = _run(argv, as_json)
        sys.stdout.flush()  # a reader that went away is found here, not at exit
    except BrokenPipeError:
        return _pipe_closed()
    return code


def _run(argv: list[str], as_json: bool) -> int:
    parser = build_parser()
    files, argv = _opened_files(argv, _command_names(parser))
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        return _fail(str(exc), 2, as_json)
    logs.configure(verbose=args.verbose)
    if args.command is None:
        return _gui(args, files)
    return _handle(args, as_json)


def _handle(args, as_json: bool) -> int:
    """Run the command; every failure becomes one line (and a JSON object with --json)."""
    try:
        return int(args.handler(args) or 0)
    except BrokenPipeError:
        raise
    except UsageError as exc:
        return _fail(str(exc), 2, as_json)
    except CaseDbError as exc:
        return _fail(str(exc), 1, as_json, getattr(exc, "problems", None))
    except DatabaseError as exc:
        log.error("database failure in %s", args.command, exc_info=True)
        return _fail(_database_message(exc), 1, as_json)
    except OSError as exc:
        log.error("file failure in %s", args.command, exc_info=True)
        return _fail(f"{exc.filename or args.command}: {exc.strerror or exc}; check the path and "
                     "its permissions", 1, as_json)
    except KeyboardInterrupt:
        return _fail("interrupted", 130, as_json)
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        log.error("unexpected failure in %s", args.command, exc_info=True)
        return _fail(f"unexpected error in {args.command}: {exc.__class__.__name__}: {exc} "
                     f"(the log {logs.log_path()} has the details; please report it)", 2, as_json)


def _database_message(exc: DatabaseError) -> str:
    reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
    if isinstance(exc, OperationalError):
        return f"database not available: {reason}; check --db"
    return (f"the database refused the command: {reason}; check --db (the log "
            f"{logs.log_path()} has the details)")


def _gui(args, files: list[str]) -> int:
    try:
        from .gui import run_gui

        return run_gui(db_url=getattr(args, "db", None), demo=args.demo, import_paths=files)
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in GUI_MODULES:
            raise
        return _fail(GUI_MISSING, 1, False)


def _fail(message: str, code: int, as_json: bool, problems=None) -> int:
    """One line on stderr; with ``--json`` also the error as a JSON object on stdout."""
    line = " ".join(message.split())
    sys.stderr.write(f"wasteintel: error: {line}\n")
    if as_json:
        data = {"error": line, "exit_code": code}
        if problems:
            data["problems"] = [{"path": p.where, "problem": p.what} for p in problems]
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    return code


def _pipe_closed() -> int:
    """The reader of our output went away (``wasteintel cases | head -1``): stop quietly.
    stdout is pointed at /dev/null so that the interpreter's last flush cannot complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout already closed or not a file: nothing to silence
        return BROKEN_PIPE
    return BROKEN_PIPE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
