"""Reading and normalising a large file in a second process while this one writes.

An import is read, normalise, write; the writing is SQLite's own work plus the Python that feeds
it, and with one process nothing overlaps. Here a child process reads the file and sends the
normalised chunks through a pipe: it normalises chunk n+1 while the importer writes chunk n, on
the machine's second CPU. The chunks are pickled (1M rows: 1.4 s in the child, 0.6 s to unpickle
here, against 4.4 s of normalising taken off this process).

The child only reads: the database is never opened there, so a crash or a kill of either process
leaves the database as the import's transaction leaves it. The child dies with its parent
(Linux: PR_SET_PDEATHSIG; elsewhere: its next write to the closed pipe fails), errors come back
as ReadError, and its log records are logged here.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path

from ..errors import ReadError
from .columns import Chunk
from .sheets import Refusal, SheetLayout
from .spec import ImportSpec
from .text_stream import open_sheets

log = logging.getLogger(__name__)

START_METHOD_ENV = "WASTEINTEL_READER_START"
MEMORY_ENV = "WASTEINTEL_READER_MEMORY_MB"
FIRST_CHUNK = 1_000  # rows, then doubling: a first chunk of 20,000 kept the importer waiting 0.3 s


class _ReadingProcess:
    """A child process that runs ``work(pipe, *args)`` on the file at ``path`` and sends its
    messages back; its log records are logged here, its errors raised here as ReadError."""

    def __init__(self, path: str, work, args: tuple):
        self.path = path
        method = _start_method()
        log.info("%s: read by a second process (%s)", Path(path).name, method)
        ctx = multiprocessing.get_context(method)
        self.pipe, sender = ctx.Pipe(duplex=False)
        self.process = ctx.Process(
            target=_child, args=(sender, self.pipe, os.getpid(), path, work, args),
            name="wasteintel-reader", daemon=True)
        self.process.start()
        sender.close()  # the child holds the only sending end: its exit is our EOF

    def next(self, *wanted: str) -> tuple:
        while True:
            try:
                msg = self.pipe.recv()
            except EOFError:
                self.process.join(timeout=10)
                raise ReadError(self.path, _stopped(self.process.exitcode)) from None
            kind = msg[0]
            if kind == "log":
                logging.getLogger(msg[1]).log(msg[2], "%s", msg[3])
            elif kind == "read_error":
                raise ReadError(msg[1], msg[2])
            elif kind == "error":
                log.error("reading %s failed in the reading process:\n%s", self.path, msg[1])
                raise ReadError(self.path, f"cannot be read: {msg[1].strip().splitlines()[-1]}")
            elif kind in wanted:
                return msg
            else:
                raise ReadError(self.path, f"the reading process sent {kind!r}")

    def close(self, finished: bool) -> None:
        """Waits for a child that has sent everything; stops one still working."""
        if finished:
            self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=10)
        self.pipe.close()


class ProcessSource:
    """The sheets of a file, read and normalised by a child process."""

    def __init__(self, path: Path, spec: ImportSpec | None, chunk_size: int):
        self._child = _ReadingProcess(str(path), _read, (spec, chunk_size))
        self._process = self._child.process
        self._finished = False

    def layouts(self) -> list[SheetLayout]:
        """Waits for the child to have read the file and laid out its sheets."""
        return self._child.next("layout")[1]

    def chunks(self) -> Iterator[tuple[Chunk, int, list[Refusal]]]:
        while True:
            msg = self._child.next("chunk", "done")
            if msg[0] == "done":
                self._finished = True
                return
            yield msg[1], msg[2], msg[3]

    def close(self) -> None:
        """Waits for a child that has sent everything; stops one still working (a cancel, an
        error here)."""
        self._child.close(self._finished)


def run_isolated(path, function, *args):
    """``function(*args)`` run by a reading process for the file at ``path``: its result, or
    the ReadError it raised (or one saying the process died, or ran out of the memory it may
    use), raised here. ``function`` and its result must pickle (a module-level function; a
    preview). For the workstation: nothing a file does to its reader reaches the window."""
    child = _ReadingProcess(str(path), _call, (function, args))
    try:
        return child.next("result")[1]
    finally:
        child.close(True)


def _stopped(code: int | None) -> str:
    """Why the reading process ended without a word: a signal (an allocation refused aborts a
    native reader) or an exit code."""
    if code is not None and code < 0:
        import signal

        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return (f"cannot be read: the reading process was stopped by {name}, most likely because "
                "the file needs more memory than a reading process may use; the file may be "
                "damaged or built to exhaust memory")
    return f"cannot be read: the reading process stopped unexpectedly (exit code {code})"


def reader_memory_limit() -> int:
    """The bytes a reading process may add to what it starts with: WASTEINTEL_READER_MEMORY_MB,
    else half the machine's memory and at least 2 GB. A file that would need more fails on its
    own, in the reading process, instead of taking the machine (and the window) down."""
    chosen = os.environ.get(MEMORY_ENV, "").strip()
    if chosen.isdigit() and int(chosen) > 0:
        return int(chosen) << 20
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        physical = 0
    return max(2 << 30, physical // 2)


def _limit_memory() -> None:
    """Caps this (reading) process's address space at what it uses now plus the limit (Linux:
    elsewhere RLIMIT_AS is not enforced alike)."""
    if not sys.platform.startswith("linux"):
        return
    import resource

    try:
        with open("/proc/self/statm") as f:
            used = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = used + reader_memory_limit()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError):
        log.debug("cannot limit the reading process's memory", exc_info=True)


def _start_method() -> str:
    """fork where it is safe and quick (Linux, one thread: the command line; 0.02 s); a fresh
    interpreter otherwise (a thread of the workstation, macOS, Windows; 0.15 s). The
    environment variable WASTEINTEL_READER_START (fork or spawn) overrides the choice."""
    chosen = os.environ.get(START_METHOD_ENV, "").strip().lower()
    if chosen in ("fork", "spawn"):
        return chosen
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


class _PipeLog(logging.Handler):
    def __init__(self, pipe) -> None:
        super().__init__(logging.INFO)
        self._pipe = pipe

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._pipe.send(("log", record.name, record.levelno, record.getMessage()))
        except Exception:  # noqa: BLE001 - the parent is gone: nothing to log to
            pass


def _child(pipe, other_end, parent: int, path: str, work, args: tuple) -> None:
    """The reading process: ``work(pipe, path, *args)``, every failure sent back as a message."""
    other_end.close()  # a forked child inherits the receiving end; keeping it would hide EOF
    _die_with_parent()
    if os.getppid() != parent:  # the importer died before the line above
        return
    gc.disable()  # as in the importer: the rows read would be rescanned by every collection
    root = logging.getLogger()
    root.handlers[:] = [_PipeLog(pipe)]
    root.setLevel(logging.INFO)
    _limit_memory()
    try:
        work(pipe, path, *args)
    except (BrokenPipeError, ConnectionResetError):
        return  # the importer stopped (a cancel, an error here): nothing to say
    except ReadError as exc:
        _last_word(pipe, ("read_error", exc.path, exc.reason))
    except MemoryError:
        gc.collect()
        _last_word(pipe, ("read_error", path, "cannot be read: it needs more memory than the "
                          f"{reader_memory_limit() >> 20:,} MB a reading process may use"))
    except BaseException:  # noqa: BLE001 - every failure goes back to the importer
        _last_word(pipe, ("error", traceback.format_exc()))
    finally:
        pipe.close()


def _read(pipe, path: str, spec: ImportSpec | None, chunk_size: int) -> None:
    """The layout of the sheets, then each normalised chunk, then "done"."""
    sheets = open_sheets(Path(path), spec)
    pipe.send(("layout", sheets.layouts()))
    # Chunks start small and double: the importer starts writing while the child goes on.
    for chunk, n_rows, refused in sheets.chunks(chunk_size, FIRST_CHUNK):
        pipe.send(("chunk", chunk, n_rows, refused))
    pipe.send(("done",))


def _call(pipe, _path: str, function, args: tuple) -> None:
    pipe.send(("result", function(*args)))


def _last_word(pipe, msg: tuple) -> None:
    try:
        pipe.send(msg)
    except OSError:  # the importer is gone (BrokenPipeError, ConnectionResetError)
        pass


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        log.debug("PR_SET_PDEATHSIG unavailable", exc_info=True)
