"""Linked cases' strong links of a set of cases in one query (a hop of the walk), for
PostgreSQL, where each of the ~12 queries of the per-case lookups (casedb.links.linked_cases)
was a round trip to a server that may itself be waiting for a CPU.

One statement, common table expressions joined through the same indexes the per-case lookups
use: the cases' declarations; their parties in a role that is not a service's, and those
parties' address, phone, email and tax identifiers, held by which other parties; their
containers, bills of lading and sailings. Each branch gives (case it starts from, other case,
kind, shared value): the same values, labelled the same way, as the per-case lookups.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, and_, bindparam, case, exists, func, literal, or_, select, union
from sqlalchemy.orm import aliased

from casedb.models import (
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    Party,
    PartyIdentifier,
    Seizure,
)

IDENTIFIER_KINDS = ("address", "phone", "email", "tax_id")


@cache
def strong_links_query(service_roles: tuple[str, ...]) -> Select:
    """Rows (case id in the parameter ``cids``, a list, other case id, kind, shared value),
    each once. Built once: putting the statement together costs ~40 ms of CPU."""
    mine = (select(Seizure.case_id.label("src"), Seizure.declaration_id.label("decl"))
            .where(Seizure.case_id.in_(bindparam("cids", expanding=True)),
                   Seizure.declaration_id.is_not(None))
            .cte("mine"))
    seized = aliased(Seizure, name="other_seizure")
    branches = [_party_branch(mine, seized, service_roles), _container_branch(mine, seized),
                _bl_branch(mine, seized), *_sailing_branches(mine, seized)]
    return union(*branches)


def _elsewhere(q: Select, seized, src, declaration_id) -> Select:
    """``q`` joined to the seizures of the declaration ``declaration_id`` in another case."""
    return q.join(seized, seized.declaration_id == declaration_id).where(seized.case_id != src)


def _party_branch(mine, seized, service_roles) -> Select:
    held = aliased(DeclarationParty, name="held")
    strong = (select(mine.c.src, held.party_id, Party.display_name.label("name"))
              .join(held, held.declaration_id == mine.c.decl)
              .join(Party, Party.id == held.party_id)
              .where(held.role.not_in(service_roles)).distinct().cte("strong"))
    own = aliased(PartyIdentifier, name="own")
    holder = aliased(PartyIdentifier, name="holder")
    also_strong = strong.alias("also_strong")
    # the other parties holding one of these parties' identifiers (not themselves among them)
    holders = (select(strong.c.src, own.kind, own.value, holder.party_id)
               .join(own, own.party_id == strong.c.party_id)
               .join(holder, and_(holder.kind == own.kind, holder.value_key == own.value_key))
               .where(own.kind.in_(IDENTIFIER_KINDS),
                      ~exists().where(also_strong.c.src == strong.c.src,
                                      also_strong.c.party_id == holder.party_id))
               .cte("holders"))
    reach = union(
        select(strong.c.src, strong.c.party_id, literal("party").label("kind"),
               strong.c.name.label("value")),
        select(holders.c.src, holders.c.party_id,
               case((holders.c.kind == "tax_id", "party"), else_=holders.c.kind),
               holders.c.value)).cte("reach")
    theirs = aliased(DeclarationParty, name="theirs")
    q = (select(reach.c.src, seized.case_id, reach.c.kind, reach.c.value)
         .join(theirs, and_(theirs.party_id == reach.c.party_id,
                            theirs.role.not_in(service_roles))))
    return _elsewhere(q, seized, reach.c.src, theirs.declaration_id)


def _container_branch(mine, seized) -> Select:
    own = aliased(DeclarationContainer, name="own_container")
    other = aliased(DeclarationContainer, name="other_container")
    q = (select(mine.c.src, seized.case_id, literal("container"),
                func.min(other.container_no))
         .join(own, own.declaration_id == mine.c.decl)
         .join(other, other.container_no == own.container_no))
    # the label is the other declaration's first shared container
    return (_elsewhere(q, seized, mine.c.src, other.declaration_id)
            .group_by(mine.c.src, seized.case_id, other.declaration_id))


def _bl_branch(mine, seized) -> Select:
    own = aliased(Declaration, name="own_bl")
    other = aliased(Declaration, name="other_bl")
    q = (select(mine.c.src, seized.case_id, literal("bl"), other.bl_no)
         .join(own, own.id == mine.c.decl)
         .join(other, other.bl_no == own.bl_no)
         .where(own.bl_no.is_not(None)))
    return _elsewhere(q, seized, mine.c.src, other.id)


def _sailing_branches(mine, seized) -> list[Select]:
    """A sailing is the vessel's IMO number and the voyage, or, without an IMO number, the
    vessel's name and the voyage."""
    own = aliased(Declaration, name="own_sailing")
    other = aliased(Declaration, name="other_sailing")
    label = func.coalesce(other.vessel_name, other.vessel_imo) + " " + other.voyage_no
    no_imo = or_(own.vessel_imo.is_(None), own.vessel_imo == "")
    out = []
    for same, known in ((other.vessel_imo == own.vessel_imo, own.vessel_imo != ""),
                        (other.vessel_name == own.vessel_name,
                         and_(no_imo, own.vessel_name != ""))):
        q = (select(mine.c.src, seized.case_id, literal("sailing"), label)
             .join(own, own.id == mine.c.decl)
             .join(other, and_(same, other.voyage_no == own.voyage_no))
             .where(own.voyage_no.is_not(None), known))
        out.append(_elsewhere(q, seized, mine.c.src, other.id))
    return out
