"""What the link chart of a case says about its nodes and links beyond their names: each
party's roles on the case's declarations, the dates of the declarations behind every node and
link, and on each link its role or identifier kind, the value the two ends share and its tonnes.
The chart filters by role and date range and labels its links with these. Qt-free.

Node ids are those of the chart (widgets/link_identifiers.py): the case reference, ``p<party
id>``, and ``kind:VALUE`` for an identifier (``identifier_node``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select

from casedb.cases.records import case_id
from casedb.models import (
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    PartyIdentifier,
    Seizure,
)
from casedb.store.database import Database

Span = tuple[dt.date, dt.date]


def identifier_node(kind: str, value: str) -> str:
    """An identifier's node id: ``kind:VALUE`` with spaces collapsed, as ring_network names
    them."""
    return f"{kind}:{' '.join(value.upper().split())}"


@dataclass(frozen=True)
class LinkFact:
    role: str  # "shipper"/"consignee"/... (a party's roles joined by "/"), or an identifier kind
    value: str = ""  # the value the two ends share (a container number, a phone), as written
    tonnes: float = 0.0  # of the declarations behind the link
    span: Span | None = None  # their first and last dates


@dataclass(frozen=True)
class LinkFacts:
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # party node -> its roles
    spans: dict[str, Span] = field(default_factory=dict)  # node -> first and last date
    links: dict[tuple[str, str], LinkFact] = field(default_factory=dict)  # sorted pair -> fact

    def link(self, a: str, b: str) -> LinkFact | None:
        return self.links.get((a, b) if a <= b else (b, a))

    def every_role(self) -> list[str]:
        return sorted({r for roles in self.roles.values() for r in roles})

    def span(self) -> Span | None:
        """The first and last dates of every node."""
        if not self.spans:
            return None
        return (min(s[0] for s in self.spans.values()), max(s[1] for s in self.spans.values()))


class _Facts:
    """Collects dates and tonnes per node and per link while the declarations are read."""

    def __init__(self):
        self.dates: dict[str, list[dt.date]] = defaultdict(list)
        self.link_dates: dict[tuple[str, str], list[dt.date]] = defaultdict(list)
        self.tonnes: dict[tuple[str, str], float] = defaultdict(float)
        self.what: dict[tuple[str, str], tuple[str, str]] = {}

    def add(self, a: str, b: str, role: str, value: str, date, tonnes: float) -> None:
        key = (a, b) if a <= b else (b, a)
        self.what.setdefault(key, (role, value))
        self.tonnes[key] += tonnes
        if date is not None:
            self.dates[a].append(date)
            self.dates[b].append(date)
            self.link_dates[key].append(date)

    def add_held(self, held) -> None:
        """Parties' phones, addresses...: dated by the declarations of those who hold them."""
        spans = self.spans()
        for pid, kind, value in held:
            holder, node = f"p{pid}", identifier_node(kind, value)
            self.add(holder, node, kind, value, None, 0.0)
            if holder in spans:
                self.dates[node] += list(spans[holder])
                self.link_dates[(holder, node) if holder <= node else (node, holder)] += \
                    list(spans[holder])

    def spans(self) -> dict[str, Span]:
        return {n: (min(d), max(d)) for n, d in self.dates.items() if d}


def case_link_facts(db: Database, case_ref: str) -> LinkFacts:
    """The facts of a case's chart; NotFound for an unknown case."""
    rows, parties, containers, held = _read(db, case_ref)
    on: dict[int, list] = defaultdict(list)
    for p in parties:
        on[p.declaration_id].append(p)
    boxes: dict[int, list[str]] = defaultdict(list)
    for decl, no in containers:
        boxes[decl].append(no)
    roles: dict[str, set[str]] = defaultdict(set)
    for p in parties:
        roles[f"p{p.party_id}"].add(p.role)
    facts = _Facts()
    for decl, date, kg, bl, vessel, voyage in rows:
        tonnes = float(kg or 0.0) / 1000
        for node in dict.fromkeys(f"p{p.party_id}" for p in on[decl]):
            facts.add(case_ref, node, "/".join(sorted(roles[node])), "", date, tonnes)
        sailing = " ".join(x for x in (vessel, voyage) if x)
        for kind, value in ([("container", c) for c in boxes[decl]]
                            + [("bl", bl or ""), ("sailing", sailing)]):
            if value:
                facts.add(case_ref, identifier_node(kind, value), kind, value, date, tonnes)
    facts.add_held(held)
    links = {}
    for key, (role, value) in facts.what.items():
        dates = facts.link_dates.get(key)
        links[key] = LinkFact(role, value, round(facts.tonnes[key], 3),
                              (min(dates), max(dates)) if dates else None)
    return LinkFacts({n: tuple(sorted(r)) for n, r in roles.items()}, facts.spans(), links)


def _read(db: Database, case_ref: str):
    """The case's declarations (id, date, kg, B/L, vessel, voyage), their parties with roles,
    their containers, and the phones, addresses... of those parties."""
    d = Declaration
    with db.read() as s:
        cid = case_id(s, case_ref)
        ids = select(Seizure.declaration_id).where(Seizure.case_id == cid,
                                                   Seizure.declaration_id.is_not(None))
        rows = s.execute(select(d.id, d.declaration_date,
                                func.coalesce(d.gross_weight_kg, d.net_weight_kg), d.bl_no,
                                d.vessel_name, d.voyage_no).where(d.id.in_(ids))).all()
        parties = s.execute(select(DeclarationParty.declaration_id, DeclarationParty.role,
                                   DeclarationParty.party_id)
                            .where(DeclarationParty.declaration_id.in_(ids))).all()
        containers = s.execute(select(DeclarationContainer.declaration_id,
                                      DeclarationContainer.container_no)
                               .where(DeclarationContainer.declaration_id.in_(ids))).all()
        pids = {p.party_id for p in parties}
        held = s.execute(select(PartyIdentifier.party_id, PartyIdentifier.kind,
                                PartyIdentifier.value)
                         .where(PartyIdentifier.party_id.in_(pids))).all() if pids else []
    return rows, parties, containers, held
