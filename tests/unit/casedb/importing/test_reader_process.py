"""A large file is read and normalised by a second process while the importer writes: the outcome
must be the one of reading it here, under either way of starting the process."""

from __future__ import annotations

import logging
import multiprocessing

import pytest
from sqlalchemy import text

from casedb.errors import ReadError
from casedb.importing import pipeline, reader_process, sheets
from casedb.importing.pipeline import import_file
from casedb.importing.reader_process import START_METHOD_ENV
from casedb.importing.spec import ImportSpec
from tests.unit.casedb.importing.test_pipeline_bulk import HEADER, dump, rows
from tests.writers import write_csv, write_xlsx


@pytest.fixture
def started(monkeypatch):
    """The reading processes started, with the way each was started."""
    seen = []
    real = reader_process.ProcessSource.__init__

    def spy(self, *args, **kwargs):
        real(self, *args, **kwargs)
        seen.append(self._process)

    monkeypatch.setattr(reader_process.ProcessSource, "__init__", spy)
    return seen


def workbook(tmp_path):
    """Two sheets: a title block, blank rows, refused rows, a totals row, repeats that merge."""
    data = rows(900)
    first = [["Seizure register 2023"], [], *data[:400], [], *data[400:500],
             ["TOTAL", None, None, "123,456 kg"]]
    second = [HEADER, *data[500:]]
    return write_xlsx(tmp_path / "register.xlsx", {"Jan": first, "Feb": second})


def register_csv(tmp_path):
    """The same as one text file (read as a stream): a title block, blank rows, refused rows,
    a totals row, repeats that merge."""
    data = rows(900)
    return write_csv(tmp_path / "register.csv", [
        ["Seizure register 2023"], [], *data[:400], [], *data[400:],
        ["TOTAL", None, None, "123,456 kg"], []])


@pytest.mark.parametrize("method", ["fork", "spawn"])
@pytest.mark.parametrize("make", [workbook, register_csv], ids=["xlsx", "csv"])
def test_read_by_a_second_process_imports_what_reading_here_imports(
        db, other_db, tmp_path, monkeypatch, started, method, make):
    path = make(tmp_path)
    spec = ImportSpec(constants={"authority": "KHH"}, units={"net_weight_kg": "t"})  # pickled
    monkeypatch.setattr(pipeline, "CHUNK", 150)  # repeats and refusals across chunks
    here = import_file(db, path, spec=spec)
    assert not started

    monkeypatch.setattr(pipeline, "MIN_PROCESS_BYTES", 0)
    monkeypatch.setattr(reader_process, "FIRST_CHUNK", 40)  # a forked child sees it
    monkeypatch.setenv(START_METHOD_ENV, method)
    there = import_file(other_db, path, spec=spec)
    assert [p._start_method for p in started] == [method]  # noqa: SLF001
    assert started[0].exitcode == 0 and not multiprocessing.active_children()

    assert here.imported > 800 and here.merged and here.refused
    assert there.to_json() == here.to_json()
    got = dump(other_db)
    assert got == dump(db)
    assert {d[0] for d in got["declarations"]} == {"KHH"}  # the spec's constant reached the child
    assert import_file(other_db, path, spec=spec).unchanged == here.imported + here.merged


def test_a_failure_in_the_reading_process_is_a_read_error(db, tmp_path, monkeypatch, caplog):
    path = write_csv(tmp_path / "a.csv", rows(50))
    monkeypatch.setattr(pipeline, "MIN_PROCESS_BYTES", 0)
    monkeypatch.setenv(START_METHOD_ENV, "fork")  # the child inherits the broken method

    def broken(self):
        raise RuntimeError("normaliser exploded")

    monkeypatch.setattr(sheets.ColumnNormaliser, "settle", broken)
    with pytest.raises(ReadError) as err, caplog.at_level(logging.ERROR):
        import_file(db, path)
    assert err.value.reason == "cannot be read: RuntimeError: normaliser exploded"
    assert "Traceback" in caplog.text and "normaliser exploded" in caplog.text
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM declaration")).scalar() == 0


def test_the_reading_process_logs_through_the_importer(db, tmp_path, monkeypatch, caplog):
    path = write_xlsx(tmp_path / "two.xlsx", {"Notes": [["Colour", "Mood"], ["blue", "calm"]],
                                              "Data": rows(20)})
    monkeypatch.setattr(pipeline, "MIN_PROCESS_BYTES", 0)
    with caplog.at_level(logging.INFO, logger="casedb.importing.sheets"):
        report = import_file(db, path)
    assert report.sheets == ("Data",)
    assert "sheet 'Notes' has no recognisable columns; skipped" in caplog.text


def test_chunks_start_small_and_double_up_to_their_size(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["Declaration No."], *[[f"D{i}"] for i in range(25)]])
    (sheet,) = sheets.read_sheets(path, None, strict=False)
    got = [numbers for numbers, _ in sheet.chunks(10, first=3)]
    assert got == [[2, 3, 4], list(range(5, 11)), list(range(11, 21)), list(range(21, 27))]
