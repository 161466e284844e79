"""Sea-lane geometry for the synthetic world: which transit hubs lie on a sailing's way (liner
services call there) and which make a detour (a load hiding its origin), measured as the
detectors measure them (casedb.analysis.detour: searoute's lanes)."""

from __future__ import annotations

from functools import cache

from ..analysis.detour import detour_ratio

HUBS = ("SGSIN", "HKHKG", "TWKHH", "LKCMB", "AEJEA", "KRPUS", "MTMAR", "ESALG")


@cache
def ratio(origin: str, hub: str, destination: str) -> float:
    return detour_ratio(origin, hub, destination) or 1.0


@cache
def on_the_way(origin: str, destination: str, limit: float = 1.1) -> tuple[str, ...]:
    return tuple(h for h in HUBS if h not in (origin, destination)
                 and ratio(origin, h, destination) <= limit)


@cache
def out_of_the_way(origin: str, destination: str, low: float = 1.4) -> tuple[str, ...]:
    """Hubs that lengthen the sailing by ``low`` or more, the longest detour first."""
    hubs = [h for h in HUBS if h not in (origin, destination)
            and ratio(origin, h, destination) >= low]
    return tuple(sorted(hubs, key=lambda h: -ratio(origin, h, destination)))
