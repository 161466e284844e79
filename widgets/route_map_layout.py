"""Where the route map puts things (plain geometry, no drawing): the map's central meridian so
that routes cross the Pacific the short way, lines shared by several routes offset beside each
other, port labels that avoid each other, and the route under the mouse."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
# Meridians where a world map may be cut, through oceans, the usual one first.
CUTS = (-180.0, -30.0, -20.0, -40.0, -160.0, -140.0, -120.0, -50.0, -10.0, 160.0, 150.0)
CELL = 1.5  # degrees: two routes through the same cells share a lane


def shift(lon: float, cut: float) -> float:
    """``lon`` on a map whose left edge is the meridian ``cut``: in [cut, cut + 360)."""
    return lon if lon >= cut else lon + 360.0


def rejoin(segments: Sequence[Sequence[Point]], cut: float) -> list[list[Point]]:
    """A route's segments (cut at ±180 by casedb) on a map cut at ``cut``: joined where they
    meet again and cut where they cross the new edge."""
    out: list[list[Point]] = []
    for seg in segments:
        for lon, lat in seg:
            x = shift(lon, cut)
            if out and out[-1] and abs(x - out[-1][-1][0]) <= 1e-9 and lat == out[-1][-1][1]:
                continue  # where two pieces meet again
            if not out or (out[-1] and abs(x - out[-1][-1][0]) > 180.0):
                out.append([])
            out[-1].append((x, lat))
    return [s for s in out if len(s) > 1]


def best_cut(lines: Sequence[tuple[float, Sequence[Sequence[Point]]]]) -> float:
    """The meridian in CUTS that cuts the least tonnage of ``lines`` (tonnes, segments)."""
    def cut_tonnes(cut: float) -> float:
        return sum(t for t, segs in lines if len(rejoin(segs, cut)) > 1)

    return min(CUTS, key=lambda c: (cut_tonnes(c), CUTS.index(c)))


def _cells(points: Sequence[Point]) -> set[tuple[int, int]]:
    out = set()
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        n = max(1, int(max(abs(x1 - x0), abs(y1 - y0)) / CELL))
        for k in range(n + 1):
            t = k / n
            out.add((int((x0 + t * (x1 - x0)) // CELL), int((y0 + t * (y1 - y0)) // CELL)))
    return out


def lane_slots(routes: Sequence[Sequence[Point]], overlap: float = 0.3) -> list[int]:
    """For routes drawn biggest first, the slot of each beside those sharing its lane: 0 on
    the lane, then +1, -1, +2... for each earlier route sharing ``overlap`` of its cells."""
    seen: list[set[tuple[int, int]]] = []
    slots = []
    for points in routes:
        cells = _cells(points)
        k = sum(1 for s in seen if cells and len(cells & s) >= overlap * len(cells))
        slots.append((k + 1) // 2 * (1 if k % 2 else -1))
        seen.append(cells)
    return slots


def offset(points: Sequence[Point], by: float) -> list[Point]:
    """The polyline moved sideways by ``by`` (map units) along each vertex's normal."""
    if not by or len(points) < 2:
        return list(points)
    p = np.asarray(points, dtype=float)
    d = np.empty_like(p)
    d[1:-1] = p[2:] - p[:-2]
    d[0], d[-1] = p[1] - p[0], p[-1] - p[-2]
    norm = np.hypot(d[:, 0], d[:, 1])
    norm[norm == 0] = 1.0
    n = np.column_stack((-d[:, 1], d[:, 0])) / norm[:, None]
    return [tuple(q) for q in (p + n * by).tolist()]


# Where a label may sit around its port, in pixels: (dx, dy) of the box's near corner sign.
SIDES = ("right", "left", "above", "below")


def label_box(x: float, y: float, w: float, h: float, side: str, gap: float = 6.0) -> Box:
    """The box (pixels, y down) of a ``w`` x ``h`` label on ``side`` of a port at (x, y)."""
    if side == "right":
        return (x + gap, y - h / 2, x + gap + w, y + h / 2)
    if side == "left":
        return (x - gap - w, y - h / 2, x - gap, y + h / 2)
    if side == "above":
        return (x - w / 2, y - gap - h, x + w / 2, y - gap)
    return (x - w / 2, y + gap, x + w / 2, y + gap + h)


def _hits(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(ports: Sequence[tuple[float, float, float, float]], frame: Box,
                 most: int = 12) -> list[tuple[int, str, Box]]:
    """Labels of ``ports`` (x, y, width, height in pixels, busiest first) placed so that none
    covers another label or another port and each stays inside ``frame``: (index, side, box)."""
    marks = [(x - 5, y - 5, x + 5, y + 5) for x, y, _, _ in ports]
    placed: list[tuple[int, str, Box]] = []
    for i, (x, y, w, h) in enumerate(ports):
        if len(placed) >= most:
            break
        for side in SIDES:
            box = label_box(x, y, w, h, side)
            inside = (box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2]
                      and box[3] <= frame[3])
            if inside and not any(_hits(box, b) for _, _, b in placed) and not any(
                    _hits(box, m) for j, m in enumerate(marks) if j != i):
                placed.append((i, side, box))
                break
    return placed


def distance_to(points: Sequence[Point], x: float, y: float) -> float:
    """The distance from (x, y) to the polyline ``points`` (same units)."""
    if not points:
        return math.inf
    p = np.asarray(points, dtype=float)
    if len(p) == 1:
        return float(np.hypot(p[0, 0] - x, p[0, 1] - y))
    a, b = p[:-1], p[1:]
    ab = b - a
    length = (ab ** 2).sum(axis=1)
    length[length == 0] = 1.0
    t = np.clip(((x - a[:, 0]) * ab[:, 0] + (y - a[:, 1]) * ab[:, 1]) / length, 0.0, 1.0)
    near = a + ab * t[:, None]
    return float(np.hypot(near[:, 0] - x, near[:, 1] - y).min())
