"""An export reaches its file whole and audited, or not at all: the one way a dossier, a table,
a bundle, a graph, a backup or a saved attachment is written (and, unaudited, a chart image or
the import report).

``export_file(destination, db, kind, ...)`` hands the writer a temporary file in the
destination's folder (``.NAME.XXXXXXXX.part.SUFFIX``, 0600 from the moment it exists; the same
folder, so that the final move is an atomic rename; the destination's suffix kept, for writers
that choose the format by it). Once the writer has returned:

1. a cancel is looked for (``progress.raise_if_cancelled()``: the workstation's job);
2. the export's audit entry is committed (casedb.store.audit.record_export; in the workstation
   it waits for another program's write lock, and a cancel there stops it);
3. only then the file is moved into place (``os.replace``).

A cancel, an exception (the disk full, the writer failing), Ctrl-C or an audit entry that
cannot be written removes the temporary file: the destination is as it was (an existing file
there untouched until the replacement is complete), and no unaudited file is left. Without
``db`` (a file that does not leave the database: the import report) step 2 is skipped.

A crash of the process (killed, the power lost) never leaves a partial file at the
destination; it may leave the hidden temporary file beside it (0600, unaudited if the crash came
before step 2; audited under the destination's name if it came between step 2 and step 3, the
rename alone). Nothing removes such a file later: another export may be writing it.
"""

from __future__ import annotations

import errno
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from casedb import messages
from casedb.errors import CaseDbError
from casedb.progress import Progress
from casedb.store import audit
from casedb.store.private_files import FILE_MODE, private_dir

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"  # then the destination's own suffix


@dataclass
class PendingExport:
    """What the writer writes (``path``, the temporary file) and what the audit entry will say
    the file holds (``detail``, which the writer may set once it knows)."""

    path: Path
    destination: Path
    detail: str = ""


@contextmanager
def export_file(destination, db=None, kind: str = "", *,
                entity: tuple[str, int | None] = ("export", None), detail: str = "",
                progress: Progress | None = None) -> Iterator[PendingExport]:
    """Write an export through a temporary file, audited in ``db`` as ``kind`` (dossier, table,
    bundle, graph, backup; ``entity``: what it is of, a case) before it is moved to
    ``destination``; see the module's docstring."""
    destination = Path(destination)
    if destination.is_dir():
        raise messages.error(CaseDbError, "cannot_write", path=destination,
                             why=os.strerror(errno.EISDIR))
    tmp = _temporary(destination)
    pending = PendingExport(tmp, destination, detail)
    try:
        yield pending
        if progress is not None:
            progress.raise_if_cancelled()
        if db is not None:
            audit.record_export(db, kind, destination, entity=entity[0], entity_id=entity[1],
                                detail=pending.detail)
        os.replace(tmp, destination)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _cannot_write(destination, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _temporary(destination: Path) -> Path:
    try:
        private_dir(destination.parent)
        fd, name = tempfile.mkstemp(prefix=f".{destination.name}.",
                                    suffix=PART_SUFFIX + destination.suffix,
                                    dir=destination.parent)
    except OSError as exc:
        raise _cannot_write(destination, exc) from exc
    try:
        os.fchmod(fd, FILE_MODE)  # mkstemp makes it 0600 already; said rather than assumed
    finally:
        os.close(fd)
    return Path(name)


def _cannot_write(destination: Path, exc: OSError) -> CaseDbError:
    log.warning("export to %s not written: %s", destination.name, exc.strerror or exc)
    return messages.error(CaseDbError, "cannot_write", path=destination,
                          why=exc.strerror or str(exc))
