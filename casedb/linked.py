"""Linked cases: what else is this case connected to, and why.

Two cases are linked when their declarations share a resolved party, an address, a phone, an
email, a container, a sailing (vessel + voyage) or a bill of lading (strong links). Sharing only a
broker or forwarder, a port or an HS family is a weak link, shown only when asked. Each link
lists the shared values and a strength score (1 - prod(1 - w) over the shared values). Lookups
go outwards from the case's own values through indexes, so one case costs milliseconds whatever
the size of the database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select

from .cases import case_id
from .db import Database
from .models import (
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    PartyIdentifier,
    Seizure,
)

WEIGHTS = {"party": 0.9, "container": 0.9, "bl": 0.9, "phone": 0.8, "email": 0.8,
           "address": 0.7, "sailing": 0.5, "broker": 0.15, "port": 0.05, "hs": 0.05}
STRONG = ("party", "address", "phone", "email", "container", "sailing", "bl")
SERVICE_ROLES = ("broker", "forwarder")
MAX_WEAK_VALUES = 20


@dataclass(frozen=True)
class Via:
    kind: str
    value: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "value": self.value}


@dataclass(frozen=True)
class Link:
    case_ref: str
    hops: int
    score: float
    via: tuple[Via, ...]

    @property
    def strong(self) -> bool:
        return any(v.kind in STRONG for v in self.via)

    def to_json(self) -> dict:
        return {"case_ref": self.case_ref, "hops": self.hops, "score": round(self.score, 3),
                "via": [v.to_json() for v in self.via]}


@dataclass(frozen=True)
class LinkedCases:
    case: str
    linked: tuple[Link, ...]

    def to_json(self) -> dict:
        return {"case": self.case, "linked": [x.to_json() for x in self.linked]}


def _score(via) -> float:
    p = 1.0
    for v in via:
        p *= 1.0 - WEIGHTS[v.kind]
    return 1.0 - p


def _decls_of(s, cid: int):
    return select(Seizure.declaration_id).where(Seizure.case_id == cid,
                                                Seizure.declaration_id.is_not(None))


def _shared(s, cid: int, weak: bool) -> dict[int, set[Via]]:
    """Other case id -> the values its declarations share with case ``cid``."""
    mine = _decls_of(s, cid)
    found: dict[int, set[Via]] = defaultdict(set)

    def collect(kind: str, cond, label_col):
        q = (select(Seizure.case_id, label_col).join(Declaration, Declaration.id ==
                                                     Seizure.declaration_id)
             .where(cond, Seizure.case_id != cid).distinct())
        for other, value in s.execute(q):
            found[other].add(Via(kind, str(value)))

    _party_links(s, mine, collect, weak)
    cntr = select(DeclarationContainer.container_no).where(
        DeclarationContainer.declaration_id.in_(mine))
    collect("container", Declaration.id.in_(select(DeclarationContainer.declaration_id).where(
        DeclarationContainer.container_no.in_(cntr))), _container_label(cntr))
    bls = select(Declaration.bl_no).where(Declaration.id.in_(mine), Declaration.bl_no.is_not(None))
    collect("bl", Declaration.bl_no.in_(bls), Declaration.bl_no)
    _sailing_links(s, mine, collect)
    if weak:
        _weak_links(s, mine, collect)
    return found


def _container_label(cntr_subquery):
    # The shared container number itself: join again to name it.
    return select(func.min(DeclarationContainer.container_no)).where(
        DeclarationContainer.declaration_id == Declaration.id,
        DeclarationContainer.container_no.in_(cntr_subquery)).scalar_subquery()


def _party_links(s, mine, collect, weak: bool) -> None:
    from .models import Party

    strong_pids = select(DeclarationParty.party_id).where(
        DeclarationParty.declaration_id.in_(mine), DeclarationParty.role.not_in(SERVICE_ROLES))
    name = select(Party.display_name).where(
        Party.id == DeclarationParty.party_id).scalar_subquery()
    on_decl = DeclarationParty.declaration_id == Declaration.id
    collect("party", Declaration.id.in_(select(DeclarationParty.declaration_id).where(
        DeclarationParty.party_id.in_(strong_pids),
        DeclarationParty.role.not_in(SERVICE_ROLES))),
        select(func.min(name)).where(on_decl, DeclarationParty.party_id.in_(strong_pids),
                                     DeclarationParty.role.not_in(SERVICE_ROLES))
        .scalar_subquery())
    for kind in ("address", "phone", "email"):
        keys = select(PartyIdentifier.value_key).where(
            PartyIdentifier.party_id.in_(strong_pids), PartyIdentifier.kind == kind)
        holders = select(PartyIdentifier.party_id).where(
            PartyIdentifier.kind == kind, PartyIdentifier.value_key.in_(keys))
        label = select(func.min(PartyIdentifier.value)).where(
            PartyIdentifier.kind == kind, PartyIdentifier.value_key.in_(keys),
            PartyIdentifier.party_id.in_(select(DeclarationParty.party_id).where(on_decl)))
        collect(kind, Declaration.id.in_(select(DeclarationParty.declaration_id).where(
            DeclarationParty.party_id.in_(holders), DeclarationParty.role.not_in(SERVICE_ROLES))),
            label.scalar_subquery())
    if weak:
        brokers = select(DeclarationParty.party_id).where(
            DeclarationParty.declaration_id.in_(mine), DeclarationParty.role.in_(SERVICE_ROLES))
        collect("broker", Declaration.id.in_(select(DeclarationParty.declaration_id).where(
            DeclarationParty.party_id.in_(brokers), DeclarationParty.role.in_(SERVICE_ROLES))),
            select(func.min(name)).where(on_decl, DeclarationParty.party_id.in_(brokers))
            .scalar_subquery())


def _sailing_links(s, mine, collect) -> None:
    sailings = s.execute(select(Declaration.vessel_imo, Declaration.vessel_name,
                                Declaration.voyage_no).where(
        Declaration.id.in_(mine), Declaration.voyage_no.is_not(None))).all()
    conds = []
    for imo, name, voyage in set(sailings):
        if imo:
            conds.append(and_(Declaration.vessel_imo == imo, Declaration.voyage_no == voyage))
        elif name:
            conds.append(and_(Declaration.vessel_name == name, Declaration.voyage_no == voyage))
    if conds:
        collect("sailing", or_(*conds), func.coalesce(Declaration.vessel_name,
                                                       Declaration.vessel_imo)
                + " " + Declaration.voyage_no)


def _weak_links(s, mine, collect) -> None:
    ports = [p for (p,) in s.execute(select(Declaration.port_of_discharge).where(
        Declaration.id.in_(mine)).distinct()) if p][:MAX_WEAK_VALUES]
    if ports:
        collect("port", Declaration.port_of_discharge.in_(ports), Declaration.port_of_discharge)
    families = [h[:4] for (h,) in s.execute(select(Declaration.hs_code).where(
        Declaration.id.in_(mine)).distinct()) if h][:MAX_WEAK_VALUES]
    if families:
        collect("hs", or_(*(Declaration.hs_code.startswith(f) for f in set(families))),
                func.substr(Declaration.hs_code, 1, 4))


def linked_cases(db: Database, case_ref: str, hops: int = 1, weak: bool = False,
                 limit: int = 200) -> LinkedCases:
    """Cases linked to ``case_ref``, up to ``hops`` steps away, best first."""
    with db.read() as s:
        start = case_id(s, case_ref)
        best: dict[int, Link] = {}
        frontier, seen = [start], {start}
        for hop in range(1, max(1, hops) + 1):
            nxt = []
            for cid in frontier:
                for other, via in _shared(s, cid, weak).items():
                    if not weak and not any(v.kind in STRONG for v in via):
                        continue
                    if other in seen:
                        continue
                    seen.add(other)
                    nxt.append(other)
                    best[other] = Link("", hop, _score(via) / hop, tuple(sorted(
                        via, key=lambda v: (-WEIGHTS[v.kind], v.kind, v.value))))
            frontier = [c for c in nxt if best[c].strong]  # expand only through strong links
            if not frontier:
                break
        refs = dict(s.execute(select(Case.id, Case.case_ref).where(
            Case.id.in_(list(best)))).all())
    links = [Link(refs[c], x.hops, x.score, x.via) for c, x in best.items()]
    links.sort(key=lambda x: (x.hops, -x.score, x.case_ref))
    return LinkedCases(case_ref, tuple(links[:limit]))


def linked_pairs(db: Database, weak: bool = False) -> set[frozenset[str]]:
    """Every pair of directly linked cases (for evaluation and overviews)."""
    with db.read() as s:
        refs = list(s.scalars(select(Case.case_ref)))
    pairs = set()
    for ref in refs:
        for link in linked_cases(db, ref, weak=weak).linked:
            pairs.add(frozenset((ref, link.case_ref)))
    return pairs


__all__ = ["Link", "LinkedCases", "Via", "linked_cases", "linked_pairs"]
