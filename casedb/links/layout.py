"""Force layout of a network (the link chart, the dossier's charts), without Qt.

The engine is a vectorised (numpy) Fruchterman-Reingold: attraction d^2/k along edges,
repulsion k^2/d between all pairs, computed exactly for small graphs and, from EXACT_UP_TO
nodes, by a particle-mesh method (node density on a grid, convolved with the 1/r force
kernel by FFT, read back at each node), so an iteration costs O(n + G^2 log G) instead of
O(n^2): about 1 s for 300 iterations on 10k nodes, where networkx's spring layout takes
minutes. (igraph's grid Fruchterman-Reingold was tried and left: it bins nodes once, by
their start positions, so a seeded or refined layout is either slow or collapses.)

It starts from a quick placement (each new node next to its placed neighbours, grown outwards
in vectorised rounds) and yields positions after every iteration, so the chart shows a rough
picture at once and sharpens it. Fixed (pinned) nodes do not move.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Iterator

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from casedb.links.graph import SEED

EXACT_UP_TO = 300  # nodes; above this, repulsion by particle mesh
GRAVITY = 0.02  # pull towards the centre, keeps components together


def seed_positions(n: int, edges: np.ndarray, pos: np.ndarray | None = None,
                   seed: int = SEED) -> np.ndarray:
    """Positions for the NaN rows of ``pos``: a node goes next to the mean of its placed
    neighbours, in rounds outwards from placed nodes; components with nothing placed start
    from their best-connected node, scattered around the placed part."""
    rng = np.random.default_rng(seed)
    out = np.full((n, 2), np.nan) if pos is None else np.array(pos, dtype=float).reshape(n, 2)
    placed = np.isfinite(out).all(axis=1)
    if placed.all():
        return out
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    a = np.concatenate([edges[:, 0], edges[:, 1]])
    b = np.concatenate([edges[:, 1], edges[:, 0]])
    _start_components(out, placed, n, edges, rng)
    while not placed.all():
        step = placed[b] & ~placed[a]
        if not step.any():  # cannot happen once every component has a start; kept as a guard
            _scatter(out, ~placed, rng)
            break
        count = np.bincount(a[step], minlength=n)
        sx = np.bincount(a[step], weights=out[b[step], 0], minlength=n)
        sy = np.bincount(a[step], weights=out[b[step], 1], minlength=n)
        newly = count > 0
        angle = rng.uniform(0, 2 * np.pi, newly.sum())
        out[newly, 0] = sx[newly] / count[newly] + np.cos(angle)
        out[newly, 1] = sy[newly] / count[newly] + np.sin(angle)
        placed |= newly
    return out


def _start_components(out: np.ndarray, placed: np.ndarray, n: int, edges: np.ndarray,
                      rng: np.random.Generator) -> None:
    adjacency = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    _, membership = connected_components(adjacency, directed=False)
    has_placed = np.zeros(membership.max() + 1, dtype=bool)
    has_placed[membership[placed]] = True
    degree = np.bincount(edges.reshape(-1), minlength=n)
    order = np.lexsort((-degree, membership))  # by component, best-connected first
    first = order[np.r_[True, membership[order][1:] != membership[order][:-1]]]
    starts = first[~has_placed[membership[first]]]
    if len(starts):
        _scatter(out, np.isin(np.arange(n), starts), rng)
        placed[starts] = True


def _scatter(out: np.ndarray, rows: np.ndarray, rng: np.random.Generator) -> None:
    """Random spots in a disc large enough for every node, around what is placed already."""
    done = np.isfinite(out).all(axis=1) & ~rows
    centre = out[done].mean(axis=0) if done.any() else np.zeros(2)
    radius = np.sqrt(len(out)) + 1.0
    k = int(rows.sum())
    r = radius * np.sqrt(rng.uniform(0, 1, k))
    angle = rng.uniform(0, 2 * np.pi, k)
    out[rows] = centre + np.column_stack([r * np.cos(angle), r * np.sin(angle)])


def refine_layout(n: int, edges: np.ndarray, start: np.ndarray, fixed: np.ndarray | None = None,
                  iterations: int | None = None, heat: float = 1.0) -> Iterator[np.ndarray]:
    """Force iterations from ``start``, yielding a copy of the positions after each one.
    ``fixed`` nodes do not move. The step limit (temperature) starts at ``heat`` times the
    default (less to touch up a finished layout) and falls linearly to nearly 0."""
    pos = np.array(start, dtype=float).reshape(n, 2)
    fixed = np.zeros(n, dtype=bool) if fixed is None else np.asarray(fixed, dtype=bool)
    if n < 2 or fixed.all():
        yield pos
        return
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    total = iterations or (300 if n <= 20_000 else 200)
    hot = heat * (0.3 * np.sqrt(n - fixed.sum()) + 1.0)
    repulsion = _exact_repulsion if n <= EXACT_UP_TO else _mesh_repulsion
    for step in range(total):
        force = repulsion(pos) + _attraction(pos, edges)
        force -= GRAVITY * (pos - pos.mean(axis=0))
        limit = hot * (1 - step / total) + 0.01
        length = np.sqrt((force * force).sum(axis=1)) + 1e-12
        move = force * (np.minimum(length, limit) / length)[:, None]
        move[fixed] = 0.0
        pos = pos + move
        yield pos.copy()


def _attraction(pos: np.ndarray, edges: np.ndarray) -> np.ndarray:
    a, b = edges[:, 0], edges[:, 1]
    d = pos[b] - pos[a]
    pull = d * np.sqrt((d * d).sum(axis=1))[:, None]  # |d|^2 along d, with k = 1
    n = len(pos)
    return np.column_stack([
        np.bincount(a, pull[:, 0], n) - np.bincount(b, pull[:, 0], n),
        np.bincount(a, pull[:, 1], n) - np.bincount(b, pull[:, 1], n)])


def _exact_repulsion(pos: np.ndarray) -> np.ndarray:
    d = pos[:, None, :] - pos[None, :, :]
    r2 = (d * d).sum(axis=2)
    np.fill_diagonal(r2, np.inf)
    return (d / np.maximum(r2, 1e-6)[:, :, None]).sum(axis=1)


@functools.lru_cache(maxsize=4)
def _kernel_spectrum(cells: int) -> tuple[np.ndarray, np.ndarray]:
    """FFT of the repulsion kernel r/|r|^2 (in cells) on a zero-padded 2G x 2G grid."""
    offsets = np.arange(2 * cells, dtype=float)
    offsets = np.where(offsets < cells, offsets, offsets - 2 * cells)
    x, y = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = x * x + y * y
    r2[0, 0] = 1.0
    kx, ky = x / r2, y / r2
    return np.fft.rfft2(kx), np.fft.rfft2(ky)


def _mesh_repulsion(pos: np.ndarray) -> np.ndarray:
    """Repulsion on a G x G mesh over the layout: nodes are spread onto the four nearest grid
    points (cloud in cell), the density is convolved with the kernel, the force interpolated
    back the same way."""
    n = len(pos)
    cells = 128 if n <= 20_000 else 256
    low = pos.min(axis=0)
    size = (pos.max(axis=0) - low).max() * 1.0001 + 1e-9
    h = size / (cells - 1)
    g = (pos - low) / h
    i0 = np.clip(np.floor(g).astype(np.int64), 0, cells - 2)
    f = g - i0
    fx, fy = f[:, 0], f[:, 1]
    weights = ((1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy)
    side = 2 * cells
    base = i0[:, 0] * side + i0[:, 1]
    corners = (base, base + side, base + 1, base + side + 1)
    density = np.zeros(side * side)
    for corner, w in zip(corners, weights, strict=True):
        density += np.bincount(corner, w, side * side)
    spectrum = np.fft.rfft2(density.reshape(side, side))
    kx, ky = _kernel_spectrum(cells)
    out = np.zeros((n, 2))
    for axis, kernel in ((0, kx), (1, ky)):
        field = np.fft.irfft2(spectrum * kernel, s=(side, side)).reshape(-1)
        out[:, axis] = sum(field[c] * w for c, w in zip(corners, weights, strict=True))
    return out / h


def progressive_layout(n: int, edges: np.ndarray, pos: np.ndarray, fixed: np.ndarray | None = None,
                       iterations: int | None = None, heat: float = 1.0) -> Iterator[np.ndarray]:
    """The quick placement of the unplaced (NaN) rows of ``pos``, then its refinement."""
    start = seed_positions(n, edges, pos, SEED)
    yield start.copy()
    yield from refine_layout(n, edges, start, fixed, iterations, heat)


def layout_positions(nodes: list[str], edges: list[tuple[str, str]], seed: int = SEED) -> np.ndarray:
    """The finished layout, computed here and now (for scripts and benchmarks)."""
    index = {node: i for i, node in enumerate(nodes)}
    e = np.array([(index[a], index[b]) for a, b in edges], dtype=np.int64).reshape(-1, 2)
    start = seed_positions(len(nodes), e, None, seed)
    return deque(refine_layout(len(nodes), e, start), maxlen=1)[0]


def unit_layout(nodes: list, edges: list[tuple]) -> dict:
    """The finished layout as {node: (x, y)}, centred and scaled into -1..1 (for drawings)."""
    if not nodes:
        return {}
    pos = layout_positions(nodes, edges)
    pos = pos - (pos.max(axis=0) + pos.min(axis=0)) / 2
    extent = np.abs(pos).max()
    if extent > 0:
        pos = pos / extent
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}
