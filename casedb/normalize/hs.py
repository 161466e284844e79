"""Harmonized System codes: 4 to 10 digits, dots and spaces stripped."""

from __future__ import annotations

import re
from functools import lru_cache

_STRIP = re.compile(r"[\s.\-/]")


def normalize_hs(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"malformed HS code {value!r}")
    if isinstance(value, float):
        if not value.is_integer():
            return _norm(str(value))
        value = int(value)
    return _norm(str(value))


@lru_cache(maxsize=16384)
def _norm(text: str) -> str | None:
    code = _STRIP.sub("", text.strip())
    if not code:
        return None
    if not code.isdigit():
        raise ValueError(f"malformed HS code {text.strip()!r} (digits only)")
    if len(code) in (3, 5):  # a leading zero lost in a numeric cell: 40700 -> 040700
        code = "0" + code
    if not 4 <= len(code) <= 10:
        raise ValueError(f"malformed HS code {text.strip()!r} (4 to 10 digits)")
    return code


def hs_family(code: str, digits: int = 4) -> str:
    return code[:digits]
