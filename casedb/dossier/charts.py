"""Vector charts for the dossier (reportlab graphics): timeline, link chart, routes, split ring."""

from __future__ import annotations

import datetime as dt

import networkx as nx
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from casedb.links.layout import unit_layout

from ..normalize import port_info

W, H = 480, 220
PALETTE = [colors.HexColor(c) for c in ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                        "#8c564b", "#e377c2", "#17becf")]


def _axes(d: Drawing, font: str, x0: float, y0: float) -> None:
    d.add(Line(x0, y0, W - 10, y0, strokeColor=colors.grey))
    d.add(Line(x0, y0, x0, H - 10, strokeColor=colors.grey))


def timeline_chart(points: list[tuple[dt.date, float, str]], font: str,
                   threshold_kg: float | None = None) -> Drawing:
    """Declarations as points of date x weight (t), coloured by shipper; a threshold line."""
    d = Drawing(W, H)
    x0, y0 = 50, 30
    _axes(d, font, x0, y0)
    if not points:
        return d
    dates = [p[0].toordinal() for p in points]
    lo, hi = min(dates), max(dates) + 1
    top = max(max(p[1] for p in points), threshold_kg or 0) / 1000 * 1.1 or 1
    sx = lambda o: x0 + (o - lo) / (hi - lo) * (W - x0 - 20)  # noqa: E731
    sy = lambda t: y0 + t / top * (H - y0 - 20)  # noqa: E731
    groups = sorted({p[2] for p in points})
    for date, kg, who in points:
        c = PALETTE[groups.index(who) % len(PALETTE)]
        d.add(Circle(sx(date.toordinal()), sy(kg / 1000), 3.2, fillColor=c, strokeColor=c))
    if threshold_kg:
        y = sy(threshold_kg / 1000)
        d.add(Line(x0, y, W - 10, y, strokeColor=colors.red, strokeDashArray=[4, 3]))
        d.add(String(W - 12, y + 3, f"{threshold_kg / 1000:g} t", fontName=font, fontSize=7,
                     textAnchor="end", fillColor=colors.red))
    for frac in (0, 0.5, 1):
        o = lo + (hi - lo) * frac
        d.add(String(sx(o), y0 - 12, dt.date.fromordinal(int(o)).isoformat(), fontName=font,
                     fontSize=7, textAnchor="middle"))
    for t in (0, top / 2, top):
        d.add(String(x0 - 4, sy(t) - 2, f"{t:,.0f} t", fontName=font, fontSize=7,
                     textAnchor="end"))
    for i, who in enumerate(groups[:6]):
        d.add(Circle(x0 + 8, H - 14 - i * 10, 3, fillColor=PALETTE[i % len(PALETTE)],
                     strokeColor=None))
        d.add(String(x0 + 15, H - 17 - i * 10, who[:40], fontName=font, fontSize=7))
    return d


def link_chart(center: str, links, font: str) -> Drawing:
    """The case and its linked cases; edges labelled by the kinds of shared values."""
    d = Drawing(W, H + 60)
    g = nx.Graph()
    g.add_node(center)
    for link in links[:25]:
        g.add_edge(center, link.case_ref, kinds=", ".join(sorted({v.kind for v in link.via})))
    pos = unit_layout(list(g.nodes), list(g.edges))
    sx = lambda x: W / 2 + x * (W / 2 - 60)  # noqa: E731
    sy = lambda y: (H + 60) / 2 + y * ((H + 60) / 2 - 25)  # noqa: E731
    for a, b, data in g.edges(data=True):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        d.add(Line(sx(xa), sy(ya), sx(xb), sy(yb), strokeColor=colors.grey, strokeWidth=1.2))
        d.add(String((sx(xa) + sx(xb)) / 2, (sy(ya) + sy(yb)) / 2 + 2, data["kinds"],
                     fontName=font, fontSize=6, fillColor=colors.darkgrey, textAnchor="middle"))
    for n, (x, y) in pos.items():
        c = colors.HexColor("#d62728") if n == center else colors.HexColor("#1f77b4")
        d.add(Circle(sx(x), sy(y), 9 if n == center else 6, fillColor=c, strokeColor=c))
        d.add(String(sx(x), sy(y) - 16, n, fontName=font, fontSize=7, textAnchor="middle"))
    return d


def route_chart(routes: list[str], font: str) -> Drawing:
    """The case's routes on the offline basemap (Natural Earth land), along the sea lanes
    (searoute) through every port of call; equirectangular, framed on the routes."""
    from ..analysis.route_lines import sea_route

    d = Drawing(W, H)
    legs, ports = [], {}
    for r in dict.fromkeys(routes):
        codes = tuple(dict.fromkeys(c.strip() for c in r.split(">") if port_info(c.strip())))
        for c in codes:
            info = port_info(c)
            ports[c] = (info.lon, info.lat)
        segments, _km = sea_route(codes)
        legs += [seg for seg in segments if len(seg) >= 2]
    if not ports:
        return d
    xs = [x for seg in legs for x, _ in seg] + [v[0] for v in ports.values()]
    ys = [y for seg in legs for _, y in seg] + [v[1] for v in ports.values()]
    lo_x, hi_x = min(xs) - 8, max(xs) + 8
    lo_y, hi_y = max(-85.0, min(ys) - 6), min(85.0, max(ys) + 6)
    # Keep the map's proportions: widen the narrower span.
    scale = min((W - 20) / (hi_x - lo_x), (H - 20) / (hi_y - lo_y))
    ox = 10 + ((W - 20) - (hi_x - lo_x) * scale) / 2
    oy = 10 + ((H - 20) - (hi_y - lo_y) * scale) / 2
    sx = lambda x: ox + (x - lo_x) * scale  # noqa: E731
    sy = lambda y: oy + (y - lo_y) * scale  # noqa: E731
    d.add(Rect(sx(lo_x), sy(lo_y), (hi_x - lo_x) * scale, (hi_y - lo_y) * scale,
               fillColor=colors.HexColor("#eef3f7"), strokeColor=None))
    for ring in _land_rings(lo_x, hi_x, lo_y, hi_y):
        d.add(Polygon([c for lon, lat in ring for c in (sx(lon), sy(lat))],
                      fillColor=colors.HexColor("#dcdcd6"), strokeColor=colors.HexColor("#b8b8b0"),
                      strokeWidth=0.3))
    for seg in legs:
        d.add(PolyLine([c for lon, lat in seg for c in (sx(lon), sy(lat))],
                       strokeColor=colors.HexColor("#1f77b4"), strokeWidth=1.6))
    for code, (lon, lat) in ports.items():
        d.add(Circle(sx(lon), sy(lat), 3.2, fillColor=colors.HexColor("#d62728"),
                     strokeColor=colors.white, strokeWidth=0.5))
        d.add(String(sx(lon) + 5, sy(lat) + 3, code, fontName=font, fontSize=7))
    return d


def _land_rings(lo_x: float, hi_x: float, lo_y: float, hi_y: float):
    """The basemap's rings that reach into the frame, their points clamped to its edges."""
    from ..analysis.route_lines import land_rings

    for ring in land_rings():
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        if max(xs) >= lo_x and min(xs) <= hi_x and max(ys) >= lo_y and min(ys) <= hi_y:
            yield [(min(max(x, lo_x), hi_x), min(max(y, lo_y), hi_y)) for x, y in ring]


def theme_lines_chart(timeline, font: str, no_party: str = "—") -> Drawing:
    """A casedb.analysis.timeline.Timeline as i2-style theme lines: one lane per party (its name on the
    left), declarations as circles sized by tonnes on their lane, seizures as red diamonds,
    dashed links between events sharing an identifier."""
    lanes = timeline.lanes[:12]
    d = Drawing(W, max(80, 30 + 18 * len(lanes)))
    if not lanes or not timeline.events:
        return d
    x0, top = 150, d.height - 14
    row = {lane.key: i for i, lane in enumerate(lanes)}
    lo = timeline.events[0].date.toordinal()
    hi = max(timeline.events[-1].date.toordinal(), lo + 1)
    sx = lambda o: x0 + 12 + (o - lo) / (hi - lo) * (W - x0 - 30)  # noqa: E731 - clear of names
    sy = lambda i: top - i * 18  # noqa: E731
    for lane, i in row.items():
        c = PALETTE[i % len(PALETTE)]
        d.add(Line(x0 - 4, sy(i), W - 8, sy(i), strokeColor=c, strokeWidth=0.8))
        name = next(x.label for x in lanes if x.key == lane) or no_party
        d.add(String(x0 - 8, sy(i) - 2.5, name[:30], fontName=font, fontSize=7,
                     textAnchor="end"))
    at = {e.key: (sx(e.date.toordinal()), sy(row[e.lane])) for e in timeline.events
          if e.lane in row}
    for link in timeline.links:
        if link.a in at and link.b in at:
            (xa, ya), (xb, yb) = at[link.a], at[link.b]
            d.add(Line(xa, ya, xb, yb, strokeColor=colors.grey, strokeWidth=0.6,
                       strokeDashArray=[2, 2]))
    most = max(e.tonnes for e in timeline.events) or 1.0
    for e in timeline.events:
        if e.key not in at:
            continue
        x, y = at[e.key]
        r = 2.5 + 5.5 * (e.tonnes / most) ** 0.5
        if e.kind == "seizure":
            d.add(Polygon([x, y + r, x + r, y, x, y - r, x - r, y], fillColor=colors.red,
                          strokeColor=colors.black, strokeWidth=0.3))
        else:
            c = PALETTE[row[e.lane] % len(PALETTE)]
            d.add(Circle(x, y, r, fillColor=c, strokeColor=colors.black, strokeWidth=0.3))
    y_axis = sy(len(lanes) - 1) - 14
    for frac in (0, 0.5, 1):
        o = lo + (hi - lo) * frac
        d.add(String(sx(o), y_axis, dt.date.fromordinal(int(o)).isoformat(), fontName=font,
                     fontSize=7, textAnchor="middle"))
    return d
