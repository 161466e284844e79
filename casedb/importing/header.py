"""Finding the header row (after titles, banners and blank rows) and the end of the data
(before a totals row). A header of two rows whose upper one holds merged group cells
("Exporter" over "Name | EORI", "Mass (kg)" over "Gross | Net") is read as one row of
combined names ("Exporter Name", "Mass (kg) Gross"), when those read better than either row; a
row of units alone under the header ("", "t", "USD") puts each unit in its column's name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize.weights import currency_from_header, unit_from_header
from .mapping import match_header

SCAN_ROWS = 15
_TOTAL = re.compile(r"^\s*(grand\s+)?(total|totals|totales|sum|summe|gesamt|subtotal|sub-total|"
                    r"jumlah|tổng cộng|итого|всего)\b|"
                    r"^\s*(合計|合计|總計|总计|小計|小计|共計|總和|รวม)", re.IGNORECASE)


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


def header_row(rows: list[list]) -> int:
    """The index of the header among the first SCAN_ROWS rows: the row that reads most like
    column names (0 when none does)."""
    scores = [(_score(r), -i) for i, r in enumerate(rows[:SCAN_ROWS])]
    return max(scores)[1] * -1 if scores and max(scores)[0] > 0 else 0


def two_row_header(rows: list[list], best: int) -> tuple[int, list[str]] | None:
    """(the lower row's index, the combined header texts) when the header at ``best`` is half
    of a two-row header with merged group cells above; None otherwise."""
    if best + 1 < len(rows) and _units_row(rows[best + 1]):
        units = _texts(rows[best + 1])
        return best + 1, [f"{h} ({units[c]})" if c < len(units) and units[c] else h
                          for c, h in enumerate(header_texts(rows[best]))]
    for top in (best - 1, best):
        if top < 0 or top + 1 >= len(rows):
            continue
        upper, lower = rows[top], rows[top + 1]
        if not _groups_above(upper, lower):
            continue
        combined = _combined(upper, lower)
        if _score(combined) > max(_score(upper), _score(lower)) + 0.5:
            return top + 1, header_texts(combined)
    return None


def _units_row(row: list) -> bool:
    """Whether every cell of ``row`` that holds something is a unit ("kg", "t", "公噸", "USD")."""
    cells = [c for c in row if c is not None and str(c).strip()]
    return bool(cells) and all(isinstance(c, str) and len(c) <= 12 and (
        unit_from_header(f"({c.strip()})") or currency_from_header(c)) for c in cells)


def _texts(row: list) -> list[str]:
    return ["" if c is None else " ".join(str(c).split()) for c in row]


def _groups_above(upper: list, lower: list) -> bool:
    """Whether ``upper`` reads like merged group cells over ``lower``: both rows text only, at
    least two cells each, and a cell of ``lower`` under a blank of ``upper`` to the right of a
    group's name (a merged cell keeps its text in its first cell)."""
    if any(c is not None and not isinstance(c, str) for c in (*upper, *lower)):
        return False
    up, low = _texts(upper), _texts(lower)
    if sum(map(bool, up)) < 2 or sum(map(bool, low)) < 2:
        return False
    named = False
    for c in range(max(len(up), len(low))):
        u, w = (up[c] if c < len(up) else ""), (low[c] if c < len(low) else "")
        if u:
            named = True
        elif w and named:
            return True
    return False


def _combined(upper: list, lower: list) -> list[str]:
    """Each column's group name and its own ("Exporter" + "EORI"); a group runs right over the
    blanks of ``upper`` while ``lower`` has names under them."""
    up, low = _texts(upper), _texts(lower)
    out, group = [], ""
    for c in range(max(len(up), len(low))):
        u, w = (up[c] if c < len(up) else ""), (low[c] if c < len(low) else "")
        group = u or (group if w else "")
        out.append(" ".join(t for t in (group, w) if t))
    return out


def header_texts(row: list) -> list[str]:
    return ["" if c is None else " ".join(str(c).split()) for c in row]


def is_trailing(row: list) -> bool:
    """A row that can close a sheet without being data: a totals row or a blank one."""
    return is_total_row(row) or not any(c is not None and str(c).strip() for c in row)


def data_end(rows: list[list], header: int) -> int:
    """One past the last data row below the header at ``header``: trailing totals and blank
    rows are not data."""
    end = len(rows)
    while end > header + 1 and is_trailing(rows[end - 1]):
        end -= 1
    return end


def detect_header(rows: list[list]) -> HeaderInfo:
    best = header_row(rows)
    headers = header_texts(rows[best]) if rows else []
    return HeaderInfo(best, headers, best + 1, data_end(rows, best))
