"""casedb.links.graph and graph_layout: communities weighted by tonnes, centrality, paths, layout."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from casedb.links import graph
from casedb.links.layout import unit_layout
from casedb.links.network import network_stats

# Two triangles joined by one edge; the heavy trade runs a0-b0 and a1-b1 across them.
EDGES = np.array([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3), (0, 3), (1, 4)])


def test_communities_follow_the_tonnes_not_only_the_links():
    light = np.array([1, 1, 1, 1, 1, 1, 1, 1, 1], dtype=float)
    by_links = graph.communities(6, EDGES, light)
    assert by_links[0] == by_links[1] == by_links[2] != by_links[3] == by_links[4] == by_links[5]
    heavy = np.array([1, 1, 1, 1, 1, 1, 1, 500, 500], dtype=float)
    by_tonnes = graph.communities(6, EDGES, heavy)
    assert by_tonnes[0] == by_tonnes[3] and by_tonnes[1] == by_tonnes[4]


def test_the_answers_do_not_depend_on_the_order_of_the_edges():
    tonnes = np.arange(1, len(EDGES) + 1, dtype=float)
    flipped = EDGES[::-1, ::-1]
    assert (graph.communities(6, EDGES, tonnes) == graph.communities(6, flipped, tonnes[::-1])).all()
    assert graph.betweenness(6, EDGES) == pytest.approx(graph.betweenness(6, flipped))


def test_centrality_is_scaled_to_one_and_a_bridge_is_the_most_between():
    edges = np.array([(0, 1), (1, 2), (2, 3), (3, 4)])
    values = graph.centrality(5, edges, "betweenness")
    assert values.max() == 1.0 and values.argmax() == 2 and values[0] == 0.0
    assert list(graph.centrality(5, edges, "degree")) == [0.5, 1, 1, 1, 0.5]
    with pytest.raises(ValueError, match="unknown centrality"):
        graph.centrality(5, edges, "pagerank")


def test_a_link_graph_path_and_unconnected_nodes():
    g = graph.LinkGraph()
    g.merge([(x, x, "party") for x in "abcde"], [("a", "b", 1), ("b", "c", 2), ("a", "c", 0)])
    assert g.shortest_path("a", "c") == ["a", "c"]
    assert g.shortest_path("a", "e") == []


def test_network_stats_count_the_communities_of_casedb_graph():
    g = nx.Graph()
    for a, b in EDGES.tolist():
        g.add_edge(f"n{a}", f"n{b}", tonnes=1.0)
    ids, edges, tonnes = graph.from_networkx(g)
    stats = network_stats(g)
    assert stats.communities == int(graph.communities(len(ids), edges, tonnes).max()) + 1 == 2
    assert stats.central[0]["betweenness"] == pytest.approx(graph.betweenness(6, EDGES).max(),
                                                            abs=1e-6)


def test_a_unit_layout_fits_minus_one_to_one_and_separates_the_nodes():
    pos = unit_layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "d")])
    xy = np.array(list(pos.values()))
    assert np.abs(xy).max() == pytest.approx(1.0) and len({tuple(p) for p in xy.round(3)}) == 4
    assert unit_layout([], []) == {}


def test_bridging_marks_what_reaches_two_cases_within_two_links():
    kinds = ["case", "case", "party", "party", "phone", "party", "container"]
    # party 2 in case 0, party 3 in case 1, both on phone 4; party 5 in both cases;
    # container 6 on party 2 only
    edges = np.array([[0, 2], [1, 3], [2, 4], [3, 4], [5, 0], [5, 1], [6, 2]])
    marked = graph.bridging(kinds, edges)
    assert marked.tolist() == [False, False, False, False, True, True, False]
    assert not graph.bridging(["case", "party"], np.empty((0, 2))).any()
