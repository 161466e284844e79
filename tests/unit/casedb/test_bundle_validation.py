"""A bundle is checked whole before anything is written: each hostile value of the issue is
refused with a message naming its JSON path, and the database is left as it was."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import func, select

from casedb.errors import CaseDbError
from casedb.exchange import BundleError, check_bundle, load_bundle
from casedb.exchange.validate import validate
from casedb.models import Base, Case, Seizure

VALID = {
    "format": "wasteintel-case-bundle", "version": 2, "redacted": False, "removed": [],
    "case": {"case_ref": "KL-7", "title": "PE scrap", "status": "open", "opened_on": "2019-05-02",
             "summary": "Two\nlines", "tags": ["plastic"]},
    "parties": [{"ref": "PARTY-1", "name": "Orient Scrap Co., Ltd.", "country": "TWN",
                 "variants": ["ORIENT SCRAP CO LTD"], "identifiers": [["phone", "+886 7 123 4567"]]}],
    "declarations": [{
        "authority": "MY", "declaration_no": "B19-0001", "declaration_date": "2019-05-02",
        "direction": "import", "hs_code": "391510", "goods_description": "PE scrap",
        "gross_weight_kg": 24000.0, "net_weight_kg": None, "declared_value": 1200,
        "currency": "USD", "port_of_loading": "TWKHH", "port_of_discharge": "MYPKG",
        "country_of_export": "TWN", "country_of_destination": "MYS",
        "containers": ["MSCU1234566"], "parties": {"shipper": "PARTY-1"},
        "items": [{"item_no": "1", "hs_code": "391510", "goods_description": "PE film",
                   "gross_weight_kg": 12000.0}],
        "seizure": {"seizure_date": "2019-05-10", "quantity_kg": 24000, "offence": "no permit"}}],
    "notes": ["checked"],
    "grades": [{"of": "note", "note": 0, "scheme": "admiralty", "grade": "B2"},
               {"of": "source_file", "sha256": "a" * 64, "scheme": "admiralty", "grade": "C3"}],
}


def _with(path: str, value) -> dict:
    data = copy.deepcopy(VALID)
    *parents, last = path.split(".")
    target = data
    for p in parents:
        target = target[int(p)] if p.isdigit() else target[p]
    target[int(last) if last.isdigit() else last] = value
    return data


HOSTILE = [
    ("declarations.0.gross_weight_kg", float("inf"), "$.declarations[0].gross_weight_kg",
     "finite"),
    ("declarations.0.net_weight_kg", float("nan"), "$.declarations[0].net_weight_kg", "finite"),
    ("declarations.0.gross_weight_kg", -5, "$.declarations[0].gross_weight_kg", "between 0"),
    ("declarations.0.gross_weight_kg", "24000", "$.declarations[0].gross_weight_kg", "number"),
    ("declarations.0.gross_weight_kg", True, "$.declarations[0].gross_weight_kg", "number"),
    ("declarations.0.seizure.quantity_kg", 1e300, "$.declarations[0].seizure.quantity_kg",
     "between 0"),
    ("declarations.0.parties", {"hacker": "PARTY-1"}, "$.declarations[0].parties.hacker",
     "not a known role"),
    ("declarations.0.parties", {"shipper": "PARTY-99"}, "$.declarations[0].parties.shipper",
     "PARTY-99"),
    ("declarations.0.containers", "MSCU1234566", "$.declarations[0].containers", "a list"),
    ("declarations.0.containers", ["M"], "$.declarations[0].containers[0]", "container"),
    ("case.tags", "plastic", "$.case.tags", "a list"),
    ("case.title", "PE\x00scrap", "$.case.title", "control characters"),
    ("case.title", "PE\nscrap", "$.case.title", "control characters"),
    ("case.case_ref", "K" * 5000, "$.case.case_ref", "more than the 64"),
    ("case.status", "hacked", "$.case.status", "one of open"),
    ("case.opened_on", "2019-02-30", "$.case.opened_on", "YYYY-MM-DD"),
    ("declarations.0.country_of_export", "XYZ", "$.declarations[0].country_of_export",
     "country"),
    ("declarations.0.currency", "QQQ", "$.declarations[0].currency", "currency"),
    ("declarations.0.hs_code", "39AB", "$.declarations[0].hs_code", "hs code"),
    ("parties.0.identifiers", [["passport", "X"]], "$.parties[0].identifiers[0][0]",
     "one of address"),
    ("parties.0.name", "", "$.parties[0].name", "empty"),
    ("declarations.0.vessel_name", "\ud800", "$.declarations[0].vessel_name", "control"),
    ("version", 99, "$.version", "update WasteIntel"),
    ("parties", VALID["parties"] * 2, "$.parties[1].ref", "appears twice"),
    ("declarations", VALID["declarations"] * 2, "$.declarations[1].declaration_no",
     "appears twice"),
    ("declarations.0.items", [{"item_no": "1"}, {"item_no": "1"}],
     "$.declarations[0].items[1].item_no", "twice"),
    ("declarations.0.items", [{"item_no": "1", "net_weight_kg": -1}],
     "$.declarations[0].items[0].net_weight_kg", "between 0"),
    ("case", [], "$.case", "an object"),
    ("declarations.0.seizure", {"quantity_kg": 1, "evil": 2}, "$.declarations[0].seizure.evil",
     "not a field"),
]


@pytest.mark.parametrize(("path", "value", "where", "what"), HOSTILE,
                         ids=[f"{h[0]}={h[1]!r:.20}" for h in HOSTILE])
def test_each_hostile_value_is_named_by_its_path(path, value, where, what):
    problems = validate(_with(path, value))
    assert problems, "accepted"
    assert problems[0].where == where and what.lower() in problems[0].what.lower(), problems[0]


def test_the_valid_bundle_is_valid():
    assert validate(VALID) == []


def _counts(db) -> dict[str, int]:
    with db.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables}


def test_nothing_is_written_when_anything_is_refused(db, tmp_path):
    before = _counts(db)
    for n, (path, value, where, _) in enumerate(HOSTILE):
        bundle = tmp_path / f"b{n}.json"
        bundle.write_text(json.dumps(_with(path, value)), "utf-8")  # NaN, Infinity as written
        with pytest.raises(BundleError) as info:
            load_bundle(db, bundle)
        assert where in str(info.value) and str(bundle) in str(info.value)
        assert "\n" not in str(info.value)
    assert _counts(db) == before
    good = tmp_path / "good.json"
    good.write_text(json.dumps(VALID), "utf-8")
    assert load_bundle(db, good).declarations_added == 1
    with db.read() as s:
        assert s.scalar(select(Seizure.quantity_kg)) == 24000
        assert s.scalar(select(Case.summary)) == "Two\nlines"


@pytest.mark.parametrize(("content", "message"), [
    (b"{not json", "is not valid JSON (line 1"),
    (b"[" * 100_000 + b"]" * 100_000, "nests"),
    (b"\xff\xfe{}", "is not UTF-8"),
    (b'{"format": "x"}', "is not a WasteIntel case bundle"),
    (b"1" * 5000, "not a JSON file WasteIntel can read"),
    (b"[]", "$: must be an object"),
])
def test_malformed_files_are_one_sentence(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    problems = check_bundle(path)
    assert problems and message in str(problems[0]), problems


def test_a_folder_or_a_missing_file_is_named(db, tmp_path):
    with pytest.raises(CaseDbError, match="is a folder, not a bundle"):
        load_bundle(db, tmp_path)
    with pytest.raises(CaseDbError, match="no such file"):
        load_bundle(db, tmp_path / "none.json")
    with pytest.raises(CaseDbError, match="is not a regular file"):
        load_bundle(db, "/dev/zero")


def test_a_version_1_bundle_is_still_read(db, tmp_path):
    old = copy.deepcopy(VALID)
    old["version"] = 1
    del old["removed"], old["declarations"][0]["items"]
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(old), "utf-8")
    assert load_bundle(db, path).declarations_added == 1
