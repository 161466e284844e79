"""Linked cases: what else is this case connected to, and why.

Two cases are linked when their declarations share a resolved party, an address, a phone, an
email, a container, a sailing (vessel + voyage) or a bill of lading (strong links). Sharing only a
broker or forwarder, a port or an HS family is a weak link, shown only when asked. Each link
lists the shared values and a strength score (1 - prod(1 - w) over the shared values). Lookups
go outwards from the case's own values through indexes, so one case costs milliseconds whatever
the size of the database. On SQLite they are a dozen small queries per case (a query is a call
into the library); on PostgreSQL, where each query is a round trip to a server, the strong
links of a whole hop are one query (casedb.links.hop_query), the weak ones, asked for only,
still a few queries per case.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select, tuple_

from casedb.cases.records import case_id
from casedb.links.hop_query import IDENTIFIER_KINDS, strong_links_query
from casedb.models import (
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    PartyIdentifier,
    Seizure,
)
from casedb.store.database import Database

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


def _shared(s, cid: int, weak: bool, strong: bool = True) -> dict[int, set[Via]]:
    """Other case id -> the values its declarations share with case ``cid``; without
    ``strong``, only the weak ones (with ``weak``)."""
    mine = _decls_of(s, cid)
    found: dict[int, set[Via]] = defaultdict(set)

    def collect(kind: str, cond, label_col):
        q = (select(Seizure.case_id, label_col).join(Declaration, Declaration.id ==
                                                     Seizure.declaration_id)
             .where(cond, Seizure.case_id != cid).distinct())
        for other, value in s.execute(q):
            found[other].add(Via(kind, str(value)))

    if not strong:
        if weak:
            _broker_links(s, _service_parties(s, mine), found, cid)
            _weak_links(s, mine, collect)
        return found
    _party_links(s, mine, found, cid, weak)
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


def _shared_in_one_query(s, cids: list[int], weak: bool) -> dict[int, dict[int, set[Via]]]:
    """Each of ``cids`` -> ``_shared`` of it: the strong links of all of them in one query
    (500 cases a query), the weak ones case by case."""
    found: dict[int, dict[int, set[Via]]] = {c: defaultdict(set) for c in cids}
    for i in range(0, len(cids), 500):
        for src, other, kind, value in s.execute(strong_links_query(SERVICE_ROLES),
                                                 {"cids": cids[i:i + 500]}):
            found[src][other].add(Via(kind, str(value)))
    if weak:
        for cid in cids:
            for other, via in _shared(s, cid, weak, strong=False).items():
                found[cid][other] |= via
    return found


def _container_label(cntr_subquery):
    # The shared container number itself: join again to name it.
    return select(func.min(DeclarationContainer.container_no)).where(
        DeclarationContainer.declaration_id == Declaration.id,
        DeclarationContainer.container_no.in_(cntr_subquery)).scalar_subquery()


def _cases_of(s, decl_ids, cid: int) -> list[int]:
    out: set[int] = set()
    decl_ids = list(decl_ids)
    for i in range(0, len(decl_ids), 900):
        out.update(s.scalars(select(Seizure.case_id).where(
            Seizure.declaration_id.in_(decl_ids[i:i + 900]), Seizure.case_id != cid)))
    return list(out)


def _declarations_of(s, party_ids, service: bool) -> list[int]:
    role = DeclarationParty.role.in_(SERVICE_ROLES) if service else \
        DeclarationParty.role.not_in(SERVICE_ROLES)
    return list(s.scalars(select(DeclarationParty.declaration_id).where(
        DeclarationParty.party_id.in_(list(party_ids)), role)))


def _cases_by_declaration(s, decl_ids, cid: int) -> dict[int, set[int]]:
    """Declaration id -> the other cases holding it, in one query per 900 declarations."""
    out: dict[int, set[int]] = defaultdict(set)
    decl_ids = sorted(set(decl_ids))
    for i in range(0, len(decl_ids), 900):
        for decl, case in s.execute(select(Seizure.declaration_id, Seizure.case_id).where(
                Seizure.declaration_id.in_(decl_ids[i:i + 900]), Seizure.case_id != cid)):
            out[decl].add(case)
    return out


def _declarations_by_party(s, party_ids) -> dict[int, list[int]]:
    """Party id -> its declarations in a role that is not a service's, in one query per 900."""
    out: dict[int, list[int]] = defaultdict(list)
    party_ids = sorted(set(party_ids))
    for i in range(0, len(party_ids), 900):
        for pid, decl in s.execute(select(DeclarationParty.party_id,
                                          DeclarationParty.declaration_id).where(
                DeclarationParty.party_id.in_(party_ids[i:i + 900]),
                DeclarationParty.role.not_in(SERVICE_ROLES))):
            out[pid].append(decl)
    return out


def _identifier_holders(s, idents, strong) -> dict[tuple[str, str], set[int]]:
    """(kind, value key) of each identifier -> the other parties holding it, in one query."""
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    if idents:
        pairs = sorted({(kind, key) for kind, key, _ in idents})
        for kind, key, pid in s.execute(select(
                PartyIdentifier.kind, PartyIdentifier.value_key, PartyIdentifier.party_id)
                .where(tuple_(PartyIdentifier.kind, PartyIdentifier.value_key).in_(pairs))):
            if pid not in strong:
                holders[(kind, key)].add(pid)
    return holders


def _party_links(s, mine, found, cid: int, weak: bool) -> None:
    """Shared parties and shared identifiers, walked outwards through the indexes: this case's
    parties -> their declarations -> the seizures on them -> other cases; a handful of queries
    whatever the number of parties (a round trip each costs a server under load)."""
    from casedb.models import Party

    rows = s.execute(select(DeclarationParty.party_id, DeclarationParty.role, Party.display_name)
                     .join(Party, Party.id == DeclarationParty.party_id)
                     .where(DeclarationParty.declaration_id.in_(mine))).all()
    strong = {pid: name for pid, role, name in rows if role not in SERVICE_ROLES}
    idents = s.execute(select(PartyIdentifier.kind, PartyIdentifier.value_key,
                              PartyIdentifier.value).where(
        PartyIdentifier.party_id.in_(list(strong)),
        PartyIdentifier.kind.in_(IDENTIFIER_KINDS))).all()
    holders = _identifier_holders(s, idents, strong)
    decls = _declarations_by_party(s, set(strong).union(*holders.values()))
    cases = _cases_by_declaration(s, [d for ds in decls.values() for d in ds], cid)

    def cases_of(parties) -> set[int]:
        return {c for p in parties for d in decls.get(p, ()) for c in cases.get(d, ())}

    for pid, name in strong.items():
        for other in cases_of([pid]):
            found[other].add(Via("party", name))
    for kind, key, value in idents:
        label = "party" if kind == "tax_id" else kind
        for other in cases_of(holders.get((kind, key), ())):
            found[other].add(Via(label, value))
    if weak:
        _broker_links(s, [(pid, name) for pid, role, name in rows if role in SERVICE_ROLES],
                      found, cid)


def _service_parties(s, mine) -> list[tuple[int, str]]:
    """(party id, name) of the brokers and forwarders of the declarations ``mine``."""
    from casedb.models import Party

    return s.execute(select(DeclarationParty.party_id, Party.display_name)
                     .join(Party, Party.id == DeclarationParty.party_id)
                     .where(DeclarationParty.declaration_id.in_(mine),
                            DeclarationParty.role.in_(SERVICE_ROLES))).all()


def _broker_links(s, services, found, cid: int) -> None:
    for pid, name in services:
        for other in _cases_of(s, _declarations_of(s, [pid], service=True), cid):
            found[other].add(Via("broker", name))


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
        best = walk(s, start, hops, weak)
        refs = dict(s.execute(select(Case.id, Case.case_ref).where(
            Case.id.in_(list(best)))).all())
    links = [Link(refs[c], x.hops, x.score, x.via) for c, (x, _through) in best.items()]
    links.sort(key=lambda x: (x.hops, -x.score, x.case_ref))
    return LinkedCases(case_ref, tuple(links[:limit]))


def walk(s, start: int, hops: int, weak: bool) -> dict[int, tuple[Link, int]]:
    """Linked case id -> (its link, without a reference yet; the case it links to: ``start``
    or, beyond one hop, the case it was reached through)."""
    best: dict[int, tuple[Link, int]] = {}
    frontier, seen = [start], {start}
    one_query = s.get_bind().dialect.name == "postgresql"
    for hop in range(1, max(1, hops) + 1):
        nxt = []
        shared = _shared_in_one_query(s, frontier, weak) if one_query else None
        for cid in frontier:
            found = shared[cid] if one_query else _shared(s, cid, weak)
            # by case id: which case a later hop is reached through does not hang on the
            # order the database returned the rows in
            for other, via in sorted(found.items()):
                if not weak and not any(v.kind in STRONG for v in via):
                    continue
                if other in seen:
                    continue
                seen.add(other)
                nxt.append(other)
                best[other] = (Link("", hop, _score(via) / hop, tuple(sorted(
                    via, key=lambda v: (-WEIGHTS[v.kind], v.kind, v.value)))), cid)
        frontier = [c for c in nxt if best[c][0].strong]  # expand only through strong links
        if not frontier:
            break
    return best


def linked_pairs(db: Database, weak: bool = False) -> set[frozenset[str]]:
    """Every pair of directly linked cases (for evaluation and overviews)."""
    with db.read() as s:
        refs = list(s.scalars(select(Case.case_ref)))
    pairs = set()
    for ref in refs:
        for link in linked_cases(db, ref, weak=weak).linked:
            pairs.add(frozenset((ref, link.case_ref)))
    return pairs


__all__ = ["Link", "LinkedCases", "Via", "linked_cases", "linked_pairs", "walk"]
