"""Undo of entity-resolution decisions (merge, split, rejection), from what casedb.parties.resolution
keeps in the audit log: for a merge, the party that went away with its names, links and
identifiers; for every decision, the decision on the two name keys it replaced."""

from __future__ import annotations

import json

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from casedb import messages
from casedb.errors import ConflictError
from casedb.models import (
    AuditEntry,
    DeclarationParty,
    MatchDecision,
    Party,
    PartyIdentifier,
    PartyName,
)
from casedb.store import audit
from casedb.store.database import Database


def undo_record(s: Session, other: Party) -> dict:
    """What a merge of ``other`` into another party moves, kept to undo it."""
    return {
        "party": {"id": other.id, "display_name": other.display_name,
                  "name_key": other.name_key, "country": other.country, "kind": other.kind},
        "names": list(s.scalars(select(PartyName.id).where(PartyName.party_id == other.id))),
        "links": [list(r) for r in s.execute(
            select(DeclarationParty.declaration_id, DeclarationParty.role)
            .where(DeclarationParty.party_id == other.id))],
        "identifiers": [[i.id, i.kind, i.value, i.value_key] for i in s.scalars(
            select(PartyIdentifier).where(PartyIdentifier.party_id == other.id))],
    }


def undo_decision(db: Database, s: Session, group: list[AuditEntry], why: str) -> list[int]:
    """Revert the decision of ``group``; returns the ids of the parties it changed."""
    by_field = {(e.action, e.field): e for e in group if e.entity == "party"}
    if ("merge", "moved") in by_field:
        return _undo_merge(db, s, by_field[("merge", "moved")], why)
    if ("split", "name") in by_field:
        return _undo_split(db, s, by_field[("split", "name")], by_field.get(("decide",
                                                                             "decision")), why)
    if ("decide", "decision") in by_field:
        e = by_field[("decide", "decision")]
        _restore_decision(s, json.loads(e.old_value))
        audit.record(s, db.user, "undo-reject", "party", e.entity_id, field="match", reason=why)
        return [e.entity_id]
    raise messages.error(ConflictError, "decision_too_old")


def _undo_merge(db: Database, s: Session, e: AuditEntry, why: str) -> dict:
    moved = json.loads(e.new_value)
    p = moved["party"]
    if s.get(Party, p["id"]) is not None:
        raise messages.error(ConflictError, "party_exists_again", party=p["id"])
    s.add(Party(**p))
    s.flush()
    if moved["names"]:
        s.execute(update(PartyName).where(PartyName.id.in_(moved["names"]),
                                          PartyName.party_id == e.entity_id)
                  .values(party_id=p["id"]))
    for did, role in moved["links"]:
        s.execute(update(DeclarationParty).where(DeclarationParty.declaration_id == did,
                                                 DeclarationParty.role == role,
                                                 DeclarationParty.party_id == e.entity_id)
                  .values(party_id=p["id"]))
    for iid, kind, value, key in moved["identifiers"]:
        ident = s.get(PartyIdentifier, iid)
        if ident is not None:
            ident.party_id = p["id"]
        else:
            s.add(PartyIdentifier(id=iid, party_id=p["id"], kind=kind, value=value,
                                  value_key=key))
    keys = sorted((s.get(Party, e.entity_id).name_key, p["name_key"]))
    _restore_decision(s, {"keys": keys, "before": moved.get("decision")})
    audit.record(s, db.user, "unmerge", "party", e.entity_id, field="party",
                 old=f"{e.entity_id}", new=f"{p['id']} {p['display_name']}", reason=why)
    s.flush()
    return sorted([e.entity_id, p["id"]])


def _undo_split(db: Database, s: Session, e: AuditEntry, decided: AuditEntry | None,
                why: str) -> dict:
    new_id = int(e.new_value.split(" ", 1)[0])
    if s.scalar(select(PartyIdentifier.id).where(PartyIdentifier.party_id == new_id)):
        raise messages.error(ConflictError, "split_gained_identifiers", party=new_id)
    s.execute(update(PartyName).where(PartyName.party_id == new_id)
              .values(party_id=e.entity_id))
    s.execute(update(DeclarationParty).where(DeclarationParty.party_id == new_id)
              .values(party_id=e.entity_id))
    s.execute(delete(Party).where(Party.id == new_id))
    if decided is not None:
        _restore_decision(s, json.loads(decided.old_value))
    audit.record(s, db.user, "unsplit", "party", e.entity_id, field="name", old=e.new_value,
                 new=e.old_value, reason=why)
    return sorted([e.entity_id, new_id])


def _restore_decision(s: Session, saved: dict) -> None:
    left, right = saved["keys"]
    row = s.scalar(select(MatchDecision).where(MatchDecision.left_key == left,
                                               MatchDecision.right_key == right))
    before = saved.get("before")
    if before is None:
        if row is not None:
            s.delete(row)
    elif row is not None:
        row.decision, row.decided_by, row.reason = (before["decision"], before["decided_by"],
                                                    before["reason"])
