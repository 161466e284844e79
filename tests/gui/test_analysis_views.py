"""The analysis views on the demo database: route shift on BACI, split rings, link chart."""

from __future__ import annotations

import json
from pathlib import Path

TRUTH = json.loads((Path(__file__).resolve().parents[2] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))


def test_route_view_on_baci_shows_china_collapsing_in_2018(qtbot, window):
    panel = window.analysis
    with qtbot.waitSignal(panel.routes.event_moved, timeout=100, raising=False):
        pass
    panel.source.setCurrentIndex(1)  # BACI trade statistics
    qtbot.waitUntil(lambda: panel.routes.table is not None
                    and panel.routes.table.periods[0] == "1995", timeout=10_000)
    table = panel.routes.table
    assert round(table.share("CHN", "2016"), 3) == 0.563
    assert round(table.share("CHN", "2018"), 3) == 0.080
    rows = [(panel.routes.shifts.item(r, 0).text(), panel.routes.shifts.item(r, 1).text())
            for r in range(panel.routes.shifts.rowCount())]
    assert ("China", "2018") in rows
    drawn = [c.name() for c in panel.routes.plot.getPlotItem().listDataItems()]
    assert "China" in drawn
    # The heat matrix holds the same shares, route × period, in percent.
    heat = panel.routes.heat_matrix
    china = next(i for i, s in enumerate(table.series) if s.route == "CHN")
    assert heat.shape[0] == len(table.periods)
    assert round(heat[table.periods.index("2016"), china], 1) == 56.3
    # Dragging the event marker to 2018 lists the biggest risers and fallers around it.
    with qtbot.waitSignal(panel.routes.event_moved, timeout=5000):
        panel.routes.event.setValue(table.periods.index("2018"))
        panel.routes.event.sigPositionChangeFinished.emit(panel.routes.event)
    qtbot.waitUntil(lambda: "risers and fallers" in panel.routes.shifts_title.text(),
                    timeout=10_000)  # computed in a job
    movers = {panel.routes.shifts.item(r, 0).text() for r in range(panel.routes.shifts.rowCount())}
    assert {"China", "Malaysia"} <= movers


def test_the_hs_code_and_grouping_are_the_users(qtbot, window):
    panel = window.analysis
    qtbot.waitUntil(lambda: panel.routes.table is not None, timeout=20_000)
    assert panel.title(panel.routes.table).endswith("HS 3915")
    with qtbot.waitSignal(panel.routes_requested) as asked:
        panel.by.setCurrentIndex(panel.by.findData("dest-port"))
    assert (asked.args[0].hs, asked.args[0].by) == ("3915", "dest-port")
    qtbot.waitUntil(lambda: "MYPKG" in {s.route for s in panel.routes.table.series},
                    timeout=20_000)
    panel.hs.setText("854")
    with qtbot.waitSignal(panel.routes_requested) as asked:
        panel.hs.editingFinished.emit()
    assert asked.args[0].hs == "854"
    qtbot.waitUntil(lambda: panel.routes.title.text().endswith("HS 854"), timeout=20_000)


def test_pattern_view_lists_the_planted_rings_and_no_decoy(qtbot, window):
    panel = window.analysis
    qtbot.waitUntil(lambda: panel.splits.ring_count() > 0, timeout=10_000)
    rings = {frozenset(r.declaration_nos) for r in panel.shown_rings}
    for planted in TRUTH["rings"]:
        assert any(set(planted["declarations"]) <= got for got in rings)
    decoys = {n for d in TRUTH["decoys"] for n in d["declarations"]}
    assert not any(got & decoys for got in rings)
    panel.splits.select_ring(0)
    items = panel.splits.plot.getPlotItem().listDataItems()
    assert sum(len(i.getData()[0]) for i in items) == len(panel.shown_rings[0].declaration_nos)


def test_ring_explanations_follow_the_language(qtbot, window, qapp):
    from app import i18n
    from widgets.ring_table import WHY

    panel = window.analysis
    qtbot.waitUntil(lambda: panel.splits.ring_count() > 0, timeout=10_000)
    ring = panel.shown_rings[0]
    why = panel.splits.rings.table_model.index(0, WHY)  # ring 0, wherever the sort put it
    assert why.data() == ring.reasons[0]  # English by default
    translators = i18n.install(qapp, "zh_TW")
    try:
        panel.splits.show_rings(panel.shown_rings)
        shown = panel.splits.rings.table_model.index(0, WHY).data()
        n = len(ring.declaration_nos)
        assert f"共 {n} 筆報單" in shown and "公噸" in shown and "declarations" not in shown
        panel.splits.select_ring(0)
        assert "declarations" not in panel.splits.detail.text()
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_route_labels_follow_the_language(qtbot, window, qapp):
    from app import i18n

    panel = window.analysis
    qtbot.waitUntil(lambda: panel.routes.table is not None, timeout=20_000)
    assert window.jobs.wait(20_000)  # the start-up analyses are done: no English result to come
    qtbot.wait(50)  # their results delivered
    assert any("Malaysia" in s.label for s in panel.routes.table.series)
    translators = i18n.install(qapp, "zh_TW")
    try:
        window.analysis_actions.refresh_routes()
        qtbot.waitUntil(lambda: any("馬來西亞" in s.label for s in panel.routes.table.series),
                        timeout=20_000)
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_link_chart_of_a_known_case_shows_its_linked_cases(qtbot, window):
    a, b = TRUTH["linked_pairs"][0]["cases"]
    window.open_case(a)
    qtbot.waitUntil(lambda: a in window.analysis.links.nodes, timeout=10_000)
    assert b in window.analysis.links.nodes
    with qtbot.waitSignal(window.analysis.links.node_activated) as sig:
        window.analysis.links.node_activated.emit(b)
    assert sig.args == [b]
    qtbot.waitUntil(lambda: window.case_view.case_ref == b, timeout=5000)


def test_expanding_a_party_adds_its_cases_and_partners(qtbot, window):
    a, _ = TRUTH["linked_pairs"][0]["cases"]
    window.open_case(a)
    links = window.analysis.links
    qtbot.waitUntil(lambda: a in links.nodes, timeout=10_000)
    before = set(links.nodes)
    party = next(n for n in before if n[0] == "p" and n[1:].isdigit())
    links.expand_requested.emit(party)
    qtbot.waitUntil(lambda: len(links.nodes) > len(before), timeout=10_000)
    added = set(links.nodes) - before
    assert added and all(n.startswith("p") or n.startswith("TW") for n in added)
    assert before <= set(links.nodes)  # nothing lost


def test_a_ring_opens_as_a_new_case_and_adds_to_another(qtbot, demo_db, tmp_path):
    import shutil

    from app.main_window import MainWindow
    from app.settings import Settings
    from casedb.cases.casefile import load_case_file
    from casedb.store.database import Database

    shutil.copy(demo_db.sqlite_path, tmp_path / "demo.db")
    db = Database(tmp_path / "demo.db", user="officer.lin")
    window = MainWindow(db, Settings())
    qtbot.addWidget(window)
    window.show()
    try:
        panel, actions = window.analysis, window.analysis_actions
        actions.refresh_splits()
        qtbot.waitUntil(lambda: len(panel.shown_rings) > 0, timeout=30_000)
        ring = panel.shown_rings[0]
        with qtbot.waitSignal(actions.open_ring_as_case(0, "RING-TEST-1").signals.finished,
                              timeout=30_000):
            pass
        qtbot.waitUntil(lambda: window.case_view.case_ref == "RING-TEST-1", timeout=10_000)
        held = {d.declaration_no for d in load_case_file(db, "RING-TEST-1").declarations}
        assert held == set(ring.declaration_nos)
        # The same ring added to an existing case adds only what that case lacks.
        other = TRUTH["linked_pairs"][0]["cases"][1]
        before = {d.declaration_no for d in load_case_file(db, other).declarations}
        with qtbot.waitSignal(actions.add_ring_to_case(0, other).signals.finished,
                              timeout=30_000):
            pass
        after = {d.declaration_no for d in load_case_file(db, other).declarations}
        assert after == before | set(ring.declaration_nos)
    finally:
        window.jobs.cancel_all()
        window.jobs.wait(10_000)
        db.dispose()


def test_activating_a_party_opens_it_as_a_company(qtbot, window):
    """A company opens as itself (issue 20), no longer as a search for its name, which a common
    word could flood."""
    a, _ = TRUTH["linked_pairs"][0]["cases"]
    window.open_case(a)
    links = window.analysis.links
    qtbot.waitUntil(lambda: a in links.nodes, timeout=10_000)
    party = next(n for n in links.nodes if n[0] == "p" and n[1:].isdigit())
    name = links.network.labels[links.network.ids.index(party)]
    links.node_activated.emit(party)
    company = window.company
    qtbot.waitUntil(lambda: company.dock.isVisible() and bool(company.view.title.text()),
                    timeout=10_000)
    assert company.view.title.text() == name
