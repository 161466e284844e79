"""Risk in the declarations browser: the scores computed from the menu (View > Compute risk
scores, the risk engine in a job) on a real database holding a planted split-shipment ring, the
table sorted by risk in SQL (the ring first, the reason as the score's tooltip) and filtered by
"Risk ≥"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from casedb.importing.pipeline import import_file
from casedb.risk import stored_scores
from casedb.store import migrate
from casedb.store.database import Database
from tests.gui.test_change_flow import HEADER, _regular, _ring
from tests.writers import write_csv

WAIT_MS = 60_000
RISK = 1  # the Risk column


@pytest.fixture
def window(qtbot, tmp_path):
    from app.main_window import MainWindow
    from app.settings import Settings

    db = Database(tmp_path / "cases.db", user="officer.chen")
    migrate.upgrade(db)
    import_file(db, write_csv(tmp_path / "all.csv",
                              [HEADER] + [_regular(i) for i in range(6)] + _ring()))
    w = MainWindow(db, Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.browser.tabs.setCurrentIndex(1)
    yield w
    w.jobs.cancel_all()
    assert w.jobs.wait(WAIT_MS)
    db.dispose()


def _column(table, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    model = table.model
    return [model.data(model.index(r, column), role) for r in range(model.rowCount())]


def _reloaded(qtbot, table) -> None:
    qtbot.waitUntil(lambda: not table.loading, timeout=WAIT_MS)


def test_declarations_sorted_and_filtered_by_the_computed_risk(qtbot, window):
    table = window.browser.declarations
    _reloaded(qtbot, table)
    assert table.model.rowCount() == 17
    assert set(_column(table, RISK)) == {""}  # no score computed yet
    compute = next(a for a in window.findChildren(QAction)
                   if a.text() == "Compute risk &scores")
    compute.trigger()
    qtbot.waitUntil(lambda: bool(stored_scores(window.db)), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Risk scores computed" in window.statusBar().currentMessage(),
                    timeout=WAIT_MS)
    _reloaded(qtbot, table)
    scored = {s["declaration_no"]: s for s in stored_scores(window.db)}
    ring = {f"R{i:03d}" for i in range(11)}
    assert ring <= set(scored), sorted(scored)  # the planted ring is scored
    # Sorted by risk, riskiest first (a second click on the header: descending).
    header = table.view.horizontalHeader()
    header.sectionClicked.emit(RISK)
    _reloaded(qtbot, table)
    assert _column(table, 0)[0] in {f"B{i:03d}" for i in range(6)} - set(scored)
    header.sectionClicked.emit(RISK)
    _reloaded(qtbot, table)
    numbers = _column(table, 0)
    assert set(numbers[:len(scored)]) == set(scored)
    shown = [float(v) for v in _column(table, RISK)[:len(scored)]]
    assert shown == sorted(shown, reverse=True) and shown[0] > 0
    assert numbers[0] in ring
    tip = _column(table, RISK, Qt.ItemDataRole.ToolTipRole)[0]
    assert tip == scored[numbers[0]]["signals"][0]["reason"]
    assert tip.startswith("split shipment (scatter-gather): 11 declarations")
    assert _column(table, RISK, Qt.ItemDataRole.ToolTipRole)[-1] is None  # unscored: no tip
    # "Risk ≥": only the declarations scored at least that much.
    floor = min(s["score"] for s in scored.values() if s["declaration_no"] in ring)
    window.browser.min_risk.setValue(floor - 0.005)
    qtbot.waitUntil(lambda: table.model.rowCount() < 17, timeout=WAIT_MS)
    _reloaded(qtbot, table)
    kept = set(_column(table, 0))
    assert ring <= kept
    assert kept == {no for no, s in scored.items() if s["score"] >= floor - 0.005}
    window.browser.min_risk.setValue(round(floor + 0.05, 2))  # above every score: none
    qtbot.waitUntil(lambda: table.model.rowCount() == 0, timeout=WAIT_MS)
    window.browser.min_risk.setValue(0)  # "Any risk": everything again
    qtbot.waitUntil(lambda: table.model.rowCount() == 17, timeout=WAIT_MS)
