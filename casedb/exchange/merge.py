"""Writing a validated bundle into the database, merging with what is there.

- The case: created, or, when a case of that reference exists with the same title and opening
  date, the bundle merges into it (its status, summary and tags stay as they are here; a
  difference is a warning). Any other case of that reference refuses the bundle.
- Parties: resolved as an import resolves them (casedb.importing.parties): a name seen before is
  that party, a new name joins the party of the same name key and country, the bundle's other
  spellings become variants of the party found. The placeholders of a redacted bundle (PARTY-1,
  PARTY-2...) become parties of their own, kind "redacted", named after the bundle: they are
  never merged with each other, across bundles, or with a real company.
- Declarations: new ones added; a known one (same authority and number) gains the values it
  lacks; a value that contradicts the database refuses the bundle, naming both values.
- The bundle's SHA-256 is recorded (source_file, import_run kind "bundle"): the same bundle
  imported again into the same case changes nothing.
"""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from casedb.cases.records import create_case
from casedb.evidence import grading
from casedb.models.base import clip, max_length
from casedb.store import audit
from casedb.store.database import Database

from ..errors import CaseDbError
from ..importing.parties import PartyResolver
from ..models import (
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationItem,
    DeclarationParty,
    ImportRun,
    Note,
    Party,
    PartyIdentifier,
    PartyName,
    Seizure,
    SourceFile,
)
from ..normalize import name_key, normalize_email, normalize_phone
from .schema import DECLARATION_FIELDS, ITEM_FIELDS, SEIZURE_FIELDS

DATE_FIELDS = {"declaration_date", "seizure_date", "opened_on"}


def _value(name: str, value):
    if value is not None and name in DATE_FIELDS:
        return dt.date.fromisoformat(value)
    return None if value == "" and name != "authority" else value


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)
    return a == b


def _identifier_key(kind: str, value: str) -> str:
    """The value as the resolver's key function expects it (phones and emails normalised)."""
    try:
        if kind == "phone":
            return normalize_phone(value) or value
        if kind == "email":
            return normalize_email(value) or value
    except ValueError:
        return value.strip()
    return value


class BundleWriter:
    def __init__(self, session: Session, db: Database, file_name: str, sha256: str):
        self._s, self._db, self._user = session, db, db.user
        self._file, self._sha = file_name, sha256
        self._reason = f"case bundle {file_name}"
        self.out = {"declarations_added": 0, "declarations_merged": 0,
                    "declarations_unchanged": 0, "parties_created": 0, "notes_added": 0,
                    "items_added": 0, "values_filled": 0, "links_added": 0}
        self.warnings: list[str] = []

    def write(self, data: dict) -> dict:
        ref, redacted = data["case"]["case_ref"], bool(data.get("redacted"))
        source = self._s.scalar(select(SourceFile).where(SourceFile.sha256 == self._sha))
        if source is not None and self._imported_before(source.id, ref):
            return {"case_ref": ref, "redacted": redacted, "case_created": False,
                    **self.out, "declarations_unchanged": len(data["declarations"]),
                    "warnings": ("this bundle was imported before: nothing changed",)}
        case_id, created = self._case(data["case"])
        parties = _Placeholders(self, data["parties"], ref) if redacted else \
            self._parties(data["parties"])
        for d in data["declarations"]:
            self._declaration(case_id, d, parties)
        self._notes(case_id, data.get("notes") or [])
        grading.apply_bundle_grades(self._s, self._user, case_id, data.get("notes") or [],
                                    data.get("grades") or [])
        self._record(source, ref)
        audit.record(self._s, self._user, "import", "case", case_id, new=ref,
                     reason=self._reason)
        return {"case_ref": ref, "redacted": redacted, "case_created": created, **self.out,
                "warnings": tuple(self.warnings)}

    # -- the bundle itself -------------------------------------------------------------------
    def _imported_before(self, source_id: int, ref: str) -> bool:
        runs = self._s.scalars(select(ImportRun.summary).where(
            ImportRun.source_file_id == source_id, ImportRun.kind == "bundle"))
        return any((r or {}).get("case_ref") == ref for r in runs)

    def _record(self, source: SourceFile | None, ref: str) -> None:
        if source is None:
            source = SourceFile(sha256=self._sha, file_name=clip(self._file, SourceFile.file_name), size=0)
            self._s.add(source)
            self._s.flush()
        self._s.add(ImportRun(source_file_id=source.id, actor=self._user, kind="bundle",
                              finished_at=dt.datetime.now(dt.UTC),
                              summary={"case_ref": ref, **self.out}))

    # -- the case ----------------------------------------------------------------------------
    def _case(self, c: dict) -> tuple[int, bool]:
        values = {k: _value(k, c.get(k)) for k in ("title", "status", "opened_on", "summary")}
        values["title"] = values["title"] or ""
        values["summary"] = values["summary"] or ""
        tags = list(c.get("tags") or [])
        case = self._s.scalar(select(Case).where(Case.case_ref == c["case_ref"]))
        if case is None:
            cid = create_case(self._db, c["case_ref"], values.pop("title"), session=self._s,
                              reason=self._reason, tags=tags, **values)
            return cid, True
        for name in ("title", "opened_on"):
            if not _same(getattr(case, name), values[name]):
                raise CaseDbError(
                    f"{self._file}: case {c['case_ref']} exists already in this database with "
                    f"another {name.replace('_', ' ')} ({getattr(case, name)!r} here, "
                    f"{values[name]!r} in the bundle); import it under another reference "
                    "(bundle import --as NEW_REF)")
        for name, theirs in (("status", values["status"]), ("summary", values["summary"]),
                             ("tags", tags)):
            if theirs and getattr(case, name) != theirs:
                self.warnings.append(f"case {c['case_ref']}: the bundle's {name} differs; "
                                     "this database's is kept")
        return case.id, False

    def _notes(self, case_id: int, notes: list[str]) -> None:
        have = set(self._s.scalars(select(Note.body).where(Note.case_id == case_id)))
        for body in dict.fromkeys(notes):
            if body and body not in have:
                self._s.add(Note(case_id=case_id, author=self._user, body=body))
                self.out["notes_added"] += 1

    # -- parties -----------------------------------------------------------------------------
    def placeholder(self, p: dict, case_ref: str) -> tuple[int, int]:
        """A party of its own for a redacted bundle's placeholder (PARTY-1...), named after it,
        the case and the bundle: never merged with another."""
        suffix = f" (redacted, case {case_ref}, bundle {self._sha[:10]})"
        limit = max_length(PartyName.raw_name)
        raw = " ".join(p["name"].split())[:limit - len(suffix)] + suffix
        party = Party(display_name=raw, name_key=name_key(raw), country=p.get("country"),
                      kind="redacted")
        self._s.add(party)
        self._s.flush()
        name = PartyName(party_id=party.id, raw_name=raw, name_key=name_key(raw),
                         country=p.get("country") or "")
        self._s.add(name)
        self._s.flush()
        self.out["parties_created"] += 1
        return party.id, name.id

    def _parties(self, parties: list[dict]) -> dict[str, tuple[int, int]]:
        resolver = PartyResolver(self._s)
        found = {}
        for p in parties:
            country = p.get("country") or ""
            names = list(dict.fromkeys(" ".join(n.split()) for n in [p["name"],
                                                                     *(p.get("variants") or [])]))
            known = dict(self._s.execute(select(PartyName.raw_name, PartyName.party_id).where(
                PartyName.raw_name.in_(names), PartyName.country == country)).all())
            first = next((n for n in names if n in known), None)
            if first is None:
                before = resolver.created
                pid, _ = resolver.resolve(names[0], country)
                self.out["parties_created"] += resolver.created - before
                known[names[0]] = pid
                first = names[0]
            pid = known[first]
            for n in names:
                if n not in known:
                    self._s.add(PartyName(party_id=pid, raw_name=n, name_key=name_key(n),
                                          country=country))
                elif known[n] != pid:
                    self.warnings.append(f"party {p['ref']}: the name {n!r} belongs to another "
                                         "party here; review it in entity resolution")
            self._s.flush()
            name_id = self._s.scalar(select(PartyName.id).where(
                PartyName.raw_name == names[0], PartyName.country == country))
            found[p["ref"]] = (pid, name_id)
            self._identifiers(resolver, pid, p.get("identifiers") or [])
        return found

    def _identifiers(self, resolver: PartyResolver, pid: int, identifiers: list) -> None:
        rows = []
        for kind, value in identifiers:
            key = value if kind in ("address", "tax_id") else _identifier_key(kind, value)
            rows += resolver.identifier_rows(kind, [pid], [key], [value])
        if rows:
            self._s.execute(insert(PartyIdentifier), rows)

    # -- declarations ------------------------------------------------------------------------
    def _declaration(self, case_id: int, d: dict, parties: dict) -> None:
        values = {k: _value(k, d.get(k)) for k in DECLARATION_FIELDS}
        values["authority"] = values["authority"] or ""
        decl = self._s.scalar(select(Declaration).where(
            Declaration.authority == values["authority"],
            Declaration.declaration_no == values["declaration_no"]))
        if decl is None:
            decl = Declaration(**{k: v for k, v in values.items() if v is not None})
            self._s.add(decl)
            self._s.flush()
            self.out["declarations_added"] += 1
        else:
            self._fill(decl, values)
        self._links(decl.id, d, parties)
        for line in d.get("items") or []:
            self._item(decl, line)
        if d.get("seizure") is not None:
            self._seizure(case_id, decl, d["seizure"])

    def _fill(self, decl: Declaration, values: dict) -> None:
        fills = {}
        for name, new in values.items():
            old = getattr(decl, name)
            if new is None or (old is not None and _same(old, new)):
                continue
            if old is not None:
                raise CaseDbError(
                    f"{self._file}: declaration {decl.declaration_no} is already in this database "
                    f"with another {name.replace('_', ' ')} ({old!r} here, {new!r} in the "
                    "bundle); nothing was imported: settle which is right with the sender")
            fills[name] = new
        for name, new in fills.items():
            setattr(decl, name, new)
            audit.record(self._s, self._user, "merge", "declaration", decl.id, field=name,
                         new=new, reason=self._reason)
        self.out["declarations_merged" if fills else "declarations_unchanged"] += 1

    def _links(self, decl_id: int, d: dict, parties: dict) -> None:
        have = set(self._s.scalars(select(DeclarationContainer.container_no).where(
            DeclarationContainer.declaration_id == decl_id)))
        for no in dict.fromkeys(d.get("containers") or []):
            if no not in have:
                self._s.add(DeclarationContainer(declaration_id=decl_id, container_no=no))
                self.out["links_added"] += 1
        roles = dict(self._s.execute(select(DeclarationParty.role, DeclarationParty.party_id)
                                     .where(DeclarationParty.declaration_id == decl_id)).all())
        for role, ref in (d.get("parties") or {}).items():
            if role in roles:  # a placeholder is never compared: it stands for someone unknown
                if isinstance(parties, dict) and roles[role] != parties[ref][0]:
                    self.warnings.append(f"declaration {d['declaration_no']}: its {role} here "
                                         "is another party than the bundle's; this database's "
                                         "is kept")
                continue
            pid, name_id = parties[ref]
            self._s.add(DeclarationParty(declaration_id=decl_id, role=role, party_id=pid,
                                         party_name_id=name_id))
            self.out["links_added"] += 1
        self._s.flush()

    def _item(self, decl: Declaration, line: dict) -> None:
        values = {k: _value(k, line.get(k)) for k in ITEM_FIELDS}
        row = self._s.get(DeclarationItem, (decl.id, values["item_no"]))
        if row is None:
            self._s.add(DeclarationItem(declaration_id=decl.id, **values))
            self._s.flush()
            self.out["items_added"] += 1
            return
        self._complete(row, values, f"item {values['item_no']} of declaration "
                                    f"{decl.declaration_no}")

    def _complete(self, row, values: dict, what: str) -> None:
        """Fill the values ``row`` lacks; a different value stays as it is here (warning)."""
        for name, new in values.items():
            old = getattr(row, name)
            if old is None and new is not None:
                setattr(row, name, new)
                self.out["values_filled"] += 1
            elif new is not None and not _same(old, new):
                self.warnings.append(f"{what}: the bundle's {name} differs; this database's "
                                     "is kept")

    def _seizure(self, case_id: int, decl: Declaration, z: dict) -> None:
        values = {k: _value(k, z.get(k)) for k in SEIZURE_FIELDS}
        row = self._s.scalar(select(Seizure).where(Seizure.case_id == case_id,
                                                   Seizure.declaration_id == decl.id))
        if row is None:
            self._s.add(Seizure(case_id=case_id, declaration_id=decl.id, **values))
            return
        self._complete(row, values, f"seizure of declaration {decl.declaration_no}")



class _Placeholders:
    """The placeholders of a redacted bundle, each created when a declaration first needs it
    (a declaration already known here keeps its parties: no placeholder is made for it)."""

    def __init__(self, writer: BundleWriter, parties: list[dict], case_ref: str):
        self._writer, self._case_ref = writer, case_ref
        self._parties = {p["ref"]: p for p in parties}
        self._made: dict[str, tuple[int, int]] = {}

    def __getitem__(self, ref: str) -> tuple[int, int]:
        if ref not in self._made:
            self._made[ref] = self._writer.placeholder(self._parties[ref], self._case_ref)
        return self._made[ref]
