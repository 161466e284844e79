"""The case browser says how many rows the shown table found: its cases, or its declarations
when that tab is shown, with thousands separators, in English and in zh-TW; a filter changes
the number."""

from __future__ import annotations

from case_window import WAIT_MS, close_window, copy_demo, open_window
from sqlalchemy import func, select
from test_zh_tw_complete import zh  # noqa: F401 - the fixture

from casedb.models import Case, Declaration


def _totals(db) -> tuple[int, int]:
    with db.read() as s:
        return (s.scalar(select(func.count()).select_from(Case)),
                s.scalar(select(func.count()).select_from(Declaration)))


def _counted(qtbot, browser, text: str) -> None:
    qtbot.waitUntil(lambda: browser.count.text() == text, timeout=WAIT_MS)


def test_the_count_follows_the_tab_and_the_filters(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, copy_demo(demo_db, tmp_path))
    try:
        browser = window.browser
        cases, declarations = _totals(window.db)
        assert declarations >= 1000  # the separator is there to be seen
        _counted(qtbot, browser, f"{cases:,} case(s)")
        browser.tabs.setCurrentIndex(1)
        _counted(qtbot, browser, f"{declarations:,} declaration(s)")
        assert "," in browser.count.text()
        browser.hs.setText("3915")
        qtbot.waitUntil(lambda: not browser.declarations.loading
                        and browser.count.text() != f"{declarations:,} declaration(s)",
                        timeout=WAIT_MS)
        shown = browser.declarations.model.rowCount()
        assert 0 < shown < declarations
        assert browser.count.text() == f"{shown:,} declaration(s)"
        browser.tabs.setCurrentIndex(0)  # the cases' own number, re-queried with the filter
        qtbot.waitUntil(lambda: not browser.cases.loading and browser.count.text()
                        == f"{browser.cases.model.rowCount():,} case(s)", timeout=WAIT_MS)
    finally:
        close_window(window)


def test_the_count_reads_in_chinese(qtbot, demo_db, tmp_path, zh):  # noqa: F811
    window = open_window(qtbot, copy_demo(demo_db, tmp_path))
    try:
        browser = window.browser
        cases, declarations = _totals(window.db)
        _counted(qtbot, browser, f"{cases:,} 件案件")
        browser.tabs.setCurrentIndex(1)
        _counted(qtbot, browser, f"{declarations:,} 筆報單")
    finally:
        close_window(window)
