"""A party as itself (the company view): its names and spellings with how often each was
used, identifiers, declarations (a page at a time), cases, counterparties ranked by tonnes,
routes, a monthly timeline and its entity-resolution history (merges, splits, rejections, with
who and why from the audit log)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from casedb.errors import NotFound
from casedb.messages import error
from casedb.models import (
    AuditEntry,
    Case,
    Declaration,
    DeclarationParty,
    MatchDecision,
    Party,
    PartyIdentifier,
    PartyName,
    Seizure,
)
from casedb.store.database import Database

HISTORY_ACTIONS = ("merge", "split", "reject", "unmerge", "unsplit", "undo-reject", "undo")


@dataclass(frozen=True)
class PartyDeclaration:
    id: int
    declaration_no: str
    declaration_date: dt.date | None
    role: str
    hs_code: str | None
    gross_weight_kg: float | None
    route: str


@dataclass(frozen=True)
class Counterparty:
    party_id: int
    name: str
    role: str  # its role on the declarations shared
    declarations: int
    tonnes: float


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    who: str
    action: str
    what: str
    reason: str


@dataclass(frozen=True)
class PartyView:
    id: int
    display_name: str
    country: str | None
    names: tuple[tuple[str, int], ...]  # raw name as written, declarations using it
    identifiers: tuple[tuple[str, str], ...]  # (kind, value)
    roles: dict  # role -> declarations
    declarations_total: int
    declarations: tuple[PartyDeclaration, ...]  # the page asked for
    cases: tuple[tuple[str, str, str], ...]  # (case ref, title, status)
    counterparties: tuple[Counterparty, ...]
    routes: tuple[tuple[str, int, float], ...]  # (route, declarations, tonnes)
    timeline: tuple[tuple[str, int, float], ...]  # (YYYY-MM, declarations, tonnes)
    history: tuple[HistoryEntry, ...]
    decisions: tuple[tuple[str, str, str, str], ...]  # (other name key, decision, by, reason)

    def to_json(self) -> dict:
        data = asdict(self)
        for d in data["declarations"]:
            d["declaration_date"] = _iso(d["declaration_date"])
        for h in data["history"]:
            h["at"] = h["at"].isoformat()
        return data


def _tuples(result) -> tuple:
    return tuple(tuple(row) for row in result)


def _iso(day):
    return day.isoformat() if day else None


def _route(d) -> str:
    legs = [d.port_of_loading or d.country_of_export, d.port_of_transshipment,
            d.port_of_discharge or d.country_of_destination]
    return " > ".join(x for x in legs if x)


def party_view(db: Database, party_id: int, *, page: int = 0, page_size: int = 100,
               top: int = 20) -> PartyView:
    """Everything about one party; its declarations newest first, ``page`` of ``page_size``."""
    with db.read() as s:
        party = s.get(Party, party_id)
        if party is None:
            raise error(NotFound, "no_party_merged", party=party_id)
        mine = select(DeclarationParty.declaration_id).where(
            DeclarationParty.party_id == party_id)
        return PartyView(
            party.id, party.display_name, party.country, _names(s, party_id),
            _tuples(s.execute(select(PartyIdentifier.kind, PartyIdentifier.value)
                              .where(PartyIdentifier.party_id == party_id)
                              .order_by(PartyIdentifier.kind, PartyIdentifier.value))),
            dict(_tuples(s.execute(select(DeclarationParty.role, func.count())
                                   .where(DeclarationParty.party_id == party_id)
                                   .group_by(DeclarationParty.role)))),
            s.scalar(select(func.count()).select_from(mine.subquery())) or 0,
            _declarations(s, party_id, page, page_size),
            _tuples(s.execute(select(Case.case_ref, Case.title, Case.status).distinct()
                              .join(Seizure, Seizure.case_id == Case.id)
                              .where(Seizure.declaration_id.in_(mine))
                              .order_by(Case.case_ref))),
            _counterparties(s, party_id, mine, top),
            _routes(s, mine, top), _timeline(s, mine),
            _history(s, party_id), _decisions(s, party))


def _names(s, party_id: int) -> tuple:
    used = dict(_tuples(s.execute(select(DeclarationParty.party_name_id, func.count())
                                  .where(DeclarationParty.party_id == party_id)
                                  .group_by(DeclarationParty.party_name_id))))
    counts: dict[str, int] = {}
    for pn_id, raw in s.execute(select(PartyName.id, PartyName.raw_name)
                                .where(PartyName.party_id == party_id)):
        counts[raw] = counts.get(raw, 0) + used.get(pn_id, 0)
    return tuple(sorted(counts.items(), key=lambda x: (-x[1], x[0])))


def _declarations(s, party_id: int, page: int, size: int) -> tuple:
    D = Declaration
    rows = s.execute(select(D, DeclarationParty.role)
                     .join(DeclarationParty, DeclarationParty.declaration_id == D.id)
                     .where(DeclarationParty.party_id == party_id)
                     .order_by(D.declaration_date.desc(), D.id.desc())
                     .offset(max(page, 0) * size).limit(size)).all()
    return tuple(PartyDeclaration(d.id, d.declaration_no, d.declaration_date, role, d.hs_code,
                                  d.gross_weight_kg, _route(d)) for d, role in rows)


def _counterparties(s, party_id: int, mine, top: int) -> tuple:
    other = aliased(DeclarationParty)
    tonnes = func.coalesce(func.sum(Declaration.gross_weight_kg), 0.0) / 1000.0
    rows = s.execute(select(other.party_id, Party.display_name, other.role,
                            func.count(func.distinct(other.declaration_id)), tonnes)
                     .join(Party, Party.id == other.party_id)
                     .join(Declaration, Declaration.id == other.declaration_id)
                     .where(other.declaration_id.in_(mine), other.party_id != party_id)
                     .group_by(other.party_id, Party.display_name, other.role)
                     .order_by(tonnes.desc(), Party.display_name).limit(top)).all()
    return tuple(Counterparty(pid, name, role, n, float(t)) for pid, name, role, n, t in rows)


def _routes(s, mine, top: int) -> tuple:
    D = Declaration
    legs = (func.coalesce(D.port_of_loading, D.country_of_export), D.port_of_transshipment,
            func.coalesce(D.port_of_discharge, D.country_of_destination))
    out: dict[str, list] = {}
    for a, b, c, n, kg in s.execute(select(*legs, func.count(), func.sum(D.gross_weight_kg))
                                    .where(D.id.in_(mine)).group_by(*legs)):
        route = " > ".join(x for x in (a, b, c) if x)
        if route:
            got = out.setdefault(route, [0, 0.0])
            got[0] += n
            got[1] += (kg or 0.0) / 1000
    ranked = sorted(out.items(), key=lambda x: (-x[1][1], x[0]))[:top]
    return tuple((route, n, t) for route, (n, t) in ranked)


def _timeline(s, mine) -> tuple:
    months: dict[str, list] = {}
    for day, kg in s.execute(select(Declaration.declaration_date, Declaration.gross_weight_kg)
                             .where(Declaration.id.in_(mine),
                                    Declaration.declaration_date.is_not(None))):
        got = months.setdefault(day.strftime("%Y-%m"), [0, 0.0])
        got[0] += 1
        got[1] += (kg or 0.0) / 1000
    return tuple((m, n, t) for m, (n, t) in sorted(months.items()))


def _history(s, party_id: int) -> tuple:
    """The party's merges, splits and rejections (its own, and those naming it as the other
    party), and the split that made it, oldest first."""
    rows = s.scalars(select(AuditEntry).where(
        AuditEntry.entity == "party", AuditEntry.action.in_(HISTORY_ACTIONS),
        or_(AuditEntry.entity_id == party_id,
            (AuditEntry.action == "split") & AuditEntry.new_value.startswith(f"{party_id} "),
            (AuditEntry.action == "reject")
            & AuditEntry.new_value.startswith(f"not {party_id} ")),
        or_(AuditEntry.field.is_(None), AuditEntry.field != "moved"))
        .order_by(AuditEntry.id)).all()
    return tuple(HistoryEntry(e.at, e.actor, e.action, _what(e), e.reason) for e in rows)


def _what(e: AuditEntry) -> str:
    if e.action == "merge":
        return f"merged {e.old_value} into {e.new_value}"
    if e.action == "split":
        return f"split {e.old_value!r} out as party {e.new_value.split(' ', 1)[0]}"
    if e.action == "reject":
        return f"{e.new_value} (not the same party)"
    return " ".join(x for x in (e.field, e.old_value and f"{e.old_value} ->", e.new_value) if x)


def _decisions(s, party: Party) -> tuple:
    keys = set(s.scalars(select(PartyName.name_key).where(PartyName.party_id == party.id)))
    keys.add(party.name_key)
    rows = s.execute(select(MatchDecision).where(or_(MatchDecision.left_key.in_(keys),
                                                     MatchDecision.right_key.in_(keys)))
                     .order_by(MatchDecision.id)).scalars().all()
    return tuple((m.right_key if m.left_key in keys else m.left_key, m.decision, m.decided_by,
                  m.reason) for m in rows)
