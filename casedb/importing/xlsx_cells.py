"""The cells of a piece of worksheet XML as nearly every writer writes them, parsed with numpy.

``<c r="B7" s="1" t="s"><v>12</v></c>``: the reference right after ``<c``, in double quotes, no
namespace prefix. Parsing four million such cells one regular-expression match at a time took
longer than reading the sheet; numpy finds them all in a few vectorised passes. A piece with any
cell written otherwise is left to the regular expressions (workbook_limits).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PAD = b" " * 32  # so that every look ahead of a cell start stays inside the array
LT, C, SPACE, GT, SLASH, QUOTE, T = map(ord, '<c >/"t')
WHITE = (SPACE, 9, 10, 13)


@dataclass
class PlainCells:
    max_row: int
    max_column: int
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
    a = np.frombuffer(data + PAD, np.uint8)
    lt = np.flatnonzero(a[:len(data)] == LT)
    is_c = a[lt + 1] == C
    after_c = a[lt + 2]
    tags = lt[is_c & ((after_c == SPACE) | (after_c == GT) | (after_c == SLASH))]
    starts = tags[_after(a, tags, b'<c r="')]
    if len(starts) != len(tags) or b":c" in data:
        return None
    columns, pos = _number(a, starts + 6, ord("A"), ord("Z"), 26, 4)
    rows, pos = _number(a, pos, ord("0"), ord("9"), 10, 11)
    if len(starts) and not (a[pos] == QUOTE).all():
        return None
    return PlainCells(int(rows.max(initial=0)), int(columns.max(initial=0)),
                      _shared_indexes(a, data, lt, starts))


def _shared_indexes(a: np.ndarray, data: bytes, lt: np.ndarray, starts: np.ndarray
                    ) -> np.ndarray | None:
    """The <v> index of each cell whose tag says t="s"; None when a type is written oddly."""
    plain = data.count(b't="s"')
    if not plain:
        return np.zeros(0, np.int64) if b"'s'" not in data else None
    if data.count(b"'s'") or data.count(b"t=") != data.count(b't="'):
        return None
    t_at = np.flatnonzero(a[:len(data)] == T)
    t_at = t_at[_after(a, t_at, b't="s"') & np.isin(a[t_at - 1], WHITE)]
    if len(t_at) != plain:
        return None
    v_at = lt[_after(a, lt, b"<v>")]
    shared = np.zeros(len(starts) + 1, bool)
    shared[np.searchsorted(starts, t_at, side="right")] = True
    v_cell = np.searchsorted(starts, v_at, side="right")
    wanted = v_at[shared[v_cell]]
    if len(wanted) != plain:
        return None  # a shared cell without its <v> right there: the slow way counts it
    values, _ = _number(a, wanted + 3, ord("0"), ord("9"), 10, 11)
    return values
