"""Everything about one case, read in one go: for the case view, the dossier and exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from casedb.cases.attachments import AttachmentInfo, attachment_infos
from casedb.cases.records import CaseRecord, get_case
from casedb.models import (
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    Party,
    PartyIdentifier,
    PartyName,
    RowProvenance,
    Seizure,
    SourceFile,
)
from casedb.security.roles import record_view
from casedb.store.database import Database


@dataclass(frozen=True)
class SeizureRow:
    id: int
    declaration_no: str
    seizure_date: dt.date | None
    quantity_kg: float | None
    waste_category: str | None
    basel_code: str | None
    offence: str | None
    detection_method: str | None
    outcome: str | None


@dataclass(frozen=True)
class DeclarationRow:
    id: int
    declaration_no: str
    authority: str
    declaration_date: dt.date | None
    hs_code: str | None
    goods_description: str | None
    gross_weight_kg: float | None
    route: str
    vessel: str
    bl_no: str | None
    containers: tuple[str, ...]


@dataclass(frozen=True)
class PartyRow:
    id: int
    role: str
    display_name: str
    country: str | None
    variants: tuple[str, ...]
    identifiers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ProvenanceRow:
    file_name: str
    sha256: str
    sheet: str
    rows: str  # compact ranges, e.g. "4-9, 12"


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: str  # declaration | seizure | note | opened
    text: str


@dataclass(frozen=True)
class CaseFile:
    case: CaseRecord
    seizures: tuple[SeizureRow, ...]
    declarations: tuple[DeclarationRow, ...]
    parties: tuple[PartyRow, ...]
    provenance: tuple[ProvenanceRow, ...]
    attachments: tuple[AttachmentInfo, ...] = ()  # without their content

    @property
    def total_kg(self) -> float:
        return sum(d.gross_weight_kg or 0 for d in self.declarations)

    def timeline(self) -> list[Event]:
        ev = [Event(d.declaration_date, "declaration",
                    f"{d.declaration_no} {d.hs_code or ''} {(d.gross_weight_kg or 0) / 1000:.1f} t "
                    f"{d.route}") for d in self.declarations if d.declaration_date]
        ev += [Event(s.seizure_date, "seizure", f"{s.declaration_no}: {s.offence or ''}")
               for s in self.seizures if s.seizure_date]
        ev += [Event(n.created_at.date(), "note", n.body[:80]) for n in self.case.notes]
        if self.case.opened_on:
            ev.append(Event(self.case.opened_on, "opened", self.case.case_ref))
        return sorted(ev, key=lambda e: (e.date, e.kind))


def _ranges(numbers: list[int]) -> str:
    out, start, prev = [], None, None
    for n in sorted(set(numbers)):
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}-{prev}" if prev != start else str(start))
            start = prev = n
    if start is not None:
        out.append(f"{start}-{prev}" if prev != start else str(start))
    return ", ".join(out)


def load_case_file(db: Database, case_ref: str) -> CaseFile:
    case = get_case(db, case_ref)
    record_view(db, case.id, "case file")  # audited when the case is above OFFICIAL
    with db.read() as s:
        seiz = s.execute(select(Seizure, Declaration.declaration_no).outerjoin(
            Declaration, Declaration.id == Seizure.declaration_id).where(
            Seizure.case_id == case.id).order_by(Seizure.seizure_date, Seizure.id)).all()
        decl_ids = [z.declaration_id for z, _ in seiz if z.declaration_id]
        decls = s.scalars(select(Declaration).where(Declaration.id.in_(decl_ids))
                          .order_by(Declaration.declaration_date, Declaration.id)).all()
        cntr: dict[int, list[str]] = {}
        for did, no in s.execute(select(DeclarationContainer.declaration_id,
                                        DeclarationContainer.container_no).where(
                DeclarationContainer.declaration_id.in_(decl_ids))):
            cntr.setdefault(did, []).append(no)
        return CaseFile(
            case,
            tuple(SeizureRow(z.id, no or "", z.seizure_date, z.quantity_kg, z.waste_category,
                             z.basel_code, z.offence, z.detection_method, z.outcome)
                  for z, no in seiz),
            tuple(_declaration_row(d, cntr.get(d.id, [])) for d in decls),
            _parties(s, decl_ids),
            _provenance(s, decl_ids, [z.id for z, _ in seiz]),
            attachment_infos(s, case.id),
        )


def _declaration_row(d: Declaration, containers: list[str]) -> DeclarationRow:
    legs = [d.port_of_loading, d.port_of_transshipment, d.port_of_discharge]
    return DeclarationRow(d.id, d.declaration_no, d.authority, d.declaration_date, d.hs_code,
                          d.goods_description, d.gross_weight_kg,
                          " > ".join(p for p in legs if p),
                          " ".join(x for x in (d.vessel_name, d.voyage_no) if x), d.bl_no,
                          tuple(sorted(containers)))


def _parties(s, decl_ids: list[int]) -> tuple[PartyRow, ...]:
    pairs = s.execute(select(DeclarationParty.role, DeclarationParty.party_id).where(
        DeclarationParty.declaration_id.in_(decl_ids)).distinct()).all()
    pids = {p for _, p in pairs}
    parties = {p.id: p for p in s.scalars(select(Party).where(Party.id.in_(pids)))}
    names: dict[int, list[str]] = {}
    for pid, raw in s.execute(select(PartyName.party_id, PartyName.raw_name).where(
            PartyName.party_id.in_(pids)).order_by(PartyName.id)):
        names.setdefault(pid, []).append(raw)
    idents: dict[int, list[tuple[str, str]]] = {}
    for pid, kind, value in s.execute(select(PartyIdentifier.party_id, PartyIdentifier.kind,
                                             PartyIdentifier.value).where(
            PartyIdentifier.party_id.in_(pids)).order_by(PartyIdentifier.id)):
        idents.setdefault(pid, []).append((kind, value))
    order = {"shipper": 0, "consignee": 1, "notify": 2, "forwarder": 3, "broker": 4}
    return tuple(sorted(
        (PartyRow(pid, role, parties[pid].display_name, parties[pid].country,
                  tuple(dict.fromkeys(names.get(pid, ()))), tuple(idents.get(pid, ())))
         for role, pid in pairs if pid in parties),
        key=lambda p: (order.get(p.role, 9), p.display_name)))


def _provenance(s, decl_ids: list[int], seizure_ids: list[int]) -> tuple[ProvenanceRow, ...]:
    rows = s.execute(select(SourceFile.file_name, SourceFile.sha256, RowProvenance.sheet,
                            RowProvenance.row_number).join(
        SourceFile, SourceFile.id == RowProvenance.source_file_id).where(
        ((RowProvenance.entity == "declaration") & RowProvenance.entity_id.in_(decl_ids)) |
        ((RowProvenance.entity == "seizure") & RowProvenance.entity_id.in_(seizure_ids)))).all()
    grouped: dict[tuple[str, str, str], list[int]] = {}
    for name, sha, sheet, row in rows:
        grouped.setdefault((name, sha, sheet), []).append(row)
    return tuple(ProvenanceRow(n, sha, sh, _ranges(r))
                 for (n, sha, sh), r in sorted(grouped.items()))
