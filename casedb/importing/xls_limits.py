"""What an .xls (BIFF8 in an OLE2 compound file) expands to, measured before calamine reads it.

The same tricks as in an xlsx work in a few kilobytes of xls: one cell at IV65536 makes a reader
build 16.7 million cells (1.2 GB for a 5.6 KB file), cells pointing at a long shared string
each get a copy. Here the compound file's "Workbook" stream is followed sector by sector
(never read whole), its records are walked, and each worksheet's cells (their row and column,
whether they hold a value, the shared string they point at) are held to the limits as
workbook_limits holds an xlsx's.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Iterator
from pathlib import Path

from .sheet_budget import Budget, Extent

FREE, END = 0xFFFFFFFF, 0xFFFFFFFE
# Records that place one cell holding a value (BIFF8 and the BIFF2-5 forms calamine reads).
VALUE_CELLS = {0x0203, 0x00FD, 0x0204, 0x027E, 0x0205, 0x0006, 0x00D6, 0x0002, 0x0003, 0x0004,
               0x0005, 0x0406}
BLANK_CELLS = {0x0201, 0x00BE, 0x0001}
MULRK, LABELSST, SST, CONTINUE, BOF, EOF, BOUNDSHEET = (0x00BD, 0x00FD, 0x00FC, 0x003C, 0x0809,
                                                       0x000A, 0x0085)


class _Refused(Exception):
    pass


class _Compound:
    """Just enough of an OLE2 compound file to follow one stream's sectors."""

    def __init__(self, f):
        self.f = f
        head = f.read(512)
        if len(head) < 512:
            raise _Refused("a truncated compound file")
        self.shift = struct.unpack_from("<H", head, 0x1E)[0]
        if self.shift not in (9, 12):
            raise _Refused("a compound file with an unknown sector size")
        self.size = 1 << self.shift
        self.mini_cutoff = struct.unpack_from("<I", head, 0x38)[0]
        f.seek(0, 2)
        self.sectors = max(f.tell() // self.size - 1, 0)
        self.fat = self._fat(head)
        self.dir_start = struct.unpack_from("<I", head, 0x30)[0]
        self.minifat_start = struct.unpack_from("<I", head, 0x3C)[0]

    def _sector(self, n: int) -> bytes:
        if n >= self.sectors:
            raise _Refused("a compound file pointing past its end")
        self.f.seek((n + 1) << self.shift)
        return self.f.read(self.size)

    def _fat(self, head: bytes) -> array:
        n_fat, difat_next, n_difat = struct.unpack_from("<I", head, 0x2C)[0], \
            *struct.unpack_from("<II", head, 0x44)
        ids = [i for i in struct.unpack_from("<109I", head, 0x4C) if i < FREE - 1]
        per = self.size // 4 - 1
        for _ in range(min(n_difat, self.sectors)):
            if difat_next >= END:
                break
            entries = struct.unpack(f"<{per + 1}I", self._sector(difat_next))
            ids += [i for i in entries[:per] if i < END]
            difat_next = entries[per]
        fat = array("I")
        for i in ids[:max(n_fat, len(ids))][:self.sectors]:
            fat.frombytes(self._sector(i))
        return fat

    def chain(self, start: int, fat: array, limit: int) -> Iterator[int]:
        seen = 0
        while start < END:
            if start >= len(fat) or seen > limit:
                raise _Refused("a compound file with a broken sector chain")
            yield start
            seen += 1
            start = fat[start]

    def stream(self, start: int, size: int) -> Iterator[bytes]:
        """A stream of the regular sectors, a sector at a time."""
        left = size
        for n in self.chain(start, self.fat, self.sectors):
            if left <= 0:
                return
            piece = self._sector(n)[:left]
            left -= len(piece)
            yield piece

    def find(self, names: tuple[str, ...]) -> Iterator[bytes]:
        """The stream named one of ``names`` (the first found), sector by sector."""
        directory = b"".join(self.stream(self.dir_start, self.sectors * self.size))
        entries = [directory[i:i + 128] for i in range(0, len(directory) - 127, 128)]
        if not entries:
            raise _Refused("a compound file without a directory")
        root_start, root_size = struct.unpack_from("<I", entries[0], 116)[0], \
            struct.unpack_from("<Q", entries[0], 120)[0]
        for e in entries:
            n = min(struct.unpack_from("<H", e, 64)[0], 64)
            name = e[:max(n - 2, 0)].decode("utf-16-le", "replace")
            if e[66] == 2 and name in names:
                start, size = struct.unpack_from("<I", e, 116)[0], struct.unpack_from("<Q", e, 120)[0]
                if size >= self.mini_cutoff:
                    return self.stream(start, size)
                return iter([self._mini(start, size, root_start, root_size)])
        raise _Refused("no Workbook stream")

    def _mini(self, start: int, size: int, root_start: int, root_size: int) -> bytes:
        minifat = array("I", b"".join(self.stream(self.minifat_start, self.sectors * self.size)))
        ministream = b"".join(self.stream(root_start, root_size))
        out = [ministream[n * 64:(n + 1) * 64] for n in self.chain(start, minifat, len(minifat))]
        return b"".join(out)[:size]


HEAD = struct.Struct("<HH")
CELL = struct.Struct("<HHHH")  # a record's type and size, then its cell's row and column
INDEX = struct.Struct("<I")
CHUNK = 1 << 20


def _chunks(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """A stream given in sectors, regrouped in pieces of about a megabyte."""
    parts, size = [], 0
    for piece in pieces:
        parts.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield b"".join(parts)
            parts, size = [], 0
    if parts:
        yield b"".join(parts)


class _Sheet:
    def __init__(self, name: str):
        self.name = name
        self.extent = Extent()
        self.max_row = self.max_col = 0

    def cell(self, row: int, col: int) -> None:
        """A cell (0-based row and column) that holds something."""
        self.max_row = max(self.max_row, row + 1)
        self.max_col = max(self.max_col, col + 1)
        self.extent.values += 1

    def finish(self) -> Extent:
        self.extent.rows, self.extent.columns = self.max_row, self.max_col
        return self.extent


def _string_lengths(data: bytes, parts: list[bytes], lengths: array, limit: int) -> None:
    """The characters of each string of the SST record ``data`` and its CONTINUE ``parts``
    (a string may go on into the next part, with a new flags byte)."""
    count = struct.unpack_from("<I", data, 4)[0] if len(data) >= 8 else 0
    if count > limit:
        raise _Refused(f"more than {limit:,} shared strings")
    blocks, b, at = [data[8:], *parts], 0, 0
    while len(lengths) < count and b < len(blocks):
        block = blocks[b]
        if at + 3 > len(block):
            b, at = b + 1, 0
            continue
        cch, flags = struct.unpack_from("<HB", block, at)
        at += 3
        runs = struct.unpack_from("<H", block, at)[0] if flags & 8 and at + 2 <= len(block) else 0
        at += 2 if flags & 8 else 0
        ext = struct.unpack_from("<I", block, at)[0] if flags & 4 and at + 4 <= len(block) else 0
        at += 4 if flags & 4 else 0
        lengths.append(cch)
        left, wide = cch, flags & 1
        while left > 0 and b < len(blocks):  # characters, over part boundaries
            fit = (len(blocks[b]) - at) // (2 if wide else 1)
            if fit >= left:
                at += left * (2 if wide else 1)
                left = 0
            else:
                left -= fit
                b, at = b + 1, 0
                if b < len(blocks) and blocks[b]:
                    wide, at = blocks[b][0] & 1, 1
        at += 4 * runs + ext
        while b < len(blocks) and at > len(blocks[b]):
            at -= len(blocks[b])
            b += 1


def check_xls(path: Path, budget: Budget) -> None:
    """Refuse an .xls whose worksheets expand past the limits (ReadError naming the sheet)."""
    walk = _Walk(budget)
    try:
        with open(path, "rb") as f:
            carry = b""
            for chunk in _chunks(_Compound(f).find(("Workbook", "Book"))):
                buf = carry + chunk
                carry = buf[walk.feed(buf):]
    except (_Refused, struct.error, ValueError, IndexError, OSError) as exc:
        reason = str(exc) if isinstance(exc, _Refused) else "a damaged compound file"
        raise budget.refuse(f"not a readable xls: {reason}") from None


class _Walk:
    """The records of a Workbook stream, in order: the shared strings and sheet names of the
    workbook globals, then each worksheet's cells between its BOF and EOF."""

    def __init__(self, budget: Budget):
        self.budget = budget
        self.lengths = array("I")
        self.names: list[str] = []
        self.worksheets = 0
        self.sheet: _Sheet | None = None
        self.sst: tuple[bytes, list[bytes]] | None = None

    def feed(self, buf: bytes) -> int:
        """Walks the whole records at the start of ``buf``; returns where the first one cut
        short begins. The cells of a worksheet (nearly every record) are taken here, in one
        loop: a call a record took twice as long as calamine's whole read."""
        at, n = 0, len(buf)
        values = VALUE_CELLS
        while n - at >= 4:
            kind, size = HEAD.unpack_from(buf, at)
            end = at + 4 + size
            if end > n:
                break
            sheet = self.sheet
            if sheet is not None and kind in values and size >= 4:
                row, col = CELL.unpack_from(buf, at)[2:]
                if row >= sheet.max_row or col >= sheet.max_col:
                    sheet.cell(row, col)
                else:
                    sheet.extent.values += 1
                if kind == LABELSST and size >= 10:
                    i = INDEX.unpack_from(buf, at + 10)[0]
                    sheet.extent.text_bytes += 2 * self.lengths[i] if i < len(self.lengths) else 0
                if sheet.extent.values & 0xFFF == 0:
                    self.budget.check(sheet.name, sheet.finish())
            elif kind not in BLANK_CELLS:
                self.record(kind, buf[at + 4:end])
            at = end
        return at

    def record(self, kind: int, data: bytes) -> None:
        if self.sst is not None and kind != CONTINUE:
            _string_lengths(*self.sst, self.lengths, self.budget.limits.max_shared_strings)
            self.sst = None
        if kind == SST:
            self.sst = (data, [])
        elif kind == CONTINUE and self.sst is not None:
            self.sst[1].append(data)
        elif kind == BOUNDSHEET and len(data) > 8:
            wide = data[7] & 1
            self.names.append(data[8:8 + data[6] * (2 if wide else 1)]
                              .decode("utf-16-le" if wide else "latin-1", "replace"))
        elif kind == BOF and len(data) >= 4 and struct.unpack_from("<H", data, 2)[0] == 0x10:
            k = self.worksheets
            self.sheet = _Sheet(self.names[k] if k < len(self.names) else f"Sheet{k + 1}")
            self.worksheets += 1
        elif kind == EOF and self.sheet is not None:
            self.budget.check(self.sheet.name, self.sheet.finish())
            self.budget.spend(self.sheet.name, self.sheet.extent)
            self.sheet = None
        elif kind == MULRK and self.sheet is not None and len(data) >= 6:
            row, first = struct.unpack_from("<HH", data, 0)
            last = struct.unpack_from("<H", data, len(data) - 2)[0]
            self.sheet.cell(row, max(first, last))
            self.sheet.extent.values += max(last - first, 0)
