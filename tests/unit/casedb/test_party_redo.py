"""Redo of entity-resolution decisions undone: a merge, a rejection and a split made again from
the audit log, audited as decisions with a redo marker; several levels newest first; undone again
after a redo; nothing to redo after a new decision. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from casedb import messages
from casedb.cases.undo import undo_last
from casedb.errors import NotFound
from casedb.models import AuditEntry, DeclarationParty, MatchDecision, Party, PartyIdentifier
from casedb.parties import resolution as entities
from casedb.parties.redo import redo_last_decision
from tests import factories


def _two_parties(db, names=("Harbour Metals Ltd", "Harbor Metals Limited")):
    with db.begin() as s:
        a = factories.party(s, names[0], "MYS", phone="+60 3 1234 5678")
        b = factories.party(s, names[1], "MYS", phone="+60 3 1234 5678",
                            email="ops@harbor.example")
        factories.declaration(s, parties={"shipper": b})
    return a, b


def _state(db):
    with db.read() as s:
        return (sorted(s.scalars(select(Party.id))),
                sorted(s.scalars(select(DeclarationParty.party_id))),
                sorted((i.party_id, i.kind) for i in s.scalars(select(PartyIdentifier))),
                sorted(s.execute(select(MatchDecision.decision)).scalars()))


def test_a_merge_undone_is_made_again_and_undone_again(db):
    a, b = _two_parties(db)
    before = _state(db)
    entities.merge(db, a, b, reason="same phone")
    merged = _state(db)
    undo_last(db, "party", a)
    assert _state(db) == before
    redone = redo_last_decision(db, a)
    assert (redone.action, redone.changes.party_ids) == ("merge", frozenset({a, b}))
    assert _state(db) == merged
    with db.read() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.entity == "party")
                         .order_by(AuditEntry.id.desc()).limit(4)).all()
    marker = next(e for e in last if e.action == "redo")
    decision = next(e for e in last if e.action == "merge")
    assert marker.at == decision.at  # one change: undoing it undoes the merge made again
    assert decision.reason == "redo: same phone"
    undo_last(db, "party", a)
    assert _state(db) == before
    redo_last_decision(db, a)
    assert _state(db) == merged


def test_rejection_and_split_redone_newest_first_until_a_new_decision(db):
    a, b = _two_parties(db)
    entities.merge(db, a, b)
    merged = _state(db)
    entities.split(db, a, "Harbor Metals Limited", reason="not the same")
    undo_last(db, "party", a)  # the split
    undo_last(db, "party", a)  # the merge
    redo_last_decision(db, a)  # the merge first, then the split
    assert _state(db) == merged
    assert redo_last_decision(db, a).action == "split"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Party)) == 2
        assert s.scalar(select(MatchDecision.decision)) == "rejected"
    with pytest.raises(NotFound, match="nothing of party"):
        redo_last_decision(db, a)
    c, d = _two_parties(db, ("Ocean Plastics Sdn Bhd", "Oceanic Plastic Trading"))
    entities.reject(db, c, d, reason="different directors")
    undo_last(db, "party", c)
    assert redo_last_decision(db, c).action == "reject"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MatchDecision)
                        .where(MatchDecision.decision == "rejected")) == 2  # a's and c's
    undo_last(db, "party", c)
    entities.reject(db, c, d, reason="looked again")  # a new decision ends the redo
    with pytest.raises(NotFound) as refused:
        redo_last_decision(db, c)
    assert messages.text(refused.value, "zh-TW") == f"關係人 {c} 沒有可重做的異動"


def test_a_redo_that_fails_writes_nothing_and_marks_nothing_after(db):
    a, b = _two_parties(db)
    c, _d = _two_parties(db, ("Ocean Plastics Sdn Bhd", "Oceanic Plastic Trading"))
    entities.merge(db, a, b, reason="same phone")
    undo_last(db, "party", a)
    entities.merge(db, c, b, reason="b is c's after all")  # b goes away meanwhile
    with pytest.raises(NotFound):
        redo_last_decision(db, a)  # merging b into a again: there is no b
    entities.reject(db, a, c, reason="another decision in this thread")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action == "redo")) == 0
