"""A text file read as a stream (a survey, then chunks) gives what reading it whole gives: the
same layout, the same row numbers, the same normalised chunks, the same refusals and errors."""

from __future__ import annotations

import pytest

from casedb.errors import ReadError
from casedb.importing import text_stream
from casedb.importing.readers import read_workbook
from casedb.importing.safety import ReadLimits
from casedb.importing.sheets import WorkbookSheets
from casedb.importing.spec import ImportSpec
from casedb.importing.text_stream import TextStream, open_sheets
from tests.writers import write_csv

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Net Weight",
          "Shipper", "Container No."]


def line(i: int, date: str = "03/04/2021", gross: str = "12,500 kg") -> list:
    return [f"D{i:04d}", date, "3915.10", gross, f"{9000 + i}", f"Shipper {i % 3} Ltd",
            "MSCU1234566" if i % 2 else ""]


def read_both(path, spec=None, size=7, first=3):
    """(layouts, chunks) from the stream and from the whole file."""
    out = []
    for source in (TextStream(path, spec), WorkbookSheets(path, spec)):
        layouts = source.layouts()
        out.append((layouts, list(source.chunks(size, first))))
    return out


def assert_same(path, spec=None, **kw):
    streamed, whole = read_both(path, spec, **kw)
    assert streamed == whole
    layouts, chunks = streamed
    # The layout's runs of data rows are the rows the chunks hand out, passed or refused.
    handed_out = sorted([n for chunk, _, _ in chunks for n in chunk.rows]
                        + [r.row for _, _, bad in chunks for r in bad])
    assert [n for a, b in layouts[0].data_rows for n in range(a, b)] == handed_out
    assert layouts[0].count == len(handed_out)
    return streamed


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(text_stream, "BLOCK", 4)  # the survey's blocks, at a size tests reach


def test_title_block_blank_rows_totals_and_a_date_order_only_the_whole_file_tells(tmp_path):
    rows = [["Seizure register 2023"], ["Kaohsiung Customs"], [], HEADER]
    rows += [line(i) for i in range(30)]
    rows += [[], ["Subtotal", "", "", "1,000 kg"], line(30, date="04/25/2021")]  # one m/d/y vote
    rows += [line(i) for i in range(31, 40)]
    # Totals and blank rows after the data, longer than a block: not data, never learnt from
    # (their two d/m/y votes would outvote the one m/d/y vote above).
    rows += [[], ["TOTAL", "31/12/2021", "", "999 kg"], [], [], [], [],
             ["Grand total", "30/12/2021"], [], ["", "  "]]
    path = write_csv(tmp_path / "register.csv", rows)
    layouts, chunks = assert_same(path)
    (layout,) = layouts
    assert layout.count == 41  # 40 declarations and the subtotal row between them
    numbers = [n for chunk, _, _ in chunks for n in chunk.rows]
    assert numbers[0] == 5 and numbers[-1] == 46
    dates = [d for chunk, _, _ in chunks for d in chunk.values["declaration_date"]]
    assert str(dates[0]) == "2021-03-04"  # m/d/y: the totals' votes were not counted
    assert 36 in numbers and not [r for _, _, bad in chunks for r in bad]  # the subtotal: data


def test_subtotals_inside_the_data_are_data_and_learnt_from(tmp_path):
    rows = [HEADER]
    for i in range(40):  # subtotals at every place in the survey's blocks of 4
        rows.append(line(i, date="04/25/2021" if i == 0 else "03/04/2021"))
        if i % 5 == 4:
            rows += [["Subtotal", f"2{i % 10}/12/2021", "", "5 kg"], []]
    path = write_csv(tmp_path / "a.csv", rows)
    layouts, chunks = assert_same(path, size=5, first=2)
    assert layouts[0].count == 47  # 40 declarations and 7 subtotals (the 8th closes the sheet)
    # The subtotals' seven d/m/y votes outvote the one m/d/y vote (04/25/2021).
    assert str(chunks[0][0].values["declaration_date"][1]) == "2021-04-03"


def test_the_spec_header_row_ragged_rows_and_blank_cells_of_spaces(tmp_path):
    rows = [["note"], ["Shipment list"], ["", ""], ["", ""], *[[f"x{i}"] for i in range(14)],
            HEADER, line(1)[:3], [*line(2), "extra", "cells"], ["   ", " "], line(3),
            ["TOTAL", "", "", "10 kg"]]  # no totals detection under a spec's header row
    path = write_csv(tmp_path / "a.csv", rows)
    spec = ImportSpec(header_row=19, constants={"authority": "KHH"})
    layouts, chunks = assert_same(path, spec)
    assert layouts[0].count == 4
    assert [n for chunk, _, _ in chunks for n in chunk.rows] == [20, 21, 23, 24]


def test_decimal_commas_semicolons_and_big5_with_roc_dates(tmp_path):
    rows = [["報單號碼", "申報日期", "稅則號別", "毛重(公斤)", "出口人"]]
    rows += [[f"AW{i:05d}", f"112/0{1 + i % 9}/1{i % 10}", "3915.10", f"{1 + i % 9}.200,5", "大發公司"]
             for i in range(25)]
    path = write_csv(tmp_path / "big5.csv", rows, encoding="cp950", delimiter=";")
    layouts, chunks = assert_same(path)
    gross = [g for chunk, _, _ in chunks for g in chunk.values["gross_weight_kg"]]
    assert gross[:2] == [1200.5, 2200.5] and len(gross) == 25


def test_a_header_alone_blank_files_and_unwanted_sheets(tmp_path):
    only_header = write_csv(tmp_path / "h.csv", [HEADER])
    layouts, chunks = assert_same(only_header)
    assert layouts[0].count == 0 and all(len(c) == 0 for c, _, _ in chunks)
    blank = tmp_path / "blank.csv"
    blank.write_text("\r\n\r\n,,\r\n")
    no_columns = write_csv(tmp_path / "colours.csv", [["Colour", "Mood"], ["blue", "calm"]])
    data = write_csv(tmp_path / "data.csv", [HEADER, line(1)])
    for path, spec in ((blank, None), (no_columns, None), (data, ImportSpec(sheets=["other"]))):
        with pytest.raises(ReadError) as streamed:
            TextStream(path, spec).layouts()
        with pytest.raises(ReadError) as whole:
            WorkbookSheets(path, spec).layouts()
        assert streamed.value.reason == whole.value.reason
        assert "no sheet with recognisable columns" in streamed.value.reason


@pytest.mark.parametrize("limits", [ReadLimits(max_rows=20), ReadLimits(max_columns=9)])
def test_the_limits_refuse_what_reading_whole_refuses(tmp_path, limits):
    too_long = write_csv(tmp_path / "long.csv", [HEADER, *[line(i) for i in range(25)]])
    too_wide = write_csv(tmp_path / "wide.csv", [HEADER, line(1), [*line(2), *"abcdef"], line(3)])
    refused = []
    for path in (too_long, too_wide):
        try:
            read_workbook(path, limits)
        except ReadError as exc:
            expected = exc.reason
        else:
            expected = None
        try:
            TextStream(path, None, limits).layouts()
        except ReadError as exc:
            got = exc.reason
        else:
            got = None
        assert got == expected
        refused.append(got)
    assert refused[0 if limits.max_rows == 20 else 1] is not None


def test_a_blank_row_too_wide_after_the_data_is_trimmed_as_reading_whole_trims_it(tmp_path):
    limits = ReadLimits(max_columns=9)
    path = write_csv(tmp_path / "a.csv", [HEADER, line(1), [""] * 12, []])
    read_workbook(path, limits)  # no error: the blank rows at the end are not part of the sheet
    assert TextStream(path, None, limits).layouts()[0].count == 1
    before = write_csv(tmp_path / "b.csv", [HEADER, [""] * 12, line(1)])
    with pytest.raises(ReadError, match="row 2 has 12 columns"):
        read_workbook(before, limits)
    with pytest.raises(ReadError, match="row 2 has 12 columns"):
        TextStream(before, None, limits).layouts()


def test_text_files_stream_and_workbooks_do_not(tmp_path):
    from tests.writers import write_xlsx

    assert isinstance(open_sheets(write_csv(tmp_path / "a.txt", [HEADER]), None), TextStream)
    assert isinstance(open_sheets(write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER]}), None),
                      WorkbookSheets)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("Declaration No.\nD1\n")
    assert isinstance(open_sheets(fake, None), WorkbookSheets)  # refused as a damaged xlsx


def test_the_survey_keeps_a_block_of_rows_at_a_time(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "a.csv", [HEADER, *[line(i) for i in range(100)]])
    sizes = []
    real = text_stream._Survey._take

    def take(self, block, first, closing):
        sizes.append(len(block))
        real(self, block, first, closing)

    monkeypatch.setattr(text_stream._Survey, "_take", take)
    assert TextStream(path, None).layouts()[0].count == 100
    assert sum(sizes) == 100 and max(sizes) <= text_stream.SCAN_ROWS + text_stream.SAMPLE_ROWS


def test_a_row_too_wide_is_refused_where_it_stands(tmp_path, monkeypatch):
    """A hostile file is refused at its first row too wide, without reading on to its end."""
    rows = [HEADER, *[line(i) for i in range(30)], [*line(30), *["x"] * 20],
            *[line(i) for i in range(31, 5000)]]
    path = write_csv(tmp_path / "wide.csv", rows)
    read = []
    real = text_stream.text_records
    monkeypatch.setattr(text_stream, "text_records",
                        lambda *a, **k: (read.append(r) or r for r in real(*a, **k)))
    with pytest.raises(ReadError, match="row 32 has 27 columns"):
        TextStream(path, None, ReadLimits(max_columns=26)).layouts()
    assert len(read) == 32


@pytest.mark.parametrize("source", [TextStream, WorkbookSheets])
def test_a_spec_header_row_past_the_end_is_a_clear_error(tmp_path, source):
    path = write_csv(tmp_path / "a.csv", [HEADER, line(1), line(2)])
    with pytest.raises(ReadError, match="puts the header on row 10, but sheet 'a' has 3 rows"):
        source(path, ImportSpec(header_row=10)).layouts()
