"""Resolving the parties named on imported rows: raw name -> party, identifiers attached.

The importer only makes exact decisions: a raw name seen before (under the same country) is the
party it was resolved to, whatever merges investigators made since; a new raw name joins the party
with the same normalised name key in the same country, or becomes a new party. Without a country a
name key is too weak ('Orient Scrap Inc.' is not 'Orient Scrap Co., Ltd.'): only the very same
spelling counts, when it belongs to exactly one party. Fuzzy matches are left to entity resolution
(casedb.parties.resolution), where investigators confirm them.

The name maps are loaded once per file and new parties are created in bulk, a batch at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from operator import itemgetter

from sqlalchemy import select
from sqlalchemy.orm import Session

from casedb.store.bulk import insert_returning_ids

from ..models import Party, PartyIdentifier, PartyName
from ..models.base import max_length
from ..normalize import address_key, name_key

VALUE_MAX = max_length(PartyIdentifier.value)
KEY_MAX = max_length(PartyIdentifier.value_key)

IDENTIFIER_FIELDS = {"address": address_key, "phone": str, "email": str, "tax_id": str.strip}


class PartyResolver:
    def __init__(self, session: Session):
        self._s = session
        self._by_raw: dict[tuple[str, str], tuple[int, int]] = {}
        self._by_key: dict[tuple[str, str], int] = {}
        self._raw_any: dict[str, set[int]] = defaultdict(set)
        for pid, nid, raw, key, country in session.execute(select(
                PartyName.party_id, PartyName.id, PartyName.raw_name, PartyName.name_key,
                PartyName.country)):
            self._by_raw[(raw, country)] = (pid, nid)
            self._by_key.setdefault((key, country), pid)
            self._raw_any[raw].add(pid)
        self._idents = set(session.execute(select(
            PartyIdentifier.party_id, PartyIdentifier.kind, PartyIdentifier.value_key)).all())
        self.created = 0

    def prepare(self, names: Iterable[tuple[str, str]]) -> None:
        """Resolve every (raw name, country) of a batch, creating the new parties in bulk. A new
        party shows the first spelling met (``names`` in the order of the rows)."""
        if not isinstance(names, dict):
            names = dict.fromkeys(names)
        missing = names.keys() - self._by_raw.keys()  # in C: most batches name known parties
        if not missing:
            return
        todo = [n for n in names if n in missing]  # in the order of the rows
        new_parties: dict[tuple[str, str], str] = {}  # (key or raw, country) -> display name
        plan = []
        for raw, country in todo:
            key = name_key(raw)
            pid = self._same_party(raw, key, country)
            ident = (key, country) if country else (raw, "")
            if pid is None:
                new_parties.setdefault(ident, raw)
            plan.append((raw, country, key, pid, ident))
        created = self._create_parties(new_parties)
        rows = [{"party_id": pid if pid is not None else created[ident], "raw_name": raw,
                 "name_key": key, "country": country}
                for raw, country, key, pid, ident in plan]
        table = PartyName.__table__
        ids = insert_returning_ids(self._s.connection(), table, rows)
        for row, nid in zip(rows, ids, strict=True):
            pid, raw, country = row["party_id"], row["raw_name"], row["country"]
            self._by_raw[(raw, country)] = (pid, nid)
            self._by_key.setdefault((row["name_key"], country), pid)
            self._raw_any[raw].add(pid)

    def _create_parties(self, new: dict[tuple[str, str], str]) -> dict[tuple[str, str], int]:
        if not new:
            return {}
        idents = list(new)
        rows = [{"display_name": new[i], "name_key": name_key(new[i]), "country": i[1] or None,
                 "kind": "company", "version": 1} for i in idents]
        table = Party.__table__
        ids = insert_returning_ids(self._s.connection(), table, rows)
        self.created += len(ids)
        return dict(zip(idents, ids, strict=True))

    def _same_party(self, raw: str, key: str, country: str) -> int | None:
        if country:
            return self._by_key.get((key, country))
        found = self._raw_any.get(raw, set())
        return next(iter(found)) if len(found) == 1 else None

    def resolve_column(self, names: list, countries: list) -> list:
        """(party id, party name id) for each (name, country) of a column; None where no name."""
        pairs = list(zip(names, countries, strict=True))
        self.prepare(dict.fromkeys(filter(itemgetter(0), pairs)))
        return list(map(self._by_raw.get, pairs))

    def identifier_rows(self, kind: str, party_ids: list, values: list, shown: list) -> list[dict]:
        """New identifier rows (not yet inserted) for one kind of identifier, a column at a time:
        ``shown`` is the value as written, for people."""
        keyfn, keys = IDENTIFIER_FIELDS[kind], {}
        rows = []
        # Each distinct (party, value, as written) once, in the order first met.
        for pid, value, written in dict.fromkeys(zip(party_ids, values, shown, strict=True)):
            if not value or pid is None:
                continue
            value_key = keys.get(value)
            if value_key is None:
                value_key = keys[value] = (keyfn(value) or "")[:KEY_MAX]
            sig = (pid, kind, value_key)
            if not value_key or sig in self._idents:
                continue
            self._idents.add(sig)
            rows.append({"party_id": pid, "kind": kind, "value": str(written or value)[:VALUE_MAX],
                         "value_key": value_key})
        return rows

    def resolve(self, raw_name: str, country: str) -> tuple[int, int]:
        hit = self._by_raw.get((raw_name, country))
        if hit is None:
            self.prepare({(raw_name, country)})
            hit = self._by_raw[(raw_name, country)]
        return hit

    def attach_identifiers(self, party_id: int, values: dict, role: str) -> list[dict]:
        """New identifier rows (not yet inserted) for the role's address/phone/email/tax id."""
        rows = []
        for kind, keyfn in IDENTIFIER_FIELDS.items():
            value = values.get(f"{role}_{kind}")
            if not value:
                continue
            value_key = (keyfn(value) or "")[:KEY_MAX]
            sig = (party_id, kind, value_key)
            if not value_key or sig in self._idents:
                continue
            self._idents.add(sig)
            shown = values.get(f"{role}_{kind}_raw") or value  # as written, for people
            rows.append({"party_id": party_id, "kind": kind, "value": str(shown)[:VALUE_MAX],
                         "value_key": value_key})
        return rows
