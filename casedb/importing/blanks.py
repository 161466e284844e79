"""Placeholders that systems write for an empty cell: NULL, N/A, #N/A, -, 無, 不詳 ...

They are blanks in every field (case does not matter): "NULL" is never a declaration number or
a company. An import spec can add its own (``"blanks": ["TBA", "?"]``).
"""

from __future__ import annotations

PLACEHOLDERS = frozenset({
    "null", "(null)", "<null>", "nil", "none", "(none)", "n/a", "n.a.", "n.a", "na", "#n/a",
    "#na", "#null!", "#value!", "#ref!", "#div/0!", "#name?", "#num!", "-", "--", "---", "—",
    "–", ".", "..", "...", "?", "??", "???", "undefined", "unknown", "not available",
    "not applicable", "(blank)", "blank", "empty", "nan", "n/d", "s/d", "s/n", "sin dato",
    "sin datos", "no disponible", "no aplica", "nd", "нет", "нет данных", "не указано",
    "не известно", "неизвестно", "-/-", "無", "无", "不詳", "不详", "不明", "未知", "無資料",
    "无资料", "空白", "/", "tba", "tbc", "tbd",
})
# Longest placeholder, in characters: longer cells are never looked up.
_LONGEST = max(map(len, PLACEHOLDERS))
# Cells that mean "nothing" in a text field of a vendor's export, but a value in a number field.
ZERO_TEXTS = frozenset({"0", "0.0", "00", "000"})


def is_blank(value, extra: frozenset = frozenset()) -> bool:
    """Whether a cell is empty or a placeholder for empty."""
    if value is None:
        return True
    if value.__class__ is not str:
        return False
    if len(value) > _LONGEST + 4 and not extra:
        return not value.strip()
    text = value.strip().lower()
    return not text or text in PLACEHOLDERS or text in extra


def blank_words(spec_blanks) -> frozenset:
    """An import spec's own placeholders, compared in lower case."""
    return frozenset(str(b).strip().lower() for b in spec_blanks or ())


def blank_variants(spec_blanks=()) -> frozenset:
    """The placeholders as cells hold them (NULL, Null, null, n/a, N/A ...), so a column's
    distinct values can be intersected with them in one set operation; a cell with spaces
    around a placeholder is caught by ``is_blank``."""
    words = PLACEHOLDERS | blank_words(spec_blanks)
    return frozenset(v for w in words for v in (w, w.upper(), w.title(), w.capitalize()))
