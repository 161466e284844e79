"""Case management by hand: new cases, every field edited, the status workflow, declarations and
seizures added and removed with their quantities, cases merged; audited, locked, explained."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from casedb.cases import status as case_status
from casedb.cases.members import (
    add_seizure,
    add_to_case,
    declaration_ids,
    held_by_cases,
    merge_cases,
    new_case,
    remove_from_case,
)
from casedb.cases.records import edit_case, get_case, list_cases
from casedb.errors import CaseDbError, ConflictError, NotFound
from casedb.models import CASE_STATUSES
from casedb.store import audit
from casedb.store.database import Database
from tests import factories


def _declarations(db, n=3, case_ref=None):
    with db.begin() as s:
        return [factories.declaration(s, declaration_no=f"AA{i:04d}", gross_weight_kg=1000.0 * i,
                                      case_ref=case_ref) for i in range(1, n + 1)]


def test_new_case_keeps_every_field_and_audits_each(db):
    changed = new_case(db, "TW-2026-007", title="PET bales via Port Klang", lead_officer="Lin",
                       team="Keelung ops", status="investigating", tags=["plastic", "split"],
                       classification="restricted", summary="Three shippers, one consignee",
                       opened_on=dt.date(2026, 3, 1), reason="tip-off")
    case = get_case(db, "TW-2026-007")
    assert changed.version == case.version and changed.changes.case_refs == {"TW-2026-007"}
    assert "team" in changed.fields
    assert (case.title, case.lead_officer, case.team, case.status, case.tags,
            case.classification, case.opened_on) == (
        "PET bales via Port Klang", "Lin", "Keelung ops", "investigating", ("plastic", "split"),
        "restricted", dt.date(2026, 3, 1))
    with db.read() as s:
        rows = audit.entries(s, entity="case", entity_ids=[case.id])
    assert {r.field for r in rows if r.action == "update"} >= {
        "title", "lead_officer", "team", "status", "tags", "classification", "summary"}
    assert {r.reason for r in rows} == {"tip-off"}
    assert len({r.at for r in rows}) == 1  # one change
    with pytest.raises(CaseDbError, match="no colour"):
        new_case(db, "X-1", colour="red")
    with pytest.raises(CaseDbError, match="unknown case status 'prosecuting'"):
        new_case(db, "X-2", status="prosecuting")


def test_every_field_is_editable_and_tags_read_back(db):
    new_case(db, "C-1", title="t")
    v = get_case(db, "C-1").version
    out = edit_case(db, "C-1", {"title": "T2", "summary": "S", "lead_officer": "Wu",
                                "team": "Kaohsiung", "classification": "secret",
                                "tags": ["e-waste"], "opened_on": dt.date(2025, 1, 2),
                                "closed_on": None}, expected_version=v, reason="review")
    assert list(out.fields) == sorted(["title", "summary", "lead_officer", "team",
                                    "classification", "tags", "opened_on"])
    assert out.version == v + 1
    case = get_case(db, "C-1")
    assert (case.team, case.classification, case.tags) == ("Kaohsiung", "secret", ("e-waste",))
    with db.read() as s:
        tags = [r for r in audit.entries(s, entity="case") if r.field == "tags"][-1]
    assert json.loads(tags.new_value) == ["e-waste"]


def test_status_workflow_enforced(db):
    new_case(db, "C-1")
    for status in ("investigating", "referred", "closed", "open"):  # ... and reopen
        edit_case(db, "C-1", {"status": status}, expected_version=None)
    assert get_case(db, "C-1").status == "open"
    edit_case(db, "C-1", {"status": "closed"}, expected_version=None)
    with pytest.raises(CaseDbError, match="cannot go from 'closed' to 'referred'.*open"):
        edit_case(db, "C-1", {"status": "referred"}, expected_version=None)
    assert get_case(db, "C-1").status == "closed"


def test_status_words_in_both_languages():
    assert set(case_status.WORKFLOW) <= set(CASE_STATUSES)
    for status in CASE_STATUSES:
        assert status in case_status.WORDS["en"] and status in case_status.WORDS["zh-TW"]
        assert case_status.word(status, "zh-TW").isascii() is False
    assert case_status.word("referred", "zh-TW") == "已移送地檢署"
    assert case_status.allowed("under investigation") == case_status.allowed("investigating")


def test_conflict_names_the_case_and_what_changed(db):
    new_case(db, "C-1", title="t")
    seen = get_case(db, "C-1").version
    bob = Database(db.url, user="bob")
    edit_case(bob, "C-1", {"lead_officer": "Bob"}, expected_version=seen)
    bob.dispose()
    who = f"{bob.user} changed lead_officer"  # on PostgreSQL, the database role
    with pytest.raises(ConflictError, match=rf"case C-1 .*{who}"):
        edit_case(db, "C-1", {"title": "mine"}, expected_version=seen)
    with pytest.raises(ConflictError, match=who):
        add_to_case(db, "C-1", [], expected_version=seen)
    assert get_case(db, "C-1").title == "t"


def test_add_and_remove_declarations_with_quantities(db):
    new_case(db, "C-1")
    ids = _declarations(db)
    assert declaration_ids(db, ["AA0002", "AA0001"]) == [ids[1], ids[0]]
    with pytest.raises(NotFound, match="no declaration NOPE"):
        declaration_ids(db, ["AA0001", "NOPE"])
    v = get_case(db, "C-1").version
    out = add_to_case(db, "C-1", {ids[0]: 750.0, ids[1]: None}, reason="ring 3")
    assert len(out.seizure_ids) == 2 and out.version == v + 1
    assert out.changes.declaration_ids == set(ids[:2]) and out.changes.touches_case("C-1")
    again = add_to_case(db, "C-1", ids[:2])
    assert not again and not again.changes and again.version == v + 1  # nothing changed
    assert list_cases(db)[0].declarations == 2
    extra = add_seizure(db, "C-1", quantity_kg=120.0, offence="undeclared e-waste",
                        seizure_date=dt.date(2026, 1, 5))
    with pytest.raises(CaseDbError, match="more than 0 kg"):
        add_seizure(db, "C-1", quantity_kg=-3.0)
    with pytest.raises(NotFound, match="nothing was removed"):
        remove_from_case(db, "C-1", [ids[2]])
    gone = remove_from_case(db, "C-1", [ids[0]], seizure_ids=extra.seizure_ids, reason="wrong")
    assert len(gone.seizure_ids) == 2 and gone.declaration_ids == (ids[0],)
    assert list_cases(db)[0].seizures == 1
    with db.read() as s:
        removed = [json.loads(r.old_value) for r in audit.entries(s, entity="case")
                   if r.action == "remove"]
    assert {(r["declaration_id"], r["quantity_kg"]) for r in removed} == {
        (ids[0], 750.0), (None, 120.0)}


def test_merge_two_cases(db):
    new_case(db, "A")
    new_case(db, "B", status="investigating")
    ids = _declarations(db)
    add_to_case(db, "A", ids[:2])
    add_to_case(db, "B", ids[1:])
    out = merge_cases(db, "A", "B", reason="same ring")
    assert len(out.seizure_ids) == 1  # ids[1] was in both
    assert out.changes.case_refs == {"A", "B"} and out.declaration_ids == tuple(ids[1:])
    a, b = get_case(db, "A"), get_case(db, "B")
    assert (b.status, b.merged_into) == ("closed", "A")
    by_ref = {c.case_ref: c for c in list_cases(db)}
    assert (by_ref["A"].declarations, by_ref["B"].declarations) == (3, 0)
    assert a.version == out.version
    assert held_by_cases(db, ids) == {"A": sorted(ids)}  # the warning before a new case
    with pytest.raises(CaseDbError, match="merged already"):
        merge_cases(db, "A", "B")
    with pytest.raises(CaseDbError, match="into itself"):
        merge_cases(db, "A", "A")
