"""Case statuses as written and as the workflow names them (Qt-free, SQL-free): the workflow's
statuses, the older words for them that cases written before it carry ("under investigation",
"prosecuted", "in progress", "archived", "偵查中", in any case, with spaces, hyphens or
underscores), and the words of each status in English and Traditional Chinese. The workflow's
transitions are casedb.cases.status's."""

from __future__ import annotations

import re

WORKFLOW = ("open", "investigating", "referred", "closed")
# Older words for the workflow's statuses (keys: lower case, words separated by one space).
LEGACY = {
    "under investigation": "investigating", "investigation": "investigating",
    "in progress": "investigating", "ongoing": "investigating", "active": "investigating",
    "prosecuted": "referred", "prosecution": "referred", "referred to prosecutor": "referred",
    "charged": "referred", "indicted": "referred",
    "new": "open", "pending": "open", "reopened": "open", "opened": "open",
    "archived": "closed", "dismissed": "closed", "completed": "closed", "resolved": "closed",
    "新案": "open", "偵查中": "investigating", "調查中": "investigating", "移送": "referred",
    "已移送": "referred", "已移送地檢署": "referred", "已起訴": "referred", "結案": "closed",
    "已結案": "closed",
}

WORDS = {
    "en": {"open": "Open", "investigating": "Investigating", "referred": "Referred to prosecutor",
           "closed": "Closed", "under investigation": "Under investigation",
           "prosecuted": "Prosecuted"},
    "zh-TW": {"open": "新案", "investigating": "偵查中", "referred": "已移送地檢署",
              "closed": "結案", "under investigation": "偵查中", "prosecuted": "已起訴"},
}


def key(status: str) -> str:
    """A stored status folded: lower case, words separated by one space."""
    return re.sub(r"[\s_-]+", " ", status.strip().lower())


def canonical(status: str | None) -> str | None:
    """The workflow's status a stored one means (unknown statuses as stored)."""
    if not status:
        return status
    folded = key(status)
    if folded in WORKFLOW:
        return folded
    return LEGACY.get(folded, status)


def stored_as(status: str) -> tuple[str, ...]:
    """The keys (``key``) of the stored values that read as ``status``."""
    status = canonical(status)
    return (status, *sorted(k for k, v in LEGACY.items() if v == status))


def word(status: str | None, lang: str = "en") -> str:
    """A status as it reads in ``lang`` (an older word as its workflow status; unknown
    statuses as stored)."""
    if not status:
        return ""
    return WORDS.get(lang, WORDS["en"]).get(canonical(status), status)
