"""Bulk inserts on real databases: rows given a column at a time, and counted rows."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from casedb.models import ImportRun, RowProvenance, SourceFile
from casedb.store import bulk
from casedb.store.bulk import insert_counted


def _run(session) -> tuple[int, int]:
    source = session.execute(insert(SourceFile).values(
        sha256="0" * 64, file_name="a.csv", size=1).returning(SourceFile.id)).scalar_one()
    run = session.execute(insert(ImportRun).values(
        source_file_id=source, actor="t", spec={}, summary={}).returning(ImportRun.id)).scalar_one()
    return source, run


@pytest.mark.parametrize(("rows", "in_runs"), [
    (list(range(2, 502)), True),  # one run
    ([*range(2, 200), *range(205, 400), 410, *range(420, 520)], True),  # a few runs
    (list(range(2, 1000, 2)), False),  # no run longer than a row: written as plain rows
])
def test_counted_rows_are_the_rows_asked_for(db, monkeypatch, rows, in_runs):
    statements = []
    real = bulk.insert_columns
    monkeypatch.setattr(bulk, "insert_columns",
                        lambda *a, **k: statements.append("columns") or real(*a, **k))
    ids = list(range(1000, 1000 + len(rows)))
    with db.begin() as session:
        source, run = _run(session)
        insert_counted(session.connection(), RowProvenance.__table__,
                       {"source_file_id": source, "import_run_id": run, "sheet": "Jan 2023",
                        "entity": "declaration"}, {"row_number": rows, "entity_id": ids})
    with db.read() as session:
        got = session.execute(select(
            RowProvenance.source_file_id, RowProvenance.import_run_id, RowProvenance.sheet,
            RowProvenance.row_number, RowProvenance.entity, RowProvenance.entity_id
        ).order_by(RowProvenance.row_number)).all()
    assert [tuple(r) for r in got] == [(source, run, "Jan 2023", r, "declaration", i)
                                      for r, i in zip(rows, ids, strict=True)]
    # SQLite counts runs in SQL; plain rows where runs are short, and on PostgreSQL (COPY).
    assert statements == ([] if in_runs and db.is_sqlite else ["columns"])


def test_runs_break_where_any_column_stops_counting():
    assert bulk._runs([[1, 2, 3, 7, 8], [10, 11, 12, 13, 14]]) == [(0, 3), (3, 2)]
    assert bulk._runs([[1, 2, 3], [5, 9, 10]]) == [(0, 1), (1, 2)]
    assert bulk._runs([[4]]) == [(0, 1)]


@pytest.mark.parametrize("n", [3, 120])  # as INSERTs; on PostgreSQL from 50 rows as a COPY
def test_rows_and_their_ids_go_in_as_given(db, n):
    from casedb.models import Party
    from casedb.store.bulk import insert_returning_ids

    rows = [{"display_name": f"Firm {i}\t'\\N\"", "name_key": f"firm {i}", "country": None,
             "kind": "company", "version": 1} for i in range(n)]
    with db.begin() as session:
        ids = insert_returning_ids(session.connection(), Party.__table__, rows)
    assert len(set(ids)) == n
    with db.read() as session:
        got = dict(session.execute(select(Party.id, Party.display_name)).all())
    assert [got[i] for i in ids] == [r["display_name"] for r in rows]
