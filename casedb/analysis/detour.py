"""Transshipment and port-hopping indicators: transit ports that appear, and the detour ratio of
the sea route through the transit port against the direct one (offline: searoute's sea lanes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import func, select

from casedb.store.database import Database

from ..models import Declaration
from ..normalize import port_info


@lru_cache(maxsize=1)
def _sea_graph():
    """searoute's sea lanes as a sparse matrix (its default restriction, the Northwest Passage,
    left out), the nodes' coordinates and searoute's own nearest-node lookup."""
    import numpy as np
    import searoute
    from scipy.sparse import csr_matrix

    m = searoute.setup_M()
    nodes = list(m.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    rows, cols, km = [], [], []
    for u, v, data in m.edges(data=True):
        if data.get("passage") in m.restrictions:
            continue
        rows += [index[u], index[v]]
        cols += [index[v], index[u]]
        km += [data["weight"], data["weight"]]
    graph = csr_matrix((np.array(km, dtype=float), (rows, cols)), shape=(len(nodes),) * 2)
    return graph, index, m.kdtree


def _great_circle(pa, pb) -> float:
    from geopy.distance import great_circle

    return great_circle((pa.lat, pa.lon), (pb.lat, pb.lon)).km


@lru_cache(maxsize=4096)
def _node(locode: str) -> int:
    """The lanes' node nearest to a port (searoute's own lookup)."""
    _, index, tree = _sea_graph()
    p = port_info(locode)
    return index[tree.query([p.lon, p.lat])]


@lru_cache(maxsize=256)
def _from_port(locode: str):
    """Sea distances (km) from a port to every node of the lanes."""
    from scipy.sparse.csgraph import dijkstra

    return dijkstra(_sea_graph()[0], indices=_node(locode))


def sea_km(a: str, b: str) -> float | None:
    """Sea distance between two ports (km) along searoute's lanes (one shortest-path search
    per port, kept); great circle when the lanes do not join them."""
    pa, pb = port_info(a), port_info(b)
    if pa is None or pb is None:
        return None
    if a == b:
        return 0.0
    km = float(_from_port(a)[_node(b)])
    return km if km != float("inf") and km > 0 else _great_circle(pa, pb)


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
