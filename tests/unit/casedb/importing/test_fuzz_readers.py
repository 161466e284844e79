"""Fuzzing the readers and the pipeline with mutated xlsx and csv files: only clear errors."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casedb.errors import CaseDbError, ReadError
from casedb.importing.pipeline import preview_file
from casedb.importing.readers import read_workbook
from casedb.importing.sheets import WorkbookSheets
from casedb.importing.text_stream import TextStream, open_sheets
from tests.writers import write_csv, write_xlsx

ROWS = [["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Shipper"],
        ["A1", "2023-05-12", "3915.10", "12,500 kg", "ABC Recycling Co., Ltd."],
        ["A2", "112/05/12", "391590", "3 t", "大發資源回收股份有限公司"]]

_tmp = Path(tempfile.mkdtemp(prefix="fuzz-seeds-"))
SEEDS = {"xlsx": write_xlsx(_tmp / "seed.xlsx", {"S": ROWS}).read_bytes(),
         "csv": write_csv(_tmp / "seed.csv", ROWS, encoding="cp950").read_bytes()}
# A register as it arrives: a title block, blank rows, d/m/y dates, a subtotal, totals.
REGISTER = write_csv(_tmp / "register.csv", [
    ["Seizure register"], [], ROWS[0], *[[f"A{i}", f"{1 + i % 28}/0{1 + i % 9}/2023", "3915.10",
                                          f"{i},5 kg", "X Ltd"] for i in range(12)],
    ["Subtotal", "", "", "66 kg"], *ROWS[1:], [], ["TOTAL", "", "", "=SUM(D4:D18)"], []],
    delimiter=";").read_bytes()

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.integers(0, 255)),
)


def mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for op, pos, val in ops:
        if not buf:
            break
        pos %= len(buf)
        if op == "flip":
            buf[pos] ^= val
        elif op == "cut":
            del buf[pos:]
        else:
            buf[pos:pos] = bytes([val]) * 8
    return bytes(buf)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["xlsx", "csv"]), ops=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_files_never_crash(kind, ops):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz.{kind}"
        path.write_bytes(mutate(SEEDS[kind], ops))
        try:
            sheets = read_workbook(path)
            assert isinstance(sheets, list)
            preview_file(path)
        except CaseDbError as exc:
            assert str(exc).strip()
        source = open_sheets(path, None)  # what an import reads: a text file as a stream
        try:
            source.layouts()
            assert all(n >= 0 for _, n, _ in source.chunks(2, 1))
        except CaseDbError as exc:
            assert str(exc).strip()


def _outcome(source):
    try:
        return source.layouts(), list(source.chunks(3, 1))
    except ReadError as exc:
        return exc.reason


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(mutation, min_size=1, max_size=4))
def test_a_mutated_text_file_streams_as_it_reads_whole(ops):
    """Whatever the bytes, the stream finds the layout, chunks, refusals or error that reading
    the whole file finds."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.csv"
        path.write_bytes(mutate(REGISTER, ops))
        assert _outcome(TextStream(path, None)) == _outcome(WorkbookSheets(path, None))


def test_the_register_seed_reads(tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(REGISTER)
    layouts, chunks = _outcome(TextStream(path, None))
    assert layouts[0].count == 15 and sum(len(c) for c, _, _ in chunks) == 15
