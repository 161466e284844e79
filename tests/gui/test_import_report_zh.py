"""In zh-TW, the import wizard's run page and the report it exports show no English word outside
the allow-list (test_zh_tw_complete) when a batch has refused files and refused rows: a file that
is no spreadsheet, a folder, and a declarations file with rows refused and values kept as
written. Each file's verdict, each line's kind and reason, the exported CSV's column names are
Chinese; only values as written (quoted), the file's own headers and file names are not. The
exported cells stay neutralised against formula injection (a file named "=junk.xlsx")."""

from __future__ import annotations

import csv
import re

from case_window import WAIT_MS, close_window, open_window
from PySide6.QtWidgets import QWidget
from test_zh_tw_complete import _english, _texts, zh  # noqa: F401 - zh: the fixture

from casedb.store import migrate
from casedb.store.database import Database
from tests.bad_rows import HEADER, REFUSED, WARNINGS, write_bad_rows

QUOTED = re.compile(r"'[^']*'")  # a value as written, quoted in a reason
CJK = re.compile(r"[\u4e00-\u9fff]")
FILES = ("bad.csv", "=junk.xlsx", "exports", "工作表 bad")  # "bad": the csv's one sheet
FORMATS = {"xlsx", "xls", "ods", "csv"}  # the file kinds read, as their names end


def _bare(text: str) -> str:
    """A text without what is data in it: file names, the file's own headers, quoted values."""
    for name in (*FILES, *HEADER):
        text = text.replace(name, "")
    return QUOTED.sub("", text.replace("Schedule", ""))  # Schedule D: the US port list's name


def _walk(root: QWidget) -> dict[str, list[str]]:
    """English words in every widget's own texts (test_zh_tw_complete._texts), data left out."""
    found = {}
    for w in [root, *root.findChildren(QWidget)]:
        for text in _texts(w):
            words = [x for x in _english(_bare(text)) if x not in FORMATS]
            if words:
                found[f"{type(w).__name__} {w.objectName()}: {text!r}"] = words
    return found


def _run(qtbot, window, paths):
    from app.actions.importing import open_import_wizard

    flow = open_import_wizard(window, [str(p) for p in paths])
    qtbot.addWidget(flow.wizard)
    flow.wizard.next()
    next_button = flow.wizard.button(flow.wizard.WizardButton.NextButton)
    qtbot.waitUntil(next_button.isEnabled, timeout=WAIT_MS)  # the preview, read in a job
    flow.wizard.next()
    qtbot.waitUntil(flow.wizard.run_page.isComplete, timeout=30_000)
    return flow


def test_refused_files_and_rows_read_in_chinese_in_the_wizard_and_its_export(qtbot, tmp_path,
                                                                              zh):  # noqa: F811
    db = Database(tmp_path / "cases.db", user="tester")
    migrate.upgrade(db)
    window = open_window(qtbot, db.sqlite_path, user="tester")
    try:
        junk = tmp_path / "=junk.xlsx"
        junk.write_bytes(b"garbage, not a workbook")
        (tmp_path / "exports").mkdir()
        flow = _run(qtbot, window, [write_bad_rows(tmp_path / "bad.csv"), junk,
                                    tmp_path / "exports"])
        run = flow.wizard.run_page
        # Every page: its own texts (buttons, labels, headers), each file's verdict ...
        found = _walk(flow.wizard)
        assert not found, "\n".join(f"{k} -> {v}" for k, v in sorted(found.items()))
        verdicts = run.status.text().splitlines()
        assert len(verdicts) == 3, verdicts
        assert "不是有效的 XLSX 檔案" in verdicts[1] and "無法讀取" in verdicts[1]
        assert "這是資料夾而非檔案；請指定其中的檔案" in verdicts[2]
        assert not [w for v in verdicts for w in _english(_bare(v))], verdicts
        # ... and each line of the report.
        report = run.report
        lines = [[report.item(r, c).text() for c in range(report.columnCount())]
                 for r in range(report.rowCount())]
        assert len(lines) == len(REFUSED) + len(WARNINGS)
        english = {x[5]: _english(_bare(" ".join((x[0], x[3], x[5])))) for x in lines}
        assert not any(english.values()), english

        out = tmp_path / "report.csv"
        flow.wizard.export_report_requested.emit(str(out))
        exported = list(csv.reader(out.open(encoding="utf-8-sig")))
        assert exported[0] == ["檔案", "類別", "工作表", "列", "欄位", "原始值", "原因"]
        body = exported[1:]
        assert len(body) == len(REFUSED) + len(WARNINGS) + 2
        assert ["'=junk.xlsx", "無法讀取", "", "", "", "", "不是有效的 XLSX 檔案"] in body
        assert ["exports", "無法讀取", "", "", "", "", "這是資料夾而非檔案；請指定其中的檔案"] in body
        kinds = sorted({line[1] for line in body})
        assert kinds == sorted({"拒收", "警示", "無法讀取"}), kinds
        for file, kind, _sheet, _row, column, _value, reason in body:
            assert CJK.search(reason), reason
            words = _english(_bare(" ".join((file.lstrip("'"), kind, column, reason))))
            assert not words, (reason, words)
        assert "缺少報單號碼（也沒有可用來識別貨運的提單號碼）" in [line[6] for line in body]
        kept = flow.reports[0].report  # what the import keeps: English as ever
        assert [(x.row, x.column, x.reason) for x in kept.refused] == REFUSED
    finally:
        close_window(window)
        db.dispose()


def test_a_party_that_is_gone_is_said_in_chinese(qtbot, tmp_path, zh):  # noqa: F811
    """casedb.parties' "no party" refusal (casedb.messages) in the status bar, as the workstation
    says every failed job: a company opened after it was merged away."""
    db = Database(tmp_path / "cases.db", user="tester")
    migrate.upgrade(db)
    window = open_window(qtbot, db.sqlite_path, user="tester")
    try:
        window.company.open_party(999_999)
        bar = window.statusBar()
        qtbot.waitUntil(lambda: "找不到關係人 999999" in bar.currentMessage(), timeout=WAIT_MS)
        assert "找不到關係人 999999；可能已併入另一關係人" in bar.currentMessage()
        assert "no party" not in bar.currentMessage()
    finally:
        close_window(window)
        db.dispose()
