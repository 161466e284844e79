"""What the dossier knows per declaration (its own shipper, its source rows) and the short
narrative at its head: what, who, where, when and the linked cases, in English and Traditional
Chinese."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from casedb.evidence.trail import sources_of
from casedb.store.database import Database

from ..models import DeclarationParty, Party


@dataclass(frozen=True)
class DeclarationFacts:
    shippers: dict  # declaration id -> the shipper's display name
    sources: dict  # declaration id -> [(file name, sheet, row)]


def declaration_facts(db: Database, declaration_ids) -> DeclarationFacts:
    ids = list(declaration_ids)
    with db.read() as s:
        shippers = dict(s.execute(
            select(DeclarationParty.declaration_id, Party.display_name)
            .join(Party, Party.id == DeclarationParty.party_id)
            .where(DeclarationParty.role == "shipper",
                   DeclarationParty.declaration_id.in_(ids))).all())
    return DeclarationFacts(shippers, sources_of(db, ids))


def timeline_points(case_file, facts: DeclarationFacts) -> list[tuple]:
    """(date, kg, shipper, declaration no) of each dated declaration, by its own shipper."""
    return [(d.declaration_date, d.gross_weight_kg or 0.0, facts.shippers.get(d.id, ""),
             d.declaration_no) for d in case_file.declarations if d.declaration_date]


def source_text(facts: DeclarationFacts, declaration_id: int) -> str:
    """A declaration's sources as a table cell: 'file.xlsx, Sheet1 row 4; ...'."""
    return "; ".join(f"{name}, {sheet} {row}" for name, sheet, row in
                     facts.sources.get(declaration_id, []))


TEMPLATES = {
    "en": {
        "what": "{n} declaration(s), {tonnes:,.1f} t in all{hs}.",
        "hs": ", mostly HS {hs}",
        "who": "Shippers: {shippers}.",
        "where": "Routes: {routes}.",
        "when": "From {first} to {last}.",
        "linked": "Linked cases: {linked}.",
        "none": "No declarations are tied to this case yet.",
        "more": " and {n} more",
        "sep": ", ",
    },
    "zh-TW": {
        "what": "共 {n} 筆報單，合計 {tonnes:,.1f} 公噸{hs}。",
        "hs": "，主要稅則 {hs}",
        "who": "出口人：{shippers}。",
        "where": "運輸路線：{routes}。",
        "when": "期間：{first} 至 {last}。",
        "linked": "關聯案件：{linked}。",
        "none": "本案尚無報單。",
        "more": " 等另 {n} 項",
        "sep": "、",
    },
}


def _listed(items: Counter, t: dict, most: int = 3) -> str:
    names = [name for name, _ in items.most_common(most)]
    rest = len(items) - len(names)
    return t["sep"].join(names) + (t["more"].format(n=rest) if rest > 0 else "")


def narrative(case_file, facts: DeclarationFacts, linked, lang: str = "en") -> list[str]:
    """Sentences of the dossier's summary: what, who, where, when, linked cases."""
    t = TEMPLATES.get(lang, TEMPLATES["en"])
    decls = case_file.declarations
    if not decls:
        return [t["none"]]
    hs = Counter(d.hs_code[:4] for d in decls if d.hs_code)
    out = [t["what"].format(n=len(decls), tonnes=case_file.total_kg / 1000,
                            hs=t["hs"].format(hs=hs.most_common(1)[0][0]) if hs else "")]
    shippers = Counter(facts.shippers[d.id] for d in decls if d.id in facts.shippers)
    if shippers:
        out.append(t["who"].format(shippers=_listed(shippers, t)))
    routes = Counter(d.route for d in decls if d.route)
    if routes:
        out.append(t["where"].format(routes=_listed(routes, t)))
    dates = sorted(d.declaration_date for d in decls if d.declaration_date)
    if dates:
        out.append(t["when"].format(first=dates[0].isoformat(), last=dates[-1].isoformat()))
    refs = Counter({x.case_ref: 1 for x in linked.linked})
    if refs:
        out.append(t["linked"].format(linked=_listed(refs, t, most=5)))
    return out
