"""The workstation on the demo database, driven through its real widgets."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from casedb.store.audit import entries

TRUTH = json.loads((Path(__file__).resolve().parents[2] / "resources" / "demo" / "truth.json")
                   .read_text("utf-8"))


def _search(qtbot, window, text: str) -> list[str]:
    window.browser.search.setText(text)
    with qtbot.waitSignal(window.browser.cases.count_changed, timeout=3000):
        pass
    model = window.browser.cases.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_opens_on_the_demo_database_and_closes(qtbot, window):
    assert window.browser.cases.model.rowCount() == len(TRUTH["cases"])
    assert window.browser.declarations.model.rowCount() == 0  # queried when first shown
    window.browser.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.browser.declarations.model.rowCount() > 2000, timeout=10_000)
    assert "demo.db" in window.status_db.text()
    assert window.windowIcon().availableSizes()  # the application icon
    tools = [a.text() for a in window.toolbar.actions()]
    assert any("Import" in t for t in tools) and any("dossier" in t for t in tools)
    assert window.close()


def test_search_a_party_by_a_misspelt_name_finds_its_cases(qtbot, window):
    variants = TRUTH["name_variants"][0]
    found = _search(qtbot, window, "ABC Recyclng")  # misspelt
    assert set(variants["cases"]) <= set(found)
    assert len(found) < 10


def test_search_by_container_and_sorting_in_sql(qtbot, window):
    found = _search(qtbot, window, "TWKHH-2019")
    assert found and all(ref.startswith("TWKHH-2019") for ref in found)
    with qtbot.waitSignal(window.browser.cases.count_changed, timeout=3000):
        window.browser.search.clear()
    with qtbot.waitSignal(window.browser.cases.count_changed, timeout=3000):
        window.browser.cases.view.horizontalHeader().sectionClicked.emit(0)  # sort descending
    model = window.browser.cases.model
    first = model.data(model.index(0, 0))
    assert first == max(TRUTH["cases"])


def test_open_a_case_and_follow_a_linked_case(qtbot, window):
    a, b = TRUTH["linked_pairs"][0]["cases"]
    window.open_case(a)
    assert window.case_view.case_ref == a
    table = window.case_view.linked_table
    refs = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert b in refs
    row = refs.index(b)
    with qtbot.waitSignal(window.case_view.open_case_requested) as sig:
        table.cellDoubleClicked.emit(row, 0)
    assert sig.args == [b]
    assert window.case_view.case_ref == b


def test_double_click_in_the_case_table_opens_the_case(qtbot, window):
    view = window.browser.cases.view
    index = window.browser.cases.model.index(2, 0)
    ref = window.browser.cases.model.data(index)
    view.scrollTo(index)
    rect = view.visualRect(index)
    # A real double click: press and release, then the double-click event.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.case_view.case_ref == ref, timeout=3000)


def test_add_a_note_is_audited(qtbot, window):
    ref = TRUTH["cases"][0]
    window.open_case(ref)
    window.case_view.note_edit.setPlainText("Shell companies share a phone; ask MY Customs.")
    window.case_view._on_add_clicked()  # written in a job, then the case reloads

    def audited():
        with window.db.read() as s:
            return [e for e in entries(s, entity="note")
                    if e.new_value.startswith("Shell companies")]

    qtbot.waitUntil(lambda: len(audited()) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: any("Shell companies" in n.body
                                for n in window.case_view._note_records.values()),
                    timeout=10_000)


def test_recent_databases_language_and_dark_theme(window, qapp):
    from PySide6.QtGui import QPalette

    from app import theme
    from app.settings import LANGUAGE, Settings

    Settings().remember_database("postgresql://team@cases.example/wasteintel")
    window._fill_recent_menu()
    urls = [a.text() for a in window.recent_menu.actions()]
    assert urls[0] == "postgresql://team@cases.example/wasteintel"
    chinese = next(a for a in window.language_menu.actions() if a.data() == "zh_TW")
    chinese.trigger()
    assert Settings().get(LANGUAGE) == "zh_TW"
    assert "next starts" in window.statusBar().currentMessage()
    try:
        assert theme.apply(qapp, dark=True)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert not theme.apply(qapp, dark=False)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
    finally:
        theme.apply(qapp, dark=False)


def test_filters_by_date_country_and_port(qtbot, window):
    import datetime as dt

    from PySide6.QtCore import QDate
    from sqlalchemy import select

    from casedb.models import Case, Declaration, Seizure

    browser = window.browser
    with qtbot.waitSignal(browser.cases.count_changed, timeout=5000):
        browser.country.setText("Malaysia")
        browser.port.setText("Port Klang")
        browser.since.setDate(QDate(2019, 1, 1))
        browser.until.setDate(QDate(2019, 12, 31))
    model = browser.cases.model
    shown = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    with window.db.read() as s:
        expected = set(s.scalars(select(Case.case_ref).join(Seizure).join(
            Declaration, Declaration.id == Seizure.declaration_id).where(
            Declaration.declaration_date.between(dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
            (Declaration.country_of_destination == "MYS")
            | (Declaration.country_of_export == "MYS"),
            (Declaration.port_of_discharge == "MYPKG") | (Declaration.port_of_loading == "MYPKG")
            | (Declaration.port_of_transshipment == "MYPKG"))))
    assert shown == expected and 0 < len(shown) < len(TRUTH["cases"])


def test_export_the_filtered_table(qtbot, window, tmp_path):
    import csv

    from app.actions.tables import export_current_table

    found = _search(qtbot, window, "TWKHH-2019")
    out = tmp_path / "cases.csv"
    with qtbot.waitSignal(export_current_table(window, str(out)).signals.succeeded, timeout=10_000):
        pass
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert [r[0] for r in rows[1:]] == found


def test_case_statuses_read_in_the_chosen_language(qtbot, window, qapp):
    from PySide6.QtCore import QCoreApplication

    from app import i18n

    model = window.browser.cases.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    status = model.index(0, 2)
    assert model.data(status) == "Open"  # the demo's cases are all open: in words
    translators = i18n.install(qapp, "zh_TW")
    try:
        shown = model.data(status)
        assert QCoreApplication.translate("MainWindow", "en") == "zh-TW"
        assert shown == "新案"  # casedb.cases.status's word, as the CLI and dossier say it
    finally:
        for t in translators:
            qapp.removeTranslator(t)
