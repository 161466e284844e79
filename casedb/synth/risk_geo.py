"""Great-circle geometry for the synthetic world: which transit hubs lie on a sailing's way, and
which make a detour (the detectors measure detours along sea lanes, casedb.analysis.detour)."""

from __future__ import annotations

import math
from functools import cache

from ..normalize import port_info

HUBS = ("SGSIN", "HKHKG", "TWKHH", "LKCMB", "AEJEA", "KRPUS", "MTMAR", "ESALG")


def _km(a: str, b: str) -> float:
    pa, pb = port_info(a), port_info(b)
    la1, lo1, la2, lo2 = map(math.radians, (pa.lat, pa.lon, pb.lat, pb.lon))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@cache
def ratio(origin: str, hub: str, destination: str) -> float:
    direct = _km(origin, destination)
    return (_km(origin, hub) + _km(hub, destination)) / direct if direct else 1.0


@cache
def on_the_way(origin: str, destination: str, limit: float = 1.15) -> tuple[str, ...]:
    return tuple(h for h in HUBS if h not in (origin, destination)
                 and ratio(origin, h, destination) <= limit)


@cache
def out_of_the_way(origin: str, destination: str, low: float = 1.3) -> tuple[str, ...]:
    """Hubs that lengthen the sailing by ``low`` or more, the longest detour first."""
    hubs = [h for h in HUBS if h not in (origin, destination)
            and ratio(origin, h, destination) >= low]
    return tuple(sorted(hubs, key=lambda h: -ratio(origin, h, destination)))
