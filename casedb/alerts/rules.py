"""What a saved rule matches: the declarations (among those given) that a watchlist entry hits,
each with a reason in plain words.

A rule's ``value`` by kind:

- party: a party id, or a name (matched by its name key, as the importer resolves names);
- phone, address, email, tax_id: the identifier as written (normalised as the importer does);
- container: an ISO 6346 number; vessel: an IMO number or a vessel name;
- route: export country, transit port and discharge port joined by '>' ("GBR>SGSIN>MYPKG", or
  "GBR>MYPKG" for any or no transit; '*' for any part);
- hs: an HS code prefix;
- detector: one of DETECTORS, with ``params`` {"min_weight": 0.5} (the signal's weight) — the
  detector runs over the whole database, so that new declarations complete older rings.
"""

from __future__ import annotations

from sqlalchemy import and_, select, true

from casedb.store.database import Database

from ..errors import CaseDbError
from ..models import (
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    Party,
    PartyIdentifier,
    Watchlist,
)
from ..normalize import (
    address_key,
    name_key,
    normalize_container,
    normalize_email,
    normalize_imo,
    normalize_phone,
)

SPLIT_KINDS = ("scatter-gather", "fan-in", "fan-out", "stack")
DETECTORS = ("risk", "split", *SPLIT_KINDS, "unit-value", "hs-switch", "transshipment",
             "port-hop")  # "risk": the combined score; "split": a ring of any shape
_IDENTIFIERS = {"phone": normalize_phone, "address": address_key, "email": normalize_email,
                "tax_id": str.strip}


class RuleError(CaseDbError):
    """A watchlist rule that cannot be used as given."""


def _in(column, ids):
    return True if ids is None else column.in_(list(ids))


def _parties_of(db: Database, rule: Watchlist) -> list[int]:
    if rule.kind == "party":
        if rule.value.strip().isdigit():
            return [int(rule.value)]
        q = select(Party.id).where(Party.name_key == name_key(rule.value))
    else:
        key = _IDENTIFIERS[rule.kind](rule.value)
        q = select(PartyIdentifier.party_id).where(PartyIdentifier.kind == rule.kind,
                                                   PartyIdentifier.value_key == key)
    with db.read() as s:
        return list(s.scalars(q))


def _party_hits(db: Database, rule: Watchlist, ids) -> list[tuple[int, str]]:
    parties = _parties_of(db, rule)
    if not parties:
        return []
    dp = DeclarationParty
    q = select(dp.declaration_id, dp.role).where(dp.party_id.in_(parties),
                                                 _in(dp.declaration_id, ids))
    with db.read() as s:
        rows = s.execute(q).all()
    what = "party" if rule.kind == "party" else f"a party with {rule.kind} {rule.value}"
    return [(d, f"{what} is its {role}") for d, role in rows]


def _declaration_hits(db: Database, rule: Watchlist, ids) -> list[tuple[int, str]]:
    d, v = Declaration, rule.value.strip()
    if rule.kind == "container":
        no = normalize_container(v)
        q = select(DeclarationContainer.declaration_id).where(
            DeclarationContainer.container_no == no, _in(DeclarationContainer.declaration_id, ids))
        reason = f"container {no}"
    elif rule.kind == "vessel":
        try:
            imo = normalize_imo(v)
        except ValueError:  # a vessel name, not an IMO number (it failed every import)
            imo = None
        cond = d.vessel_imo == imo if imo else d.vessel_name.ilike(v)
        q, reason = select(d.id).where(cond, _in(d.id, ids)), f"vessel {v}"
    elif rule.kind == "hs":
        q = select(d.id).where(d.hs_code.startswith(v, autoescape=True), _in(d.id, ids))
        reason = f"HS code {v}*"
    else:
        q, reason = select(d.id).where(_route(v), _in(d.id, ids)), f"route {v}"
    with db.read() as s:
        return [(i, reason) for i in s.scalars(q)]


def _route(value: str):
    parts = [p.strip().upper() for p in value.split(">")]
    if len(parts) not in (2, 3):
        raise RuleError(f"route {value!r}: write export country, transit port (optional) and "
                        "discharge port joined by '>', e.g. GBR>SGSIN>MYPKG")
    d = Declaration
    conds = [] if parts[0] == "*" else [d.country_of_export == parts[0]]
    if parts[-1] != "*":
        conds.append(d.port_of_discharge == parts[-1])
    if len(parts) == 3 and parts[1] != "*":
        conds.append(d.port_of_transshipment == parts[1])
    return and_(*conds) if conds else true()


def _detector_hits(signals: dict[int, list], rule: Watchlist, ids) -> list[tuple[int, str]]:
    if rule.value not in DETECTORS:
        raise RuleError(f"detector {rule.value!r}: one of {', '.join(DETECTORS)}")
    floor = float((rule.params or {}).get("min_weight", 0.5))
    out = []
    for i, (score, sigs) in signals.items():
        if ids is not None and i not in ids:
            continue
        if rule.value == "risk" and score >= floor:
            out.append((i, f"risk score {score:.2f}: {sigs[0].reason}"))
            continue
        kinds = SPLIT_KINDS if rule.value == "split" else (rule.value,)
        best = next((s for s in sigs if s.kind in kinds and s.weight >= floor), None)
        if best is not None:
            out.append((i, f"{best.kind} ({best.weight:.2f}): {best.reason}"))
    return out


def matches(db: Database, rule: Watchlist, ids, signals) -> list[tuple[int, str]]:
    """(declaration id, reason) of the declarations among ``ids`` (None: all) that ``rule``
    hits; ``signals``: a callable giving {declaration id: (score, signals)} from the risk
    engine, called only for detector rules."""
    if rule.kind in ("party", *_IDENTIFIERS):
        return _party_hits(db, rule, ids)
    if rule.kind in ("container", "vessel", "hs", "route"):
        return _declaration_hits(db, rule, ids)
    if rule.kind == "detector":
        return _detector_hits(signals(), rule, ids)
    raise RuleError(f"watchlist kind {rule.kind!r} is not known")

