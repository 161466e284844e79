"""Browsing: ids sorted and filtered in SQL, searched by text, on both engines."""

from __future__ import annotations

import datetime as dt

from casedb.browse import tables as browse
from tests import factories as f


def test_ids_search_text_with_quotes_and_percent_signs(db):
    with db.begin() as s:
        shell = f.party(s, "O'Brien 100% Recycling Ltd", "GBR")
        first = f.declaration(s, declaration_no="Q1", declaration_date=dt.date(2023, 1, 2),
                              parties={"shipper": shell}, case_ref="C-1")
        f.declaration(s, declaration_no="Q2", declaration_date=dt.date(2023, 1, 1))
    everything = browse.declaration_ids(db)
    assert len(everything) == 2 and everything[-1] == first  # by date
    assert browse.declaration_ids(db, order="declaration_date", descending=True)[0] == first
    for text in ("O'Brien", "100% Recycling", "'; DROP TABLE declaration; --"):
        browse.declaration_ids(db, browse.Filters(text=text))  # quoted, not executed
        browse.case_ids(db, browse.Filters(text=text))
    assert browse.declaration_ids(db) == everything  # the table is still there
    assert len(browse.case_ids(db, browse.Filters(text="O'Brien"))) == 1
