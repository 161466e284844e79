"""Why a whole file was not imported (the readers and their limits) reads in Traditional Chinese
from the English the batch keeps: a folder, an empty file, a file that is no spreadsheet, a
damaged zip, a zip bomb, a sheet past the row, column and cell limits, a sparse sheet, a trade
statistics sheet. The English is as the readers have always said it."""

from __future__ import annotations

import re
import zipfile

import pytest

from casedb.errors import ReadError
from casedb.importing import reasons
from casedb.importing.batch import UNREADABLE, import_batch
from casedb.importing.readers import read_workbook
from casedb.importing.safety import ReadLimits
from tests.writers import write_csv, write_ods, write_xls, write_xlsx

CJK = re.compile(r"[\u4e00-\u9fff]")


def _english(said: str) -> list[str]:
    """English words outside quoted values (a sheet's name) and codes in capitals (XLSX, ZIP)."""
    bare = re.sub(r"'[^']*'", "", said)
    return [w for w in re.findall(r"[A-Za-z]{2,}", bare) if not w.isupper()]


def _refused(path, limits: ReadLimits | None = None) -> str:
    with pytest.raises(ReadError) as refused:
        read_workbook(path, limits) if limits else read_workbook(path)
    return refused.value.reason


def _zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", b"<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * 30_000_000)
    return path


def _cases(tmp_path):
    rows = [["Declaration No.", "Date", "Weight"], *[[f"D{i}", "2024-01-02", i] for i in range(9)]]
    wide = [[f"c{i}" for i in range(12)], ["x"] * 12]
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"garbage, not a workbook")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "folder.xlsx").mkdir()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(write_xlsx(tmp_path / "whole.xlsx", {"S": rows}).read_bytes()[:400])
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"a,b\n1,\0\n")
    few = ReadLimits(max_rows=5)
    narrow = ReadLimits(max_columns=10)
    sparse = [["x"] + [None] * 40, *[[None] * 41 for _ in range(60)], [None] * 40 + ["y"]]
    doctype = tmp_path / "doctype.xml"
    doctype.write_text('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                       '<!DOCTYPE Workbook [<!ENTITY a "b">]>\n<Workbook xmlns="urn:schemas-'
                       'microsoft-com:office:spreadsheet"></Workbook>\n')
    page = tmp_path / "page.xls"  # a web page saved as .xls, with no table in it
    page.write_text("<html><head><title>Report</title></head><body><p>none</p></body></html>")
    return [
        (doctype, None, "含文件類型宣告的 XML 活頁簿"),
        (page, None, "這是沒有表格的 HTML 網頁，不是試算表"),
        (tmp_path / "folder.xlsx", None, "這是資料夾而非檔案；請指定其中的檔案"),
        (tmp_path / "empty.csv", None, "檔案是空的"),
        (junk, None, "不是有效的 XLSX 檔案"),
        (nul, None, "不是文字檔（含有 NUL 位元組）"),
        (truncated, None, "不是有效的試算表：ZIP 壓縮檔損毀或不完整"),
        (_zip_bomb(tmp_path / "bomb.xlsx"), None, "（ZIP 炸彈）"),
        (write_xlsx(tmp_path / "long.xlsx", {"Decl": rows}), few,
         "工作表 'Decl' 有 10 列，超過上限 5 列"),
        (write_ods(tmp_path / "long.ods", {"Decl": rows}), few, "超過上限 5 列"),
        (write_xls(tmp_path / "long.xls", {"Decl": rows}), few, "工作表 'Decl'"),
        (write_csv(tmp_path / "long.csv", rows), few, "工作表 'long' 超過 5 列"),
        (write_xlsx(tmp_path / "wide.xlsx", {"W": wide}), narrow, "超過上限 10 欄"),
        (write_xlsx(tmp_path / "sparse.xlsx", {"S": sparse}),
         ReadLimits(max_sparse_cells=100, max_cells_per_value=20), "過於稀疏，無法安全讀取"),
    ]


def test_each_file_refused_by_a_reader_reads_in_chinese(tmp_path):
    for path, limits, expected in _cases(tmp_path):
        english = _refused(path, limits)
        assert reasons.parse(english) is not None, english  # a template matches it
        said = reasons.text(english, "zh-TW")
        assert expected in said, (english, said)
        values = reasons.parse(english)[1]  # what zipfile said, a part's name: as written
        bare = re.sub("|".join(re.escape(values[k]) for k in ("detail", "part") if k in values)
                      or "^$", "", said)
        assert CJK.search(said) and not _english(bare), (english, said)
        assert reasons.text(english, "en") == english


def test_a_batch_says_why_each_file_was_not_imported_in_chinese(sqlite_db, tmp_path):
    rows = [["Reporter", "Partner", "Year", "Trade Value"], ["TWN", "MYS", 2023, 1]]
    trade = write_csv(tmp_path / "trade.csv", rows)
    folder = tmp_path / "exports"
    folder.mkdir()
    outcomes = import_batch(sqlite_db, [folder, trade])
    assert [o.status for o in outcomes] == [UNREADABLE, "not declarations"]
    assert outcomes[0].reason == "is a folder, not a file; name the files in it"
    said = [reasons.text(o.reason, "zh-TW") for o in outcomes]
    assert said[0] == "這是資料夾而非檔案；請指定其中的檔案"
    assert said[1].startswith("看來是貿易統計資料而非報單"), said[1]
