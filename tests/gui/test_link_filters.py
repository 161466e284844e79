"""The link chart's filters by role and by date range and its link labels, driven through the
filter bar's real widgets with the facts a case gives (casedb.links.link_facts), and in the
window: a chart saved with its case (styles, filters, pins, hidden nodes) comes back from the
case database as it was."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtCore import QDate

from casedb.links.link_facts import LinkFact, LinkFacts
from tests.gui.test_link_chart import EDGES, NODES, _show

D = dt.date
MORE_NODES = [("T2", "+852 5555 0199", "phone")]
MORE_EDGES = [("p3", "T2", 0.0)]  # the broker's own phone: it goes with him
FACTS = LinkFacts(
    roles={"p1": ("shipper",), "p2": ("consignee",), "p3": ("broker",)},
    spans={"C-1": (D(2024, 1, 10), D(2024, 3, 5)), "C-2": (D(2024, 3, 1), D(2024, 6, 1)),
           "p1": (D(2024, 1, 10), D(2024, 1, 10)), "p2": (D(2024, 3, 1), D(2024, 3, 5)),
           "p3": (D(2024, 6, 1), D(2024, 6, 1)), "K1": (D(2024, 3, 2), D(2024, 3, 2)),
           "T2": (D(2024, 6, 1), D(2024, 6, 1))},
    links={("C-1", "p2"): LinkFact("consignee", "", 40.0, (D(2024, 3, 1), D(2024, 3, 1))),
           ("C-2", "p2"): LinkFact("consignee", "", 300.0, (D(2024, 3, 5), D(2024, 3, 5))),
           ("K1", "V1"): LinkFact("container", "MSCU1234565", 5.0, (D(2024, 3, 2), D(2024, 3, 2))),
           ("T2", "p3"): LinkFact("phone", "+852 5555 0199")})


def _chart_with_facts(qtbot, chart):
    _show(qtbot, chart, NODES + MORE_NODES, EDGES + MORE_EDGES)
    assert chart.filter_bar.isHidden()  # until the case's facts come
    chart.set_facts(FACTS)
    assert chart.filter_bar.isVisible() and chart.filter_bar.roles_button.isEnabled()
    return chart.filter_bar


def test_unticking_a_role_hides_its_parties_with_what_only_they_hold(qtbot, chart):
    bar = _chart_with_facts(qtbot, chart)
    edges = len(chart.network.edges)
    bar.fill_roles_menu()
    entries = {a.text(): a for a in bar.roles_menu.actions()}
    assert list(entries) == ["broker", "consignee", "shipper"]
    assert all(a.isChecked() for a in entries.values())
    entries["broker"].setChecked(False)
    assert not {"p3", "T2"} & set(chart.nodes)  # the broker and the phone only he holds
    assert {"C-1", "C-2", "p1", "p2", "T1"} <= set(chart.nodes)  # T1 is the address's too
    assert bar.status.text() == "2 node(s) filtered out"
    entries["shipper"].setChecked(False)
    assert "p1" not in chart.nodes and "CNNGB" not in chart.nodes  # the shipper's port too
    bar.fill_roles_menu()
    again = {a.text(): a for a in bar.roles_menu.actions()}
    assert [a.isChecked() for a in again.values()] == [False, True, False]
    again["broker"].setChecked(True)
    again["shipper"].setChecked(True)
    assert chart.filters.roles is None and bar.status.text() == ""
    assert set(chart.nodes) == {n[0] for n in NODES + MORE_NODES}
    assert len(chart.network.edges) == edges
    qtbot.waitUntil(lambda: not chart.is_laying_out(), timeout=15_000)


def test_a_date_range_keeps_the_nodes_declared_in_it_and_gives_the_rest_back(qtbot, chart):
    bar = _chart_with_facts(qtbot, chart)
    edges = len(chart.network.edges)
    assert (bar.first.date().toPython(), bar.last.date().toPython()) == (D(2024, 1, 10),
                                                                         D(2024, 6, 1))
    assert not bar.all_dates_action.isEnabled()
    bar.first.setDate(QDate(2024, 2, 1))
    bar.last.setDate(QDate(2024, 4, 30))
    assert chart.filters.dates == (D(2024, 2, 1), D(2024, 4, 30))
    assert not {"p1", "p3", "T2", "CNNGB"} & set(chart.nodes)
    assert {"C-1", "C-2", "p2", "K1"} <= set(chart.nodes)  # cases always stay
    assert bar.all_dates_action.isEnabled()
    chart.menu.set_kind_shown("phone", False)  # another filter meanwhile
    bar.all_dates_action.trigger()
    assert "p3" in chart.nodes and "T1" not in chart.nodes
    chart.menu.set_kind_shown("phone", True)  # its links to the broker come back with it
    assert set(chart.nodes) == {n[0] for n in NODES + MORE_NODES}
    assert len(chart.network.edges) == edges
    qtbot.waitUntil(lambda: not chart.is_laying_out(), timeout=15_000)


def test_links_say_their_role_the_value_they_share_and_their_tonnes(qtbot, chart):
    _chart_with_facts(qtbot, chart)
    details = chart.details
    chart.select_nodes(["p2"])
    panel = details.panel.toPlainText()
    assert "Roles: consignee" in panel and "Declared 2024-03-01 to 2024-03-05" in panel
    details.hovered = chart.network.index["p2"]
    details.draw_link_labels()
    assert sorted(t.toPlainText() for t in details.link_labels) == ["consignee · 300 t",
                                                                    "consignee · 40 t"]
    chart.toolbar.link_labels_action.trigger()  # every link that has room, always
    edges = len(chart.network.edges)
    every = {details.link_text(e) for e in range(edges)}
    assert {"Container · MSCU1234565 · 5 t", "Phone · +852 5555 0199", "120 t"} <= every
    shown = [t.toPlainText() for t in details.link_labels]
    assert shown and set(shown) <= every and len(shown) + details.skipped == edges
    qtbot.wait(50)  # drawn: the labels' places on screen are known
    assert not _overlapping(details.link_labels + [t for t in chart.items.labels
                                                   if t.isVisible()])
    chart.box.scaleBy((0.25, 0.25))  # zoomed in, more of them have room
    qtbot.wait(50)
    assert len(details.link_labels) > len(shown) or not details.skipped
    assert not _overlapping(details.link_labels)


def _overlapping(items) -> list:
    rects = [(i.toPlainText(), i.sceneBoundingRect()) for i in items]
    return [(a, b) for n, (a, ra) in enumerate(rects) for b, rb in rects[n + 1:]
            if ra.intersected(rb).width() > 1 and ra.intersected(rb).height() > 1]


def test_a_chart_saved_with_its_case_comes_back_with_its_styles_and_filters(qtbot, window):
    from casedb.links.chart_state import chart_state, delete_chart_state
    from casedb.store.database import Database

    ref = "TWKHH-2019-0107"
    window.open_case(ref)
    chart = window.analysis.links
    qtbot.waitUntil(lambda: ref in chart.nodes and chart.filters.facts is not None
                    and not chart.is_laying_out(), timeout=15_000)
    roles = chart.filters.every_role()
    assert "shipper" in roles and len(roles) >= 2
    chart.filters.set_roles(set(roles) - {roles[0]})
    out = {n[0] for n in chart.menu.filtered["@facts"][0]}
    assert out and not out & set(chart.nodes)
    chart.set_colour_by_tonnes(True)
    chart.toolbar.link_labels_action.trigger()
    party = next(n for n, k in zip(chart.network.ids, chart.network.kinds, strict=True)
                 if k == "party")
    chart.set_pinned([party], True)
    hidden = next(n for n, k in zip(chart.network.ids, chart.network.kinds, strict=True)
                  if k == "container")
    chart.hide_nodes([hidden])
    qtbot.waitUntil(lambda: not chart.is_laying_out(), timeout=15_000)
    where = {n: chart.position_of(n) for n in chart.nodes}
    job = window.analysis_actions.save_chart()
    qtbot.waitUntil(lambda: chart_state(window.db, ref) is not None, timeout=10_000)
    assert job is not None
    other = Database(window.db.url)  # what another workstation reads
    try:
        saved = chart_state(other, ref)
    finally:
        other.dispose()
    assert saved["styles"]["colour_by_tonnes"] and saved["styles"]["link_labels"]
    try:
        chart.show_network([("x", "x", "case")], [])  # another case meanwhile
        chart.set_colour_by_tonnes(False)
        chart.toolbar.link_labels_action.trigger()
        window.analysis_actions._case_network = None
        window.open_case(ref)
        qtbot.waitUntil(lambda: party in chart.nodes, timeout=15_000)
        assert set(chart.nodes) == set(where)
        for node, (x, y) in where.items():
            assert np.allclose(chart.position_of(node), (x, y))
        assert chart.network.pinned[chart.network.index[party]]
        assert chart.has_hidden() and hidden not in chart.nodes
        assert chart.colour_by_tonnes and chart.details.always
        assert chart.toolbar.link_labels_action.isChecked()
        assert chart.filters.roles == set(roles) - {roles[0]}
        chart.filters.set_roles(None)
        chart.show_hidden()
        assert out | {hidden} <= set(chart.nodes)
    finally:
        delete_chart_state(window.db, ref)  # the demo database is shared by the session
        chart.set_colour_by_tonnes(False)
        chart.details.set_always(False)
        chart.toolbar.link_labels_action.setChecked(False)


def test_node_names_cover_no_other_node_nor_each_other(qtbot, chart):
    from PySide6.QtCore import QRectF

    _show(qtbot, chart, NODES + MORE_NODES, EDGES + MORE_EDGES)
    chart.fit_view()
    qtbot.wait(50)
    items = chart.items
    shown = [(row, items.label_of[row]) for row in items.labelled]
    assert len(shown) >= len(NODES + MORE_NODES) - 2  # a small chart: (nearly) every node named
    for row, label in shown:
        rect = label.sceneBoundingRect().adjusted(1, 1, -1, -1)
        for other in range(chart.network.n):
            if other == row:
                continue
            centre, half = items.view_pos_of(other), items.sizes[other] / 2
            node = QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half)
            assert not rect.intersects(node), (chart.network.ids[row], chart.network.ids[other])
    assert not _overlapping([label for _, label in shown])


def test_a_chart_file_of_an_earlier_version_opens_and_moves_into_the_database(qtbot, window):
    import json

    from casedb.links.chart_state import chart_state, delete_chart_state, side_file

    ref = "TWKHH-2019-0107"
    path = side_file(window.db, ref)
    path.parent.mkdir(exist_ok=True)
    saved = {"version": 1, "nodes": [[ref, ref, "case"], ["p-old", "Kept Party", "party"]],
             "edges": [[ref, "p-old", 5.0]], "positions": [[0.0, 0.0], [3.0, 4.0]],
             "pinned": ["p-old"], "hidden": [], "filtered": {}}
    path.write_text(json.dumps(saved), "utf-8")
    chart = window.analysis.links
    try:
        window.analysis_actions._case_network = None
        window.open_case(ref)
        qtbot.waitUntil(lambda: "p-old" in chart.nodes, timeout=15_000)
        assert chart.position_of("p-old") == (3.0, 4.0)
        assert chart.network.pinned[chart.network.index["p-old"]]
        assert chart_state(window.db, ref) == saved and not path.exists()
    finally:
        delete_chart_state(window.db, ref)
        path.with_name(path.name + ".moved").unlink(missing_ok=True)
        path.unlink(missing_ok=True)
        window.analysis_actions._case_network = None
