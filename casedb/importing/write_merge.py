"""Writing normalised rows into the case database: merge, never duplicate, never discard.

A declaration is identified by (issuing authority, declaration number); a shipment without a
declaration number by its B/L ("B/L <number>", record kind 'shipment'). The same declaration
from a second source becomes one declaration carrying both provenances. Its values merge with
tolerance (casedb.importing.tolerance: the precision each source shows, port areas, texts
without case or punctuation): missing values are filled in, agreeing ones confirm. A real
disagreement (a weight 8% apart, another consignee, another HS code on the same item) does not
refuse the row: the row is stored with its provenance, the stored value stays, and a
``discrepancy`` keeps both values with the provenance of the new one. A row is a line of its
declaration (casedb.importing.lines): several lines make items, whose sums are the
declaration's totals. A row seen by an earlier import of the same file is skipped, so a
re-import records nothing twice.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import Session

from casedb.evidence.trail import store_raw
from casedb.importing.columns import Chunk
from casedb.importing.fields import PARTY_ROLES
from casedb.importing.findings import Findings
from casedb.importing.lines import LINE_FIELDS, Held, line_key
from casedb.importing.parties import PartyResolver
from casedb.importing.rows import SourceRow, party_country
from casedb.importing.seizures import SeizureWriter
from casedb.importing.write_new import (
    DECLARATION_FIELDS,
    NAME_MAX,
    RECORD_KIND,
    SHEET_MAX,
    FreshWriter,
    Outcome,
    authorities,
    limited,
    missing_for_new,
)
from casedb.models import (
    Declaration,
    DeclarationContainer,
    DeclarationItem,
    DeclarationParty,
    PartyIdentifier,
    PartyName,
    RowProvenance,
)
from casedb.normalize import name_key
from casedb.store import audit
from casedb.store.bulk import insert_returning_ids, insert_rows

log = logging.getLogger(__name__)



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
    found: list = field(default_factory=list)  # disagreements: (decl id, item, field, a, b, sheet, row)


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
        self._seizures = SeizureWriter(session, user=user, file_name=file_name)
        self._seen = {(sheet, row) for sheet, row in session.execute(
            select(RowProvenance.sheet, RowProvenance.row_number).where(
                RowProvenance.source_file_id == source_file_id))}
        self.outcome = Outcome()
        self._held: dict[tuple[str, str], Held] = {}  # declarations merged into, by key
        self._roles: dict[int, dict[str, tuple]] = {}  # role -> (party id, raw name)
        self._containers: dict[int, set[str]] = {}
        self._fresh = FreshWriter(session.connection(), self._parties, self.outcome,
                                  source_file_id=source_file_id, run_id=run_id)
        self._created: set[tuple[str, str]] = set()  # keys the fresh writer inserted
        self._findings = Findings(session, self.outcome, source_file_id=source_file_id,
                                  run_id=run_id)
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

    # -- one chunk -------------------------------------------------------------------------
    def write_chunk(self, chunk: Chunk) -> None:
        """Rows with a key new to the database and the file so far go in a column at a time;
        the others (merges, seizures, repeats) a row at a time. The chunk's warnings are kept
        for the rows stored."""
        warnings = getattr(chunk, "warnings", None) or ()
        if self._seen:
            todo = [i for i, row in enumerate(chunk.rows) if (chunk.sheet, row) not in self._seen]
            self.outcome.unchanged += len(chunk) - len(todo)
            chunk = chunk.take(todo)
        if not len(chunk):
            return
        keys = list(zip(authorities(chunk), chunk.values["declaration_no"], strict=True))
        distinct = set(keys)
        in_db = self._in_database(distinct.difference(self._created, self._held))
        cases = chunk.values.get("case_ref")
        if (len(distinct) == len(keys) and distinct.isdisjoint(self._created)
                and distinct.isdisjoint(self._held) and not in_db and not any(cases or ())):
            fresh, slow = list(range(len(keys))), []  # the common case: every key new
        else:
            fresh, slow = self._partition(keys, in_db, cases or [None] * len(keys))
        ids: dict[int, int] = {}
        if fresh:
            rows, fresh_ids = self._fresh.write(chunk if len(fresh) == len(chunk)
                                                else chunk.take(fresh))
            self._created.update(keys[i] for i in fresh)
            if warnings:
                ids.update(zip(rows, fresh_ids, strict=True))
        if slow:
            ids.update(self._write_kept(chunk, slow))
        if warnings:
            self._findings.warnings(chunk.sheet, warnings, ids)

    def _partition(self, keys: list, in_db: set, cases: list) -> tuple[list[int], list[int]]:
        """Indices of the rows whose key is new (the first row of each) and of the others."""
        fresh, slow, met = [], [], set()
        for i, key in enumerate(keys):
            if (key in met or key in self._created or key in self._held or key in in_db
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
    def write_rows(self, chunk: Chunk, indices, warnings=()) -> None:
        """Rows ``indices`` of ``chunk`` through the merging writer, with their warnings."""
        ids = self._write_kept(chunk, indices)
        self._findings.warnings(chunk.sheet, warnings, ids)

    def _write_kept(self, chunk: Chunk, indices) -> dict[int, int]:
        """write() of rows ``indices`` of ``chunk``, their cells kept as written."""
        ids = self.write([chunk.source_row(i) for i in indices])
        store_raw(self._s.connection(), self._source_id, chunk,
                  [i for i in indices if chunk.rows[i] in ids])
        return ids

    def write(self, rows: list[SourceRow]) -> dict[int, int]:
        """Write ``rows``, merging; the row numbers stored and their declarations' ids."""
        todo = [r for r in rows if (r.sheet, r.row) not in self._seen]
        self.outcome.unchanged += len(rows) - len(todo)
        self._load({_key(r.values) for r in todo} - self._held.keys())
        plan, found, new, dirty = [], [], [], {}
        for r in todo:
            key = _key(r.values)
            held = self._held.get(key)
            why = missing_for_new(r.values) if held is None else None
            if why is None and r.values.get("case_ref"):
                why = self._seizures.refusal(r.values)  # a case the user may not see
            if why is not None:
                self.outcome.refused.append((r.sheet, r.row, *why))
                continue
            if held is None:
                self._held[key] = Held.new({
                    **dict.fromkeys(DECLARATION_FIELDS), **_declaration_values(r.values),
                    "record_kind": r.values.get("record_kind")}, line_key(r.values))
                new.append(key)
            else:
                found += [(key, *d, r.sheet, r.row) for d in held.merge(
                    _declaration_values(r.values), line_key(r.values))]
                if held.id is not None and held.dirty:
                    dirty[held.id] = (held, r)
            plan.append((r, key, held is not None))
        self._insert_new(new)
        self._write_back(dirty.values())
        return self._link_rows(plan, [(self._held[k].id, *d) for k, *d in found])

    def _link_rows(self, plan: list, found: list) -> dict[int, int]:
        self._parties.prepare(dict.fromkeys(
            (r.values[f"{role}_name"][:NAME_MAX], party_country(role, r.values))
            for r, _, _ in plan for role in PARTY_ROLES if r.values.get(f"{role}_name")))
        links = _Links(found=found)
        provenance = []
        ids = {}
        self._load_links({self._held[key].id for _, key, _ in plan}.difference(self._roles))
        for r, key, merged in plan:
            decl_id = ids[r.row] = self._held[key].id
            self._links(decl_id, r, links)
            self.outcome.declaration_ids.add(decl_id)
            self._seen.add((r.sheet, r.row))
            provenance.append(self._prov(r, "declaration", decl_id))
            if r.values.get("case_ref"):
                provenance.append(self._prov(r, "seizure", self._seizures.write(r, decl_id)))
            self.outcome.merged += merged
            self.outcome.imported += not merged
        for table, batch in ((DeclarationParty, links.parties),
                             (DeclarationContainer, links.containers),
                             (PartyIdentifier, links.identifiers), (RowProvenance, provenance)):
            if batch:  # Core executemany: the ORM's bulk path costs twice as much per row
                insert_rows(self._s.connection(), table.__table__, batch)
        self._findings.discrepancies(links.found)
        return ids

    def _prov(self, r: SourceRow, entity: str, entity_id: int) -> dict:
        return {"source_file_id": self._source_id, "import_run_id": self._run_id,
                "sheet": r.sheet[:SHEET_MAX], "row_number": r.row, "entity": entity,
                "entity_id": entity_id}

    def _load(self, keys: set) -> None:
        """Hold the declarations of ``keys`` that the database has, with their items."""
        if not keys:
            return
        fields = (*DECLARATION_FIELDS, "record_kind")
        cols = [Declaration.id, Declaration.authority, Declaration.declaration_no,
                *(getattr(Declaration, f) for f in fields)]
        by_id = {}
        for where in _key_conditions(keys, 500):
            for row in self._s.execute(select(*cols).where(where)):
                key = (row.authority, row.declaration_no)
                values = {f: getattr(row, f) for f in fields}
                held = by_id[row.id] = self._held[key] = Held(values, id=row.id)
                held.created = key in self._created
        ids = list(by_id)
        item_cols = [getattr(DeclarationItem, f) for f in ("declaration_id", "item_no",
                                                             *LINE_FIELDS)]
        for i in range(0, len(ids), 5000):
            for row in self._s.execute(select(*item_cols).where(
                    DeclarationItem.declaration_id.in_(ids[i:i + 5000]))):
                by_id[row.declaration_id].items[row.item_no] = {
                    f: getattr(row, f) for f in LINE_FIELDS}

    # -- declarations ----------------------------------------------------------------------
    def _write_back(self, batch) -> None:
        """What rows merged into declarations already written: values filled in, new or grown
        items, totals; one executemany per kind of change. Changes to a declaration of an
        earlier import are audited (citing the last row that changed it)."""
        conn = self._s.connection()
        new_items, items, fills = [], [], defaultdict(list)
        for held, r in batch:
            new_items += [{"declaration_id": held.id, "item_no": no, **held.items[no]}
                          for no in sorted(held.new_items)]
            items += [{"b_id": held.id, "b_no": no, **{f"b_{f}": v for f, v in
                                                        held.items[no].items()}}
                      for no in held.changed_items]
            if held.changed:
                names = tuple(sorted(held.changed))
                fills[names].append({"b_id": held.id, **{f"b_{n}": held.values[n]
                                                          for n in names}})
                if not held.created:
                    for name in names:
                        audit.record(self._s, self._user, "merge", "declaration", held.id,
                                     field=name, new=held.values[name],
                                     reason=f"import {self._file_name} {r.sheet} row {r.row}")
            held.clean()
        insert_rows(conn, DeclarationItem.__table__, new_items)
        item_table, table = DeclarationItem.__table__, Declaration.__table__
        if items:
            conn.execute(item_table.update().where(
                item_table.c.declaration_id == bindparam("b_id"),
                item_table.c.item_no == bindparam("b_no")).values(
                {f: bindparam(f"b_{f}") for f in LINE_FIELDS}), items)
        for names, params in fills.items():
            conn.execute(table.update().where(table.c.id == bindparam("b_id")).values(
                version=table.c.version + 1, **{n: bindparam(f"b_{n}") for n in names}), params)

    def _insert_new(self, keys: list) -> None:
        if not keys:
            return
        payload = [{"authority": k[0], "declaration_no": k[1], "version": 1,
                    **self._held[k].values,
                    "record_kind": self._held[k].values["record_kind"] or RECORD_KIND}
                   for k in keys]
        table = Declaration.__table__  # Core: batched multi-row INSERT .. RETURNING
        ids = insert_returning_ids(self._s.connection(), table, payload)
        items = []
        for k, decl_id in zip(keys, ids, strict=True):
            held = self._held[k]
            held.id = decl_id
            items += [{"declaration_id": decl_id, "item_no": no, **held.items[no]}
                      for no in sorted(held.items)]
            held.clean()
            self._roles[decl_id], self._containers[decl_id] = {}, set()
        if items:
            insert_rows(self._s.connection(), DeclarationItem.__table__, items)

    def _load_links(self, ids: set) -> None:
        """The parties (role -> party, name as written) and containers of declarations from
        an earlier import or chunk."""
        ids = sorted(ids)
        for i in range(0, len(ids), 5000):
            part = ids[i:i + 5000]
            for decl_id in part:
                self._roles[decl_id], self._containers[decl_id] = {}, set()
            for decl_id, role, pid, raw in self._s.execute(
                    select(DeclarationParty.declaration_id, DeclarationParty.role,
                           DeclarationParty.party_id, PartyName.raw_name)
                    .outerjoin(PartyName, PartyName.id == DeclarationParty.party_name_id)
                    .where(DeclarationParty.declaration_id.in_(part))):
                self._roles[decl_id][role] = (pid, raw)
            for decl_id, container in self._s.execute(
                    select(DeclarationContainer.declaration_id, DeclarationContainer.container_no)
                    .where(DeclarationContainer.declaration_id.in_(part))):
                self._containers[decl_id].add(container)

    def _links(self, decl_id: int, r: SourceRow, links: _Links) -> None:
        v = r.values
        roles, containers = self._roles[decl_id], self._containers[decl_id]
        for role in PARTY_ROLES:
            name = v.get(f"{role}_name")
            if not name:
                continue
            party_id, name_id = self._parties.resolve(name[:NAME_MAX], party_country(role, v))
            links.identifiers += self._parties.attach_identifiers(party_id, v, role)
            if role not in roles:
                roles[role] = (party_id, name[:NAME_MAX])
                links.parties.append({"declaration_id": decl_id, "role": role,
                                      "party_id": party_id, "party_name_id": name_id})
            elif _other_party(roles[role], party_id, name):
                links.found.append((decl_id, None, f"{role}_name", roles[role][1], name[:NAME_MAX],
                                    r.sheet, r.row))
        for c in v.get("containers") or ():
            if c not in containers:
                containers.add(c)
                links.containers.append({"declaration_id": decl_id, "container_no": c})

def _key_conditions(keys, size: int):
    """WHERE clauses matching (authority, declaration number) keys, ``size`` numbers each."""
    by_authority: dict[str, list[str]] = {}
    for authority, number in keys:
        by_authority.setdefault(authority, []).append(number)
    for authority, numbers in by_authority.items():
        for i in range(0, len(numbers), size):
            yield and_(Declaration.authority == authority,
                       Declaration.declaration_no.in_(numbers[i:i + size]))


def _other_party(stored: tuple[int, str | None], party_id: int, name: str) -> bool:
    """Whether a row names another party in a role than the one stored: not the same party,
    and not the same name once case, punctuation and legal forms are set aside."""
    stored_id, stored_name = stored
    return party_id != stored_id and (stored_name is None
                                      or name_key(stored_name) != name_key(name[:NAME_MAX]))
