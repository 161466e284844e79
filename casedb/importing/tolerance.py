"""When two sources agree about a value: within the precision each of them shows.

One system writes a weight to the whole kilogram, another to three decimals of a tonne, a third
in whole tonnes; one names the port by its city's UN/LOCODE, another by its terminal's; one
writes "EVER GIVEN", another "Ever-Given". None of these is a disagreement. What remains (a
weight 8% apart, another HS heading, another date) is one, and the writer records it.
"""

from __future__ import annotations

import datetime as dt

from ..normalize.port_areas import same_port

AMOUNTS = frozenset({"gross_weight_kg", "net_weight_kg", "declared_value"})
PORTS = frozenset({"port_of_loading", "port_of_transshipment", "port_of_discharge"})
STEPS = (1000.0, 100.0, 10.0, 1.0, 0.1, 0.01, 0.001)  # kg: whole tonnes down to grams


def granularity(value: float) -> float:
    """The precision a value shows: the largest step of 0.001 to 1000 that divides it (12,500
    kg: 100; 12,481 kg: 1; 12.345 t = 12,345 kg: 1; 20 t: 1000). Zero shows none (0.0)."""
    x = abs(value)
    if x == 0:
        return 0.0
    for step in STEPS:
        q = x / step
        if abs(q - round(q)) <= 1e-9 * max(q, 1.0):
            return step
    return STEPS[-1]


def amounts_agree(a: float, b: float) -> bool:
    """At most half the coarser precision apart (12,481 kg and 12.48 t agree; 12,500 kg and
    13,500 kg do not)."""
    slack = max(granularity(a), granularity(b)) / 2
    return abs(a - b) <= slack + 1e-9 * max(abs(a), abs(b))


def folded(text: str) -> str:
    """A text without case, spaces or punctuation ("Ever-Given" -> "evergiven")."""
    return "".join(c for c in text.casefold() if c.isalnum())


def agree(name: str, stored, other) -> bool:
    """Whether ``other`` (a new source's value of field ``name``) agrees with ``stored``. A
    missing value agrees with anything: it is filled in, not compared."""
    if stored is None or other is None or stored == other:
        return True
    if name in AMOUNTS:
        try:
            return amounts_agree(float(stored), float(other))
        except (TypeError, ValueError):
            return False
    if name in PORTS:
        return same_port(str(stored), str(other))
    if name == "hs_code":  # a heading and a national line under it: one at more precision
        return str(stored).startswith(str(other)) or str(other).startswith(str(stored))
    if isinstance(stored, str) and isinstance(other, str):
        return folded(stored) == folded(other)
    return False


def more_precise(name: str, stored, other) -> bool:
    """Whether ``other`` says what ``stored`` says with more digits (an HS heading and a
    national tariff line under it): the writer then keeps ``other``."""
    return (name == "hs_code" and isinstance(stored, str) and isinstance(other, str)
            and len(other) > len(stored) and other.startswith(stored))


def shown(value) -> str | None:
    """A value as a discrepancy keeps it: weights to the gram, dates in ISO form."""
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
