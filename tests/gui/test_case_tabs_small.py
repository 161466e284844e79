"""The case panel's tabs on a small screen (a 1280x720 laptop, the window as large as it fits)
in English and in zh-TW, with the company view docked beside the case: every tab can be
reached (the bar scrolls to it) and shows its page."""

from __future__ import annotations

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtWidgets import QTabBar


@pytest.fixture(params=["en", "zh_TW"])
def window(request, qtbot, qapp, demo_db, tmp_path):
    from app import i18n

    translators = i18n.install(qapp, request.param)
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    yield w
    close_window(w)
    for t in translators:
        qapp.removeTranslator(t)


def test_every_case_tab_is_reachable_in_a_small_window(qtbot, window):
    ref = TRUTH["cases"][0]
    open_case(qtbot, window, ref)
    tree = window.case_view.tabs.widget(2)  # a company opened too: its dock beside the case's
    window.company.open_party(tree.topLevelItem(0).data(0, 0x0100))
    qtbot.waitUntil(lambda: window.company.view.party is not None, timeout=WAIT_MS)
    window.case_dock.raise_()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() <= 1280 and window.height() <= 720, timeout=WAIT_MS)
    tabs = window.case_view.tabs
    bar = tabs.findChild(QTabBar)
    assert tabs.count() == 8
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        qtbot.wait(10)
        rect = bar.tabRect(i)
        assert rect.intersects(bar.rect()) and rect.width() > 20, tabs.tabText(i)
        assert tabs.currentWidget().isVisible()
        assert tabs.currentWidget().height() > 100, tabs.tabText(i)  # a page, not a sliver
