"""The link chart on random scale-free networks (Barabasi-Albert, 2 edges per node) of 10k and
50k nodes, most of them identifier nodes (phone, address, e-mail, container, sailing, B/L,
vessel) as a case's chart has them: layout time (the engine alone, and in the widget until the
layout is drawn), one pan/zoom frame (also with every link labelled by its role, shared value
and tonnes), each beside a raw limit from the same run (igraph's compiled grid
Fruchterman-Reingold on the same graph; a bare pyqtgraph GraphItem with the same positions
rendered once). The widget runs in a child process, offscreen:

    python -m bench.bench_link_chart --child 10000   # prints one JSON line
    python -m bench.bench_link_chart 10000           # the rows of these sizes only
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

from casedb.links.layout import progressive_layout
from widgets.link_chart import LinkChart
from widgets.link_style import IDENTIFIER_KINDS

ROOT = Path(__file__).resolve().parents[1]
SIZES = (10_000, 50_000)
FRAMES = 20
WINDOW = (1400, 900)


def run(scale: int, sizes=SIZES) -> list[dict]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, "-m", "bench.bench_link_chart", "--child", str(n)],
                             env=env, cwd=ROOT, check=True, capture_output=True, text=True,
                             timeout=900)
        m = json.loads(out.stdout.strip().splitlines()[-1])
        rows += [
            {"name": f"link chart layout, {n:,} nodes", "value": m["layout_s"], "unit": "s",
             "target": "<= 5 s" if n <= 10_000 else "usable",
             "limit": f"igraph grid Fruchterman-Reingold, 500 iterations: {m['igraph_s']:.2f} s",
             "note": f"{m['edges']:,} edges; numpy force layout (particle-mesh repulsion); "
                     f"in the widget, background thread to final drawing: "
                     f"{m['widget_layout_s']:.2f} s, {m['progress_draws']} drawings on the way"},
            {"name": f"link chart pan/zoom frame, {n:,} nodes with identifier nodes",
             "value": m["frame_ms"],
             "unit": "ms", "target": "<= 50 ms" if n <= 10_000 else "usable",
             "limit": f"bare pyqtgraph GraphItem, same positions: rendered once "
                      f"{m['bare_once_ms']:.0f} ms, same frames {m['bare_frame_ms']:.0f} ms",
             "note": f"setRange + grab (one render), mean of {FRAMES}, {WINDOW[0]}x{WINDOW[1]} px; "
                     f"{m['identifiers']:,} identifier nodes; labels on {m['labels']} nodes; "
                     f"with link labels (role, value, tonnes) on the {m['link_labels']} "
                     f"heaviest links: {m['frame_labels_ms']:.1f} ms"},
        ]
    return rows


def _network(n: int):
    import igraph as ig
    import numpy as np

    graph = ig.Graph.Barabasi(n, 2)
    rng = np.random.default_rng(3)
    kinds = ("case", "party", "party", "container", "vessel", "port", "address", "phone",
             "email", "sailing", "bl")  # identifiers as nodes of their own
    nodes = [(f"n{i}", f"Node {i}", kinds[i % len(kinds)]) for i in range(n)]
    tonnes = rng.exponential(40.0, graph.ecount())
    edges = [(f"n{a}", f"n{b}", float(t))
             for (a, b), t in zip(graph.get_edgelist(), tonnes, strict=True)]
    return graph, nodes, edges


def _facts(nodes, edges):
    """Facts as a case gives them: each link's role or identifier kind, value and tonnes."""
    from casedb.links.link_facts import LinkFact, LinkFacts

    kinds = {i: k for i, _, k in nodes}
    links = {}
    for a, b, t in edges:
        kind = kinds[b] if kinds[b] not in ("case", "party") else kinds[a]
        role = "shipper" if kind in ("case", "party") else kind
        links[(a, b) if a <= b else (b, a)] = LinkFact(role, f"VALUE {b}", t)
    return LinkFacts({i: ("shipper",) for i, _, k in nodes if k == "party"}, {}, links)


def _time_layout(graph) -> tuple[float, float]:
    import numpy as np

    n, edges = graph.vcount(), np.array(graph.get_edgelist())
    t0 = time.perf_counter()
    for _ in progressive_layout(n, edges, np.full((n, 2), np.nan)):
        pass
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    graph.layout_fruchterman_reingold(grid=True)
    return ours, time.perf_counter() - t0


def _frames(view, box) -> float:
    """Mean time of one pan/zoom step: setRange (the chart's handlers run at once: labels,
    marks), then one render of the view (grab)."""
    (x0, x1), (y0, y1) = box.viewRange()
    w, h = x1 - x0, y1 - y0
    view.grab()
    t0 = time.perf_counter()
    for k in range(FRAMES):
        zoom = 1.0 + 0.05 * (k % 4)  # pan a little and zoom in and out
        cx, cy = x0 + w / 2 + k * w / 200, y0 + h / 2
        box.setRange(xRange=(cx - w / 2 / zoom, cx + w / 2 / zoom),
                     yRange=(cy - h / 2 / zoom, cy + h / 2 / zoom), padding=0)
        view.grab()
    return (time.perf_counter() - t0) / FRAMES * 1000


def _bare_graph_item(app, pos, adjacency) -> tuple[float, float]:
    """A bare GraphItem with the same positions and edges: one render, and the same frames."""
    view = pg.GraphicsLayoutWidget()
    view.resize(*WINDOW)
    view.show()
    box = view.addViewBox()
    box.setAspectLocked(True)
    item = pg.GraphItem()
    box.addItem(item)
    item.setData(pos=pos, adj=adjacency, size=10, symbol="o", pxMode=True)
    box.autoRange()
    app.processEvents()
    t0 = time.perf_counter()
    view.grab()
    once = (time.perf_counter() - t0) * 1000
    frame = _frames(view, box)
    view.close()
    return once, frame


def _immortal_singletons() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to True on every Python-side emit() and
    to None on every Python slot call; Python 3.12+ makes them immortal, here the process
    aborts after a few thousand signals. Give them references enough for this run."""
    if sys.version_info < (3, 12):
        import ctypes

        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


def child(n: int) -> dict:
    app = QApplication.instance() or QApplication([])
    _immortal_singletons()
    graph, nodes, edges = _network(n)
    layout_s, igraph_s = _time_layout(graph)
    from app.jobs import JobRunner

    runner = JobRunner()
    chart = LinkChart(runner=runner)
    chart.resize(*WINDOW)
    chart.show()
    app.processEvents()
    draws = []
    chart.layout_progressed.connect(lambda: draws.append(1))
    t0 = time.perf_counter()
    chart.show_network(nodes, edges)
    while chart.is_laying_out():
        app.processEvents()
        time.sleep(0.001)
    widget_layout_s = time.perf_counter() - t0
    chart.fit_view()
    app.processEvents()
    frame_ms = _frames(chart.view, chart.box)
    labels = len(chart.labelled_nodes())
    chart.set_facts(_facts(nodes, edges))
    chart.toolbar.link_labels_action.trigger()  # every link labelled (the heaviest shown)
    app.processEvents()
    link_labels = len(chart.details.link_labels)
    frame_labels_ms = _frames(chart.view, chart.box)
    bare_once_ms, bare_frame_ms = _bare_graph_item(app, chart.network.pos.copy(),
                                                   chart.network.edges.copy())
    chart.close()
    chart.wait_for_layout(10_000)
    return {"layout_s": layout_s, "igraph_s": igraph_s, "widget_layout_s": widget_layout_s,
            "progress_draws": len(draws), "frame_ms": frame_ms,
            "bare_once_ms": bare_once_ms, "bare_frame_ms": bare_frame_ms, "labels": labels,
            "edges": graph.ecount(), "frame_labels_ms": frame_labels_ms,
            "link_labels": link_labels,
            "identifiers": sum(k in IDENTIFIER_KINDS for _, _, k in nodes)}


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(child(int(sys.argv[2]))), flush=True)
        os._exit(0)  # skip interpreter teardown: Qt objects die with the process
    sizes = tuple(int(a) for a in sys.argv[1:]) or SIZES
    print(json.dumps(run(0, sizes), indent=1))
