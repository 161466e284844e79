"""Undo from the audit trail: the last case change (edit, add, remove, merge) and the last
entity-resolution decision (merge, split, rejection), several levels, refused over a newer edit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from casedb.cases.members import add_to_case, merge_cases, new_case, remove_from_case
from casedb.cases.records import edit_case, get_case, list_cases
from casedb.cases.undo import redo_last, undo_last
from casedb.errors import ConflictError, NotFound
from casedb.models import DeclarationParty, MatchDecision, Party, PartyIdentifier
from casedb.parties import resolution as entities
from casedb.store import audit
from tests import factories


def _counts(db):
    return {c.case_ref: (c.seizures, c.status) for c in list_cases(db)}


def test_undo_edits_one_change_at_a_time(db):
    new_case(db, "C-1", title="first")
    edit_case(db, "C-1", {"title": "second", "status": "investigating"}, expected_version=None)
    edit_case(db, "C-1", {"lead_officer": "Lin"}, expected_version=None)
    out = undo_last(db, "case", "C-1")
    assert get_case(db, "C-1").lead_officer is None
    assert out.changes.case_refs == {"C-1"} and out.versions == {"C-1": get_case(db, "C-1").version}
    undo_last(db, "case", "C-1")  # the change before: title and status together
    case = get_case(db, "C-1")
    assert (case.title, case.status) == ("first", "open")
    with pytest.raises(NotFound, match="no change of case C-1 to undo"):
        undo_last(db, "case", "C-1")  # back at the creation
    with db.read() as s:
        undos = [r for r in audit.entries(s, entity="case") if r.action == "undo"]
    assert len(undos) == 2 and all(r.reason.startswith("undo") for r in undos)


def test_undo_refuses_to_overwrite_a_newer_value(db):
    new_case(db, "C-1", title="first")
    edit_case(db, "C-1", {"title": "second"}, expected_version=None)
    with db.begin() as s:  # someone changes the title behind the log's back
        from casedb.models import Case

        s.scalar(select(Case).where(Case.case_ref == "C-1")).title = "third"
    with pytest.raises(ConflictError, match="title was changed since"):
        undo_last(db, "case", "C-1")
    assert get_case(db, "C-1").title == "third"


def test_undo_add_remove_and_merge(db):
    new_case(db, "A")
    new_case(db, "B", status="investigating")
    with db.begin() as s:
        ids = [factories.declaration(s) for _ in range(3)]
    add_to_case(db, "A", {ids[0]: 500.0, ids[1]: None})
    add_to_case(db, "B", ids[1:])
    remove_from_case(db, "A", [ids[0]])
    undo_last(db, "case", "A")  # the removal: the seizure comes back with its quantity
    assert _counts(db)["A"][0] == 2
    with db.read() as s:
        from casedb.models import Seizure

        assert s.scalar(select(Seizure.quantity_kg).where(Seizure.declaration_id == ids[0])) == 500.0
    before = _counts(db)
    merge_cases(db, "A", "B", reason="same ring")
    assert _counts(db) == {"A": (3, "open"), "B": (0, "closed")}
    undo_last(db, "case", "A")
    assert _counts(db) == before
    assert get_case(db, "B").merged_into is None


def _two_parties(db):
    with db.begin() as s:
        a = factories.party(s, "Harbour Metals Ltd", "MYS", phone="+60 3 1234 5678")
        b = factories.party(s, "Harbor Metals Limited", "MYS", phone="+60 3 1234 5678",
                            email="ops@harbor.example")
        factories.declaration(s, parties={"shipper": b})
    return a, b


def test_undo_entity_merge_restores_the_party(db):
    a, b = _two_parties(db)
    entities.merge(db, a, b, reason="same phone")
    out = undo_last(db, "party", a)
    assert out.changes.party_ids == {a, b}
    with db.read() as s:
        assert s.get(Party, b).display_name == "Harbor Metals Limited"
        assert s.scalar(select(DeclarationParty.party_id)) == b
        assert {i.kind for i in s.scalars(select(PartyIdentifier)
                                          .where(PartyIdentifier.party_id == b))} == {
            "phone", "email"}
        assert s.scalar(select(func.count()).select_from(MatchDecision)) == 0


def test_undo_rejection_and_split(db):
    a, b = _two_parties(db)
    entities.reject(db, a, b, reason="different directors")
    undo_last(db, "party", a)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MatchDecision)) == 0
    entities.merge(db, a, b)
    new = entities.split(db, a, "Harbor Metals Limited", reason="not the same")
    undo_last(db, "party", a)
    with db.read() as s:
        assert s.get(Party, new) is None
        assert s.scalar(select(DeclarationParty.party_id)) == a
        assert s.scalar(select(MatchDecision.decision)) == "confirmed"  # the merge's, again


def test_redo_what_was_undone_until_a_new_change(db):
    new_case(db, "C-1", title="first")
    with db.begin() as s:
        ids = [factories.declaration(s) for _ in range(2)]
    edit_case(db, "C-1", {"title": "second"}, expected_version=None)
    add_to_case(db, "C-1", {ids[0]: 40.0})
    undo_last(db, "case", "C-1")
    undo_last(db, "case", "C-1")
    assert (get_case(db, "C-1").title, _counts(db)["C-1"][0]) == ("first", 0)
    redo_last(db, "C-1")  # the title
    assert (get_case(db, "C-1").title, _counts(db)["C-1"][0]) == ("second", 0)
    redo_last(db, "C-1")  # the declaration, with its quantity
    assert _counts(db)["C-1"][0] == 1
    with pytest.raises(NotFound, match="nothing of case C-1 to redo"):
        redo_last(db, "C-1")
    undo_last(db, "case", "C-1")  # undoes the redone addition
    assert _counts(db)["C-1"][0] == 0
    edit_case(db, "C-1", {"summary": "new work"}, expected_version=None)
    with pytest.raises(NotFound, match="to redo"):
        redo_last(db, "C-1")  # a new change ends what can be redone
