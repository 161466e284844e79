"""ISO 6346 container numbers: owner code, serial and check digit."""

from __future__ import annotations

import re
from functools import lru_cache
from operator import mul

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
SEPARATORS = _SPLIT  # what separates the numbers of a cell holding several


_VALUES = {**_LETTERS, **{str(d): d for d in range(10)}}
_WEIGHTS = [2 ** i for i in range(10)]


def container_check_digit(first10: str) -> int:
    total = sum(map(mul, map(_VALUES.__getitem__, first10.upper()), _WEIGHTS))
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
    if cell.__class__ is str and _FORMAT.match(cell):  # one well-formed number: the common cell
        return [normalize_container(cell)]
    parts = [p.strip() for p in _SPLIT.split(str(cell)) if p and p.strip()]
    return list(dict.fromkeys(normalize_container(p) for p in parts))


def well_formed_numbers(texts: list[str]) -> list[str]:
    """The texts that are, exactly, one well-formed container number with its right check digit,
    checked all at once (a million distinct containers: 0.1 s, not 3 s). Anything else, such as
    lower case, spaces or several numbers, is left to split_containers."""
    import numpy as np

    candidates = [t for t in texts if len(t) == 11 and t.isascii()]
    if not candidates:
        return []
    codes = np.frombuffer("".join(candidates).encode("ascii"), dtype=np.uint8).reshape(-1, 11)
    letters, digits = codes[:, :4], codes[:, 4:]
    ok = ((letters >= 65) & (letters <= 90)).all(axis=1) & np.isin(codes[:, 3], _CATEGORIES)
    ok &= ((digits >= 48) & (digits <= 57)).all(axis=1)
    total = (_TABLE[codes[:, :10]] * np.array(_WEIGHTS)).sum(axis=1)
    ok &= (total % 11 % 10) == (codes[:, 10].astype(np.int64) - 48)
    return [t for t, good in zip(candidates, ok.tolist(), strict=True) if good]


def _table():
    import numpy as np

    table = np.zeros(256, dtype=np.int64)
    for char, value in _VALUES.items():
        table[ord(char)] = value
    return table


_CATEGORIES = [ord(c) for c in "UJZR"]
_TABLE = _table()
