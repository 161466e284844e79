"""A header of two rows with merged group cells above (read as combined names), what is not
one (a banner, a header over text data, a header over its translation), and totals rows in
more languages."""

from __future__ import annotations

from casedb.importing.header import header_row, is_total_row, two_row_header

GROUPS = ["Declaration", None, None, "Exporter", None, "Consignee", "Mass (kg)", None,
          "Country of destination"]
NAMES = ["MRN", "Declaration type", "Acceptance date", "Name", "EORI", "Name", "Gross", "Net",
         None]
DATA = ["24GB7Q3K2M9P1X4A71", "EX", "2024-05-13", "MERSEY POLYMER RECOVERY LTD",
        "GB123456789000", "ADANA GERI DONUSUM AS", "22180", "21940", "TR"]


def test_merged_group_cells_over_names_read_as_one_header():
    rows = [["CDS export declarations, May 2024"], GROUPS, NAMES, DATA]
    row, headers = two_row_header(rows, header_row(rows))
    assert row == 2
    assert headers == ["Declaration MRN", "Declaration Declaration type",
                       "Declaration Acceptance date", "Exporter Name", "Exporter EORI",
                       "Consignee Name", "Mass (kg) Gross", "Mass (kg) Net",
                       "Country of destination"]


def test_a_banner_a_header_over_text_data_or_over_its_translation_is_no_two_row_header():
    header = ["Declaration No.", "Declaration Date", None, "Gross Weight (kg)", "Container No."]
    text_data = ["D1", "2023-01-01", "note", "12,500", "MSCU1234566"]
    banner = [["VIETNAM IMPORT DATA | HS 3915"], header, text_data]
    assert two_row_header(banner, header_row(banner)) is None
    assert two_row_header([header, text_data], 0) is None
    zh = ["海关编号", "申报日期", "毛重(千克)", "集装箱号"]
    en = ["Customs Declaration No.", "Declaration Date", "Gross Weight (kg)", "Container No."]
    assert two_row_header([zh, en, ["2233", "2023-05-12", "25300", "YMLU8944021"]], 0) is None


def test_totals_rows_in_thai_russian_and_japanese():
    for first in ("รวมทั้งสิ้น", "รวม", "Итого", "ВСЕГО:", "合計", "TOTAL GERAL", "TOTALES",
                  "Tổng cộng", "Jumlah"):
        assert is_total_row([first, None, None, 72340]), first
    assert not is_total_row(["A0021670500123", "15/05/2567", "บริษัท สยามรีไซเคิล จำกัด"])


def test_a_row_of_units_under_the_header_names_each_columns_unit():
    rows = [["Declaration No.", "Declaration Date", "Gross Weight", "Value", "Note"],
            [None, "", "t", "USD", None], ["W1", "2024-05-01", "21.5", "4300", "x"]]
    assert two_row_header(rows, 0) == (1, ["Declaration No.", "Declaration Date",
                                           "Gross Weight (t)", "Value (USD)", "Note"])
    rows[1][4] = "checked"  # a word that is no unit: a data row, not units
    assert two_row_header(rows, 0) is None
