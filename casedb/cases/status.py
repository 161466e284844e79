"""The status workflow of a case: open -> investigating -> referred (to the prosecutor) ->
closed, and reopen; the words of each status in English and Traditional Chinese (Qt-free, so
the command line, the dossier and the workstation read the same table).

Cases written before the workflow may carry "under investigation" or "prosecuted"; they read
as "investigating" and "referred" for the transitions allowed from them, and keep their words."""

from __future__ import annotations

from casedb.errors import CaseDbError

WORKFLOW = ("open", "investigating", "referred", "closed")
LEGACY = {"under investigation": "investigating", "prosecuted": "referred"}

# Where a case may go from each status. Open -> referred: a seizure at the border goes straight
# to the prosecutor. Referred -> investigating: the prosecutor sends it back for more work.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "open": ("investigating", "referred", "closed"),
    "investigating": ("referred", "closed", "open"),
    "referred": ("investigating", "closed"),
    "closed": ("open",),  # reopen
}

WORDS = {
    "en": {"open": "Open", "investigating": "Investigating", "referred": "Referred to prosecutor",
           "closed": "Closed", "under investigation": "Under investigation",
           "prosecuted": "Prosecuted"},
    "zh-TW": {"open": "新案", "investigating": "偵查中", "referred": "已移送地檢署",
              "closed": "結案", "under investigation": "偵查中", "prosecuted": "已起訴"},
}


def word(status: str | None, lang: str = "en") -> str:
    """A status as it reads in ``lang`` (unknown statuses as stored)."""
    if not status:
        return ""
    return WORDS.get(lang, WORDS["en"]).get(status, status)


def allowed(status: str) -> tuple[str, ...]:
    """The statuses a case in ``status`` may move to."""
    return TRANSITIONS.get(LEGACY.get(status, status), ())


def check_new(status: str) -> None:
    """A new case starts in one of the workflow's statuses."""
    if status not in WORKFLOW:
        raise CaseDbError(f"unknown case status {status!r}; one of {', '.join(WORKFLOW)}")


def check_move(case_ref: str, old: str, new: str) -> None:
    """Refuse a status change the workflow does not allow, saying which ones it does."""
    check_new(new)
    if new == old or new in allowed(old):
        return
    can = ", ".join(allowed(old)) or "none"
    raise CaseDbError(f"case {case_ref} cannot go from {old!r} to {new!r}; from {old!r} it can "
                      f"go to: {can}")
