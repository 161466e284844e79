"""HTML tables and SpreadsheetML 2003 workbooks saved as .xls, written as the exporters that
make them write them, are read as the tables they are; told by content, not by name."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from casedb.errors import ReadError
from casedb.importing.pipeline import import_file
from casedb.importing.readers import is_text_file, read_workbook
from casedb.importing.safety import ReadLimits
from casedb.models import Declaration

# Excel's "Save as Web Page" (.htm/.xls), as Excel 2010-2019 writes it: Windows-1252 declared
# in a meta, conditional comments holding the workbook XML, numbers shown formatted with the
# value itself in x:num, &nbsp; in empty cells, a title row spanning the table.
EXCEL_WEB_PAGE = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<link rel=File-List href="export_files/filelist.xml">
<style id="export_29435_Styles">
<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
.xl65
	{mso-number-format:"\\#\\,\\#\\#0";}
-->
</style>
<!--[if gte mso 9]><xml>
 <x:ExcelWorkbook>
  <x:ExcelWorksheets>
   <x:ExcelWorksheet>
    <x:Name>Seizures</x:Name>
   </x:ExcelWorksheet>
  </x:ExcelWorksheets>
 </x:ExcelWorkbook>
</xml><![endif]-->
</head>

<body link="#0563C1" vlink="#954F72">
<div id="export_29435" align=center x:publishsource="Excel">

<table border=0 cellpadding=0 cellspacing=0 width=640 style='border-collapse:
 collapse;table-layout:fixed;width:480pt'>
 <col width=64 span=5 style='width:48pt'>
 <tr height=20 style='height:15.0pt'>
  <td colspan=5 height=20 class=xl66 width=320 style='height:15.0pt;width:240pt'>Seizure
  register &#8211; Port Klang</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 style='height:15.0pt'>Declaration No.</td>
  <td>Declaration Date</td>
  <td>HS Code</td>
  <td>Gross Weight (kg)</td>
  <td>Shipper</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 style='height:15.0pt'>K0000001</td>
  <td class=xl67 x:num="44928">2023-01-02</td>
  <td x:num>391510</td>
  <td class=xl65 align=right x:num="12500.4">12,500</td>
  <td>Caf&eacute; Plastics &amp; Co.</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 style='height:15.0pt'>K0000002</td>
  <td>2023-01-03</td>
  <td x:num>391590</td>
  <td class=xl65 align=right x:num="8000">8,000</td>
  <td>&nbsp;</td>
 </tr>
</table>
</div>
</body>
</html>
"""

# A web application's "Export to Excel": UTF-16 with a byte-order mark (as .NET's
# Response.ContentEncoding = Unicode writes it), <th> headers, items spanning their declaration.
WEB_APP_EXPORT = """<html><head><meta charset="utf-16"><title>報單匯出</title></head>
<body><table border="1">
<thead><tr><th>報單號碼</th><th>報單日期</th><th>項次</th><th>貨物名稱</th><th>毛重(公斤)</th></tr></thead>
<tbody>
<tr><td rowspan="2">AA/12/345/67890</td><td rowspan="2">2023/05/04</td><td>1</td>
<td>廢塑膠<br>PE 碎片</td><td>1200</td></tr>
<tr><td>2</td><td>廢塑膠 &lt;PP&gt;</td><td>800</td></tr>
</tbody></table></body></html>
"""

# SpreadsheetML 2003 as Excel 2003 saves "XML Spreadsheet" (and reporting tools still write).
SPREADSHEETML = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">
  <Author>customs</Author>
 </DocumentProperties>
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style>
  <Style ss:ID="s62"><NumberFormat ss:Format="Short Date"/></Style>
 </Styles>
 <Worksheet ss:Name="Declarations">
  <Table ss:ExpandedColumnCount="5" ss:ExpandedRowCount="5" x:FullColumns="1" x:FullRows="1">
   <Row>
    <Cell ss:MergeAcross="4"><Data ss:Type="String">Export of 2023-01</Data></Cell>
   </Row>
   <Row ss:Index="3">
    <Cell><Data ss:Type="String">Declaration No.</Data></Cell>
    <Cell><Data ss:Type="String">Declaration Date</Data></Cell>
    <Cell><Data ss:Type="String">HS Code</Data></Cell>
    <Cell><Data ss:Type="String">Gross Weight (kg)</Data></Cell>
    <Cell><Data ss:Type="String">Shipper</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="String">X0000001</Data></Cell>
    <Cell ss:StyleID="s62"><Data ss:Type="DateTime">2023-01-02T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="Number">391510</Data></Cell>
    <Cell><Data ss:Type="Number">12500.5</Data></Cell>
    <Cell><Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Green</B> Recycling Sdn Bhd</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="String">X0000002</Data></Cell>
    <Cell ss:StyleID="s62"><Data ss:Type="DateTime">2023-01-03T00:00:00.000</Data></Cell>
    <Cell ss:Index="4"><Data ss:Type="Number">900</Data></Cell>
   </Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="Empty">
  <Table ss:ExpandedColumnCount="1" ss:ExpandedRowCount="1"/>
 </Worksheet>
</Workbook>
"""


def test_an_excel_web_page_saved_as_xls_is_read_as_its_table(tmp_path):
    path = tmp_path / "seizures.xls"
    path.write_bytes(EXCEL_WEB_PAGE.encode("cp1252"))
    assert not is_text_file(path)
    (sheet,) = read_workbook(path)
    assert sheet.name == "seizures"
    assert sheet.rows[0] == ["Seizure register \u2013 Port Klang", None, None, None, None]
    assert sheet.rows[1] == ["Declaration No.", "Declaration Date", "HS Code",
                             "Gross Weight (kg)", "Shipper"]
    # The value Excel holds where it shows a number rounded; a date shown as a date stays so.
    assert sheet.rows[2] == ["K0000001", "2023-01-02", "391510", "12500.4",
                             "Café Plastics & Co."]
    assert sheet.rows[3] == ["K0000002", "2023-01-03", "391590", "8000", None]


def test_a_utf16_web_export_spans_its_items_and_keeps_line_breaks(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes(WEB_APP_EXPORT.encode("utf-16"))  # with its byte-order mark
    (sheet,) = read_workbook(path)
    assert sheet.rows == [
        ["報單號碼", "報單日期", "項次", "貨物名稱", "毛重(公斤)"],
        ["AA/12/345/67890", "2023/05/04", "1", "廢塑膠\nPE 碎片", "1200"],
        ["AA/12/345/67890", "2023/05/04", "2", "廢塑膠 <PP>", "800"],
    ]


def test_the_charset_a_page_declares_is_used(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">'
            "</head><body><table><tr><td>報單號碼</td><td>貨物名稱</td></tr>"
            "<tr><td>AB12</td><td>廢紙</td></tr></table></body></html>")
    path = tmp_path / "big5.xls"
    path.write_bytes(page.encode("big5"))
    (sheet,) = read_workbook(path)
    assert sheet.rows == [["報單號碼", "貨物名稱"], ["AB12", "廢紙"]]


def test_a_bare_table_in_latin1_below_a_report_line_is_a_page(tmp_path):
    """As a PHP system writes its "Excel" export (Content-Type: application/vnd.ms-excel): a
    line of text, then a bare <table> with no <html> around it and no charset, in Latin-1."""
    page = ("Reporte generado el 04/05/2023<br>\r\n<table border='1'>\r\n"
            "<tr><th>N\u00famero de declaraci\u00f3n</th><th>Fecha</th>"
            "<th>Descripci\u00f3n mercanc\u00eda</th></tr>\r\n"
            "<tr><td>2023-118-000123</td><td>04/05/2023</td><td>Desechos de pl\u00e1stico"
            "</td></tr>\r\n</table>")
    path = tmp_path / "dua.xls"
    path.write_bytes(page.encode("latin-1"))
    assert not is_text_file(path)
    (sheet,) = read_workbook(path)
    assert sheet.rows == [["N\u00famero de declaraci\u00f3n", "Fecha",
                           "Descripci\u00f3n mercanc\u00eda"],
                          ["2023-118-000123", "04/05/2023", "Desechos de pl\u00e1stico"]]


def test_several_tables_are_several_sheets_named_by_their_captions(tmp_path):
    page = ("<table><caption>Imports</caption><tr><td>a</td></tr></table>"
            "<p>between</p><table><tr><td>b</td></tr></table><table></table>")
    path = tmp_path / "two.xls"
    path.write_text(page, encoding="utf-8")
    sheets = read_workbook(path)
    assert [(s.name, s.rows) for s in sheets] == [("Imports", [["a"]]), ("Table 2", [["b"]])]


@pytest.mark.parametrize("page", [
    "<html><head><title>Session expired</title></head><body><h1>Please log in</h1></body></html>",
    "<!DOCTYPE html>\n<html><body><p>No records found.</p></body></html>",
])
def test_a_page_without_a_table_says_so_naming_the_file(tmp_path, page):
    path = tmp_path / "banner.xls"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_workbook(path)
    assert "banner.xls" in str(err.value) and "an HTML page without a table" in str(err.value)
    assert "\n" not in str(err.value)


def test_a_spreadsheetml_2003_workbook_is_read_with_its_types(tmp_path):
    path = tmp_path / "declarations.xls"
    path.write_text(SPREADSHEETML, encoding="utf-8")
    assert not is_text_file(path)
    sheets = read_workbook(path)
    assert [s.name for s in sheets] == ["Declarations", "Empty"]
    rows = sheets[0].rows
    assert rows[0] == ["Export of 2023-01", None, None, None, None]
    assert not rows[1]  # the row ss:Index skipped
    assert rows[3] == ["X0000001", dt.date(2023, 1, 2), 391510.0, 12500.5,
                       "Green Recycling Sdn Bhd"]
    assert rows[4] == ["X0000002", dt.date(2023, 1, 3), None, 900.0]
    assert sheets[1].rows == []


def test_spreadsheetml_with_an_entity_declaration_is_refused(tmp_path):
    path = tmp_path / "laughs.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa">]>'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>')
    with pytest.raises(ReadError, match="document type declaration"):
        read_workbook(path)


@pytest.mark.parametrize("kind", ["html", "spreadsheetml"])
def test_markup_is_held_to_the_limits(tmp_path, kind):
    if kind == "html":
        text = "<table>" + "<tr><td>x</td><td>y</td><td>z</td></tr>" * 30 + "</table>"
    else:
        row = '<Row><Cell><Data ss:Type="String">x</Data></Cell></Row>'
        text = ('<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A">'
                f"<Table>{row * 30}</Table></Worksheet></Workbook>")
    path = tmp_path / f"{kind}.xls"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReadError, match="rows"):
        read_workbook(path, ReadLimits(max_rows=20))
    with pytest.raises(ReadError, match="cells"):
        read_workbook(path, ReadLimits(max_cells=25))
    assert len(read_workbook(path)[0].rows) == 30


def test_a_csv_named_xls_is_still_read_as_text(tmp_path):
    path = tmp_path / "tabs.xls"
    path.write_text("Declaration No.\tShipper\nA1\t<b>x</b>\n", encoding="utf-8")
    assert is_text_file(path)
    assert read_workbook(path)[0].rows == [["Declaration No.", "Shipper"], ["A1", "<b>x</b>"]]


def test_a_spreadsheetml_workbook_imports_like_a_workbook(db, tmp_path):
    path = tmp_path / "declarations.xls"
    path.write_text(SPREADSHEETML, encoding="utf-8")
    report = import_file(db, path)
    assert report.imported == 2
    with db.read() as s:
        stored = {d.declaration_no: (d.declaration_date, d.gross_weight_kg)
                  for d in s.scalars(select(Declaration))}
    assert stored == {"X0000001": (dt.date(2023, 1, 2), pytest.approx(12500.5)),
                      "X0000002": (dt.date(2023, 1, 3), pytest.approx(900))}


def test_an_html_table_imports_like_a_workbook(db, tmp_path):
    path = tmp_path / "seizures.xls"
    path.write_bytes(EXCEL_WEB_PAGE.encode("cp1252"))
    report = import_file(db, path)
    assert report.imported == 2
    with db.read() as s:
        weights = dict(s.execute(select(Declaration.declaration_no,
                                        Declaration.gross_weight_kg)).all())
    assert weights == {"K0000001": pytest.approx(12500.4), "K0000002": pytest.approx(8000)}


def test_spans_fill_the_grid_as_a_browser_lays_it_out(tmp_path):
    page = ("<table>"
            "<tr><td colspan=2>Consignment</td><td rowspan=3>KHH</td><td>x</td></tr>"
            "<tr><td rowspan=2>C1</td><td>a</td><td>y</td></tr>"
            "<tr><td>b</td></tr>"  # shorter than the spans above reach
            "<tr><td>c</td><td>d</td><td>e</td><td>f</td></tr></table>")
    path = tmp_path / "spans.xls"
    path.write_text(page, encoding="utf-8")
    assert read_workbook(path)[0].rows == [["Consignment", None, "KHH", "x"],
                                           ["C1", "a", "KHH", "y"],
                                           ["C1", "b", "KHH"],
                                           ["c", "d", "e", "f"]]
