"""Clicking a route in the route chart lists its declarations in the browser."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_clicking_a_route_filters_the_declarations_browser(qtbot, window):
    panel = window.analysis
    qtbot.waitUntil(lambda: panel.routes.table is not None and panel.routes.key.count() > 0,
                    timeout=20_000)
    row = next(i for i in range(panel.routes.key.count())
               if "???" not in panel.routes.key.item(i).data(Qt.ItemDataRole.UserRole))
    item = panel.routes.key.item(row)
    route = item.data(Qt.ItemDataRole.UserRole)
    rect = panel.routes.key.visualItemRect(item)
    qtbot.mouseClick(panel.routes.key.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.browser.tabs.currentIndex() == 1
    assert window.browser.country.text() == route
    assert window.browser.hs.text() == "3915"
    qtbot.waitUntil(lambda: window.browser.filters()["country"] == route, timeout=5000)
