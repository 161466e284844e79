"""Timelines (i2-style theme lines) of a case, a split ring or a company: one lane per party,
its declarations and the case's seizures as events placed by date and sized by tonnes, and links
between events that share an identifier (container, B/L, sailing, or a phone, address or e-mail
held by two different parties). Qt-free: widgets/timeline.py draws it, the dossier prints it."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select

from casedb.errors import NotFound
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

log = logging.getLogger(__name__)

ROLE_ORDER = ("shipper", "exporter", "consignee", "importer", "broker", "notify", "carrier")
DECLARATION_KINDS = ("container", "bl", "sailing")  # shared by two events: linked
PARTY_KINDS = ("phone", "address", "email")  # linked only when two parties hold it
OTHER_LANE = "other"  # events with no party
PARTY_LIMIT = 2000  # a company's newest declarations drawn


@dataclass(frozen=True)
class Lane:
    key: str  # "p<party id>", or OTHER_LANE for events with no party
    label: str
    role: str  # the party's first role on these declarations
    tonnes: float


@dataclass(frozen=True)
class Event:
    key: str  # "d<declaration id>" or "s<seizure id>"
    kind: str  # "declaration" or "seizure"
    date: dt.date
    tonnes: float
    lane: str  # the lane it sits on (its shipper, else its first party)
    label: str  # the declaration number
    declaration_id: int | None
    lanes: tuple[str, ...] = ()  # every party's lane it touches
    identifiers: tuple[tuple[str, str], ...] = ()  # (kind, value) as written


@dataclass(frozen=True)
class Link:
    a: str  # event keys, the earlier first
    b: str
    kind: str
    value: str


@dataclass(frozen=True)
class Timeline:
    lanes: tuple[Lane, ...]
    events: tuple[Event, ...]  # by date
    links: tuple[Link, ...]
    undated: int = 0  # declarations without a date, left out
    title: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        if not self.events:
            return None
        return self.events[0].date, self.events[-1].date


def case_timeline(db: Database, case_ref: str) -> Timeline:
    """The case's declarations and seizures; NotFound for an unknown reference."""
    with db.read() as s:
        case_id = s.scalar(select(Case.id).where(Case.case_ref == case_ref))
        if case_id is None:
            raise NotFound(f"case {case_ref!r} not found; check the reference")
        ids = select(Seizure.declaration_id).where(Seizure.case_id == case_id,
                                                   Seizure.declaration_id.is_not(None))
        seizures = s.execute(select(Seizure.id, Seizure.declaration_id, Seizure.seizure_date,
                                    Seizure.quantity_kg).where(Seizure.case_id == case_id)
                             .where(Seizure.seizure_date.is_not(None))).all()
        return _timeline(s, ids, seizures, title=case_ref)


def declarations_timeline(db: Database, declaration_ids: Iterable[int],
                          title: str = "") -> Timeline:
    """Any set of declarations: a split ring's, a selection."""
    ids = sorted(set(declaration_ids))
    with db.read() as s:
        return _timeline(s, ids, (), title=title)


def party_timeline(db: Database, party_id: int, limit: int = PARTY_LIMIT) -> Timeline:
    """A company's newest ``limit`` declarations (any role) with the parties beside it."""
    with db.read() as s:
        name = s.scalar(select(Party.display_name).where(Party.id == party_id))
        if name is None:
            raise NotFound(f"party {party_id} not found; check the id")
        ids = s.scalars(select(DeclarationParty.declaration_id)
                        .join(Declaration, Declaration.id == DeclarationParty.declaration_id)
                        .where(DeclarationParty.party_id == party_id)
                        .order_by(Declaration.declaration_date.desc().nulls_last())
                        .limit(limit)).all()
        return _timeline(s, sorted(set(ids)), (), title=name)


def _timeline(s, ids, seizures, title: str) -> Timeline:
    d = Declaration
    rows = s.execute(select(d.id, d.declaration_no, d.declaration_date,
                            func.coalesce(d.gross_weight_kg, d.net_weight_kg), d.bl_no,
                            d.vessel_imo, d.vessel_name, d.voyage_no)
                     .where(d.id.in_(ids))).all()
    parties = s.execute(select(DeclarationParty.declaration_id, DeclarationParty.role,
                               DeclarationParty.party_id, Party.display_name)
                        .join(Party, Party.id == DeclarationParty.party_id)
                        .where(DeclarationParty.declaration_id.in_(ids))).all()
    containers = s.execute(select(DeclarationContainer.declaration_id,
                                  DeclarationContainer.container_no)
                           .where(DeclarationContainer.declaration_id.in_(ids))).all()
    party_ids = {p.party_id for p in parties}
    held = s.execute(select(PartyIdentifier.party_id, PartyIdentifier.kind,
                            PartyIdentifier.value, PartyIdentifier.value_key)
                     .where(PartyIdentifier.party_id.in_(party_ids),
                            PartyIdentifier.kind.in_(PARTY_KINDS))).all() if party_ids else []
    on: dict[int, list] = defaultdict(list)
    for p in parties:
        on[p.declaration_id].append(p)
    for v in on.values():
        v.sort(key=lambda p: (_role_rank(p.role), p.party_id))
    ids_of: dict[int, list[tuple[str, str, str]]] = defaultdict(list)  # (kind, key, value)
    for decl, no in containers:
        ids_of[decl].append(("container", no.upper(), no))
    events, undated = _declaration_events(rows, on, ids_of)
    events += _seizure_events(seizures, {e.declaration_id: e for e in events})
    events.sort(key=lambda e: (e.date, e.key))
    lanes = _lanes(events, parties)
    holders = defaultdict(list)
    for h in held:
        holders[h.party_id].append((h.kind, h.value_key, h.value))
    links = _links(events, ids_of, holders) + [
        Link(f"d{e.declaration_id}", e.key, "seized", e.label) for e in events
        if e.kind == "seizure" and e.declaration_id is not None
        and f"d{e.declaration_id}" in {x.key for x in events}]
    return Timeline(tuple(lanes), tuple(events), tuple(links), undated, title)


def _role_rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def _declaration_events(rows, on, ids_of) -> tuple[list[Event], int]:
    events, undated = [], 0
    for r in rows:
        if r.declaration_date is None:
            undated += 1
            continue
        if r.bl_no:
            ids_of[r.id].append(("bl", r.bl_no.strip().upper(), r.bl_no))
        vessel = r.vessel_imo or (r.vessel_name or "").strip().upper()
        if vessel and r.voyage_no:
            value = f"{r.vessel_name or r.vessel_imo} {r.voyage_no}"
            ids_of[r.id].append(("sailing", f"{vessel}/{r.voyage_no.strip().upper()}", value))
        lanes = tuple(dict.fromkeys(f"p{p.party_id}" for p in on.get(r.id, ())))
        events.append(Event(f"d{r.id}", "declaration", r.declaration_date, (r[3] or 0.0) / 1000,
                            lanes[0] if lanes else OTHER_LANE, r.declaration_no, r.id, lanes,
                            tuple((k, v) for k, _, v in ids_of[r.id])))
    return events, undated


def _seizure_events(seizures, by_declaration: dict) -> list[Event]:
    """Seizures of their own: a seizure row that only holds a declaration in the case (dated
    as the declaration) is no event; one dated otherwise, or without a declaration, is."""
    out = []
    for sid, decl, day, kg in seizures:
        seized = by_declaration.get(decl)
        if seized is not None and day == seized.date:
            continue
        out.append(Event(f"s{sid}", "seizure", day, (kg or 0.0) / 1000,
                         seized.lane if seized else OTHER_LANE,
                         seized.label if seized else "", decl,
                         seized.lanes if seized else ()))
    return out


def _lanes(events: list[Event], parties) -> list[Lane]:
    names = {f"p{p.party_id}": (p.display_name, p.role) for p in
             sorted(parties, key=lambda p: _role_rank(p.role), reverse=True)}
    tonnes: dict[str, float] = defaultdict(float)
    for e in events:
        if e.kind == "declaration":
            for lane in e.lanes or (e.lane,):
                tonnes[lane] += e.tonnes
    used = {lane for e in events for lane in (e.lanes or (e.lane,))}
    lanes = [Lane(k, *names[k], tonnes[k]) for k in used if k in names]
    lanes.sort(key=lambda lane: (_role_rank(lane.role), -lane.tonnes, lane.label))
    if OTHER_LANE in used:
        lanes.append(Lane(OTHER_LANE, "", "other", tonnes[OTHER_LANE]))
    return lanes


def _links(events: list[Event], ids_of, holders) -> list[Link]:
    """Consecutive events sharing a container, B/L or sailing; and consecutive events on
    different parties' lanes whose parties hold the same phone, address or e-mail."""
    chains: dict[tuple[str, str], list[tuple[Event, str, str]]] = defaultdict(list)
    for e in events:
        if e.kind != "declaration":
            continue
        for kind, key, value in ids_of.get(e.declaration_id, ()):
            chains[(kind, key)].append((e, e.key, value))
        for lane in e.lanes:
            for kind, key, value in holders.get(int(lane[1:]), ()):
                chains[(kind, key)].append((e, lane, value))
    links: dict[tuple[str, str, str], Link] = {}
    for (kind, _key), chain in chains.items():
        party_kind = kind in PARTY_KINDS
        if party_kind and len({holder for _, holder, _ in chain}) < 2:
            continue  # one party's own phone on all its declarations links nothing
        for (a, ha, value), (b, hb, _) in zip(chain, chain[1:], strict=False):
            if a.key == b.key or (party_kind and ha == hb):
                continue
            links.setdefault((a.key, b.key, kind), Link(a.key, b.key, kind, value))
    return list(links.values())
