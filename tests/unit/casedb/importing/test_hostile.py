"""Hostile files fail within seconds, in bounded memory, with a clear message."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from casedb.errors import ReadError
from casedb.importing.pipeline import preview_file
from casedb.importing.readers import read_workbook
from casedb.importing.safety import ReadLimits
from tests.writers import write_csv, write_xlsx


def test_zip_bomb_is_refused_fast(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(200):  # 200 MB of zeros compress to ~200 KB
                member.write(chunk)
    assert path.stat().st_size < 2_000_000
    t0 = time.monotonic()
    with pytest.raises(ReadError, match="zip bomb"):
        read_workbook(path)
    assert time.monotonic() - t0 < 2


def test_enormous_cell_is_refused(tmp_path):
    path = write_csv(tmp_path / "huge.csv", [["Declaration No.", "Goods Description"],
                                             ["A1", "x" * 100_000]])
    with pytest.raises(ReadError, match="too long|larger than field limit|malformed"):
        read_workbook(path)


def test_enormous_cell_in_xlsx_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "huge.xlsx", {"S": [["Declaration No.", "Goods"], ["A1", "y" * 32_000]]})
    with pytest.raises(ReadError, match="too long"):
        read_workbook(path, ReadLimits(max_cell_chars=10_000))


def test_random_bytes_named_xlsx(tmp_path):
    path = tmp_path / "random.xlsx"
    path.write_bytes(bytes(range(256)) * 100)
    with pytest.raises(ReadError, match="not a valid xlsx"):
        read_workbook(path)


def test_zip_that_is_not_a_workbook(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hello")
    path = tmp_path / "notbook.xlsx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ReadError, match="not a readable spreadsheet"):
        read_workbook(path)


def test_too_many_columns(tmp_path):
    path = write_csv(tmp_path / "wide.csv", [[f"c{i}" for i in range(50)]])
    with pytest.raises(ReadError, match="columns"):
        read_workbook(path, ReadLimits(max_columns=20))


def test_empty_and_undecodable(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match="empty"):
        read_workbook(empty)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50)  # undefined in cp1252, gibberish elsewhere
    with pytest.raises(ReadError, match="decode|recognisable"):
        preview_file(bad)
    utf16_no_bom = tmp_path / "utf16.csv"
    utf16_no_bom.write_bytes("Declaration No.,HS Code\nA1,3915\n".encode("utf-16-le"))
    (sheet,) = preview_file(utf16_no_bom).sheets  # recognised, not refused
    assert sheet.rows == [["A1", "3915"]]


def test_an_excel_binary_workbook_is_refused_in_a_sentence(tmp_path):
    """An xlsb's sheets are not measured before reading (see workbook_limits): it is refused."""
    path = tmp_path / "book.xlsb"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
        zf.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00")
    with pytest.raises(ReadError, match=r"xlsb\), which is not read; save it as xlsx"):
        read_workbook(path)
