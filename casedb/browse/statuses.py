"""A case status filter in SQL that finds the older words for a status too ("Under
Investigation", "in_progress" for "investigating"; casedb.normalize.statuses)."""

from __future__ import annotations

from sqlalchemy import func

from casedb.normalize.statuses import stored_as


def matches(column, status: str):
    """A SQL condition: the stored status in ``column`` reads as ``status``."""
    folded = func.lower(func.trim(func.replace(func.replace(column, "_", " "), "-", " ")))
    return folded.in_(stored_as(status))
