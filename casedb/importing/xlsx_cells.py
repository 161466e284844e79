"""The cells of a piece of worksheet XML as nearly every writer writes them, parsed with numpy.

``<c r="B7" s="1" t="s"><v>12</v></c>``: the reference right after ``<c``, in double quotes, no
namespace prefix. Parsing four million such cells one regular-expression match at a time took
longer than reading the sheet; numpy finds them all in a few vectorised passes. A piece with any
cell written otherwise is left to the regular expressions (workbook_limits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

PREFIXED = re.compile(rb":(?:c[\s>/]|v>|is>|f[\s>/])")  # <x:c ...>, <x:v>: a prefixed cell or value
ODD_TYPE = re.compile(rb"t(?:\s+=|=\s|=')")  # t = "s", t='s': a type written unusually
PAD = b" " * 32  # so that every look ahead of a cell start stays inside the array
LT, C, SPACE, GT, SLASH, QUOTE, T, V, F, LETTER_I, S = map(ord, '<c >/"tvfis')


@dataclass
class PlainCells:
    max_row: int
    max_column: int
    values: int  # cells holding a value, a formula or inline text
    shared: np.ndarray  # the shared-string index of each cell of type "s"


def _after(a: np.ndarray, at: np.ndarray, text: bytes) -> np.ndarray:
    """Which positions ``at`` of ``a`` begin ``text``."""
    ok = np.ones(len(at), bool)
    for k, ch in enumerate(text):
        ok &= a[at + k] == ch
    return ok


def _number(a: np.ndarray, at: np.ndarray, low: int, high: int, base: int, width: int
            ) -> tuple[np.ndarray, np.ndarray]:
    """(values, positions after them) of the runs of bytes in [low, high] starting at ``at``."""
    value = np.zeros(len(at), np.int64)
    pos = at.copy()
    going = np.ones(len(at), bool)
    for _ in range(width):
        ch = a[pos]
        going &= (ch >= low) & (ch <= high)
        if not going.any():
            break
        value = np.where(going, value * base + (ch.astype(np.int64) - low + (base == 26)), value)
        pos = pos + going
    return value, pos


def plain_cells(data: bytes) -> PlainCells | None:
    """The extent and shared-string references of the cells in ``data``, or None when any cell
    tag or shared-string type is written other than plainly."""
    if PREFIXED.search(data):
        return None  # prefixed elements: the regular expressions
    a = np.frombuffer(data + PAD, np.uint8)
    lt = np.flatnonzero(a[:len(data)] == LT)
    one = a[lt + 1]
    c_at, v_at = lt[one == C], lt[one == V]
    two = a[c_at + 2]
    tags = c_at[(two == SPACE) | (two == GT) | (two == SLASH)]
    starts = tags[_after(a, tags, b'<c r="')]
    if len(starts) != len(tags):
        return None
    columns, pos = _number(a, starts + 6, ord("A"), ord("Z"), 26, 4)
    rows, pos = _number(a, pos, ord("0"), ord("9"), 10, 11)
    if len(starts) and not (a[pos] == QUOTE).all():
        return None
    # A reader skips a cell without a value, formula or inline text (a styled empty cell far
    # to the right does not widen the sheet).
    held = np.zeros(len(starts) + 1, bool)
    children = lt[(one == V) | (one == F) | ((one == LETTER_I) & (a[lt + 2] == S))]
    held[np.searchsorted(starts, children, side="right")] = True
    held = held[1:]
    return PlainCells(int(rows[held].max(initial=0)), int(columns[held].max(initial=0)),
                      int(held.sum()), _shared_indexes(a, data, v_at))


def _shared_indexes(a: np.ndarray, data: bytes, v_at: np.ndarray) -> np.ndarray | None:
    """The <v> index of each cell whose tag ends with t="s" (as writers write it); None when a
    type is written otherwise."""
    plain = data.count(b't="s"')
    if not plain:
        return np.zeros(0, np.int64) if b"'s'" not in data else None
    v_at = v_at[a[v_at + 2] == GT]
    wanted = v_at[_after(a, v_at - 6, b't="s"><v>')]
    if len(wanted) != plain or ODD_TYPE.search(data):
        return None  # the type elsewhere in the tag, or written otherwise: the slow way
    values, _ = _number(a, wanted + 3, ord("0"), ord("9"), 10, 11)
    return values
