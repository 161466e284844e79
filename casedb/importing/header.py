"""Finding the header row (after titles, banners and blank rows) and the end of the data
(before a totals row)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mapping import match_header

SCAN_ROWS = 15
_TOTAL = re.compile(r"^\s*(grand\s+)?(total|totals|sum|subtotal|sub-total)\b|^\s*(合計|合计|總計|总计|"
                    r"小計|小计|共計|總和)", re.IGNORECASE)


@dataclass(frozen=True)
class HeaderInfo:
    row_index: int
    headers: list[str]
    data_start: int
    data_end: int


def _score(row: list) -> float:
    cells = [c for c in row if c is not None and str(c).strip()]
    if len(cells) < 2:
        return 0.0
    texts = [c for c in cells if isinstance(c, str)]
    known = sum(match_header(c)[1] for c in texts)
    return known + 0.1 * len(texts) / len(cells)


def is_total_row(row: list) -> bool:
    cells = [c for c in row if c is not None and str(c).strip()]
    if not cells:
        return False
    if any(isinstance(c, str) and _TOTAL.match(c) for c in cells[:3]):
        return True
    return any(isinstance(c, str) and c.startswith("=") and "(" in c for c in cells) and \
        len(cells) <= max(2, len(row) // 2)


def detect_header(rows: list[list]) -> HeaderInfo:
    scores = [(_score(r), -i) for i, r in enumerate(rows[:SCAN_ROWS])]
    best = max(scores)[1] * -1 if scores and max(scores)[0] > 0 else 0
    headers = ["" if c is None else " ".join(str(c).split()) for c in rows[best]] if rows else []
    end = len(rows)
    while end > best + 1 and (is_total_row(rows[end - 1]) or
                              not any(c is not None and str(c).strip() for c in rows[end - 1])):
        end -= 1
    return HeaderInfo(best, headers, best + 1, end)
