"""The status workflow of a case: open -> investigating -> referred (to the prosecutor) ->
closed, and reopen; the words of each status in English and Traditional Chinese (Qt-free, so
the command line, the dossier and the workstation read the same table).

Cases written before the workflow, imported from older systems or bundles, carry other words
("under investigation", "prosecuted", "in progress", "archived", "偵查中"; casedb.normalize.statuses
knows them): they are mapped to the workflow when read (``canonical``: the records, the words
shown, the transitions allowed) and when filtered (casedb.browse.statuses.matches: a filter on
"investigating" finds "Under Investigation" too). The stored value is left as it was until the
case's status is next edited."""

from __future__ import annotations

from casedb import messages
from casedb.errors import CaseDbError
from casedb.normalize.statuses import LEGACY, WORDS, WORKFLOW, canonical, stored_as, word

__all__ = ["LEGACY", "TRANSITIONS", "WORDS", "WORKFLOW", "allowed", "canonical", "check_move",
           "check_new", "stored_as", "word"]

# Where a case may go from each status. Open -> referred: a seizure at the border goes straight
# to the prosecutor. Referred -> investigating: the prosecutor sends it back for more work.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "open": ("investigating", "referred", "closed"),
    "investigating": ("referred", "closed", "open"),
    "referred": ("investigating", "closed"),
    "closed": ("open",),  # reopen
}


def allowed(status: str) -> tuple[str, ...]:
    """The statuses a case in ``status`` may move to."""
    return TRANSITIONS.get(canonical(status), ())


def check_new(status: str) -> None:
    """A new case starts in one of the workflow's statuses."""
    if status not in WORKFLOW:
        raise messages.error(CaseDbError, "unknown_status", status=status, one_of=WORKFLOW)


def check_move(case_ref: str, old: str, new: str) -> None:
    """Refuse a status change the workflow does not allow, saying which ones it does."""
    check_new(new)
    if new == canonical(old) or new in allowed(old):
        return
    raise messages.error(CaseDbError, "bad_move", ref=case_ref, old=old, new=new,
                         can=allowed(old))
