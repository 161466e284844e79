"""Cases written before the status workflow (older systems, bundles, the first demo) carry other
words: "Under Investigation", "prosecuted", "in_progress", "archived", "偵查中". They read as the
workflow's statuses (records, lists, words, the transitions allowed) and the status filters of
the case list and the browser find them; the stored value is kept until the status is edited.
SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from casedb.browse.tables import Filters, case_ids
from casedb.cases import status as case_status
from casedb.cases.members import new_case
from casedb.cases.records import edit_case, get_case, list_cases
from casedb.models import Case

OLD = {"L-1": "Under Investigation", "L-2": "prosecuted", "L-3": "in_progress",
       "L-4": "archived", "L-5": "偵查中", "L-6": "open", "L-7": "something else"}


def _old_cases(db) -> dict[str, int]:
    for ref in OLD:
        new_case(db, ref, title=ref)
    with db.begin() as s:  # as an older version or another system wrote them
        for case in s.scalars(select(Case)):
            case.status = OLD[case.case_ref]
    with db.read() as s:
        return dict(s.execute(select(Case.case_ref, Case.id)).all())


def test_older_statuses_read_and_filter_as_the_workflows(db):
    ids = _old_cases(db)
    assert {c.case_ref: c.status for c in list_cases(db)} == {
        "L-1": "investigating", "L-2": "referred", "L-3": "investigating", "L-4": "closed",
        "L-5": "investigating", "L-6": "open", "L-7": "something else"}
    assert get_case(db, "L-2").status == "referred"
    assert {c.case_ref for c in list_cases(db, status="investigating")} == {"L-1", "L-3", "L-5"}
    assert {c.case_ref for c in list_cases(db, status="closed")} == {"L-4"}
    found = set(case_ids(db, Filters(status="investigating")))
    assert found == {ids["L-1"], ids["L-3"], ids["L-5"]}
    assert set(case_ids(db, Filters(status="referred"))) == {ids["L-2"]}
    assert case_status.word("Under Investigation", "zh-TW") == "偵查中"
    assert case_status.word("prosecuted") == "Referred to prosecutor"
    assert case_status.word("something else") == "something else"


def test_a_case_with_an_older_status_moves_along_the_workflow(db):
    _old_cases(db)
    assert case_status.allowed("in_progress") == ("referred", "closed", "open")
    edit_case(db, "L-3", {"status": "referred"}, expected_version=None)
    edit_case(db, "L-5", {"status": "investigating"}, expected_version=None)  # the same status
    with db.read() as s:
        stored = dict(s.execute(select(Case.case_ref, Case.status)).all())
    assert (stored["L-3"], stored["L-5"], stored["L-1"]) == (
        "referred", "investigating", "Under Investigation")  # the others kept as written
