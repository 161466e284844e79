"""Desktop conventions on a copy of the demo database: Ctrl+F opens the search, Ctrl+A and
Ctrl+C select and copy a table's rows, Undo is there and enabled once a case was changed, the
tables' context menus hold their actions, and every tab of the case panel can be reached at the
window's default size."""

from __future__ import annotations

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar

REF = TRUTH["cases"][0]


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    qtbot.waitUntil(lambda: not w.browser.cases.loading, timeout=WAIT_MS)
    yield w
    close_window(w)


def _action(window, text: str):
    return next(a for a in window.edit_menu.actions() if a.text().replace("&", "") == text)


def test_ctrl_f_opens_the_search_ready_for_typing(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window.browser.cases.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_actions.dock.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.search_actions.panel.box.hasFocus(), timeout=WAIT_MS)


def test_select_all_and_copy_take_the_focused_tables_rows(qtbot, window):
    view = window.browser.cases.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=WAIT_MS)
    _action(window, "Select all").trigger()
    rows = window.browser.cases.model.rowCount()
    assert len(window.browser.cases.selected_ids()) == rows
    _action(window, "Copy").trigger()
    lines = QApplication.clipboard().text().split("\n")
    assert len(lines) == rows and lines[0].split("\t")[0] == window.browser.cases.model.data(
        window.browser.cases.model.index(0, 0))


def test_undo_is_enabled_once_a_case_was_changed(qtbot, window):
    undo = _action(window, "Undo")
    assert not undo.isEnabled()
    open_case(qtbot, window, REF)
    form = window.case_management.edit_case()
    form.tags.setText("checked")
    form.accept()
    qtbot.waitUntil(undo.isEnabled, timeout=WAIT_MS)
    assert REF in undo.text()


def test_the_tables_context_menus_hold_their_actions(window):
    menu = window.browser.declarations.menu.build()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Show the row as written…", "Add to case…", "Search for this", "Copy"]
    menu = window.browser.cases.menu.build()
    assert [a.text() for a in menu.actions() if a.text()] == ["Open", "Search for this", "Copy"]


def test_every_case_tab_is_reachable_at_the_default_size(qtbot, window):
    assert window.size().width() >= 1200  # the default layout: no saved geometry
    open_case(qtbot, window, REF)
    tabs = window.case_view.tabs
    bar = tabs.findChild(QTabBar)
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        qtbot.wait(10)
        assert bar.tabRect(i).intersects(bar.rect()), tabs.tabText(i)
        assert tabs.currentWidget().isVisible()
