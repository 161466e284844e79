"""Transshipment and port-hopping indicators: transit ports that appear, and the detour ratio of
the sea route through the transit port against the direct one (offline: searoute's sea lanes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import func, select

from ..db import Database
from ..models import Declaration
from ..normalize import port_info


@lru_cache(maxsize=4096)
def sea_km(a: str, b: str) -> float | None:
    """Sea distance between two ports (km) along searoute's lanes; great circle as a fallback."""
    pa, pb = port_info(a), port_info(b)
    if pa is None or pb is None:
        return None
    if a == b:
        return 0.0
    try:
        import searoute

        route = searoute.searoute([pa.lon, pa.lat], [pb.lon, pb.lat], units="km")
        return float(route["properties"]["length"])
    except Exception:  # noqa: BLE001 - searoute fails on some odd pairs: fall back
        from geopy.distance import great_circle

        return great_circle((pa.lat, pa.lon), (pb.lat, pb.lon)).km


def detour_ratio(origin: str, transit: str, destination: str) -> float | None:
    direct = sea_km(origin, destination)
    leg1, leg2 = sea_km(origin, transit), sea_km(transit, destination)
    if not direct or leg1 is None or leg2 is None:
        return None
    return (leg1 + leg2) / direct


@dataclass(frozen=True)
class TransitIndicator:
    transit: str
    first_seen: dt.date
    declarations: int
    tonnes: float
    new_after_event: bool
    median_detour: float | None

    def to_json(self) -> dict:
        return {"transit": self.transit, "first_seen": self.first_seen.isoformat(),
                "declarations": self.declarations, "tonnes": round(self.tonnes, 3),
                "new_after_event": self.new_after_event,
                "median_detour": round(self.median_detour, 3) if self.median_detour else None}


def transit_indicators(db: Database, *, hs_prefix: str | None = None,
                       event: dt.date | None = None) -> list[TransitIndicator]:
    d = Declaration
    q = select(d.port_of_transshipment, func.min(d.declaration_date), func.count(),
               func.sum(func.coalesce(d.net_weight_kg, d.gross_weight_kg))).where(
        d.port_of_transshipment.is_not(None)).group_by(d.port_of_transshipment)
    legs = select(d.port_of_loading, d.port_of_transshipment, d.port_of_discharge).where(
        d.port_of_transshipment.is_not(None), d.port_of_loading.is_not(None),
        d.port_of_discharge.is_not(None)).distinct()
    if hs_prefix:
        q = q.where(d.hs_code.startswith(hs_prefix, autoescape=True))
        legs = legs.where(d.hs_code.startswith(hs_prefix, autoescape=True))
    with db.read() as s:
        rows = s.execute(q).all()
        routes = s.execute(legs).all()
    ratios: dict[str, list[float]] = {}
    for a, t, b in routes:
        r = detour_ratio(a, t, b)
        if r is not None:
            ratios.setdefault(t, []).append(r)
    out = []
    for transit, first, n, kg in rows:
        rs = sorted(ratios.get(transit, []))
        out.append(TransitIndicator(transit, first, n, (kg or 0) / 1000,
                                    bool(event and first >= event),
                                    rs[len(rs) // 2] if rs else None))
    return sorted(out, key=lambda x: x.first_seen)
