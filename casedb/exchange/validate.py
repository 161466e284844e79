"""A whole case bundle checked before anything is written: types, finite and bounded numbers,
known statuses, roles, identifier kinds and codes, lengths within the database's columns (read
from the SQLAlchemy models), no control characters, party references that exist. ``validate``
returns every problem found, each naming the field by its JSON path (the fields and their
checks: casedb.exchange.schema)."""

from __future__ import annotations

from casedb.evidence import grading

from ..errors import ConfigError
from ..models import ROLES
from .schema import (
    CASE,
    CONTAINER,
    DECLARATION,
    FILE_NAME,
    FORMAT,
    IDENTIFIER,
    IDENTIFIER_KIND,
    ITEM,
    NOTE,
    PARTY,
    READABLE_VERSIONS,
    SEIZURE,
    TAG,
    VARIANT,
    Checker,
    Field,
    Problem,
    _kind,
    _show,
)

TOP_KEYS = {"format", "version", "redacted", "removed", "case", "parties", "declarations", "notes",
            "grades"}
REQUIRED_KEYS = {"format", "version", "case", "parties", "declarations"}
PARTY_KEYS = {"ref", "name", "country", "variants", "identifiers"}
REMOVED_FIELD = Field("field", required=True, max_len=200)
REMOVED_KIND = Field("kind", required=True, max_len=64)


def validate(data) -> list[Problem]:
    """Every problem of a parsed bundle (the first 50); an empty list when it can be imported."""
    c = Checker()
    if isinstance(data, dict) and data.get("format") != FORMAT:
        c.add("$.format", f"must be {FORMAT!r}: this is not a WasteIntel case bundle")
        return c.problems
    if not c.obj(data, "$", TOP_KEYS, REQUIRED_KEYS) or not REQUIRED_KEYS <= data.keys():
        return c.problems
    version = data.get("version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        c.add("$.version", f"version {_show(version)} is not one this WasteIntel reads "
                           f"({', '.join(map(str, READABLE_VERSIONS))}); update WasteIntel")
        return c.problems
    if not isinstance(data.get("redacted", False), bool):
        c.add("$.redacted", f"must be true or false, found {_kind(data['redacted'])}")
    _removed(c, data.get("removed", []))
    _case(c, data["case"])
    refs = _parties(c, data["parties"])
    _declarations(c, data["declarations"], refs)
    c.each(data.get("notes", []), "$.notes", "notes", NOTE)
    notes = data.get("notes")
    _grades(c, data.get("grades", []), len(notes) if isinstance(notes, list) else 0)
    return c.problems


GRADE_KEYS = {"of", "note", "sha256", "file_name", "scheme", "grade"}


def _grades(c: Checker, grades, notes: int) -> None:
    """Each grade names a note of the bundle (its place in the list) or a source file (its
    SHA-256), and is a grade of its scheme (casedb.evidence.grading)."""
    for i, g in enumerate(c.array(grades, "$.grades", "grades")):
        where = f"$.grades[{i}]"
        if not c.obj(g, where, GRADE_KEYS, {"of", "scheme", "grade"}) or \
                not {"of", "scheme", "grade"} <= g.keys():
            continue
        try:
            grading.parse(g["grade"], g["scheme"])
        except (ConfigError, TypeError, AttributeError) as exc:
            c.add(f"{where}.grade", str(exc))
        if g["of"] == "note":
            note = g.get("note")
            if isinstance(note, bool) or not isinstance(note, int) or not 0 <= note < notes:
                c.add(f"{where}.note", f"must be the place of one of the {notes} notes")
        elif g["of"] == "source_file":
            c.field(g.get("sha256"), f"{where}.sha256",
                    Field("sha256", required=True, pattern="[0-9a-f]{64}"))
            c.field(g.get("file_name"), f"{where}.file_name", FILE_NAME)
        else:
            c.add(f"{where}.of", f"must be note or source_file, found {_show(g['of'])}")


def _removed(c: Checker, removed) -> None:
    for i, item in enumerate(c.array(removed, "$.removed", "removed")):
        where = f"$.removed[{i}]"
        if c.obj(item, where, {"field", "kinds"}, {"field", "kinds"}):
            c.field(item.get("field"), f"{where}.field", REMOVED_FIELD)
            c.each(item.get("kinds", []), f"{where}.kinds", "removed", REMOVED_KIND)


def _case(c: Checker, case) -> None:
    if not c.obj(case, "$.case", {f.name for f in CASE} | {"tags"}, {"case_ref"}):
        return
    c.fields(case, "$.case", CASE)
    c.each(case.get("tags", []), "$.case.tags", "tags", TAG)


def _parties(c: Checker, parties) -> set[str]:
    refs: set[str] = set()
    for i, p in enumerate(c.array(parties, "$.parties", "parties")):
        where = f"$.parties[{i}]"
        if not c.obj(p, where, PARTY_KEYS, {"ref", "name"}):
            continue
        c.fields(p, where, PARTY)
        c.unique(p.get("ref"), refs, f"{where}.ref", "the parties")
        c.each(p.get("variants", []), f"{where}.variants", "variants", VARIANT)
        idents = c.array(p.get("identifiers", []), f"{where}.identifiers", "identifiers")
        for j, ident in enumerate(idents):
            at = f"{where}.identifiers[{j}]"
            if not isinstance(ident, list) or len(ident) != 2:
                c.add(at, "must be a list of two texts: [kind, value]")
                continue
            c.field(ident[0], f"{at}[0]", IDENTIFIER_KIND)
            c.field(ident[1], f"{at}[1]", IDENTIFIER)
    return refs


def _declarations(c: Checker, declarations, refs: set[str]) -> None:
    keys = {f.name for f in DECLARATION} | {"containers", "parties", "seizure", "items"}
    seen: set[tuple] = set()
    for i, d in enumerate(c.array(declarations, "$.declarations", "declarations")):
        where = f"$.declarations[{i}]"
        if not c.obj(d, where, keys, {"declaration_no"}):
            continue
        c.fields(d, where, DECLARATION)
        c.unique((d.get("authority") or "", d.get("declaration_no")), seen,
                 f"{where}.declaration_no", "the bundle")
        c.each(d.get("containers", []), f"{where}.containers", "containers", CONTAINER)
        _roles(c, d.get("parties", {}), f"{where}.parties", refs)
        _items(c, d.get("items", []), f"{where}.items")
        seizure = d.get("seizure")
        if seizure is not None and c.obj(seizure, f"{where}.seizure",
                                         {f.name for f in SEIZURE}):
            c.fields(seizure, f"{where}.seizure", SEIZURE)


def _items(c: Checker, items, where: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(c.array(items, where, "items")):
        at = f"{where}[{i}]"
        if c.obj(item, at, {f.name for f in ITEM}, {"item_no"}):
            c.fields(item, at, ITEM)
            c.unique(item.get("item_no"), seen, f"{at}.item_no", "the declaration")


def _roles(c: Checker, roles, where: str, refs: set[str]) -> None:
    if not isinstance(roles, dict):
        c.add(where, f"must be an object of role: party reference, found {_kind(roles)}")
        return
    for role, ref in roles.items():
        if role not in ROLES:
            c.add(f"{where}.{role}", f"is not a known role; one of {', '.join(ROLES)}")
        elif not (isinstance(ref, str) and ref in refs):
            c.add(f"{where}.{role}", f"names party {_show(ref)}, which the bundle's parties do "
                                     "not list")
