"""Writing normalised rows into the case database: merge, never duplicate.

A declaration is identified by (issuing authority, declaration number). The same declaration from
a second file becomes one declaration carrying both provenances: missing values are filled in,
equal values confirm, and a different value is a conflict that refuses the row.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass, field

from sqlalchemy import and_, insert, select, update
from sqlalchemy.orm import Session

from .. import audit
from ..bulk import insert_returning_ids, insert_rows
from ..models import (
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    PartyIdentifier,
    RowProvenance,
    Seizure,
)
from .columns import Chunk
from .fields import PARTY_ROLES
from .fresh import DECLARATION_FIELDS, FreshWriter, Outcome, authorities, limited, missing_for_new
from .parties import PartyResolver
from .rows import RowError, SourceRow, party_country

log = logging.getLogger(__name__)

SEIZURE_FIELDS = {
    "seizure_date": "seizure_date", "quantity_seized_kg": "quantity_kg",
    "waste_category": "waste_category", "basel_code": "basel_code", "offence": "offence",
    "detection_method": "detection_method", "outcome": "outcome",
}

def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)
        except (TypeError, ValueError):
            return False
    return a == b


def _declaration_values(values: dict) -> dict:
    return {name: limited(name, values[name]) for name in DECLARATION_FIELDS
            if values.get(name) is not None}


def _key(values: dict) -> tuple[str, str]:
    return (values.get("authority") or "", values["declaration_no"])


@dataclass
class _Links:
    parties: list = field(default_factory=list)
    containers: list = field(default_factory=list)
    identifiers: list = field(default_factory=list)


class DeclarationWriter:
    """Writes the rows of one file inside the caller's transaction."""

    def __init__(self, session: Session, *, source_file_id: int, run_id: int, file_name: str,
                 user: str):
        self._s = session
        self._source_id = source_file_id
        self._run_id = run_id
        self._file_name = file_name
        self._user = user
        self._parties = PartyResolver(session)
        self._cases: dict[str, int] = {}
        self._seen = {(sheet, row) for sheet, row in session.execute(
            select(RowProvenance.sheet, RowProvenance.row_number).where(
                RowProvenance.source_file_id == source_file_id))}
        self.outcome = Outcome()
        self._known: dict[tuple[str, str], dict] = {}  # declarations met in this file
        self._roles: dict[int, set[str]] = {}
        self._containers: dict[int, set[str]] = {}
        self._fresh = FreshWriter(session.connection(), self._parties, self.outcome,
                                  source_file_id=source_file_id, run_id=run_id)
        self._created: set[tuple[str, str]] = set()  # keys the fresh writer inserted
        self._db_has_declarations = session.scalar(select(Declaration.id).limit(1)) is not None

    @property
    def rows_imported_before(self) -> int:
        """Rows of this file that an earlier import stored (a re-import leaves them)."""
        return len(self._seen)

    def stored_all(self, layouts) -> bool:
        """Whether earlier imports of this file stored every data row of ``layouts`` (sheet
        layouts: their names and runs of data rows)."""
        seen = self._seen
        if len(seen) < sum(s.count for s in layouts):
            return False
        return all((s.name, row) in seen for s in layouts for a, b in s.data_rows
                   for row in range(a, b))

    def bulky(self) -> list:
        """The containers that grow with the file, for the caller to free gradually."""
        return [self._known, self._seen, self._roles, self._containers, self._created,
                *self._parties.bulky()]

    # -- one chunk -------------------------------------------------------------------------
    def write_chunk(self, chunk: Chunk) -> None:
        """Rows with a key new to the database and the file so far go in a column at a time;
        the others (merges, seizures, repeats) a row at a time."""
        if self._seen:
            todo = [i for i, row in enumerate(chunk.rows) if (chunk.sheet, row) not in self._seen]
            self.outcome.unchanged += len(chunk) - len(todo)
            chunk = chunk.take(todo)
        if not len(chunk):
            return
        keys = list(zip(authorities(chunk), chunk.values["declaration_no"], strict=True))
        distinct = set(keys)
        in_db = self._in_database(distinct.difference(self._created, self._known))
        cases = chunk.values.get("case_ref")
        if (len(distinct) == len(keys) and distinct.isdisjoint(self._created)
                and distinct.isdisjoint(self._known) and not in_db and not any(cases or ())):
            fresh, slow = list(range(len(keys))), []  # the common case: every key new
        else:
            fresh, slow = self._partition(keys, in_db, cases or [None] * len(keys))
        if fresh:
            self._fresh.write(chunk if len(fresh) == len(chunk) else chunk.take(fresh))
            self._created.update(keys[i] for i in fresh)
        if slow:
            self.write([chunk.source_row(i) for i in slow])

    def _partition(self, keys: list, in_db: set, cases: list) -> tuple[list[int], list[int]]:
        """Indices of the rows whose key is new (the first row of each) and of the others."""
        fresh, slow, met = [], [], set()
        for i, key in enumerate(keys):
            if (key in met or key in self._created or key in self._known or key in in_db
                    or cases[i]):
                slow.append(i)
            else:
                fresh.append(i)
            met.add(key)
        return fresh, slow

    def _in_database(self, keys: set) -> set:
        if not keys or not self._db_has_declarations:
            return set()
        found = set()
        for where in _key_conditions(keys, 5000):
            found.update(tuple(r) for r in self._s.execute(
                select(Declaration.authority, Declaration.declaration_no).where(where)))
        return found

    # -- rows that merge -------------------------------------------------------------------
    def write(self, rows: list[SourceRow]) -> None:
        todo = [r for r in rows if (r.sheet, r.row) not in self._seen]
        self.outcome.unchanged += len(rows) - len(todo)
        existing = self._existing({_key(r.values) for r in todo} - set(self._known))
        self._known.update(existing)
        pending: dict[tuple[str, str], dict] = {}
        plan = []
        for r in todo:
            try:
                plan.append((r, self._classify(r, pending)))
            except RowError as exc:
                self.outcome.refused.append((r.sheet, r.row, exc.column, exc.reason))
        self._insert_new(pending)
        self._parties.prepare(dict.fromkeys(
            (r.values[f"{role}_name"][:300], party_country(role, r.values))
            for r, _ in plan for role in PARTY_ROLES if r.values.get(f"{role}_name")))
        links = _Links()
        provenance = []
        for r, merged in plan:
            decl_id = self._known[_key(r.values)]["id"]
            self._links(decl_id, r.values, links)
            self.outcome.declaration_ids.add(decl_id)
            self._seen.add((r.sheet, r.row))
            provenance.append(self._prov(r, "declaration", decl_id))
            if r.values.get("case_ref"):
                provenance.append(self._prov(r, "seizure", self._seizure(r, decl_id)))
            self.outcome.merged += merged
            self.outcome.imported += not merged
        for table, batch in ((DeclarationParty, links.parties),
                             (DeclarationContainer, links.containers),
                             (PartyIdentifier, links.identifiers), (RowProvenance, provenance)):
            if batch:  # Core executemany: the ORM's bulk path costs twice as much per row
                insert_rows(self._s.connection(), table.__table__, batch)

    def _prov(self, r: SourceRow, entity: str, entity_id: int) -> dict:
        return {"source_file_id": self._source_id, "import_run_id": self._run_id,
                "sheet": r.sheet[:200], "row_number": r.row, "entity": entity,
                "entity_id": entity_id}

    def _existing(self, keys: set) -> dict:
        found: dict = {}
        cols = [Declaration.id, Declaration.authority, Declaration.declaration_no,
                *(getattr(Declaration, f) for f in DECLARATION_FIELDS)]
        for where in _key_conditions(keys, 500):
            for row in self._s.execute(select(*cols).where(where)):
                found[(row.authority, row.declaration_no)] = dict(row._mapping)
        return found

    # -- declarations ----------------------------------------------------------------------
    def _classify(self, r: SourceRow, pending: dict) -> bool:
        """True when the row merges into a known declaration; new ones wait in ``pending``."""
        key = _key(r.values)
        new = _declaration_values(r.values)
        old = self._known.get(key)
        if old is not None:
            fills = self._merge_values(r, old, new)
            if fills:
                self._s.execute(update(Declaration).where(Declaration.id == old["id"]).values(
                    version=Declaration.version + 1, **fills))
                for name, value in fills.items():
                    audit.record(self._s, self._user, "merge", "declaration", old["id"],
                                 field=name, new=value,
                                 reason=f"import {self._file_name} {r.sheet} row {r.row}")
                old.update(fills)
            return True
        if key in pending:
            pending[key].update(self._merge_values(r, pending[key], new))
            return True
        self._require_new(r.values)
        pending[key] = {**dict.fromkeys(DECLARATION_FIELDS), **new}
        return False

    def _insert_new(self, pending: dict) -> None:
        if not pending:
            return
        keys = list(pending)
        payload = [{"authority": k[0], "declaration_no": k[1], "version": 1, **pending[k]}
                   for k in keys]
        table = Declaration.__table__  # Core: batched multi-row INSERT .. RETURNING
        ids = insert_returning_ids(self._s.connection(), table, payload)
        for k, decl_id in zip(keys, ids, strict=True):
            self._known[k] = {"id": decl_id, **pending[k]}
            self._roles[decl_id], self._containers[decl_id] = set(), set()

    @staticmethod
    def _require_new(v: dict) -> None:
        why = missing_for_new(v)
        if why is not None:
            raise RowError(*why)

    @staticmethod
    def _merge_values(r: SourceRow, old: dict, new: dict) -> dict:
        fills = {}
        for name, value in new.items():
            current = old.get(name)
            if current is None:
                fills[name] = value
            elif not _same(current, value):
                raise RowError(name, (
                    f"conflicts with declaration {r.values['declaration_no']} already in the "
                    f"database: {name} is {_show(current)} there, {_show(value)} here"))
        return fills

    def _links(self, decl_id: int, v: dict, links: _Links) -> None:
        if decl_id not in self._roles:  # a declaration from an earlier import
            self._roles[decl_id] = set(self._s.scalars(select(DeclarationParty.role).where(
                DeclarationParty.declaration_id == decl_id)))
            self._containers[decl_id] = set(self._s.scalars(
                select(DeclarationContainer.container_no).where(
                    DeclarationContainer.declaration_id == decl_id)))
        roles, containers = self._roles[decl_id], self._containers[decl_id]
        for role in PARTY_ROLES:
            name = v.get(f"{role}_name")
            if not name:
                continue
            party_id, name_id = self._parties.resolve(name[:300], party_country(role, v))
            links.identifiers += self._parties.attach_identifiers(party_id, v, role)
            if role not in roles:
                roles.add(role)
                links.parties.append({"declaration_id": decl_id, "role": role,
                                      "party_id": party_id, "party_name_id": name_id})
        for c in v.get("containers") or ():
            if c not in containers:
                containers.add(c)
                links.containers.append({"declaration_id": decl_id, "container_no": c})

    # -- cases and seizures ----------------------------------------------------------------
    def _case_id(self, v: dict) -> int:
        ref = v["case_ref"][:64]
        cid = self._cases.get(ref)
        if cid is None:
            cid = self._s.scalar(select(Case.id).where(Case.case_ref == ref))
            if cid is None:
                opened = v.get("seizure_date") or v.get("declaration_date")
                cid = self._s.execute(insert(Case).values(
                    case_ref=ref, title=v.get("case_title") or "", status="open",
                    opened_on=opened if isinstance(opened, dt.date) else None, summary="",
                    tags=[], version=1).returning(Case.id)).scalar_one()
                audit.record(self._s, self._user, "create", "case", cid, new=ref,
                             reason=f"import {self._file_name}")
            self._cases[ref] = cid
        return cid

    def _seizure(self, r: SourceRow, decl_id: int) -> int:
        case_id = self._case_id(r.values)
        values = {col: r.values[f] for f, col in SEIZURE_FIELDS.items() if r.values.get(f) is not None}
        for col in ("waste_category", "offence", "detection_method", "outcome"):
            if col in values:
                values[col] = str(values[col])[:200 if col == "offence" else 120]
        if "basel_code" in values:
            values["basel_code"] = str(values["basel_code"])[:16]
        row = self._s.execute(select(Seizure).where(
            Seizure.case_id == case_id, Seizure.declaration_id == decl_id)).scalar_one_or_none()
        if row is None:
            return self._s.execute(insert(Seizure).values(
                case_id=case_id, declaration_id=decl_id, version=1, **values
            ).returning(Seizure.id)).scalar_one()
        for col, value in values.items():
            if getattr(row, col) is None:
                setattr(row, col, value)
        return row.id


def _key_conditions(keys, size: int):
    """WHERE clauses matching (authority, declaration number) keys, ``size`` numbers each."""
    by_authority: dict[str, list[str]] = {}
    for authority, number in keys:
        by_authority.setdefault(authority, []).append(number)
    for authority, numbers in by_authority.items():
        for i in range(0, len(numbers), size):
            yield and_(Declaration.authority == authority,
                       Declaration.declaration_no.in_(numbers[i:i + size]))


def _show(value) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return repr(value) if isinstance(value, str) else str(value)
