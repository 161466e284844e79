"""Search that says what it found: declaration number, B/L, container, IMO, vessel, voyage,
phone, email, address, company (under any spelling), case reference or title, HS code.

Every hit names the record (a declaration, a party or a case), the field and the stored value
that matched, and how strongly: ``exact`` (the value itself, 1.0), ``partial`` (a phone written
without its country code, a title containing the text, an HS prefix) or ``fuzzy`` (names and
addresses weighed word by word, rare words over common ones: casedb.browse.fuzzy). Exact hits
come first, then partial, then fuzzy, each best first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from casedb.browse.fuzzy import cached_index
from casedb.models import Case, Declaration, DeclarationContainer, Party, PartyIdentifier, PartyName
from casedb.normalize import name_key
from casedb.normalize.names import address_key, normalize_phone
from casedb.store.database import Database

RANK = {"exact": 0, "partial": 1, "fuzzy": 2}
LIMIT = 200  # hits per field at the most


@dataclass(frozen=True)
class Hit:
    kind: str  # declaration | party | case
    id: int
    label: str  # the declaration number, the party's name, the case reference
    field: str  # what matched: declaration_no, bl_no, container, vessel_imo, vessel_name, ...
    value: str  # the stored value that matched
    match: str  # exact | partial | fuzzy
    score: float  # 0..1

    def to_json(self) -> dict:
        return {"kind": self.kind, "id": self.id, "label": self.label, "field": self.field,
                "value": self.value, "match": self.match, "score": round(self.score, 3)}


def search(db: Database, text: str, *, limit: int = 500) -> list[Hit]:
    """Everything ``text`` matches, exact first; one hit per record and field."""
    t = " ".join(text.split())
    if not t:
        return []
    hits: list[Hit] = []
    with db.read() as s:
        for finder in (_declaration_fields, _identifiers, _cases):
            hits += finder(s, t)
    if len(t) >= 3:
        hits += _names(db, t) + _addresses(db, t) + _vessels(db, t)
    best: dict[tuple, Hit] = {}
    for h in hits:
        key = (h.kind, h.id, h.field)
        if key not in best or _order(h) < _order(best[key]):
            best[key] = h
    return sorted(best.values(), key=_order)[:limit]


def _order(h: Hit) -> tuple:
    return (RANK[h.match], -h.score, h.kind, h.label)


def _decl_hits(rows, field: str, match: str = "exact", score: float = 1.0) -> list[Hit]:
    return [Hit("declaration", did, no, field, str(value), match, score)
            for did, no, value in rows]


def _declaration_fields(s, t: str) -> list[Hit]:
    upper = t.upper()
    compact = re.sub(r"[\s-]", "", upper)
    D = Declaration
    pick = lambda col: select(D.id, D.declaration_no, col)  # noqa: E731
    hits = _decl_hits(s.execute(pick(D.declaration_no).where(
        func.upper(D.declaration_no) == upper).limit(LIMIT)), "declaration_no")
    hits += _decl_hits(s.execute(pick(D.bl_no).where(D.bl_no.in_({t, upper, compact}))
                                 .limit(LIMIT)), "bl_no")
    hits += _decl_hits(s.execute(
        select(D.id, D.declaration_no, DeclarationContainer.container_no)
        .join(DeclarationContainer, DeclarationContainer.declaration_id == D.id)
        .where(DeclarationContainer.container_no == compact).limit(LIMIT)), "container")
    imo = re.fullmatch(r"(?:IMO)?\s*(\d{7})", upper)
    if imo:
        hits += _decl_hits(s.execute(pick(D.vessel_imo).where(D.vessel_imo == imo[1])
                                     .limit(LIMIT)), "vessel_imo")
    hits += _decl_hits(s.execute(pick(D.voyage_no).where(D.voyage_no.in_({t, upper}))
                                 .limit(LIMIT)), "voyage_no")
    hs = t.replace(".", "").replace(" ", "")
    if hs.isdigit() and 4 <= len(hs) <= 10:
        hits += _decl_hits(s.execute(pick(D.hs_code).where(
            D.hs_code.startswith(hs, autoescape=True)).limit(LIMIT)), "hs_code",
            "exact" if len(hs) >= 6 else "partial", 1.0 if len(hs) >= 6 else 0.8)
    return hits


def _phone_key(t: str) -> str | None:
    if sum(c.isdigit() for c in t) < 6 or re.search(r"[A-Za-z]", t):
        return None
    try:
        return normalize_phone(t)
    except ValueError:
        return None


def _identifiers(s, t: str) -> list[Hit]:
    """Phones (exact, or written without the country code: the same last digits) and
    emails."""
    ident, P = PartyIdentifier, Party
    base = select(ident.party_id, P.display_name, ident.value, ident.kind).join(
        P, P.id == ident.party_id)
    hits = []
    phone = _phone_key(t)
    if phone:
        for pid, name, value, _k in s.execute(base.where(ident.kind == "phone",
                                                         ident.value_key == phone).limit(LIMIT)):
            hits.append(Hit("party", pid, name, "phone", value, "exact", 1.0))
        national = re.sub(r"\D", "", t).lstrip("0")
        if not phone.startswith("+") and len(national) >= 7:
            for pid, name, value, _k in s.execute(base.where(
                    ident.kind == "phone", ident.value_key.endswith(national, autoescape=True))
                    .limit(LIMIT)):
                hits.append(Hit("party", pid, name, "phone", value, "partial", 0.9))
    if "@" in t:
        for pid, name, value, _k in s.execute(base.where(
                ident.kind == "email", ident.value_key == t.lower()).limit(LIMIT)):
            hits.append(Hit("party", pid, name, "email", value, "exact", 1.0))
    return hits


def _cases(s, t: str) -> list[Hit]:
    hits = [Hit("case", cid, ref, "case_ref", ref, "exact", 1.0) for cid, ref in s.execute(
        select(Case.id, Case.case_ref).where(func.upper(Case.case_ref) == t.upper()))]
    if len(t) >= 3:  # the start of a reference finds the case: "TWKHH-2019" its year's cases
        hits += [Hit("case", cid, ref, "case_ref", ref, "partial", 0.9)
                 for cid, ref in s.execute(
                     select(Case.id, Case.case_ref).where(
                         func.upper(Case.case_ref).startswith(t.upper(), autoescape=True),
                         func.upper(Case.case_ref) != t.upper()).limit(LIMIT))]
        hits += [Hit("case", cid, ref, "title", title, "partial", 0.8)
                 for cid, ref, title in s.execute(
                     select(Case.id, Case.case_ref, Case.title).where(
                         func.lower(Case.title).contains(t.lower(), autoescape=True))
                     .limit(LIMIT))]
    return hits


def _stamp(db: Database, what: str, table, *where) -> tuple:
    with db.read() as s:
        count, last = s.execute(select(func.count(), func.max(table.c.id)).where(*where)).one()
    return (db.url, what, count, last)


def _names(db: Database, t: str) -> list[Hit]:
    """Parties by any of their spellings: the same name key exactly, else word by word."""
    def load():
        with db.read() as s:
            return s.execute(select(PartyName.party_id, PartyName.raw_name)).all()

    index = cached_index(_stamp(db, "names", PartyName.__table__), load, name_key)
    key = name_key(t)
    out = []
    for i, score in index.search(key)[:LIMIT]:
        text = index.texts[i]
        exact = name_key(text) == key
        out.append(Hit("party", index.owners[i], text, "name", text,
                       "exact" if exact else "fuzzy", 1.0 if exact else score))
    return _labelled(db, out)


def _addresses(db: Database, t: str) -> list[Hit]:
    if len(t) < 6:
        return []
    table = PartyIdentifier.__table__

    def load():
        with db.read() as s:
            return s.execute(select(PartyIdentifier.party_id, PartyIdentifier.value)
                             .where(PartyIdentifier.kind == "address")).all()

    index = cached_index(_stamp(db, "addresses", table, table.c.kind == "address"), load,
                         address_key)
    key = address_key(t) or ""
    out = []
    for i, score in index.search(key, cutoff=0.8)[:LIMIT]:
        exact = address_key(index.texts[i]) == key
        out.append(Hit("party", index.owners[i], "", "address", index.texts[i],
                       "exact" if exact else "fuzzy", 1.0 if exact else score))
    return _labelled(db, out)


def _vessels(db: Database, t: str) -> list[Hit]:
    """Declarations by vessel name: the name itself, else a near spelling."""
    from rapidfuzz import fuzz, process

    with db.read() as s:
        names = s.scalars(select(Declaration.vessel_name).where(
            Declaration.vessel_name.is_not(None)).distinct()).all()
        found = {n: (1.0 if n.upper() == t.upper() else score / 100) for n, score, _ in
                 process.extract(t.upper(), [n.upper() for n in names], scorer=fuzz.ratio,
                                 score_cutoff=85, limit=10)}
        upper_to_name = {n.upper(): n for n in names}
        hits = []
        for upper, score in found.items():
            name = upper_to_name[upper]
            rows = s.execute(select(Declaration.id, Declaration.declaration_no,
                                    Declaration.vessel_name)
                             .where(Declaration.vessel_name == name).limit(LIMIT))
            hits += _decl_hits(rows, "vessel_name", "exact" if score == 1.0 else "fuzzy", score)
    return hits


def _labelled(db: Database, hits: list[Hit]) -> list[Hit]:
    """Party hits labelled with the party's display name."""
    ids = {h.id for h in hits}
    if not ids:
        return hits
    with db.read() as s:
        names = dict(s.execute(select(Party.id, Party.display_name)
                               .where(Party.id.in_(ids))).all())
    return [Hit(h.kind, h.id, names.get(h.id, h.label), h.field, h.value, h.match, h.score)
            for h in hits if h.id in names]


def declaration_id_query(db: Database, text: str, hits: list[Hit] | None = None):
    """A SELECT of the ids of the declarations ``text`` finds (or ``hits`` found): itself by
    a field, or by one of its parties (for the browser's filter)."""
    from sqlalchemy import literal, union

    from casedb.models import DeclarationParty

    hits = search(db, text, limit=10_000) if hits is None else hits
    decls = [h.id for h in hits if h.kind == "declaration"]
    parties = [h.id for h in hits if h.kind == "party"]
    parts = [select(Declaration.id).where(Declaration.id.in_(decls))] if decls else []
    if parties:
        parts.append(select(DeclarationParty.declaration_id).where(
            DeclarationParty.party_id.in_(parties)))
    if not parts:
        return select(Declaration.id).where(literal(False))
    return union(*parts) if len(parts) > 1 else parts[0]


def matching_case_ids(db: Database, text: str) -> list[int]:
    """The cases ``text`` finds: by reference or title, or holding a declaration it finds."""
    from casedb.models import Seizure

    hits = search(db, text, limit=10_000)
    cases = {h.id for h in hits if h.kind == "case"}
    with db.read() as s:
        cases.update(s.scalars(select(Seizure.case_id).where(
            Seizure.declaration_id.in_(declaration_id_query(db, text, hits)))))
    return sorted(cases)
