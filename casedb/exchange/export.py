"""Writing a case as a bundle (docs/bundle.md), optionally without personal data.

A redacted bundle calls its parties PARTY-1, PARTY-2... (country kept, names, variants and
identifiers left out), drops the narrative text (case summary, investigator notes), and scrubs
the short free-text fields (title, tags, goods descriptions, the seizures' category, offence,
detection method and outcome) with casedb.exports.redaction; ``removed`` lists, field by field, the kinds
of data taken out. ``build_bundle`` returns the bundle without writing it: the preview.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

from sqlalchemy import select, union

from casedb.cases.casefile import load_case_file
from casedb.evidence import grading
from casedb.exports.redaction import Scrubber
from casedb.progress import Progress
from casedb.store.database import Database
from casedb.store.export_file import export_file

from ..models import (
    Declaration,
    DeclarationContainer,
    DeclarationItem,
    DeclarationParty,
    Party,
    PartyName,
    Seizure,
)
from .load import parse_bundle_text
from .schema import DECLARATION_FIELDS, FORMAT, ITEM_FIELDS, SEIZURE_FIELDS, VERSION, BundleError
from .validate import validate

log = logging.getLogger(__name__)
SCRUBBED_SEIZURE = ("waste_category", "offence", "detection_method", "outcome")


def _iso(v):
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def build_bundle(db: Database, case_ref: str, *, redact: bool = False) -> dict:
    """The bundle of a case, as a JSON-ready dict (nothing is written)."""
    cf = load_case_file(db, case_ref)
    ids = [d.id for d in cf.declarations]
    with db.read() as s:
        decls = s.scalars(select(Declaration).where(Declaration.id.in_(ids))
                          .order_by(Declaration.declaration_date, Declaration.id)).all()
        seizures = {z.declaration_id: z for z in s.scalars(
            select(Seizure).where(Seizure.case_id == cf.case.id))}
        roles: dict[int, dict[str, int]] = {}
        for did, role, pid in s.execute(select(
                DeclarationParty.declaration_id, DeclarationParty.role, DeclarationParty.party_id)
                .where(DeclarationParty.declaration_id.in_(ids)).order_by(DeclarationParty.role)):
            roles.setdefault(did, {})[role] = pid
        cntr: dict[int, list[str]] = {}
        for did, no in s.execute(select(DeclarationContainer.declaration_id,
                                        DeclarationContainer.container_no).where(
                DeclarationContainer.declaration_id.in_(ids))):
            cntr.setdefault(did, []).append(no)
        items: dict[int, list[dict]] = {}
        for row in s.scalars(select(DeclarationItem).where(DeclarationItem.declaration_id.in_(ids))
                             .order_by(DeclarationItem.item_no)):
            items.setdefault(row.declaration_id, []).append(
                {k: getattr(row, k) for k in ITEM_FIELDS})
        keys = set(s.scalars(union(select(PartyName.name_key), select(Party.name_key)))) \
            if redact else set()
    parties = {p.id: p for p in cf.parties}
    alias = {pid: f"PARTY-{n + 1}" for n, pid in enumerate(sorted(parties))}
    r = _Redactor(parties.values(), keys) if redact else None
    c = cf.case
    bundle = {"format": FORMAT, "version": VERSION, "redacted": redact, "removed": [],
              "case": {"case_ref": c.case_ref, "title": c.title, "status": c.status,
                       "opened_on": _iso(c.opened_on), "summary": c.summary,
                       "tags": list(c.tags)},
              "parties": [_party(p, alias[p.id], redact) for p in parties.values()],
              "declarations": [], "notes": [n.body for n in c.notes]}
    for d in decls:
        item = {k: _iso(getattr(d, k)) for k in DECLARATION_FIELDS}
        item["containers"] = sorted(cntr.get(d.id, []))
        item["parties"] = {role: alias[pid] for role, pid in roles.get(d.id, {}).items()
                           if pid in alias}
        z = seizures.get(d.id)
        item["seizure"] = {k: _iso(getattr(z, k)) for k in SEIZURE_FIELDS} if z else None
        item["items"] = items.get(d.id, [])
        bundle["declarations"].append(item)
    if r is not None:
        r.apply(bundle)
    with db.read() as s:
        grades = grading.bundle_grades(grading.case_grades(s, cf), cf, redacted=redact)
    if grades:  # only then: a bundle without grades stays readable by older versions
        bundle["grades"] = grades
    return bundle


def _party(p, alias: str, redact: bool) -> dict:
    if redact:
        return {"ref": alias, "name": alias, "country": p.country, "variants": [],
                "identifiers": []}
    return {"ref": alias, "name": p.display_name, "country": p.country,
            "variants": list(p.variants), "identifiers": [list(i) for i in p.identifiers]}


class _Redactor:
    """Takes personal data out of a bundle built in full, noting what it removed."""

    def __init__(self, parties, name_keys: set[str]):
        parties = list(parties)
        names = [n for p in parties for n in (p.display_name, *p.variants)]
        names += [value for p in parties for _, value in p.identifiers]
        self._scrubber = Scrubber(names, name_keys)
        self._had_people = any(p.variants or p.identifiers for p in parties)
        self.removed: dict[str, list[str]] = {}

    def _note(self, field: str, kinds) -> None:
        if kinds:
            self.removed.setdefault(field, [])
            self.removed[field] += [k for k in kinds if k not in self.removed[field]]

    def _scrub(self, value, field: str):
        clean, kinds = self._scrubber.scrub(value)
        self._note(field, kinds)
        return clean

    def apply(self, bundle: dict) -> None:
        case = bundle["case"]
        if bundle["parties"]:
            self._note("$.parties[*].name", ["party name"])
        if self._had_people:
            self._note("$.parties[*].variants", ["party name"])
            self._note("$.parties[*].identifiers", ["address, phone, email or tax id"])
        if case["summary"]:
            self._note("$.case.summary", ["dropped: free narrative"])
        if bundle["notes"]:
            self._note("$.notes", [f"dropped: {len(bundle['notes'])} investigator notes"])
        case["summary"], bundle["notes"] = "", []
        case["title"] = self._scrub(case["title"], "$.case.title")
        tags = []
        for tag in case["tags"]:
            clean, kinds = self._scrubber.scrub(tag)
            if kinds:
                self._note("$.case.tags", ["dropped: a tag with " + ", ".join(kinds)])
            else:
                tags.append(clean)
        case["tags"] = tags
        for n, d in enumerate(bundle["declarations"]):
            d["goods_description"] = self._scrub(
                d["goods_description"], f"$.declarations[{n}].goods_description")
            for i, line in enumerate(d["items"]):
                line["goods_description"] = self._scrub(
                    line["goods_description"], f"$.declarations[{n}].items[{i}].goods_description")
            for k in SCRUBBED_SEIZURE if d["seizure"] else ():
                d["seizure"][k] = self._scrub(d["seizure"][k], f"$.declarations[{n}].seizure.{k}")
        self._guard(bundle)
        bundle["removed"] = [{"field": f, "kinds": k} for f, k in self.removed.items()]

    def _guard(self, bundle: dict) -> None:
        """The other texts of the declarations (permit, B/L, vessel...) cleared of the parties'
        names and identifiers, should a source have put one there."""
        for n, d in enumerate(bundle["declarations"]):
            for k, v in d.items():
                if isinstance(v, str) and k not in ("goods_description", "declaration_no"):
                    clean, kinds = self._scrubber.scrub_names(v)
                    if kinds:
                        d[k] = clean
                        self._note(f"$.declarations[{n}].{k}", kinds)


def bundle_text(bundle: dict) -> str:
    return json.dumps(bundle, ensure_ascii=False, indent=2, allow_nan=False)


def export_bundle(db: Database, case_ref: str, path, *, redact: bool = False,
                  progress: Progress | None = None) -> Path:
    """Write the case's bundle to ``path`` (checked against the schema first), whole and audited
    or not at all (casedb.store.export_file); ``progress``: the job that may cancel it."""
    path = Path(path)
    bundle = build_bundle(db, case_ref, redact=redact)
    problems = validate(_reparsed(bundle))
    if problems:
        raise BundleError(f"case {case_ref}", problems)
    detail = (f"bundle of {case_ref}: {len(bundle['declarations'])} declarations"
              f"{', redacted' if redact else ''}")
    with export_file(path, db, "bundle", detail=detail, progress=progress) as out:
        out.path.write_text(bundle_text(bundle), encoding="utf-8")
    log.info("case bundle written (%d declarations, redacted=%s)",
             len(bundle["declarations"]), redact)
    return path


def _reparsed(bundle: dict):
    try:
        return parse_bundle_text(json.dumps(bundle, allow_nan=True))
    except ValueError:  # pragma: no cover - json.dumps output always parses
        return bundle
