"""Files shaped like real national customs exports (tests/national_files.py and
tests/national_registers.py), imported with import_file and read back from the database against
their hand-checked expectations, one aspect at a time: which records are stored, their codes and
dates, weights in kg, countries and ports, parties by role, containers, value and currency, line
items, seizures, and which rows are refused or warned.

Each file is imported once per engine and only read after: on SQLite, and the SAD (items), B/L
(shipments), ДТ and 報單 files on PostgreSQL too, where Cyrillic and CJK text, keys and the
length of each column are checked for real.
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest
from sqlalchemy import select

from casedb.errors import CaseDbError
from casedb.importing.pipeline import import_file
from casedb.importing.spec import ImportSpec
from casedb.models import (
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationItem,
    DeclarationParty,
    ImportWarning,
    PartyIdentifier,
    PartyName,
    Seizure,
)
from casedb.store import migrate
from casedb.store.database import Database
from tests.conftest import migrated_pg_database
from tests.national_files import DECLARATION_SHAPES, NationalFile, Row
from tests.national_registers import (
    seizure_register_en,
    seizure_register_zh,
    unitless_tonnes,
    vendor_china,
    vendor_vietnam,
)

SHAPES = {f.__name__: f for f in (*DECLARATION_SHAPES, vendor_vietnam, vendor_china,
                                  seizure_register_en, seizure_register_zh)}
BOTH_ENGINES = ("sad_asycuda", "us_bill_of_lading", "gtd_russia", "dt_kazakhstan",
                "taiwan_customs")
CODES = ("record_kind", "authority", "declaration_date", "direction", "hs_code", "vessel_name")
WEIGHTS = ("gross_weight_kg", "net_weight_kg")
PLACES = ("country_of_origin", "country_of_export", "country_of_destination",
          "port_of_loading", "port_of_transshipment", "port_of_discharge")


# -- importing each file once --------------------------------------------------------------------
class Imported:
    """The files imported so far in this module, one database per file and engine."""

    def __init__(self, request, folder_factory):
        self._request, self._folders = request, folder_factory
        self._stack = ExitStack()
        self._done: dict = {}

    def get(self, shape: str, engine: str):
        if (shape, engine) not in self._done:
            folder = self._folders.mktemp(f"{shape}-{engine}")
            nf = SHAPES[shape](folder)
            db = self._database(engine, folder)
            try:
                outcome = import_file(db, nf.path)
            except Exception as e:  # noqa: BLE001  each aspect fails naming it
                outcome = e
            self._done[shape, engine] = (nf, db, outcome)
        return self._done[shape, engine]

    def _database(self, engine: str, folder) -> Database:
        if engine == "postgresql":
            return self._stack.enter_context(migrated_pg_database(self._request))
        db = Database(folder / "cases.db", user="tester")
        migrate.upgrade(db)
        self._stack.callback(db.dispose)
        return db

    def close(self) -> None:
        self._stack.close()


@pytest.fixture(scope="module")
def imported(request, tmp_path_factory):
    done = Imported(request, tmp_path_factory)
    yield done
    done.close()


# -- reading back ---------------------------------------------------------------------------------
def _records(s, nf: NationalFile) -> dict[str, Declaration]:
    key = getattr(Declaration, nf.expected.key_field)
    found = s.scalars(select(Declaration).where(key.in_([r.key for r in nf.expected.rows])))
    return {getattr(d, nf.expected.key_field): d for d in found}


def _rounded(value):
    return round(value, 3) if isinstance(value, float) else value


def _field_table(s, nf: NationalFile, names: tuple[str, ...]) -> tuple[dict, dict]:
    """(stored, expected) values of the ``names`` each expected row names, by record key."""
    stored = _records(s, nf)
    got, want = {}, {}
    for row in nf.expected.rows:
        fields = [n for n in names if n in row.values]
        d = stored.get(row.key)
        got[row.key] = {n: _rounded(getattr(d, n)) for n in fields} if d else "not stored"
        want[row.key] = {n: _rounded(row.values[n]) for n in fields}
    return got, want


def _roles(s, declaration_id: int) -> tuple[dict, dict]:
    """({role: name as written}, {role: tax id}) of a declaration's parties."""
    names = dict(s.execute(
        select(DeclarationParty.role, PartyName.raw_name)
        .join(PartyName, PartyName.id == DeclarationParty.party_name_id)
        .where(DeclarationParty.declaration_id == declaration_id)).all())
    tax = dict(s.execute(
        select(DeclarationParty.role, PartyIdentifier.value)
        .join(PartyIdentifier, PartyIdentifier.party_id == DeclarationParty.party_id)
        .where(DeclarationParty.declaration_id == declaration_id,
               PartyIdentifier.kind == "tax_id")).all())
    return names, tax


def _items(s, declaration_id: int) -> list[tuple]:
    """(item_no, hs_code, gross kg, net kg) of a declaration's items (SAD box 32), in order."""
    item = DeclarationItem
    rows = s.execute(select(item.item_no, item.hs_code, item.gross_weight_kg,
                            item.net_weight_kg).where(item.declaration_id == declaration_id)
                     .order_by(item.item_no)).all()
    return [tuple(_rounded(v) for v in r) for r in rows]


def _warnings(s, report) -> dict[int, list[str]]:
    """{row: [column header, ...]} of the import's warnings, as stored (import_warning), after
    checking the report's JSON lists as many (issue 17: "warnings" beside "refused")."""
    found = s.execute(select(ImportWarning.row_number, ImportWarning.column_header)).all()
    assert len(report.to_json().get("warnings", ())) == len(found)
    warned: dict[int, list[str]] = {}
    for row, column in found:
        warned.setdefault(row, []).append(column.lower())
    return warned


# -- the aspects ----------------------------------------------------------------------------------
def check_stored(s, nf: NationalFile, report) -> None:
    """Exactly the expected records, once each; no placeholder, total or note stored as a
    number or a name."""
    key = getattr(Declaration, nf.expected.key_field)
    assert sorted(s.scalars(select(key)).all(), key=str) == sorted(r.key for r in nf.expected.rows)
    texts = {*s.scalars(select(Declaration.declaration_no)), *s.scalars(select(Declaration.bl_no)),
             *s.scalars(select(PartyName.raw_name))}
    assert not texts & set(nf.expected.never_stored)


def check_codes(s, nf: NationalFile, report) -> None:
    got, want = _field_table(s, nf, CODES)
    assert got == want


def check_weights(s, nf: NationalFile, report) -> None:
    got, want = _field_table(s, nf, WEIGHTS)
    assert got == want


def check_places(s, nf: NationalFile, report) -> None:
    got, want = _field_table(s, nf, PLACES)
    assert got == want


def check_parties(s, nf: NationalFile, report) -> None:
    stored = _records(s, nf)
    got = {r.key: _roles(s, stored[r.key].id) if r.key in stored else "not stored"
           for r in nf.expected.rows}
    assert got == {r.key: (r.parties, r.tax_ids) for r in nf.expected.rows}


def check_containers(s, nf: NationalFile, report) -> None:
    stored = _records(s, nf)
    got = {r.key: set(s.scalars(select(DeclarationContainer.container_no).where(
        DeclarationContainer.declaration_id == stored[r.key].id))) if r.key in stored else None
        for r in nf.expected.rows}
    assert got == {r.key: set(r.containers) for r in nf.expected.rows}


def check_money(s, nf: NationalFile, report) -> None:
    """A value is stored with the currency it is in (USD or the local one, never a bare
    number of unknown currency)."""
    stored = _records(s, nf)
    for row in nf.expected.rows:
        d = stored.get(row.key)
        assert d is not None, f"{row.key} not stored"
        assert (_rounded(d.declared_value), d.currency) in row.value_choices, row.key


def check_items(s, nf: NationalFile, report) -> None:
    stored = _records(s, nf)
    for row in nf.expected.rows:
        assert row.key in stored, f"{row.key} not stored"
        if row.items:
            assert _items(s, stored[row.key].id) == [tuple(map(_rounded, i)) for i in row.items]


def check_seizures(s, nf: NationalFile, report) -> None:
    """Each seized declaration hangs on its case, on its date; a quantity, when stored, is in
    kg (never the tonnes of the register)."""
    found = s.execute(select(Declaration.declaration_no, Case.case_ref, Seizure.seizure_date,
                             Seizure.quantity_kg)
                      .join(Seizure, Seizure.declaration_id == Declaration.id)
                      .join(Case, Case.id == Seizure.case_id)).all()
    got = {no: (case, date) for no, case, date, _kg in found}
    assert got == {r.key: (r.seizure["case_ref"], r.seizure["seizure_date"])
                   for r in nf.expected.rows}
    want_kg = {r.key: _rounded(r.seizure["quantity_kg"]) for r in nf.expected.rows}
    assert {no: _rounded(kg) for no, _c, _d, kg in found if kg is not None} == {
        no: want_kg[no] for no, _c, _d, kg in found if kg is not None}


def check_verdict(s, nf: NationalFile, report) -> None:
    """The rows refused and the rows warned, each naming why; a total or a note may be
    refused (it is not data) but need not be."""
    refused = {r.row: f"{r.column} {r.reason}".lower() for r in report.refused}
    assert set(nf.expected.refused) <= set(refused) <= {*nf.expected.refused,
                                                        *nf.expected.may_refuse}, refused
    for row, word in nf.expected.refused.items():
        assert word.lower() in refused[row], (row, refused[row])
    warned = _warnings(s, report)
    assert sorted(warned) == sorted(nf.expected.warned), warned
    for row, word in nf.expected.warned.items():
        assert any(word.lower() in c for c in warned[row]), (row, warned[row])


ASPECTS = {"stored": check_stored, "codes": check_codes, "weights": check_weights,
           "places": check_places, "parties": check_parties, "containers": check_containers,
           "money": check_money, "items": check_items, "seizures": check_seizures,
           "verdict": check_verdict}


def _applies(aspect: str, rows: tuple[Row, ...]) -> bool:
    needs = {"parties": lambda r: r.parties or r.tax_ids, "containers": lambda r: r.containers,
             "money": lambda r: r.value_choices, "items": lambda r: r.items,
             "seizures": lambda r: r.seizure,
             "places": lambda r: set(PLACES) & set(r.values),
             "codes": lambda r: set(CODES) & set(r.values),
             "weights": lambda r: set(WEIGHTS) & set(r.values)}.get(aspect)
    return needs is None or any(map(needs, rows))


def _cases():
    for shape, build in SHAPES.items():
        rows = _expected_rows(build)
        for aspect in ASPECTS:
            if not _applies(aspect, rows):
                continue
            for engine in ("sqlite", "postgresql") if shape in BOTH_ENGINES else ("sqlite",):
                yield pytest.param(shape, aspect, engine, id=f"{shape}-{aspect}-{engine}")


def _expected_rows(build) -> tuple[Row, ...]:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        return build(Path(folder)).expected.rows


@pytest.mark.parametrize(("shape", "aspect", "engine"), list(_cases()))
def test_national_file(imported, shape, aspect, engine):
    nf, db, outcome = imported.get(shape, engine)
    if isinstance(outcome, Exception):
        pytest.fail(f"{nf.path.name} was not imported: {outcome!r}")
    with db.read() as s:
        ASPECTS[aspect](s, nf, outcome)


# -- a weight in tonnes with no unit anywhere ----------------------------------------------------
def test_tonnes_without_a_unit_are_never_stored_as_kilograms(sqlite_db, tmp_path):
    """A few dozen "kg" per container of bulk waste is tonnes written as numbers: the import
    refuses the file or its rows naming the weight, or keeps the rows without the weight and
    says so; it never stores 18.5 kg."""
    nf = unitless_tonnes(tmp_path)
    try:
        report = import_file(sqlite_db, nf.path)
    except CaseDbError as e:
        assert "weight" in str(e).lower()
        return
    with sqlite_db.read() as s:
        weights = s.execute(select(Declaration.gross_weight_kg, Declaration.net_weight_kg)).all()
    assert all(w is None or w >= 1000 for pair in weights for w in pair), weights
    said = {r.row for r in report.refused if "weight" in f"{r.column} {r.reason}".lower()}
    if weights:
        with sqlite_db.read() as s:
            said |= {row for row, columns in _warnings(s, report).items()
                     if any("weight" in c for c in columns)}
    assert said == {2, 3, 4, 5}


def test_tonnes_without_a_unit_are_stored_in_kilograms_once_the_unit_is_given(sqlite_db,
                                                                               tmp_path):
    nf = unitless_tonnes(tmp_path)
    report = import_file(sqlite_db, nf.path, spec=ImportSpec(units={"gross_weight_kg": "t"}))
    assert (report.imported, report.refused) == (4, ())
    with sqlite_db.read() as s:
        for check in (check_stored, check_codes, check_weights, check_containers):
            check(s, nf, report)
