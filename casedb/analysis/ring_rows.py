"""Split-shipment rings as table rows: shippers, the identifiers they share, tonnes, ports,
dates, and the cases already holding any of the ring's declarations (so "open as case" can warn
and offer to add them to that case instead). Reads rings through casedb.analysis.splits'
public SplitRing only."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from casedb.models import Case, Declaration, PartyIdentifier, Seizure
from casedb.store.database import Database


@dataclass(frozen=True)
class RingRow:
    index: int  # the ring's place in the list it came from
    score: float
    typology: str
    shippers: tuple[str, ...]
    consignees: tuple[str, ...]
    shared: tuple[tuple[str, str, int], ...]  # (kind, value, shippers holding it)
    declarations: int
    tonnes: float
    ports: tuple[str, ...]  # loading and discharge ports, most used first
    first: dt.date
    last: dt.date
    in_cases: tuple[tuple[str, int], ...]  # (case ref, declarations of the ring it holds)
    free: int  # declarations of the ring in no case yet

    def to_json(self) -> dict:
        return {"index": self.index, "score": round(self.score, 3), "typology": self.typology,
                "shippers": list(self.shippers), "consignees": list(self.consignees),
                "shared": [{"kind": k, "value": v, "shippers": n} for k, v, n in self.shared],
                "declarations": self.declarations, "tonnes": round(self.tonnes, 3),
                "ports": list(self.ports), "first": self.first.isoformat(),
                "last": self.last.isoformat(),
                "in_cases": [{"case_ref": c, "declarations": n} for c, n in self.in_cases],
                "free": self.free}


def ring_rows(db: Database, rings) -> list[RingRow]:
    """One row per ring of ``rings`` (casedb.analysis.splits.detect_splits), in their order."""
    rings = list(rings)
    all_ids = {d for r in rings for d in r.declaration_ids}
    all_shippers = {p for r in rings for p in r.shipper_ids}
    with db.read() as s:
        holding: dict[int, set[str]] = defaultdict(set)
        for did, ref in _chunked(s, select(Seizure.declaration_id, Case.case_ref)
                                 .join(Case, Case.id == Seizure.case_id),
                                 Seizure.declaration_id, all_ids):
            holding[did].add(ref)
        ports: dict[int, tuple] = {did: (a, b) for did, a, b in _chunked(
            s, select(Declaration.id, Declaration.port_of_loading, Declaration.port_of_discharge),
            Declaration.id, all_ids)}
        idents: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        for pid, kind, value, key in _chunked(
                s, select(PartyIdentifier.party_id, PartyIdentifier.kind, PartyIdentifier.value,
                          PartyIdentifier.value_key), PartyIdentifier.party_id, all_shippers):
            idents[pid].append((kind, value, key))
    return [_row(i, r, holding, ports, idents) for i, r in enumerate(rings)]


def _row(i: int, r, holding: dict, ports: dict, idents: dict) -> RingRow:
    in_cases = Counter(ref for d in r.declaration_ids for ref in holding.get(d, ()))
    free = sum(1 for d in r.declaration_ids if not holding.get(d))
    used = Counter(p for d in r.declaration_ids for p in ports.get(d, ()) if p)
    return RingRow(i, r.score, r.typology, tuple(r.shipper_names), tuple(r.consignee_names),
                   _shared(r.shipper_ids, idents), len(r.declaration_ids), r.total_kg / 1000,
                   tuple(p for p, _ in used.most_common()), r.first, r.last,
                   tuple(sorted(in_cases.items(), key=lambda x: (-x[1], x[0]))), free)


def _shared(shipper_ids, idents: dict) -> tuple:
    """Identifiers held by two or more of the ring's shippers."""
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    written: dict[tuple[str, str], str] = {}
    for pid in shipper_ids:
        for kind, value, key in idents.get(pid, ()):
            holders[(kind, key)].add(pid)
            written.setdefault((kind, key), value)
    out = [(kind, written[(kind, key)], len(pids)) for (kind, key), pids in holders.items()
           if len(pids) > 1]
    return tuple(sorted(out, key=lambda x: (-x[2], x[0], x[1])))


def _chunked(s, q, column, ids, size: int = 900):
    ids = list(ids)
    for i in range(0, len(ids), size):
        yield from s.execute(q.where(column.in_(ids[i:i + size])))
