"""In zh-TW, the import wizard's report says why rows were refused and values kept as written
in Chinese (an impossible date, no declaration number, a weight in no known unit, a country or
port misspelt with the closest one in Chinese, a container failing its check digit), while the
report the import keeps stays in English (the command line, the logs, the database)."""

from __future__ import annotations

import re

from case_window import WAIT_MS, close_window, open_window
from test_zh_tw_complete import _english, zh  # noqa: F401 - zh: the fixture

from casedb.store import migrate
from casedb.store.database import Database
from tests.bad_rows import HEADER, REFUSED, WARNINGS, write_bad_rows

QUOTED = re.compile(r"'[^']*'")  # a value as written, quoted in a reason


def test_the_import_report_gives_its_reasons_in_chinese(qtbot, tmp_path, zh):  # noqa: F811
    from app.actions.importing import open_import_wizard

    db = Database(tmp_path / "cases.db", user="tester")
    migrate.upgrade(db)
    window = open_window(qtbot, db.sqlite_path, user="tester")
    try:
        flow = open_import_wizard(window, [str(write_bad_rows(tmp_path / "bad.csv"))])
        qtbot.addWidget(flow.wizard)
        flow.wizard.next()
        next_button = flow.wizard.button(flow.wizard.WizardButton.NextButton)
        qtbot.waitUntil(next_button.isEnabled, timeout=WAIT_MS)  # the preview, read in a job
        flow.wizard.next()
        run = flow.wizard.run_page
        qtbot.waitUntil(run.isComplete, timeout=30_000)
        report = run.report
        rows = [[report.item(r, c).text() for c in range(report.columnCount())]
                for r in range(report.rowCount())]
        assert len(rows) == len(REFUSED) + len(WARNINGS)
        found = {}
        for kind, _sheet, _row, column, _value, reason in rows:
            shown = [kind, reason.replace("Schedule", ""), column if column not in HEADER else ""]
            words = [w for text in shown for w in _english(QUOTED.sub("", text))]
            if words or not re.search(r"[\u4e00-\u9fff]", reason):
                found[reason] = words
        assert not found, found
        reasons = [r[5] for r in rows]
        assert "缺少報單號碼（也沒有可用來識別貨運的提單號碼）" in reasons
        assert "不明的國家 'Malaysai'（是否為「馬來西亞」？）" in reasons
        assert any("鹿特丹" in r and "已依原文保留" in r for r in reasons)
        assert "貨櫃號碼 MSCU1234567 的檢查碼 7 錯誤，應為 6" in reasons
        assert ["重量", "新報單缺少重量（毛重或淨重）"] in [r[3::2] for r in rows]
        status = run.status.text().replace("bad.csv", "")
        assert not _english(status), status
        kept = flow.reports[0].report  # what the import keeps: English as ever
        assert [(x.row, x.column, x.reason) for x in kept.refused] == REFUSED
        assert [(x.row, x.column, x.value, x.reason) for x in kept.warnings] == WARNINGS
    finally:
        close_window(window)
        db.dispose()
