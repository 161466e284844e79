"""Hostile files (issue 23): a few bytes that describe an enormous sheet fail within seconds, in
bounded memory, with a one-line reason naming the file, and leave the database as it was. Each
is written byte for byte as an attacker writes it, and imported by a separate process whose
peak memory (its own and its reading process's) is measured."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casedb.errors import ReadError
from casedb.importing.sources import open_source
from casedb.models import Declaration, ImportRun, RowProvenance, SourceFile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def write_raw_xlsx(path: Path, sheet_parts, shared: list[str] = ()) -> Path:
    """An xlsx with one sheet "S" whose XML is ``sheet_parts`` (str pieces, streamed into the
    zip) and the given shared strings."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_PKG}/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
            "</Types>"))
        z.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"))
        z.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{_REL}">'
            '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        z.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"))
        strings = "".join(f"<si><t>{s}</t></si>" for s in shared)
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}" count="{len(shared)}" '
                                           f'uniqueCount="{len(shared)}">{strings}</sst>')
        with z.open("xl/worksheets/sheet1.xml", "w") as member:
            for part in sheet_parts:
                member.write(part.encode())
    return path


def far_cell_xlsx(path: Path, *, dimension: bool = True, prefix: str = "") -> Path:
    """One cell at ALL1048576 (with a cell at A1 when the dimension is left out)."""
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    dim = f'<{p}dimension ref="A1:ALL1048576"/>' if dimension else ""
    first = "" if dimension else f'<{p}row r="1"><{p}c r="A1"><{p}v>1</{p}v></{p}c></{p}row>'
    return write_raw_xlsx(path, [
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns}>{dim}<{p}sheetData>{first}'
        f'<{p}row r="1048576"><{p}c r="ALL1048576" t="s"><{p}v>0</{p}v></{p}c></{p}row>'
        f"</{p}sheetData></{p}worksheet>"], ["Declaration No."])


def sparse_xlsx(path: Path) -> Path:
    """Two cells, at A1 and ZZ50000: 35 million cells between them, within the cells allowed,
    but only two with anything in them."""
    return write_raw_xlsx(path, [
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="50000"><c r="ZZ50000"><v>1</v></c></row></sheetData></worksheet>'],
        ["Declaration No."])


def far_cell_xls(path: Path) -> Path:
    """A 6 KB xls (written by xlwt, as old exporters write BIFF8) with a cell at IV65536."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    sheet.write(0, 0, "Declaration No.")
    sheet.write(65535, 255, "x")
    book.save(str(path))
    return path


def shared_string_bomb_xls(path: Path, rows: int = 60_000) -> Path:
    """An xls of ``rows`` rows of 8 cells, each the one 32,000-character shared string."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    text = "x" * 32_000
    for r in range(rows):
        row = sheet.row(r)
        for c in range(8):
            row.write(c, text)
        if r % 1000 == 999:
            sheet.flush_row_data()
    book.save(str(path))
    return path


def shared_string_bomb_xlsx(path: Path, cells: int = 500_000) -> Path:
    """``cells`` cells, five a row, each pointing at one 32,000-character shared string."""
    def rows():
        yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
        for r in range(1, cells // 5 + 1):
            yield (f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in "ABCDE")
                   + "</row>")
        yield "</sheetData></worksheet>"
    return write_raw_xlsx(path, rows(), ["x" * 32_000])


def repeated_rows_ods(path: Path) -> Path:
    """Under a kilobyte: a row of 90 cells repeated 1,048,576 times."""
    office = "urn:oasis:names:tc:opendocument:xmlns"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            f'"{office}:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
            'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
            'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>'))
        z.writestr("content.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
            f'"{office}:office:1.0" xmlns:table="{office}:table:1.0" xmlns:text='
            f'"{office}:text:1.0" office:version="1.2"><office:body><office:spreadsheet>'
            '<table:table table:name="S"><table:table-row table:number-rows-repeated="1048576">'
            '<table:table-cell table:number-columns-repeated="90" office:value-type="string">'
            "<text:p>Declaration No.</text:p></table:table-cell></table:table-row></table:table>"
            "</office:spreadsheet></office:body></office:document-content>"))
    return path


def blank_lines_csv(path: Path, megabytes: int = 20) -> Path:
    """A header and a row, then ``megabytes`` MB of blank lines."""
    with open(path, "wb") as f:
        f.write(b"Declaration No.,Gross Weight (kg)\r\nA1,5\r\n")
        for _ in range(megabytes):
            f.write(b"\n" * (1 << 20))
    return path


def spanning_html(path: Path) -> Path:
    """A page of a few kilobytes whose cells span 65,534 rows and 1,000 columns each."""
    cell = '<td rowspan="65534" colspan="1000">x</td>'
    path.write_text("<html><body><table>" + f"<tr>{cell}</tr>" * 200 + "</table></body></html>")
    return path


def skipping_spreadsheetml(path: Path) -> Path:
    """A SpreadsheetML workbook whose cells skip to column 1,000 row after row."""
    row = '<Row><Cell ss:Index="1000"><Data ss:Type="String">x</Data></Cell></Row>'
    path.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>'
        + row * 5_000 + "</Table></Worksheet></Workbook>")
    return path


REPO = Path(__file__).resolve().parents[4]
PEAK_KB = 500 * 1024
IMPORT = """
import json, resource, sys
from casedb.store.database import Database
from casedb.errors import ReadError
from casedb.importing.pipeline import import_file
try:
    import_file(Database(sys.argv[1], user="tester"), sys.argv[2])
    outcome = "imported"
except ReadError as exc:
    outcome = str(exc)
# This process's own high-water mark from /proc (Linux keeps in ru_maxrss the memory of the
# process that started it, up to its exec: in the parallel suite a big test worker's), and its
# reading process's from getrusage (started by this small process).
with open("/proc/self/status") as status:
    own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"outcome": outcome, "peak_kb": peak}))
"""

HOSTILE = {
    "far.xlsx": (far_cell_xlsx, "has 1,048,576 rows by 1,000 columns"),
    "far-cell.xlsx": (lambda p: far_cell_xlsx(p, dimension=False),
                      "has 1,048,576 rows by 1,000 columns"),
    "far-prefixed.xlsx": (lambda p: far_cell_xlsx(p, dimension=False, prefix="x"),
                          "has 1,048,576 rows by 1,000 columns"),
    "shared.xlsx": (shared_string_bomb_xlsx, "bytes of text"),
    "sparse.xlsx": (sparse_xlsx, "but only 2 cells with anything in them"),
    "far.xls": (far_cell_xls, "but only 2 cells with anything in them"),
    "shared.xls": (shared_string_bomb_xls, "bytes of text"),
    "repeated.ods": (repeated_rows_ods, "has 1,048,576 rows by 90 columns"),
    "blank.csv": (blank_lines_csv, "has more than 5,000,000 rows"),
    "spans.xls": (spanning_html, "an HTML table with"),
    "skips.xls": (skipping_spreadsheetml, "an XML workbook with cells skipping"),
}


def snapshot(db):
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t))
                     for t in (Declaration, RowProvenance, SourceFile, ImportRun))


def test_the_hostile_files_are_as_small_as_reported(tmp_path):
    sizes = {name: make(tmp_path / name).stat().st_size for name, (make, _) in HOSTILE.items()}
    assert sizes["far.xlsx"] < 2_500 and sizes["repeated.ods"] < 1_000
    assert sizes["shared.xlsx"] < 2_000_000 and sizes["spans.xls"] < 20_000
    assert sizes["far.xls"] < 10_000 and sizes["sparse.xlsx"] < 2_000


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_fails_in_bounded_memory_and_changes_nothing(db, tmp_path, name):
    make, reason = HOSTILE[name]
    path = make(tmp_path / name)
    before = snapshot(db)
    done = subprocess.run([sys.executable, "-c", IMPORT, db.url, str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=180)  # a generous bound
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    outcome = result["outcome"]
    assert outcome.startswith(f"{path}: ") and reason in outcome, outcome
    assert "\n" not in outcome and "Traceback" not in outcome
    assert result["peak_kb"] < PEAK_KB, f"{name}: peak {result['peak_kb'] // 1024} MB"
    assert snapshot(db) == before


@pytest.mark.parametrize("name", ["far-cell.xlsx", "shared.xlsx", "repeated.ods"])
def test_an_isolated_read_of_a_hostile_file_fails_as_reading_here_fails(tmp_path, name):
    make, reason = HOSTILE[name]
    path = make(tmp_path / name)
    source = open_source(path, None, 1000, isolate=True)
    try:
        with pytest.raises(ReadError) as err:
            source.layouts()
    finally:
        source.close()
    assert reason in err.value.reason and err.value.path == str(path)
    assert not multiprocessing.active_children()


def test_a_small_file_is_read_by_a_second_process_only_when_isolated(tmp_path):
    from tests.writers import write_csv

    path = write_csv(tmp_path / "small.csv", [["Declaration No.", "Declaration Date",
                                               "Gross Weight (kg)"], ["A1", "2023-01-02", "5"]])
    isolated = open_source(path, None, 1000, isolate=True)
    here = open_source(path, None, 1000, isolate=False)
    try:
        assert type(isolated).__name__ == "ProcessSource"
        assert type(here).__name__ == "LocalSource"
        assert [s.count for s in isolated.layouts()] == [s.count for s in here.layouts()] == [1]
    finally:
        isolated.close()
        here.close()


def test_a_reading_process_out_of_memory_is_a_one_line_reason(tmp_path, monkeypatch):
    """What no check foresaw: the reading process's memory is capped, and a read that needs
    more fails there, in a sentence, instead of taking the machine and the window with it."""
    from tests.writers import write_csv

    rows = [["Declaration No.", "Declaration Date", "Gross Weight (kg)", "Goods Description"]]
    rows += [[f"D{i:07d}", "2023-01-02", str(i), f"plastic scrap lot {i} " * 20]
             for i in range(120_000)]  # 55 MB: more than the 40 MB allowed below
    path = write_csv(tmp_path / "large.csv", rows)
    monkeypatch.setenv("WASTEINTEL_READER_MEMORY_MB", "40")
    source = open_source(path, None, 1000, isolate=True)
    try:
        with pytest.raises(ReadError) as err:
            source.layouts()
            list(source.chunks())
    finally:
        source.close()
    assert "memory" in err.value.reason and "\n" not in err.value.reason


def test_a_preview_runs_isolated_and_fails_alike(tmp_path):
    """What the workstation's preview can call: the preview itself, made by a reading process,
    or the ReadError of the file, raised here."""
    from casedb.importing.pipeline import preview_file
    from casedb.importing.reader_process import run_isolated
    from tests.writers import write_csv

    good = write_csv(tmp_path / "good.csv", [["Declaration No.", "Declaration Date",
                                              "Gross Weight (kg)"], ["A1", "2023-01-02", "5"]])
    assert run_isolated(good, preview_file, good).sheets[0].rows == \
        preview_file(good).sheets[0].rows
    hostile = far_cell_xls(tmp_path / "far.xls")
    with pytest.raises(ReadError, match="too sparse to read safely"):
        run_isolated(hostile, preview_file, hostile)
    assert not multiprocessing.active_children()
