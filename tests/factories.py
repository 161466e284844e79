"""Test factories: write declarations, parties, cases and seizures straight into a database.

The import pipeline is the real way in; these exist so that analysis tests can plant exactly the
data they reason about. Parties are resolved by exact name key + country, as the importer does.
"""

from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import select
from sqlalchemy.orm import Session

from casedb.models import (
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    Party,
    PartyIdentifier,
    PartyName,
    Seizure,
)
from casedb.normalize.names import address_key, name_key, normalize_email, normalize_phone

_seq = itertools.count(1)


def party(s: Session, name: str, country: str = "", *, address: str | None = None,
          phone: str | None = None, email: str | None = None, tax_id: str | None = None) -> int:
    """The party id for a raw name (created when new), with identifiers attached."""
    key = name_key(name)
    pn = s.scalar(select(PartyName).where(PartyName.raw_name == name, PartyName.country == country))
    if pn is None:
        pid = s.scalar(select(Party.id).where(Party.name_key == key, Party.country == country))
        if pid is None:
            p = Party(display_name=name, name_key=key, country=country or None)
            s.add(p)
            s.flush()
            pid = p.id
        pn = PartyName(party_id=pid, raw_name=name, name_key=key, country=country)
        s.add(pn)
        s.flush()
    for kind, value, norm in (("address", address, address_key), ("phone", phone, normalize_phone),
                              ("email", email, normalize_email), ("tax_id", tax_id, str.strip)):
        if value:
            vk = norm(value)
            exists = s.scalar(select(PartyIdentifier.id).where(
                PartyIdentifier.party_id == pn.party_id, PartyIdentifier.kind == kind,
                PartyIdentifier.value_key == vk))
            if exists is None:
                s.add(PartyIdentifier(party_id=pn.party_id, kind=kind, value=value, value_key=vk))
    s.flush()
    return pn.party_id


def declaration(s: Session, *, parties: dict[str, int] | None = None,
                containers: tuple[str, ...] = (), case_ref: str | None = None,
                **fields) -> int:
    """A declaration with parties by role (``{"shipper": party_id}``), containers, and when
    ``case_ref`` is given a seizure tying it to that case (created when new)."""
    fields.setdefault("authority", "TEST")
    fields.setdefault("declaration_no", f"D{next(_seq):08d}")
    fields.setdefault("declaration_date", dt.date(2023, 1, 1))
    d = Declaration(**fields)
    s.add(d)
    s.flush()
    for role, pid in (parties or {}).items():
        s.add(DeclarationParty(declaration_id=d.id, role=role, party_id=pid))
    for no in containers:
        s.add(DeclarationContainer(declaration_id=d.id, container_no=no))
    if case_ref:
        seize(s, case_ref, d.id, seizure_date=fields["declaration_date"])
    s.flush()
    return d.id


def seize(s: Session, case_ref: str, declaration_id: int, **fields) -> int:
    cid = s.scalar(select(Case.id).where(Case.case_ref == case_ref))
    if cid is None:
        c = Case(case_ref=case_ref, title=f"Case {case_ref}")
        s.add(c)
        s.flush()
        cid = c.id
    z = Seizure(case_id=cid, declaration_id=declaration_id, **fields)
    s.add(z)
    s.flush()
    return z.id
