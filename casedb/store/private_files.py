"""Files only their owner can read: the case database, backups, dossiers, bundles, exports, logs.

Under the usual umask (022) every file a program makes is readable by all the machine's users;
case data must not be. Files are made 0600 before anything is written into them (writers that
open an existing file for writing keep its mode), and folders the program makes are 0700.
Folders that exist already (the user's Documents) are left as they are. The umask is never
changed: it belongs to the whole process, and the GUI writes from several threads.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path) -> Path:
    """Make ``path`` and any missing parents, each new one 0700; existing ones are kept."""
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:  # made meanwhile by another thread or process
            continue
        os.chmod(folder, DIR_MODE)  # mkdir's mode passes through the umask
    return path


def private_file(path) -> Path:
    """Make ``path`` an empty 0600 file if it does not exist (its folder too, 0700), or make an
    existing one 0600, before it is written. Returns it."""
    path = Path(path)
    private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        make_private(path)
        return path
    os.close(fd)
    os.chmod(path, FILE_MODE)  # os.open's mode passes through the umask too
    return path


def make_private(path) -> None:
    """Make an existing file 0600 (a file written by a tool we do not control, pg_dump)."""
    if Path(path).is_file():
        os.chmod(path, FILE_MODE)


def open_private(path, mode: str = "a", encoding: str | None = "utf-8"):
    """Open ``path`` for writing as ``open`` would, creating it 0600 when new."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        return open(fd, mode, encoding=None if "b" in mode else encoding)  # noqa: SIM115
    except BaseException:
        os.close(fd)
        raise
