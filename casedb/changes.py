"""What a write changed, so that every view showing it can refresh (and only those).

A ``ChangeSet`` names the kinds of data touched (declarations, cases, parties, notes,
attachments, trade statistics, alerts) and, where known, the ids. Writes return one (or a
result with a ``changes`` property); the workstation hands it to every view, which refreshes
when ``touches`` what it shows. ``everything()`` is the F5 refresh."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

DECLARATIONS = "declarations"
CASES = "cases"
PARTIES = "parties"
NOTES = "notes"
ATTACHMENTS = "attachments"
TRADE = "trade"
ALERTS = "alerts"
KINDS = frozenset({DECLARATIONS, CASES, PARTIES, NOTES, ATTACHMENTS, TRADE, ALERTS})


@dataclass(frozen=True)
class ChangeSet:
    kinds: frozenset[str] = frozenset()
    declaration_ids: frozenset[int] = frozenset()
    case_refs: frozenset[str] = frozenset()
    party_ids: frozenset[int] = frozenset()
    all: bool = field(default=False)  # everything may have changed (F5, another database)

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown change kind(s) {', '.join(sorted(unknown))}")

    @classmethod
    def everything(cls) -> ChangeSet:
        return cls(kinds=KINDS, all=True)

    @classmethod
    def of(cls, *kinds: str, declaration_ids: Iterable[int] = (), case_refs: Iterable[str] = (),
           party_ids: Iterable[int] = ()) -> ChangeSet:
        """``kinds`` plus those implied by the ids given (declarations, cases, parties)."""
        declaration_ids, case_refs = frozenset(declaration_ids), frozenset(case_refs)
        party_ids = frozenset(party_ids)
        implied = {kind for kind, ids in ((DECLARATIONS, declaration_ids), (CASES, case_refs),
                                          (PARTIES, party_ids)) if ids}
        return cls(frozenset(kinds) | implied, declaration_ids, case_refs, party_ids)

    @classmethod
    def of_case(cls, case_ref: str, *kinds: str) -> ChangeSet:
        """A change to one case (its record, notes or attachments as ``kinds`` say)."""
        return cls.of(CASES, *kinds, case_refs=[case_ref])

    @classmethod
    def of_reports(cls, reports) -> ChangeSet:
        """The declarations stored by an import (``FileReport``s): none for a dry run."""
        ids: set[int] = set()
        for report in reports:
            if report.changed:
                ids |= report.declaration_ids
        # a declaration tied to a case (seizures) shows in that case: cases may have changed too
        return cls.of(CASES, PARTIES, declaration_ids=ids) if ids else cls()

    def merge(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(self.kinds | other.kinds, self.declaration_ids | other.declaration_ids,
                         self.case_refs | other.case_refs, self.party_ids | other.party_ids,
                         self.all or other.all)

    __or__ = merge

    def __bool__(self) -> bool:
        return bool(self.kinds) or self.all

    def touches(self, *kinds: str) -> bool:
        """Whether any of ``kinds`` may have changed."""
        return self.all or not self.kinds.isdisjoint(kinds)

    def touches_case(self, case_ref: str | None) -> bool:
        """Whether the case ``case_ref`` (its record, notes, attachments, declarations or their
        parties) may have changed: any change to declarations or parties may show in it."""
        if not case_ref:
            return False
        return self.all or case_ref in self.case_refs or self.touches(DECLARATIONS, PARTIES)
