"""Linked cases as a table: each linked case with its title, dates and status, and for every
shared value who holds it on each side (the company, or the declarations carrying a container,
a bill of lading or a sailing), so an investigator sees why without opening both cases."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from casedb.cases.records import case_id
from casedb.links.linked_cases import Via, walk
from casedb.models import (
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    Party,
    PartyIdentifier,
    Seizure,
)
from casedb.store.database import Database

IDENTIFIER_KINDS = ("address", "phone", "email")


@dataclass(frozen=True)
class Shared:
    kind: str
    value: str
    here: tuple[str, ...]  # companies or declaration numbers holding it in the linked-from case
    there: tuple[str, ...]  # ... and in the linked case

    def to_json(self) -> dict:
        return {"kind": self.kind, "value": self.value, "here": list(self.here),
                "there": list(self.there)}


@dataclass(frozen=True)
class LinkedRow:
    case_ref: str
    title: str
    status: str
    opened_on: dt.date | None
    closed_on: dt.date | None
    first: dt.date | None  # its declarations' first and last dates
    last: dt.date | None
    hops: int
    score: float
    through: str  # the case it links to: the one asked about, or an intermediate one
    shared: tuple[Shared, ...]

    def to_json(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"case_ref": self.case_ref, "title": self.title, "status": self.status,
                "opened_on": iso(self.opened_on), "closed_on": iso(self.closed_on),
                "first": iso(self.first), "last": iso(self.last), "hops": self.hops,
                "score": round(self.score, 3), "through": self.through,
                "shared": [x.to_json() for x in self.shared]}


def linked_rows(db: Database, case_ref: str, *, hops: int = 1, weak: bool = False,
                limit: int = 200) -> list[LinkedRow]:
    """The linked cases of ``case_ref`` (as casedb.links.linked_cases finds them), best first, with who
    holds each shared value on both sides."""
    with db.read() as s:
        start = case_id(s, case_ref)
        best = walk(s, start, hops, weak)
        ids = set(best) | {through for _link, through in best.values()}
        cases = {c.id: c for c in s.scalars(select(Case).where(Case.id.in_(ids)))}
        spans = dict((cid, (a, b)) for cid, a, b in s.execute(
            select(Seizure.case_id, func.min(Declaration.declaration_date),
                   func.max(Declaration.declaration_date))
            .join(Declaration, Declaration.id == Seizure.declaration_id)
            .where(Seizure.case_id.in_(list(best))).group_by(Seizure.case_id)))
        profiles: dict[int, dict] = {}
        rows = []
        for cid, (link, through) in best.items():
            for c in (cid, through):
                if c not in profiles:
                    profiles[c] = _profile(s, c)
            here, there = profiles[through], profiles[cid]
            c = cases[cid]
            first, last = spans.get(cid, (None, None))
            rows.append(LinkedRow(
                c.case_ref, c.title, c.status, c.opened_on, c.closed_on, first, last,
                link.hops, link.score, cases[through].case_ref,
                tuple(_shared(v, here, there) for v in link.via)))
    rows.sort(key=lambda r: (r.hops, -r.score, r.case_ref))
    return rows[:limit]


def _shared(v: Via, here: dict, there: dict) -> Shared:
    key = here["keys"].get((v.kind, v.value), v.value)
    return Shared(v.kind, v.value, tuple(sorted(here[v.kind].get(key, ()))),
                  tuple(sorted(there[v.kind].get(key, ()))))


def _profile(s, cid: int) -> dict:
    """Who holds what in a case: kind -> value (or identifier key) -> names or numbers."""
    p: dict = defaultdict(lambda: defaultdict(set))
    p["keys"] = {}  # (kind, value as written) -> identifier key
    decls = select(Seizure.declaration_id).where(Seizure.case_id == cid)
    for role, name, pid in s.execute(
            select(DeclarationParty.role, Party.display_name, Party.id)
            .join(Party, Party.id == DeclarationParty.party_id)
            .where(DeclarationParty.declaration_id.in_(decls))):
        p["broker" if role in ("broker", "forwarder") else "party"][name].add(name)
        p["_party_ids"][pid].add(name)
    for pid, kind, value, key in s.execute(
            select(PartyIdentifier.party_id, PartyIdentifier.kind, PartyIdentifier.value,
                   PartyIdentifier.value_key)
            .where(PartyIdentifier.party_id.in_(list(p["_party_ids"])))):
        kind = "party" if kind == "tax_id" else kind
        p[kind][key] |= p["_party_ids"][pid]
        p["keys"][(kind, value)] = key
    for no, bl, vessel, imo, voyage, port, hs in s.execute(
            select(Declaration.declaration_no, Declaration.bl_no, Declaration.vessel_name,
                   Declaration.vessel_imo, Declaration.voyage_no, Declaration.port_of_discharge,
                   Declaration.hs_code).where(Declaration.id.in_(decls))):
        _add(p, "bl", bl, no)
        _add(p, "sailing", f"{vessel or imo} {voyage}" if voyage and (vessel or imo) else None, no)
        _add(p, "port", port, no)
        _add(p, "hs", hs[:4] if hs else None, no)
    for no, container in s.execute(
            select(Declaration.declaration_no, DeclarationContainer.container_no)
            .join(DeclarationContainer, DeclarationContainer.declaration_id == Declaration.id)
            .where(Declaration.id.in_(decls))):
        _add(p, "container", container, no)
    return p


def _add(p: dict, kind: str, value, number: str) -> None:
    if value:
        p[kind][value].add(number)
