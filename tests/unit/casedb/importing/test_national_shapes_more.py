"""More files shaped like real national customs exports (tests/national_files_more.py: Thai
e-Export with Buddhist-era dates, Japanese NACCS with era dates, Indian ICEGATE bills of entry
with lakh grouping, a Brazilian Siscomex DI, a Mexican pedimento list, a UK CDS export list with
a two-row header), imported with import_file and read back against their hand-checked
expectations one aspect at a time, with the aspects of test_national_shapes; and each through
``wasteintel import --dry-run``, which must show what the import would store and write nothing.

Each file is imported once per engine and only read after: on SQLite, and the Thai, Japanese
and Brazilian files on PostgreSQL too (Thai and Japanese text, Windows-1252 Portuguese).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.national_files_more import MORE_SHAPES
from tests.unit.casedb.importing import test_national_shapes as first_round
from tests.unit.casedb.importing.test_national_shapes import ASPECTS, _applies

SHAPES = {f.__name__: f for f in MORE_SHAPES}
BOTH_ENGINES = ("thai_export", "japan_naccs", "brazil_di")


class Imported(first_round.Imported):
    """The files of this module imported so far, one database per file and engine."""

    def get(self, shape: str, engine: str):
        if (shape, engine) not in self._done:
            with pytest.MonkeyPatch.context() as patch:  # the first round's builder lookup
                patch.setattr(first_round, "SHAPES", SHAPES)
                return super().get(shape, engine)
        return self._done[shape, engine]


@pytest.fixture(scope="module")
def imported(request, tmp_path_factory):
    done = Imported(request, tmp_path_factory)
    yield done
    done.close()


def _cases():
    for shape, build in SHAPES.items():
        with tempfile.TemporaryDirectory() as folder:
            rows = build(Path(folder)).expected.rows
        for aspect in ASPECTS:
            if not _applies(aspect, rows):
                continue
            for engine in ("sqlite", "postgresql") if shape in BOTH_ENGINES else ("sqlite",):
                yield pytest.param(shape, aspect, engine, id=f"{shape}-{aspect}-{engine}")


@pytest.mark.parametrize(("shape", "aspect", "engine"), list(_cases()))
def test_national_file(imported, shape, aspect, engine):
    first_round.test_national_file(imported, shape, aspect, engine)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_dry_run_says_what_would_be_stored_and_writes_nothing(shape, tmp_path):
    """``wasteintel import --dry-run --json`` on the file: the rows it would import and refuse
    (a total may be refused), and no declaration written."""
    nf = SHAPES[shape](tmp_path)
    db = tmp_path / "dry.db"
    res = subprocess.run([sys.executable, "-m", "app.cli", "import", str(nf.path), "--db",
                          str(db), "--dry-run", "--json"], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode in (0, 3), res.stdout + res.stderr
    (f,) = json.loads(res.stdout)["files"]
    refused = {r["row"] for r in f["refused"]}
    assert set(nf.expected.refused) <= refused <= {*nf.expected.refused,
                                                   *nf.expected.may_refuse}, f["refused"]
    rows = sum(max(1, len(r.items)) for r in nf.expected.rows)  # a DI's second adição merges
    assert f["dry_run"] and f["would"]["imported"] + f["would"]["merged"] == rows, f["would"]
    assert f["would"]["imported"] == len(nf.expected.rows), f["would"]
    if db.exists():
        with sqlite3.connect(db) as con:
            assert con.execute("SELECT count(*) FROM declaration").fetchone()[0] == 0


def test_gross_and_net_each_with_its_own_unit_column(sqlite_db, tmp_path):
    """"Gross Weight | Unit | Net Weight | Unit" (tonnes beside kilograms on one row): each
    weight by its own unit, never both by one; a single "Unit" beside one of two weights is no
    row unit (it would convert the other weight too) and leaves the file's question to ask."""
    from sqlalchemy import select

    from casedb.importing.pipeline import import_file
    from casedb.models import Declaration
    from tests.writers import write_csv

    header = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight", "Unit",
              "Net Weight", "Unit"]
    path = write_csv(tmp_path / "units.csv", [header,
                                              ["U1", "2024-05-01", "391510", "21.5", "TNE",
                                               "21400", "KGM"],
                                              ["U2", "2024-05-02", "391590", "22500", "KGS",
                                               "22.4", "MTS"],
                                              ["U3", "2024-05-03", "391520", "23.5", "TNE",
                                               "23.4", "TNE"]])
    import_file(sqlite_db, path)
    with sqlite_db.read() as s:
        got = {no: (g, n) for no, g, n in s.execute(select(
            Declaration.declaration_no, Declaration.gross_weight_kg, Declaration.net_weight_kg))}
    assert got == {"U1": (21500.0, 21400.0), "U2": (22500.0, 22400.0),
                   "U3": (23500.0, 23400.0)}


@pytest.mark.parametrize(("other", "stored"), [
    (None, None),  # nothing tells: refused, never 12.5 kg nor 12,500 kg
    ("9.875,50 kg", 12500.0),  # the file writes decimal commas: dots are thousands
    ("9875.5 kg", 12.5),  # the column writes a decimal point
])
def test_a_dot_before_three_digits_is_read_only_when_the_file_tells_what_it_is(
        sqlite_db, tmp_path, other, stored):
    from sqlalchemy import select

    from casedb.importing.pipeline import import_file
    from casedb.importing.reasons import text
    from casedb.models import Declaration
    from tests.writers import write_csv

    rows = [["Declaration No.", "Declaration Date", "HS Code", "Gross Weight"],
            ["K1", "2024-05-01", "391510", "12.500 kg"],
            ["K2", "2024-05-02", "391510", "21.540 kg"]]
    if other:
        rows.append(["K3", "2024-05-03", "391510", other])
    report = import_file(sqlite_db, write_csv(tmp_path / "dots.csv", rows))
    with sqlite_db.read() as s:
        got = dict(s.execute(select(Declaration.declaration_no,
                                    Declaration.gross_weight_kg)).all())
    if stored is None:
        assert got == {} and [r.row for r in report.refused] == [2, 3]
        assert text(report.refused[0].reason, "zh-TW").startswith("重量 '12.500 kg' 有歧義")
    else:
        assert got["K1"] == stored and not report.refused


def test_a_row_of_units_under_the_header_converts_its_columns(sqlite_db, tmp_path):
    """"t" under "Gross Weight" in the row below the header: 21.5 is 21,500 kg, and the units
    row is no declaration. Car parts (no waste code, no containers), so no weight question
    would have caught 21.5 kg."""
    from sqlalchemy import select

    from casedb.importing.pipeline import import_file
    from casedb.models import Declaration
    from tests.writers import write_csv

    path = write_csv(tmp_path / "units.csv", [
        ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight", "Value"],
        [None, None, None, "t", "USD"], ["W1", "2024-05-01", "870899", "21.5", "4300"],
        ["W2", "2024-05-02", "870899", "18.25", "3650"]])
    report = import_file(sqlite_db, path)
    with sqlite_db.read() as s:
        got = {no: (kg, value, cur) for no, kg, value, cur in s.execute(select(
            Declaration.declaration_no, Declaration.gross_weight_kg,
            Declaration.declared_value, Declaration.currency))}
    assert got == {"W1": (21500.0, 4300.0, "USD"), "W2": (18250.0, 3650.0, "USD")}
    assert not report.refused


@pytest.mark.parametrize(("decimal", "kg"), [("comma", 12500.0), ("point", 12.5)])
def test_an_import_spec_says_the_decimal_mark_a_file_does_not_show(sqlite_db, tmp_path,
                                                                   decimal, kg):
    from sqlalchemy import select

    from casedb.importing.pipeline import import_file
    from casedb.importing.spec import load_spec
    from casedb.models import Declaration
    from tests.writers import write_csv

    path = write_csv(tmp_path / "dots.csv", [
        ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight"],
        ["K1", "2024-05-01", "391510", "12.500 kg"]])
    spec_file = tmp_path / "dots.spec.json"
    spec_file.write_text(json.dumps({"decimal": decimal}), "utf-8")
    report = import_file(sqlite_db, path, spec=load_spec(spec_file))
    with sqlite_db.read() as s:
        assert s.scalar(select(Declaration.gross_weight_kg)) == kg and not report.refused
