"""In zh-TW, no English word shows in the workstation's own texts: the main window with a case,
a company and search results open, its menus, and the dialogs of case management (new case,
edit case, add to case, merge, the row as written). Data (case titles, company names, file
names, table cells) is left out; codes in capitals and proper names are allowed."""

from __future__ import annotations

import re

import pytest
from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from app import i18n

WORD = re.compile(r"[A-Za-z]+")
TAG = re.compile(r"<[^>]+>|&[a-z]+;")  # rich text's markup and entities
ALLOWED = {"WasteIntel", "PostgreSQL", "Excel", "Admiralty", "Europol", "Natural", "Earth",
           "BACI", "Etalab", "searoute", "Apache", "Qt", "PySide", "pyqtgraph", "SQLAlchemy",
           "networkx", "calamine", "polars", "rapidfuzz", "reportlab", "pycountry", "psycopg",
           "libpq", "numpy", "scipy", "ruptures", "xlsxwriter", "alembic", "geopy", "PyYAML",
           "Pillow", "Python", "WenQuanYi", "Micro", "Hei", "Licence", "Louvain",
           "English",  # the language's own name in the language menu
           "Ctrl", "Shift", "Delete", "Enter"}  # keys as printed on the keyboard


def _english(text: str) -> list[str]:
    text = re.sub(r"&(?=\w)", "", TAG.sub(" ", text or ""))
    return [w for w in WORD.findall(text)  # codes in capitals (HS, B/L, SHA) pass
            if len(w) >= 3 and not w.isupper() and w not in ALLOWED]


def _data_label(label: QLabel) -> bool:
    """Labels that show data (a case's title, a company's name and facts, counts)."""
    return bool(label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse) \
        or label.property("data") is True


def _headers(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or getattr(view, "horizontalHeader", None) is None:
        return []
    return [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            for c in range(model.columnCount())]


def _texts(w: QWidget) -> list[str]:
    if isinstance(w, QLabel):
        return [] if _data_label(w) else [w.text()]
    if isinstance(w, QAbstractButton):
        return [w.text(), w.toolTip()]
    if isinstance(w, QLineEdit):
        return [w.placeholderText()]
    if isinstance(w, QTabWidget):
        return [w.tabText(i) for i in range(w.count())]
    if isinstance(w, QDockWidget):
        return [w.windowTitle()]
    if isinstance(w, QGroupBox):
        return [w.title()]
    if isinstance(w, QMenu):
        return [a.text() for a in w.actions()]
    if isinstance(w, QComboBox) and not w.isEditable():
        return [] if w.property("data") is True else [w.itemText(i) for i in range(w.count())]
    if isinstance(w, QAbstractItemView):
        return _headers(w)
    return []


def _walk(root: QWidget) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for w in [root, *root.findChildren(QWidget)]:
        for text in _texts(w):
            words = _english(text)
            if words:
                found.setdefault(f"{type(w).__name__} {w.objectName()}: {text!r}", words)
    return found


@pytest.fixture
def zh(qapp):
    translators = i18n.install(qapp, "zh_TW")
    assert i18n.active() == "zh-TW"
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def window(qtbot, demo_db, tmp_path, zh):
    w = open_window(qtbot, copy_demo(demo_db, tmp_path))
    yield w
    close_window(w)


def test_the_main_window_and_the_case_dialogs_show_no_english_in_zh_tw(qtbot, window):
    ref = TRUTH["cases"][0]
    window.analysis  # noqa: B018 - the analysis dock built
    open_case(qtbot, window, ref)
    view = window.case_view
    qtbot.waitUntil(lambda: view.sources_table.rowCount() > 0, timeout=WAIT_MS)
    tree = view.tabs.widget(2)
    window.company.open_party(tree.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole))
    qtbot.waitUntil(lambda: window.company.view.party is not None, timeout=WAIT_MS)
    window.find()
    window.search_actions.panel.search(ref)
    qtbot.waitUntil(lambda: window.search_actions.panel.table.rowCount() > 0, timeout=WAIT_MS)
    view.show_sources({})  # its declarations' rows: data
    view.evidence_requested.emit(view.case_file.declarations[0].id)
    qtbot.waitUntil(lambda: window.case_management.evidence_view is not None, timeout=WAIT_MS)
    dialogs = [window.case_management.new_case(), window.case_management.edit_case(),
               window.case_management.add_declarations([view.case_file.declarations[0].id]),
               window.case_management.merge_into_open_case(),
               window.case_management.evidence_view]
    found = _walk(window)
    for menu in window.menuBar().findChildren(QMenu):
        found.update(_walk(menu))
    for d in dialogs:
        found.update(_walk(d))
        d.close()
    assert not found, "\n".join(f"{k} -> {v}" for k, v in sorted(found.items()))


def test_entity_decisions_read_in_chinese_in_the_company_view(qtbot, zh):
    from widgets.company_view import CompanyView

    view = CompanyView()
    qtbot.addWidget(view)
    assert view._what("merged Harbour Metal Ltd into Harbour Metals Ltd") == \
        "已將 Harbour Metal Ltd 併入 Harbour Metals Ltd"
    assert view._what("split 'HARBOUR METALS' out as party 41") == \
        "已將 HARBOUR METALS 分拆為關係人 41"
    assert view._what("ABC Recycling (not the same party)") == "ABC Recycling（判定非同一關係人）"
