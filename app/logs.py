"""Logging is configured once, here: a rotating file in the user log folder, plus stderr."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

_configured = False


def log_path() -> Path:
    return Path(platformdirs.user_log_dir("WasteIntel", appauthor=False)) / "wasteintel.log"


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
    root.addHandler(stderr)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        file = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                                    encoding="utf-8")
        file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(file)
    except OSError:
        logging.getLogger(__name__).warning("cannot write the log file %s", log_path())


def _without_traceback(record: logging.LogRecord) -> bool:
    return not record.exc_info
