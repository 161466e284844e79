"""Linked cases with the party and identifier lookups batched (issue 22: a handful of queries
per case instead of two per party and identifier) are the links the per-party walk found, on
the demo database (shells sharing phones, addresses and containers, two hops, weak links)."""

from __future__ import annotations

from sqlalchemy import select

from casedb.links import linked_cases as lc
from casedb.models import Case, PartyIdentifier


def per_party_links(s, mine, found, cid: int, weak: bool) -> None:
    """_party_links as it was before issue 22: two queries per party and per identifier."""
    from casedb.models import DeclarationParty, Party

    rows = s.execute(select(DeclarationParty.party_id, DeclarationParty.role, Party.display_name)
                     .join(Party, Party.id == DeclarationParty.party_id)
                     .where(DeclarationParty.declaration_id.in_(mine))).all()
    strong = {pid: name for pid, role, name in rows if role not in lc.SERVICE_ROLES}
    for pid, name in strong.items():
        for other in lc._cases_of(s, lc._declarations_of(s, [pid], service=False), cid):
            found[other].add(lc.Via("party", name))
    idents = s.execute(select(PartyIdentifier.kind, PartyIdentifier.value_key,
                              PartyIdentifier.value).where(
        PartyIdentifier.party_id.in_(list(strong)),
        PartyIdentifier.kind.in_(("address", "phone", "email", "tax_id")))).all()
    for kind, key, value in idents:
        holders = set(s.scalars(select(PartyIdentifier.party_id).where(
            PartyIdentifier.kind == kind, PartyIdentifier.value_key == key))) - set(strong)
        if holders:
            label = "party" if kind == "tax_id" else kind
            for other in lc._cases_of(s, lc._declarations_of(s, holders, service=False), cid):
                found[other].add(lc.Via(label, value))
    if weak:
        for pid, role, name in rows:
            if role in lc.SERVICE_ROLES:
                for other in lc._cases_of(s, lc._declarations_of(s, [pid], service=True), cid):
                    found[other].add(lc.Via("broker", name))


def test_batched_lookups_find_the_links_of_the_per_party_walk(demo_db, monkeypatch):
    with demo_db.read() as s:
        refs = list(s.scalars(select(Case.case_ref).order_by(Case.case_ref)))
    asked = [(ref, hops, weak) for ref in refs for hops, weak in ((1, False), (2, True))]
    batched = [lc.linked_cases(demo_db, ref, hops=hops, weak=weak) for ref, hops, weak in asked]
    monkeypatch.setattr(lc, "_party_links", per_party_links)
    walked = [lc.linked_cases(demo_db, ref, hops=hops, weak=weak) for ref, hops, weak in asked]
    assert sum(len(x.linked) for x in walked) > 10
    assert any(v.kind in ("phone", "address") for x in walked for link in x.linked
               for v in link.via)
    assert batched == walked
