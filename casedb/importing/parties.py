"""Resolving the parties named on imported rows: raw name -> party, identifiers attached.

The importer only makes exact decisions: a raw name seen before (under the same country) is the
party it was resolved to, whatever merges investigators made since; a new raw name joins the party
with the same normalised name key and country, or becomes a new party. Fuzzy matches are left to
entity resolution (casedb.entities), where investigators confirm them.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..models import Party, PartyIdentifier, PartyName
from ..normalize import address_key, name_key

IDENTIFIER_FIELDS = {"address": address_key, "phone": str, "email": str, "tax_id": str.strip}


class PartyResolver:
    """Caches raw name -> (party id, party name id) for one import transaction."""

    def __init__(self, session: Session):
        self._s = session
        self._names: dict[tuple[str, str], tuple[int, int]] = {}
        self._idents: set[tuple[int, str, str]] = set()
        self.created = 0

    def resolve(self, raw_name: str, country: str) -> tuple[int, int]:
        key = (raw_name, country)
        hit = self._names.get(key)
        if hit is None:
            hit = self._lookup(raw_name, country)
            self._names[key] = hit
        return hit

    def _lookup(self, raw_name: str, country: str) -> tuple[int, int]:
        s = self._s
        row = s.execute(select(PartyName.party_id, PartyName.id).where(
            PartyName.raw_name == raw_name, PartyName.country == country)).first()
        if row is not None:
            return row[0], row[1]
        key = name_key(raw_name)
        party_id = self._same_party(raw_name, key, country)
        if party_id is None:
            party_id = s.execute(insert(Party).values(
                display_name=raw_name, name_key=key, country=country or None, kind="company",
                version=1).returning(Party.id)).scalar_one()
            self.created += 1
        name_id = s.execute(insert(PartyName).values(
            party_id=party_id, raw_name=raw_name, name_key=key, country=country
        ).returning(PartyName.id)).scalar_one()
        return party_id, name_id

    def _same_party(self, raw_name: str, key: str, country: str) -> int | None:
        """With a country: the party of that name key there. Without one, a name key alone is
        too weak ('Orient Scrap Inc.' is not 'Orient Scrap Co., Ltd.'): only the very same
        spelling, when it belongs to exactly one party."""
        if country:
            return self._s.scalar(select(PartyName.party_id).where(
                PartyName.name_key == key, PartyName.country == country).limit(1))
        found = set(self._s.scalars(select(PartyName.party_id).where(
            PartyName.raw_name == raw_name)))
        return found.pop() if len(found) == 1 else None

    def attach_identifiers(self, party_id: int, values: dict, role: str) -> list[dict]:
        """New identifier rows (not yet inserted) for the role's address/phone/email/tax id."""
        rows = []
        for kind, keyfn in IDENTIFIER_FIELDS.items():
            value = values.get(f"{role}_{kind}")
            if not value:
                continue
            value_key = keyfn(value)
            if not value_key:
                continue
            sig = (party_id, kind, value_key)
            if sig in self._idents:
                continue
            self._idents.add(sig)
            exists = self._s.scalar(select(PartyIdentifier.id).where(
                PartyIdentifier.party_id == party_id, PartyIdentifier.kind == kind,
                PartyIdentifier.value_key == value_key))
            if exists is None:
                shown = values.get(f"{role}_{kind}_raw") or value  # as written, for people
                rows.append({"party_id": party_id, "kind": kind, "value": str(shown)[:400],
                             "value_key": value_key[:400]})
        return rows
