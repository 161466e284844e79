"""Entity resolution of parties: candidate matches with their evidence, and the investigator's
decisions (merge, reject, split), audited and remembered by name key so they survive re-imports.

Candidates come from blocking (names sharing a token prefix, or a strong identifier) and
rapidfuzz similarity inside each block, so 100k names resolve in seconds, not a full matrix."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import delete, select, update

from casedb.changes import ChangeSet
from casedb.errors import NotFound
from casedb.messages import error
from casedb.models import DeclarationParty, MatchDecision, Party, PartyIdentifier, PartyName
from casedb.normalize import name_key
from casedb.parties.undo import undo_record
from casedb.progress import NullProgress, Progress
from casedb.store import audit
from casedb.store.database import Database

log = logging.getLogger(__name__)
IDENTIFIER_SCORE = {"tax_id": 0.95, "email": 0.8, "phone": 0.75, "address": 0.6}
MAX_BLOCK = 200


@dataclass(frozen=True)
class Candidate:
    left_id: int
    right_id: int
    left_name: str
    right_name: str
    score: float
    evidence: tuple[tuple[str, str], ...]  # (kind, value)

    def to_json(self) -> dict:
        return {"left": {"id": self.left_id, "name": self.left_name},
                "right": {"id": self.right_id, "name": self.right_name},
                "score": round(self.score, 3),
                "evidence": [{"kind": k, "value": v} for k, v in self.evidence]}


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _key_pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _blocks(keys: dict[int, str]) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for pid, key in keys.items():
        for token in set(key.split()):
            if len(token) >= 3:
                blocks[token[:4]].append(pid)
    return blocks


def fuzzy_pairs(keys: dict[int, str], cutoff: float = 88.0) -> dict[tuple[int, int], float]:
    """Pairs of party ids whose name keys are similar, compared only within blocks."""
    out: dict[tuple[int, int], float] = {}
    for members in _blocks(keys).values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for i, a in enumerate(members):
            ka = keys[a]
            for b in members[i + 1:]:
                pair = _pair(a, b)
                if pair in out:
                    continue
                score = fuzz.token_sort_ratio(ka, keys[b], score_cutoff=cutoff)
                if score:
                    out[pair] = score / 100.0
    return out


def _identifier_pairs(s) -> dict[tuple[int, int], list[tuple[str, str]]]:
    rows = s.execute(select(PartyIdentifier.kind, PartyIdentifier.value_key,
                            PartyIdentifier.value, PartyIdentifier.party_id)).all()
    by_value: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for kind, key, value, pid in rows:
        by_value[(kind, key)].append((pid, value))
    out: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for (kind, _key), holders in by_value.items():
        if 1 < len(holders) <= MAX_BLOCK:
            for i, (a, value) in enumerate(holders):
                for b, _ in holders[i + 1:]:
                    if a != b:
                        out[_pair(a, b)].append((kind, value))
    return out


def candidates(db: Database, min_score: float = 0.85,
               progress: Progress | None = None) -> list[Candidate]:
    """Pending matches, best first; pairs an investigator rejected are never proposed again."""
    progress = progress or NullProgress()
    with db.read() as s:
        parties = {p.id: (p.display_name, p.name_key) for p in s.scalars(select(Party))}
        rejected = {_key_pair(a, b) for a, b in s.execute(
            select(MatchDecision.left_key, MatchDecision.right_key).where(
                MatchDecision.decision == "rejected"))}
        idents = _identifier_pairs(s)
    progress.report(1, 3)
    fuzzy = fuzzy_pairs({pid: key for pid, (_n, key) in parties.items()})
    progress.report(2, 3)
    out = []
    for pair in set(fuzzy) | set(idents):
        a, b = pair
        if a not in parties or b not in parties:
            continue
        if _key_pair(parties[a][1], parties[b][1]) in rejected:
            continue
        evidence = [("name", f"{parties[a][0]} ≈ {parties[b][0]} ({fuzzy[pair]:.0%})")] \
            if pair in fuzzy else []
        evidence += idents.get(pair, [])
        p_not = 1.0 - fuzzy.get(pair, 0.0) * 0.9
        for kind, _value in idents.get(pair, []):
            p_not *= 1.0 - IDENTIFIER_SCORE[kind]
        score = 1.0 - p_not
        if score >= min_score:
            out.append(Candidate(a, b, parties[a][0], parties[b][0], score, tuple(evidence)))
    progress.report(3, 3)
    return sorted(out, key=lambda c: (-c.score, c.left_id, c.right_id))


def _party(s, pid: int) -> Party:
    party = s.get(Party, pid)
    if party is None:
        raise error(NotFound, "no_party", party=pid)
    return party


def merge(db: Database, keep_id: int, other_id: int, reason: str = "") -> ChangeSet:
    """Merge ``other_id`` into ``keep_id``: names, identifiers and roles move; decision kept."""
    if keep_id == other_id:
        return ChangeSet()
    with db.begin() as s:
        keep, other = _party(s, keep_id), _party(s, other_id)
        audit.stamp(s)  # one change, which casedb.cases.undo can revert
        moved = undo_record(s, other)
        moved["decision"] = _remember(s, db.user, keep.name_key, other.name_key, "confirmed",
                                      reason)
        s.execute(update(PartyName).where(PartyName.party_id == other_id).values(party_id=keep_id))
        s.execute(update(DeclarationParty).where(DeclarationParty.party_id == other_id)
                  .values(party_id=keep_id))
        have = set(s.execute(select(PartyIdentifier.kind, PartyIdentifier.value_key).where(
            PartyIdentifier.party_id == keep_id)).all())
        for ident in s.scalars(select(PartyIdentifier).where(PartyIdentifier.party_id == other_id)):
            if (ident.kind, ident.value_key) in have:
                s.delete(ident)
            else:
                ident.party_id = keep_id
        s.flush()
        audit.record(s, db.user, "merge", "party", keep_id, field="party",
                     old=f"{other_id} {other.display_name}", new=f"{keep_id} {keep.display_name}",
                     reason=reason)
        audit.record(s, db.user, "merge", "party", keep_id, field="moved",
                     new=json.dumps(moved, ensure_ascii=False), reason=reason)
        s.execute(delete(Party).where(Party.id == other_id))
    return ChangeSet.of(party_ids=(keep_id, other_id))


def reject(db: Database, a: int, b: int, reason: str = "") -> ChangeSet:
    """Record that ``a`` and ``b`` are different parties: only the review queue changes."""
    with db.begin() as s:
        pa, pb = _party(s, a), _party(s, b)
        audit.stamp(s)
        before = _remember(s, db.user, pa.name_key, pb.name_key, "rejected", reason)
        audit.record(s, db.user, "reject", "party", a, field="match",
                     new=f"not {b} {pb.display_name}", reason=reason)
        _record_decision(s, db.user, a, _key_pair(pa.name_key, pb.name_key), before, reason)
    return ChangeSet.of(party_ids=(a, b))


def name_variants(db: Database, party_ids) -> list[tuple[int, str]]:
    """Every raw name under which the parties appeared: (party id, raw name), sorted."""
    with db.read() as s:
        rows = s.execute(select(PartyName.party_id, PartyName.raw_name).where(
            PartyName.party_id.in_(list(party_ids))).distinct()).all()
    return sorted((pid, raw) for pid, raw in rows)


def split(db: Database, party_id: int, raw_name: str, reason: str = "") -> int:
    """Move a raw name (and the declarations that used it) out to a party of its own."""
    with db.begin() as s:
        party = _party(s, party_id)
        names = s.scalars(select(PartyName).where(PartyName.party_id == party_id,
                                                  PartyName.raw_name == raw_name)).all()
        if not names:
            raise error(NotFound, "party_has_no_name", party=party_id, name=raw_name)
        audit.stamp(s)
        new = Party(display_name=raw_name, name_key=name_key(raw_name), country=party.country,
                    kind=party.kind)
        s.add(new)
        s.flush()
        for pn in names:
            pn.party_id = new.id
            s.execute(update(DeclarationParty).where(DeclarationParty.party_name_id == pn.id)
                      .values(party_id=new.id))
        before = _remember(s, db.user, party.name_key, new.name_key, "rejected",
                           reason or "split")
        audit.record(s, db.user, "split", "party", party_id, field="name", old=raw_name,
                     new=f"{new.id} {raw_name}", reason=reason)
        _record_decision(s, db.user, party_id, _key_pair(party.name_key, new.name_key), before,
                         reason)
        return new.id


def _remember(s, user: str, a: str, b: str, decision: str, reason: str) -> dict | None:
    """Keep the decision on two name keys; returns the decision it replaced (for undo)."""
    if a == b:
        return None
    left, right = _key_pair(a, b)
    row = s.scalar(select(MatchDecision).where(MatchDecision.left_key == left,
                                               MatchDecision.right_key == right))
    if row is None:
        s.add(MatchDecision(left_key=left, right_key=right, decision=decision, decided_by=user,
                            reason=reason, evidence={}))
        return None
    before = {"decision": row.decision, "decided_by": row.decided_by, "reason": row.reason}
    row.decision, row.decided_by, row.reason = decision, user, reason
    return before


def _record_decision(s, user: str, party_id: int, keys: tuple[str, str], before: dict | None,
                     reason: str) -> None:
    """The decision on two name keys that a decision replaced, for casedb.cases.undo."""
    audit.record(s, user, "decide", "party", party_id, field="decision",
                 old=json.dumps({"keys": list(keys), "before": before},
                                ensure_ascii=False), reason=reason)


def resolve(db: Database, progress: Progress | None = None) -> list[Candidate]:
    """Apply remembered confirmations to parties created since (e.g. by a later import), then
    return the pending candidates."""
    with db.read() as s:
        confirmed = s.execute(select(MatchDecision.left_key, MatchDecision.right_key).where(
            MatchDecision.decision == "confirmed")).all()
        by_key: dict[str, list[int]] = defaultdict(list)
        for pid, key in s.execute(select(Party.id, Party.name_key)):
            by_key[key].append(pid)
    gone: set[int] = set()
    for left, right in confirmed:
        ids = sorted(set(by_key.get(left, []) + by_key.get(right, [])) - gone)
        for other in ids[1:]:
            merge(db, ids[0], other, reason="remembered decision")
            gone.add(other)
    return candidates(db, progress=progress)
