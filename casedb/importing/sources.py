"""Where an import's rows come from: the sheets of a file, laid out and normalised.

A source hands an import the layout of its sheets (``layouts``), then their normalised chunks
(``chunks``). A text file is read as a stream (text_stream.TextStream), a workbook whole
(sheets.WorkbookSheets). LocalSource does this in the importing process; a large file is read
by a second process instead (reader_process.ProcessSource), while this one writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .columns import Chunk
from .reader_process import ProcessSource
from .sheets import Refusal, SheetLayout
from .spec import ImportSpec
from .text_stream import open_sheets

# Files from this size on are read by a second process even when not isolated: 8 MB is about
# 50,000 rows of CSV or 80,000 of xlsx, where reading while the importer writes saves a second.
MIN_PROCESS_BYTES = 8 << 20


def open_source(path: Path, spec: ImportSpec | None, chunk_size: int, *, isolate: bool,
                min_process_bytes: int = MIN_PROCESS_BYTES):
    """Where an import reads ``path``: a second process (reader_process.ProcessSource) when
    ``isolate`` (the workstation: a reader that crashes or runs out of memory cannot take the
    window with it, whatever the file's size) or when the file is large enough for reading
    beside the writing to pay; this process otherwise (the command line, small files)."""
    large = path.stat().st_size >= min_process_bytes and (os.cpu_count() or 1) > 1
    if isolate or large:
        return ProcessSource(path, spec, chunk_size)
    return LocalSource(path, spec, chunk_size)


class LocalSource:
    """The sheets of a file, read (by ``layouts``) and normalised in this process."""

    def __init__(self, path: Path, spec: ImportSpec | None, chunk_size: int):
        self._sheets = open_sheets(path, spec)
        self._size = chunk_size

    def layouts(self) -> list[SheetLayout]:
        return self._sheets.layouts()

    def chunks(self) -> Iterator[tuple[Chunk, int, list[Refusal]]]:
        return self._sheets.chunks(self._size)

    def close(self) -> None:
        pass
