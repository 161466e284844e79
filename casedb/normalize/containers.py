"""ISO 6346 container numbers: owner code, serial and check digit."""

from __future__ import annotations

import re
from functools import lru_cache

_LETTERS = {}
_v = 10
for _c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _v % 11 == 0:
        _v += 1
    _LETTERS[_c] = _v
    _v += 1
_FORMAT = re.compile(r"^[A-Z]{3}[UJZR]\d{7}$")
_SPLIT = re.compile(r"[/,;、，；\n\r|+&]+|\s{2,}|\s+(?=[A-Za-z]{4}\s?\d)")
_CLEAN = re.compile(r"[\s\-.]")


def container_check_digit(first10: str) -> int:
    total = sum((_LETTERS[c] if c.isalpha() else int(c)) * (2 ** i)
                for i, c in enumerate(first10.upper()))
    return total % 11 % 10


@lru_cache(maxsize=65536)
def normalize_container(value: str) -> str:
    text = _CLEAN.sub("", str(value)).upper()
    if not _FORMAT.match(text):
        raise ValueError(f"malformed container number {value!r} (4 letters + 7 digits)")
    expected = container_check_digit(text[:10])
    if int(text[10]) != expected:
        raise ValueError(f"container {text}: check digit {text[10]} should be {expected}")
    return text


def split_containers(cell) -> list[str]:
    if cell is None:
        return []
    parts = [p.strip() for p in _SPLIT.split(str(cell)) if p and p.strip()]
    return list(dict.fromkeys(normalize_container(p) for p in parts))
