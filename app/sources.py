"""Record sources that bind the browsing tables to the database and the current filters."""

from __future__ import annotations

from casedb.browse import tables as browse
from casedb.store.database import Database


class CaseSource:
    columns = browse.CASE_COLUMNS

    def __init__(self, db: Database):
        self.db = db
        self.filters = browse.Filters()

    def ids(self, order: str, descending: bool) -> list[int]:
        return browse.case_ids(self.db, self.filters, order, descending)

    def rows(self, ids: list[int]) -> list[tuple]:
        return browse.case_rows(self.db, ids)


class DeclarationSource(CaseSource):
    columns = browse.DECLARATION_COLUMNS
    # first sorted by date, as the exports are: its index answers the first page in milliseconds
    # at 10M declarations, where the declaration number (indexed only after the authority)
    # took 1-1.4 s to sort
    default_order = "declaration_date"

    def ids(self, order: str, descending: bool) -> list[int]:
        return browse.declaration_ids(self.db, self.filters, order, descending)

    def first_ids(self, order: str, descending: bool, limit: int) -> list[int]:
        """The first ``limit`` of ``ids`` (ORDER BY ... LIMIT: milliseconds at 10M)."""
        return browse.declaration_ids(self.db, self.filters, order, descending, limit)

    def rows(self, ids: list[int]) -> list[tuple]:
        return browse.declaration_rows(self.db, ids)
