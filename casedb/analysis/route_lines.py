"""Routes of a share table as lines on a map: each route's sea-lane polyline (searoute, offline),
its tonnage and the ports it touches, for a set of periods or for the periods before and after an
event. Route keys are those of ``routes.route_shares`` and ``trade.trade_shares``: parts joined
by '>' that are UN/LOCODEs (ports) or ISO alpha-3 codes (countries, drawn from a representative
port). Keys that name only a destination are drawn from ``origin`` when one is given."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product

from casedb.progress import NullProgress, Progress

from ..normalize import port_info, port_name, ports
from .shares import ShareTable, around_event

LAND_FILE = "basemap/land_110m.json"

log = logging.getLogger(__name__)

Point = tuple[float, float]  # (lon, lat)

# The main container gateways of the countries seen in waste flows (first = the usual one). A
# country route starts or ends at whichever of these gives the shortest sea route. "EU" is the
# reporter BACI uses for the union; landlocked Switzerland ships through the Rhine to Rotterdam.
MAIN_PORTS: dict[str, tuple[str, ...]] = {
    "ARE": ("AEJEA",), "ARG": ("ARBUE",), "AUS": ("AUMEL", "AUSYD", "AUFRE", "AUBNE"),
    "BEL": ("BEANR",), "BGD": ("BDCGP",), "BRA": ("BRSSZ",), "CAN": ("CAVAN", "CAMTR", "CAHAL"),
    "CHE": ("NLRTM",), "CHL": ("CLSAI",), "CHN": ("CNSHA", "CNNGB", "CNYTN", "CNTAO"),
    "DEU": ("DEHAM", "DEBRV"), "DNK": ("DKAAR",), "DOM": ("DOCAU",), "ECU": ("ECGYE",),
    "EGY": ("EGPSD", "EGALY"), "ESP": ("ESVLC", "ESALG"), "FRA": ("FRLEH", "FRFOS"),
    "EU": ("NLRTM", "DEHAM", "BEANR", "ESVLC", "ITGOA"), "GBR": ("GBFXT", "GBSOU", "GBLGP"),
    "GHA": ("GHTEM",), "GRC": ("GRPIR",), "HKG": ("HKHKG",), "IDN": ("IDJKT", "IDSUB"),
    "IND": ("INNSA", "INMUN", "INMAA"), "IRL": ("IEDUB",), "IRN": ("IRBND",), "IRQ": ("IQUQR",),
    "ISR": ("ILHFA", "ILASH"), "ITA": ("ITGOA", "ITSPE"), "JPN": ("JPTYO", "JPYOK", "JPUKB"),
    "KEN": ("KEMBA",), "KOR": ("KRPUS",), "LKA": ("LKCMB",), "MAC": ("MOMFM",),
    "MAR": ("MACAS", "MATNG"), "MEX": ("MXZLO", "MXVER"), "MHL": ("MHMAJ",), "MMR": ("MMRGN",),
    "MNG": ("CNTSN",), "MYS": ("MYPKG", "MYPEN", "MYTPP"), "NGA": ("NGAPP",), "NLD": ("NLRTM",),
    "NOR": ("NOOSL",), "NZL": ("NZAKL",), "PAK": ("PKKHI",), "PER": ("PECLL",), "PHL": ("PHMNL",),
    "POL": ("PLGDN",), "PRT": ("PTSIE", "PTLIS"), "SAU": ("SAJED", "SADMN"), "SGP": ("SGSIN",),
    "SLV": ("SVAQJ",), "SWE": ("SEGOT",), "THA": ("THLCH",), "TUN": ("TNRAD",),
    "TUR": ("TRAMR", "TRMER", "TRIZM"), "TWN": ("TWKHH", "TWKEL", "TWTXG"), "TZA": ("TZDAR",),
    "UKR": ("UAODS",), "USA": ("USLAX", "USNYC", "USSAV", "USHOU", "USSEA"),
    "VNM": ("VNSGN", "VNHPH"), "YEM": ("YEADE",), "ZAF": ("ZADUR",),
}


@dataclass(frozen=True)
class MapPort:
    locode: str
    name: str
    country_iso3: str
    lon: float
    lat: float
    roles: tuple[str, ...]  # "origin", "transit", "destination"
    tonnes: float


@dataclass(frozen=True)
class RouteLine:
    route: str
    label: str
    rank: int  # the route's place in the share table: a stable colour across periods
    tonnes: float
    share: float  # of all the tonnage of the periods shown
    stops: tuple[str, ...]  # the LOCODEs it calls at, origin first; one stop: no line
    segments: tuple[tuple[Point, ...], ...]  # the polyline, cut at the antimeridian
    km: float | None  # sea distance; None when there is no line

    def points(self) -> list[Point]:
        return [p for seg in self.segments for p in seg]


@dataclass(frozen=True)
class RouteMap:
    periods: tuple[str, ...]
    routes: tuple[RouteLine, ...]  # by tonnage, largest first
    ports: tuple[MapPort, ...]
    total_tonnes: float  # of every route in the periods, drawn or not

    @property
    def span(self) -> str:
        if not self.periods:
            return ""
        first, last = self.periods[0], self.periods[-1]
        return first if first == last else f"{first} – {last}"


# --- where a key part is on the map ------------------------------------------------------------


def _is_country(code: str) -> bool:
    return code == "EU" or (len(code) == 3 and code.isalpha() and code.isupper())


@cache
def _fallback_port(iso3: str) -> str | None:
    """A country's gazetteer port nearest to the middle of all its ports."""
    own = [p for p in ports() if p.country_iso3 == iso3]
    if not own:
        return None
    lon = sum(p.lon for p in own) / len(own)
    lat = sum(p.lat for p in own) / len(own)
    return min(own, key=lambda p: (p.lon - lon) ** 2 + (p.lat - lat) ** 2).locode


def candidates(code: str | None) -> tuple[str, ...]:
    """The ports that can stand for a route part: itself for a known LOCODE, the main ports
    of a country, or nothing (unknown '???', a landlocked country without a gateway)."""
    if not code or code.startswith("?"):
        return ()
    if port_info(code) is not None:
        return (code,)
    if _is_country(code):
        known = tuple(c for c in MAIN_PORTS.get(code, ()) if port_info(c) is not None)
        if known:
            return known
        fallback = _fallback_port(code)
        return (fallback,) if fallback else ()
    return ()


# --- sea lanes ---------------------------------------------------------------------------------


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0 if not -180.0 <= lon <= 180.0 else lon


def split_antimeridian(points: Sequence[Point]) -> tuple[tuple[Point, ...], ...]:
    """Longitudes wrapped into [-180, 180], the line cut where it crosses the antimeridian
    (searoute returns unwrapped longitudes such as -238 for a trans-Pacific route)."""
    if not points:
        return ()
    segments: list[list[Point]] = [[(_wrap(points[0][0]), points[0][1])]]
    for lon, lat in points[1:]:
        x1 = _wrap(lon)
        x0, y0 = segments[-1][-1]
        if abs(x1 - x0) > 180.0:
            edge = 180.0 if x0 > 0 else -180.0
            x1u = x1 + 360.0 if x0 > 0 else x1 - 360.0
            t = (edge - x0) / (x1u - x0) if x1u != x0 else 0.0
            y = y0 + t * (lat - y0)
            segments[-1].append((edge, y))
            segments.append([(-edge, y)])
        segments[-1].append((x1, lat))
    return tuple(tuple(s) for s in segments if len(s) > 1)


@lru_cache(maxsize=4096)
def sea_lane(a: str, b: str) -> tuple[tuple[Point, ...], float]:
    """The sea-lane polyline (unwrapped longitudes) and its length in km from port ``a`` to
    port ``b``; a straight line when searoute cannot route the pair."""
    pa, pb = port_info(a), port_info(b)
    if pa is None or pb is None:
        raise KeyError(a if pa is None else b)
    if a == b:
        return ((pa.lon, pa.lat),), 0.0
    try:
        import searoute

        feature = searoute.searoute([pa.lon, pa.lat], [pb.lon, pb.lat], units="km",
                                    append_orig_dest=True)
        coords = tuple((float(x), float(y)) for x, y in feature["geometry"]["coordinates"])
        return coords, float(feature["properties"]["length"])
    except Exception:  # noqa: BLE001 - searoute fails on some odd pairs: a straight line
        from geopy.distance import great_circle

        log.warning("no sea lane from %s to %s: drawn straight", a, b)
        return ((pa.lon, pa.lat), (pb.lon, pb.lat)), great_circle((pa.lat, pa.lon),
                                                                  (pb.lat, pb.lon)).km


def _best_stops(options: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The choice of one port per stop with the shortest sea route, where each step down a
    country's list of main ports must save 10 % to be taken (the usual gateway wins ties)."""
    best, best_cost = (), float("inf")
    for picks in product(*(list(enumerate(o)) for o in options)):
        combo = [code for _, code in picks]
        stops = tuple(c for i, c in enumerate(combo) if i == 0 or c != combo[i - 1])
        km = sum(sea_lane(x, y)[1] for x, y in zip(stops, stops[1:], strict=False))
        cost = km * (1.0 + 0.1 * sum(i for i, _ in picks))
        if cost < best_cost:
            best, best_cost = stops, cost
    return best


@lru_cache(maxsize=4096)
def route_stops(route: str, origin: str | None = None) -> tuple[str, ...]:
    """The ports a route key calls at, origin first; a single destination port when the key
    has no origin and none is given; () when its destination is unknown."""
    parts = route.split(">")
    if len(parts) == 1:
        parts = [origin or "", *parts]
    elif parts[0].startswith("?"):
        parts = [origin or "", *parts[1:]]
    dest = candidates(parts[-1])
    if not dest:
        return ()
    options = [c for c in (candidates(p) for p in parts[:-1]) if c] + [dest]
    if len(options) == 1:
        return (dest[0],)
    return _best_stops(options)


@lru_cache(maxsize=4096)
def _polyline(stops: tuple[str, ...]) -> tuple[tuple[tuple[Point, ...], ...], float | None]:
    if len(stops) < 2:
        return (), None
    points: list[Point] = []
    km = 0.0
    for a, b in zip(stops, stops[1:], strict=False):
        leg, length = sea_lane(a, b)
        km += length
        if points and leg:
            # Legs are unwrapped independently: shift this one to continue the last.
            shift = round((points[-1][0] - leg[0][0]) / 360.0) * 360.0
            leg = tuple((x + shift, y) for x, y in leg)
        points.extend(leg)
    return split_antimeridian(points), km


@cache
def land_rings() -> tuple[tuple[Point, ...], ...]:
    """Every ring of the offline basemap (Natural Earth 1:110m land, resources/basemap) as
    (lon, lat) points, read once for the map view and the dossier alike."""
    import json
    from pathlib import Path

    import resources

    data = json.loads(Path(resources.path(LAND_FILE)).read_text("utf-8"))
    return tuple(tuple((float(x), float(y)) for x, y in ring) for country in data["countries"]
                 for polygon in country["polygons"] for ring in polygon)


def sea_route(stops) -> tuple[tuple[tuple[Point, ...], ...], float | None]:
    """The sea-lane segments (split at the antimeridian) and length in km through ``stops``,
    a sequence of UN/LOCODEs; no segments for fewer than two stops."""
    return _polyline(tuple(stops))


# --- maps of a share table ---------------------------------------------------------------------


def _ports(lines: Sequence[RouteLine], lang: str = "en") -> tuple[MapPort, ...]:
    roles: dict[str, list[str]] = {}
    tonnes: dict[str, float] = {}
    for line in lines:
        for i, code in enumerate(line.stops):
            role = ("destination" if i == len(line.stops) - 1
                    else "origin" if i == 0 else "transit")
            if role not in roles.setdefault(code, []):
                roles[code].append(role)
            tonnes[code] = tonnes.get(code, 0.0) + line.tonnes
    out = []
    for code, rs in roles.items():
        p = port_info(code)
        if p is not None:
            out.append(MapPort(code, port_name(code, lang), p.country_iso3, p.lon, p.lat, tuple(rs),
                               tonnes[code]))
    return tuple(sorted(out, key=lambda p: -p.tonnes))


def route_map(table: ShareTable, periods: Sequence[str] | None = None, *, top: int = 8,
              origin: str | None = None) -> RouteMap:
    """The ``top`` routes by tonnage over ``periods`` (default: all) as lines on a map.
    ``origin`` (a LOCODE or country code) is where destination-only keys start."""
    chosen = [p for p in (table.periods if periods is None else periods) if p in table.periods]
    index = [table.periods.index(p) for p in chosen]
    totals = [(rank, s, sum(s.tonnes[i] for i in index)) for rank, s in enumerate(table.series)]
    total = sum(t for _, _, t in totals)
    lines: list[RouteLine] = []
    for rank, s, tonnes in sorted(totals, key=lambda x: (-x[2], x[0])):
        if len(lines) >= top or tonnes <= 0:
            break
        stops = route_stops(s.route, origin)
        if not stops:
            log.debug("route %s has no place on the map", s.route)
            continue
        segments, km = _polyline(stops)
        lines.append(RouteLine(s.route, s.label, rank, tonnes, tonnes / total if total else 0.0,
                               stops, segments, km))
    return RouteMap(tuple(chosen), tuple(lines), _ports(lines, table.lang), total)


def before_after(table: ShareTable, event: dt.date, period: str, *, top: int = 8,
                 origin: str | None = None) -> tuple[RouteMap, RouteMap]:
    """Maps of the periods before ``event`` and of those from it on (``period``: month,
    quarter or year, as the table was built)."""
    before, after = around_event(table, event, period)
    return (route_map(table, before, top=top, origin=origin),
            route_map(table, after, top=top, origin=origin))


def every_map(table: ShareTable, *, top: int = 8, origin: str | None = None,
              progress: Progress | None = None) -> list[RouteMap]:
    """Every map a viewer of the table may show: all periods, each period, and both sides of
    each before/after cut. Computing them routes every line (searoute results are cached), so
    call it in a background job and the viewer finds the sea lanes ready."""
    progress = progress or NullProgress()
    n = len(table.periods)
    cuts = [table.periods] + [[p] for p in table.periods] + [
        part for i in range(1, n) for part in (table.periods[:i], table.periods[i:])]
    maps = []
    for done, periods in enumerate(cuts):
        progress.raise_if_cancelled()
        maps.append(route_map(table, periods, top=top, origin=origin))
        progress.report(done + 1, len(cuts))
    return maps


def warm(table: ShareTable, *, top: int = 8, origin: str | None = None,
         progress: Progress | None = None) -> None:
    """Route every line a viewer of the table may draw (see ``every_map``)."""
    every_map(table, top=top, origin=origin, progress=progress)
