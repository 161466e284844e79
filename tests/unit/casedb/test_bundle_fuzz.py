"""Fuzzing the bundle import (hypothesis): a valid bundle with hostile values put anywhere, and
files of arbitrary bytes. The import either refuses with a CaseDbError and writes nothing, or
stores only values the database's columns hold (finite, non-negative weights, lengths within
the columns, no control characters); it never raises anything else."""

from __future__ import annotations

import copy
import itertools
import json
import math
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Float, String, func, select

from casedb.cases.casefile import load_case_file
from casedb.errors import CaseDbError
from casedb.exchange import check_bundle, load_bundle
from casedb.models import Base, Case
from tests.unit.casedb.test_bundle_validation import VALID

_serial = itertools.count()
MULTILINE = {("case", "summary"), ("note", "body"), ("declaration", "goods_description")}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


PATHS = [p for p in _paths(VALID) if p]
HOSTILE = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.text(min_size=60, max_size=600), st.lists(st.text(max_size=12), max_size=4),
    st.dictionaries(st.sampled_from(["shipper", "hacker", "ref", "name", "field"]),
                    st.one_of(st.text(max_size=8), st.integers()), max_size=3),
    st.sampled_from(["shipper", "hacker", "PARTY-1", "PARTY-99", "TWN", "XYZ", "MSCU1234566",
                     "MSCU1234567", "2019-02-30", "2019-05-02", "0001-01-01", "open", "USD",
                     "\x00", "\ud800", "a\nb", " ", "9" * 400, "-1"]),
)
EDITS = st.lists(st.tuples(st.sampled_from(PATHS), st.one_of(HOSTILE, st.just(KeyError))),
                 min_size=1, max_size=4)


def _apply(data: dict, path: tuple, value) -> None:
    target = data
    for step in path[:-1]:
        try:
            target = target[step]
        except (KeyError, IndexError, TypeError):
            return
    if not isinstance(target, (dict, list)):
        return
    if isinstance(target, list) and not (isinstance(path[-1], int) and path[-1] < len(target)):
        return
    if value is KeyError:
        if isinstance(target, dict):
            target.pop(path[-1], None)
        return
    target[path[-1]] = value


def _counts(db) -> dict[str, int]:
    with db.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables}


def _stored_values_are_sound(db) -> None:
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            for col in table.columns:
                if isinstance(col.type, Float):
                    for (v,) in s.execute(select(col).where(col.is_not(None))):
                        assert math.isfinite(v) and v >= 0, (table.name, col.name, v)
                elif isinstance(col.type, String) and table.name != "audit_log":
                    for (v,) in s.execute(select(col).where(col.is_not(None))):
                        assert col.type.length is None or len(v) <= col.type.length, col
                        assert not CONTROL.search(v), (table.name, col.name, v)
                        assert "\n" not in v or (table.name, col.name) in MULTILINE


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=EDITS)
def test_a_mutated_bundle_is_refused_whole_or_stored_sound(db, tmp_path, edits):
    """On SQLite, which stores what it is given, and on PostgreSQL, which refuses NUL bytes and
    lone surrogates itself: validation must have refused them first."""
    n = next(_serial)
    data = copy.deepcopy(VALID)
    data["case"]["case_ref"] = f"FUZZ-{n}"
    data["declarations"][0]["declaration_no"] = f"FZ-{n}"
    for path, value in edits:
        _apply(data, path, value)
    path = tmp_path / f"fuzz{n}.json"
    path.write_text(json.dumps(data, allow_nan=True), "utf-8")
    before = _counts(db)
    try:
        result = load_bundle(db, path)
    except CaseDbError as exc:
        assert "\n" not in str(exc)
        assert _counts(db) == before
        return
    _stored_values_are_sound(db)
    cf = load_case_file(db, result.case_ref)
    assert math.isfinite(cf.total_kg)
    with db.read() as s:
        assert s.scalar(select(Case.title).where(Case.case_ref == result.case_ref)) is not None


@settings(max_examples=150, deadline=None)
@given(content=st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(str.encode),
    st.recursive(st.one_of(st.none(), st.booleans(), st.floats(), st.text(max_size=10)),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                     st.text(max_size=6), inner, max_size=3), max_leaves=20)
    .map(lambda v: json.dumps(v).encode()),
))
def test_arbitrary_files_are_refused_in_one_sentence(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("fz") / "b.json"
    path.write_bytes(content)
    problems = check_bundle(path)
    assert problems and all("\n" not in str(p) for p in problems)
