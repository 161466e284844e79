"""The link chart and ``wasteintel network stats`` agree: same communities, same centrality,
on the same network (both computed by casedb.links.graph)."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from casedb.links.network import party_network


def test_the_charts_communities_and_centrality_equal_network_stats(qtbot, chart, demo_db,
                                                                   capsys):
    assert main(["network", "stats", "--json", "--db", str(demo_db.url)]) == 0
    stats = json.loads(capsys.readouterr().out)
    g = party_network(demo_db)
    nodes = [(n, g.nodes[n]["label"], "party") for n in g.nodes]
    edges = [(a, b, d.get("tonnes", 0.0)) for a, b, d in reversed(list(g.edges(data=True)))]
    chart.show_network(nodes, edges)  # edges in another order than the command's: no matter
    assert stats["nodes"] == chart.network.n and stats["communities"] > 1

    chart.set_colour_by_community(True)
    qtbot.waitUntil(lambda: chart._communities is not None, timeout=30_000)
    assert int(chart._communities.max()) + 1 == stats["communities"]

    chart.set_size_by("betweenness")
    qtbot.waitUntil(lambda: chart._centrality is not None, timeout=30_000)
    shown = {node: chart._centrality[chart.network.index[node]] for node in chart.network.ids}
    central = [c for c in stats["central"] if c["betweenness"] > 0]
    assert len(central) >= 3
    unit = central[0]["betweenness"] / shown[central[0]["id"]]  # the chart scales to 0..1
    for c in central:
        assert shown[c["id"]] * unit == pytest.approx(c["betweenness"], rel=1e-4, abs=2e-6)
