"""Logging is configured once, here: a rotating file in the user log folder, plus stderr.

The log file is readable by its owner only (0600, its folder 0700) and keeps no row data:
SQLAlchemy's statement log (which carries the SQL parameters: company names, numbers) is off
at every verbosity, the engines hide parameters from their errors (casedb.store.database), and what a
database server quotes of a row in an error ("DETAIL: Key (raw_name, country)=(...)") is
cut from every record before it is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

import platformdirs

from casedb.store.private_files import open_private, private_dir

_configured = False
# A server's quotation of row values: PostgreSQL's DETAIL lines, SQLAlchemy's parameter lists.
_ROW_DATA = re.compile(r"(DETAIL:|\[parameters:|\[SQL parameters:).*")


def log_path() -> Path:
    return Path(platformdirs.user_log_dir("WasteIntel", appauthor=False)) / "wasteintel.log"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files, the first and each one after a rollover, are 0600."""

    def _open(self):
        return open_private(self.baseFilename, self.mode, encoding=self.encoding)


class WithoutRowData(logging.Filter):
    """Cuts the row values a database error quotes from a record's message and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _ROW_DATA.search(message):
            record.msg, record.args = _ROW_DATA.sub(r"\1 (row data not logged)", message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _ROW_DATA.sub(r"\1 (row data not logged)", record.exc_text)
        return True


def file_handler(path: Path) -> logging.Handler:
    """The log file's handler: private files, no row data."""
    private_dir(path.parent)
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                         encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(WithoutRowData())
    return handler


def configure(verbose: bool = False) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    stderr.addFilter(_without_traceback)  # tracebacks go to the log file only
    stderr.addFilter(WithoutRowData())
    root.addHandler(stderr)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # SQLAlchemy logs each statement with its parameters from INFO on: never.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    try:
        root.addHandler(file_handler(log_path()))
    except OSError:
        logging.getLogger(__name__).warning("cannot write the log file %s", log_path())


def _without_traceback(record: logging.LogRecord) -> bool:
    return not record.exc_info
