"""Reading workbooks: several sheets read two at a time come back whole and in order; the limits
on what a workbook expands to refuse what exceeds them, and only that."""

from __future__ import annotations

import pytest

from casedb.errors import ReadError
from casedb.importing import readers
from tests.writers import write_xlsx


def test_sheets_read_side_by_side_come_back_in_the_workbook_order(tmp_path, monkeypatch):
    sheets = {f"S{k}": [["Declaration No.", "Gross Weight"]]
              + [[f"D{k}-{i}", f"{i} kg"] for i in range(300 * (k + 1))] for k in range(5)}
    path = write_xlsx(tmp_path / "five.xlsx", sheets)
    side_by_side = readers.read_workbook(path)
    monkeypatch.setattr(readers, "SHEET_READERS", 1)
    one_by_one = readers.read_workbook(path)
    assert [s.name for s in side_by_side] == ["S0", "S1", "S2", "S3", "S4"]
    assert [(s.name, s.rows) for s in side_by_side] == [(s.name, s.rows) for s in one_by_one]
    assert side_by_side[4].rows[-1] == ["D4-1499", "1499 kg"]
    assert [len(s.rows) for s in side_by_side] == [301, 601, 901, 1201, 1501]


def test_workbooks_as_writers_write_them_are_within_the_limits(tmp_path):
    """The limits measure what a sheet holds, not the markup around it: LibreOffice's ods ends a
    sheet with a million repeated empty rows, Excel keeps styled empty cells far to the right
    and openpyxl writes shared strings; each reads as it always did."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "S"
    ws.append(["Declaration No.", "Gross Weight"])
    ws.append(["D1", 5])
    ws.cell(row=3, column=16000).font = Font(bold=True)  # styled, empty: <c r="WOL3" s="1"/>
    xlsx = tmp_path / "styled.xlsx"
    wb.save(xlsx)
    assert [s.rows for s in readers.read_workbook(xlsx)] == [[["Declaration No.", "Gross Weight"],
                                                              ["D1", 5.0]]]
    ods = tmp_path / "libre.ods"
    _libreoffice_ods(ods)
    assert readers.read_workbook(ods)[0].rows == [["Declaration No.", "Gross Weight"],
                                                   ["D1", 5.0]]


def _libreoffice_ods(path):
    """An ods as LibreOffice Calc saves one: the used rows, then the rest of the sheet as one
    row repeated 1,048,574 times with 1,024 empty cells."""
    import zipfile

    ns = "urn:oasis:names:tc:opendocument:xmlns"
    cell = '<table:table-cell office:value-type="{t}"{v}><text:p>{x}</text:p></table:table-cell>'
    rows = ("<table:table-row>" + cell.format(t="string", v="", x="Declaration No.")
            + cell.format(t="string", v="", x="Gross Weight")
            + '<table:table-cell table:number-columns-repeated="1022"/></table:table-row>'
            "<table:table-row>" + cell.format(t="string", v="", x="D1")
            + cell.format(t="float", v=' office:value="5"', x="5")
            + '<table:table-cell table:number-columns-repeated="1022"/></table:table-row>'
            '<table:table-row table:number-rows-repeated="1048574">'
            '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="{ns}:'
            'manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
            '"text/xml"/></manifest:manifest>'))
        z.writestr("content.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{ns}'
            f':office:1.0" xmlns:table="{ns}:table:1.0" xmlns:text="{ns}:text:1.0" '
            'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">'
            '<table:table-column table:number-columns-repeated="1024"/>'
            f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"))


def test_the_cells_allowed_are_for_the_whole_workbook(tmp_path):
    sheets = {f"S{k}": [["Declaration No.", "Gross Weight"]] + [[f"D{i}", i] for i in range(99)]
              for k in range(3)}
    path = write_xlsx(tmp_path / "three.xlsx", sheets)
    assert len(readers.read_workbook(path, readers.ReadLimits(max_cells=600))) == 3
    with pytest.raises(ReadError, match="sheet 'S2' has 100 rows by 2 columns, more than the "
                                        "500 cells allowed"):
        readers.read_workbook(path, readers.ReadLimits(max_cells=500))


@pytest.mark.parametrize("cell", [
    '<c r="B2" t="s"><v>0</v></c>',  # as xlsxwriter and Excel write it
    '<c t="s" r="B2"><v>0</v></c>',  # the type first
    "<c r='B2' t='s'><v>0</v></c>",  # single quotes
    '<x:c r="B2" t="s"><x:v>0</x:v></x:c>',  # a prefix, as the Open XML SDK may write
])
def test_shared_strings_are_counted_however_the_cells_are_written(tmp_path, cell):
    from tests.unit.casedb.importing.test_hostile_limits import MAIN, write_raw_xlsx

    prefixed = cell.startswith("<x:")
    root = f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>' if prefixed else \
        f'<worksheet xmlns="{MAIN}"><sheetData>'
    end = "</x:sheetData></x:worksheet>" if prefixed else "</sheetData></worksheet>"
    row = (f'<x:row r="2">{cell}</x:row>' if prefixed else f'<row r="2">{cell}</row>') * 1
    path = write_raw_xlsx(tmp_path / "s.xlsx", [root, row * 40, end], ["y" * 1000])
    with pytest.raises(ReadError, match="bytes of text"):
        readers.read_workbook(path, readers.ReadLimits(max_text_bytes=30_000))
    assert readers.read_workbook(path, readers.ReadLimits(max_text_bytes=60_000))


@pytest.mark.parametrize("encoding, rows", [
    ("cp1252", [["Número de declaración", "Descripción mercancía", "Peso bruto (kg)"],
                ["2023-118-000123", "Desechos de plástico, señal Nº 5", "12.500"]]),
    ("cp950", [["報單號碼", "貨物名稱", "毛重(公斤)"], ["AW00001", "廢塑膠 大發公司", "1200"]]),
    ("gb18030", [["报关单号", "货物名称", "毛重(公斤)"], ["AW00001", "废塑料 进口", "1200"]]),
])
def test_a_text_file_without_a_mark_is_decoded_as_it_was_written(tmp_path, encoding, rows):
    """A Spanish DUA export in Windows-1252 had decoded as Big5 ("N鷐ero"): its bytes above 127
    stand alone and are letters, where Chinese ones come in pairs."""
    from tests.writers import write_csv

    path = write_csv(tmp_path / "export.csv", rows, encoding=encoding)
    assert readers.read_workbook(path)[0].rows == rows
