"""A case reference taken by a case the user may not see: one refusal, without the case.

On PostgreSQL, row-level security (migration 0008) hides from a role the cases of other teams
and above its clearance, but the unique constraint on ``case.case_ref`` is checked against
every row: creating a case (by hand, from a bundle, or from a seizure register's case number)
whose reference a hidden case holds failed with the server's raw error, which quotes the
constraint and the key. Here it becomes ``ReferenceTaken``: one sentence naming the reference
the user typed, the same whether the case is hidden or was created a moment ago by someone
else, and nothing about the other case (its title, team, classification, id).

References stay unique across the whole database rather than per team: a reference is how a
case is named everywhere (the command line, dossiers, bundles sent to partner administrations,
merges, the links between cases), auditors and administrators see every team's cases and
must be able to tell them apart, and a case can be re-marked to another team, which would make
two cases of that team share a name. The cost is that a reference already taken says, by
being refused, that some case holds it; this is all it says, and a team that wants references
no other team can guess prefixes them (``A-2024-001``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from casedb import messages
from casedb.errors import CaseDbError

UNIQUE_REFERENCE = "uq_case_case_ref"
UNIQUE_VIOLATION = "23505"
KEY = "reference_taken"  # its words in casedb.messages


class ReferenceTaken(CaseDbError):
    """A new case's reference is held by another case (perhaps one the user may not see)."""

    def __init__(self, case_ref: str):
        self.case_ref = case_ref
        self.message_key, self.message_values = KEY, {"ref": case_ref}  # zh-TW: messages.text
        super().__init__(messages.text(self))

    def __reduce__(self):  # crosses from the importing process to the window's
        return type(self), (self.case_ref,)


@contextmanager
def new_reference(session: Session, case_ref: str) -> Iterator[None]:
    """Around the INSERT (and flush) of a case whose reference the caller found free: a unique
    violation of the reference becomes ReferenceTaken. On PostgreSQL the INSERT runs in a
    savepoint, so that the caller's transaction goes on (an import refuses the row and keeps
    the others). SQLite has no row-level security: what the caller saw is all there is."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    try:
        with session.begin_nested():
            yield
    except IntegrityError as exc:
        if not is_reference_taken(exc):
            raise
        raise ReferenceTaken(case_ref) from None


def is_reference_taken(exc: IntegrityError) -> bool:
    """Whether ``exc`` is the unique constraint of case references refusing a row."""
    orig = exc.orig
    diag = getattr(orig, "diag", None)
    return (getattr(orig, "sqlstate", None) == UNIQUE_VIOLATION
            and getattr(diag, "constraint_name", None) == UNIQUE_REFERENCE)
