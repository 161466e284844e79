"""The alerts view on a real case database: a rule saved through its "New rule…" dialog, a file
imported (the import runs the rules) and published as the import flow does, the alerts shown
without anyone pressing anything, one marked reviewed, one opened."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from casedb.alerts import DETECTORS, list_alerts, list_watchlists, run_watchlists
from casedb.changes import ChangeSet
from casedb.importing.pipeline import import_file
from casedb.models import WATCH_KINDS
from casedb.store import migrate
from casedb.store.database import Database
from tests.gui.test_change_flow import HEADER, _regular, _ring
from tests.writers import write_csv, write_xlsx
from widgets import alerts_view

WAIT_MS = 30_000


@pytest.fixture
def window(qtbot, tmp_path):
    from app.main_window import MainWindow
    from app.settings import Settings

    db = Database(tmp_path / "cases.db", user="officer.chen")
    migrate.upgrade(db)
    import_file(db, write_csv(tmp_path / "regular.csv", [HEADER] + [_regular(i) for i in range(6)]))
    w = MainWindow(db, Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.jobs.cancel_all()
    assert w.jobs.wait(WAIT_MS)
    db.dispose()


def _shown(view) -> list[tuple[str, ...]]:
    return [tuple(view.table.item(r, c).text() for c in range(view.COLUMNS))
            for r in range(view.table.rowCount())]


def test_the_views_kinds_are_casedbs():
    assert alerts_view.KINDS == WATCH_KINDS
    assert alerts_view.DETECTORS == DETECTORS


def test_a_rule_saved_then_an_import_raises_alerts_shown_and_reviewed(qtbot, window, tmp_path):
    from app.actions.alerts import show_alerts

    actions = show_alerts(window)
    view = actions.view
    assert actions.dock.isVisible()
    qtbot.waitUntil(lambda: view.count.text() == "0 alert(s)", timeout=WAIT_MS)
    # 1. The rule, through the dialog: the declarations of HS 3915.90 (the ring's code).
    dialog = view.ask_rule()
    dialog.kind.setCurrentIndex(dialog.kind.findData("hs"))
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # no value yet
    dialog.value.setEditText("391590")
    dialog.name.setText("Ring code")
    save.click()
    qtbot.waitUntil(lambda: len(list_watchlists(window.db)) == 1, timeout=WAIT_MS)
    assert list_watchlists(window.db)[0]["kind"] == "hs"
    qtbot.waitUntil(lambda: not window.jobs.active(), timeout=WAIT_MS)
    assert view.table.rowCount() == 0  # the regular loads are 3915.10
    # 2. An import (the rules run after it, as the workstation has them run), published as the
    # import flow publishes it.
    report = import_file(window.db, write_xlsx(tmp_path / "ring.xlsx",
                                               {"Register": [HEADER] + _ring()}),
                         watch=run_watchlists)
    assert report.alerts == 11
    window.publish(ChangeSet.of_reports([report]))
    qtbot.waitUntil(lambda: view.table.rowCount() == 11, timeout=WAIT_MS)
    rows = _shown(view)
    assert {r[0] for r in rows} == {f"R{i:03d}" for i in range(11)}
    assert {r[2] for r in rows} == {"Ring code"} and {r[4] for r in rows} == {"new"}
    assert all(r[6] == "HS code 391590*" for r in rows), rows[0][6]
    # 3. The first one marked reviewed: it leaves the list of new alerts.
    view.table.selectRow(0)
    first = rows[0][0]
    assert view.reviewed.isEnabled()
    view.reviewed.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 10, timeout=WAIT_MS)
    assert first not in {r[0] for r in _shown(view)}
    stored = {a.declaration_no: a.status for a in list_alerts(window.db, status=None)}
    assert stored[first] == "reviewed" and list(stored.values()).count("new") == 10
    # ... and shows under Reviewed.
    view.status.setCurrentIndex(view.status.findData("reviewed"))
    qtbot.waitUntil(lambda: [r[0] for r in _shown(view)] == [first], timeout=WAIT_MS)
    assert _shown(view)[0][4] == "reviewed"


def test_an_alert_double_clicked_opens_its_declaration(qtbot, window, tmp_path):
    from app.actions.alerts import show_alerts
    from casedb.alerts import add_watchlist

    add_watchlist(window.db, "vessel", "NO SUCH SHIP")  # matches nothing
    add_watchlist(window.db, "route", "*>MYPKG")
    report = import_file(window.db, write_csv(tmp_path / "ring.csv", [HEADER] + _ring()),
                         watch=run_watchlists)
    view = show_alerts(window).view
    window.publish(ChangeSet.of_reports([report]))
    qtbot.waitUntil(lambda: view.table.rowCount() == 4, timeout=WAIT_MS)  # R000, 3, 6, 9
    assert {r[0] for r in _shown(view)} == {"R000", "R003", "R006", "R009"}
    row = next(i for i, r in enumerate(_shown(view)) if r[0] == "R003")
    with qtbot.waitSignal(view.declaration_open_requested) as opened:
        view.table.doubleClicked.emit(view.table.model().index(row, 0))
    assert opened.args == [view.rows[row][1]]
    manager = window.case_management
    qtbot.waitUntil(lambda: manager.evidence_view is not None
                    and manager.evidence_view.isVisible(), timeout=WAIT_MS)
    manager.evidence_view.close()


def test_the_alerts_view_and_its_dialog_read_in_chinese(qtbot, qapp):
    """zh-TW: the view's buttons, filter, headers and the new-rule dialog have no English."""
    from app import i18n
    from tests.gui.test_zh_tw_complete import _english, _walk

    translators = i18n.install(qapp, "zh_TW")
    try:
        view = alerts_view.AlertsView()
        qtbot.addWidget(view)
        dialog = view.ask_rule()
        dialog.kind.setCurrentIndex(dialog.kind.findData("route"))
        view.show_alerts("new", [])
        english = {**_walk(view), **_walk(dialog)}
        assert not english, english
        assert not _english(dialog.windowTitle()) and not _english(view.count.text())
        assert view.count.text() == "0 則警示"
        dialog.close()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
