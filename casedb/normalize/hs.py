"""Harmonized System codes and national tariff lines: 4 to 12 digits, kept whole.

National lines extend the six HS digits: China's 10-digit 商品编号, Taiwan's 11-digit CCC code
("3915.10.00.00-0": 8-digit tariff line, 2 statistical digits, a check digit), the EAEU's
10-digit ТН ВЭД, the 10-digit partidas of Latin America, the US 10-digit HTS ("3915.90.0090"),
Japan's 9-digit statistical code. Dots, spaces, dashes and slashes are dropped; a leading zero a
numeric cell lost is put back (40700 -> 040700); a number a spreadsheet wrote with its trailing
zero lost (3915.1 for 3915.10) is read as heading and subheading. ``hs6`` gives the subheading
all of them share.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .messages import shown

SHORTEST, LONGEST = 4, 12
_STRIP = re.compile(r"[\s.\-/]")
_LABEL = re.compile(r"^(?:hs|hts|cn|ncm|ccc|тн\s*вэд)(?:\s*code)?\s*[:#]?\s*", re.IGNORECASE)
_HEADING_DOT = re.compile(r"^(\d{3,4})\.(\d+)$")  # 3915.1: a heading and a subheading


def normalize_hs(value) -> str | None:
    """The digits of a commodity code (None when blank); ValueError naming the value when it
    is not 4 to 12 digits."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"malformed HS code {value!r}")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"malformed HS code {value!r}")
        if not value.is_integer():
            return _norm(repr(value))
        value = int(value)
    if isinstance(value, int) and not 0 <= value < 10**LONGEST:
        raise ValueError(f"malformed HS code {shown(value)} ({SHORTEST} to {LONGEST} digits)")
    return _norm(str(value))


def hs6(code) -> str | None:
    """The six-digit HS subheading of a code or national line (None when it is shorter or
    blank): hs6("3915.10.00.00-0") == "391510"."""
    digits = normalize_hs(code)
    return digits[:6] if digits and len(digits) >= 6 else None


@lru_cache(maxsize=16384)
def _norm(text: str) -> str | None:
    text = _LABEL.sub("", unicodedata.normalize("NFKC", text).strip())
    if m := _HEADING_DOT.match(text):
        heading, sub = m[1].zfill(4), m[2]
        text = heading + sub.ljust(len(sub) + len(sub) % 2, "0")
    code = _STRIP.sub("", text)
    if not code:
        return None
    if not code.isdigit() or not code.isascii():
        raise ValueError(f"malformed HS code {shown(text)} (digits only)")
    if len(code) in (3, 5, 7):  # a leading zero lost in a numeric cell: 40700 -> 040700
        code = "0" + code
    if not SHORTEST <= len(code) <= LONGEST:
        raise ValueError(f"malformed HS code {shown(text)} ({SHORTEST} to {LONGEST} digits)")
    return code


def hs_family(code: str, digits: int = 4) -> str:
    return code[:digits]
