"""Where an import's rows come from: the sheets of a file, laid out and normalised.

A source hands an import the layout of its sheets (``layouts``), then their normalised chunks
(``chunks``). A text file is read as a stream (text_stream.TextStream), a workbook whole
(sheets.WorkbookSheets). LocalSource does this in the importing process; a large file is read
by a second process instead (reader_process.ProcessSource), while this one writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .columns import Chunk
from .readers import is_text_file
from .sheets import Refusal, SheetLayout, WorkbookSheets
from .spec import ImportSpec
from .text_stream import TextStream


def open_sheets(path: Path, spec: ImportSpec | None) -> TextStream | WorkbookSheets:
    """The sheets of ``path``; nothing is read until ``layouts()``."""
    return TextStream(path, spec) if is_text_file(path) else WorkbookSheets(path, spec)


class LocalSource:
    """The sheets of a file, read (by ``layouts``) and normalised in this process."""

    def __init__(self, path: Path, spec: ImportSpec | None, chunk_size: int):
        self._sheets = open_sheets(path, spec)
        self._size = chunk_size

    def layouts(self) -> list[SheetLayout]:
        return self._sheets.layouts()

    def chunks(self) -> Iterator[tuple[Chunk, int, list[Refusal]]]:
        return self._sheets.chunks(self._size)

    def bulky(self) -> list[list]:
        """What holds the rows read, for the caller to free gradually."""
        return self._sheets.bulky()

    def close(self) -> None:
        pass
