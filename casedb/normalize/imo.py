"""IMO ship identification numbers (7 digits, the last a check digit)."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"^(?:imo)?\s*[:#]?\s*(\d{7})(?:\.0)?$", re.IGNORECASE)


def normalize_imo(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    m = _DIGITS.match(text)
    if not m:
        raise ValueError(f"malformed IMO number {text!r} (7 digits)")
    digits = m[1]
    check = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True)) % 10
    if check != int(digits[6]):
        raise ValueError(f"IMO {digits}: check digit {digits[6]} should be {check}")
    return digits
