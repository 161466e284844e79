"""PostgreSQL imports write with COPY: the same rows as INSERTs would store (a COPY that loses a
race with a concurrent import is retried: tests/unit/casedb/test_concurrent_imports.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casedb.importing import pipeline
from casedb.importing.pipeline import import_file
from casedb.models import RawRow, RawSheet
from casedb.store import bulk
from tests.unit.casedb.importing.test_pipeline_bulk import dump, rows
from tests.writers import write_csv


def _evidence(db) -> dict:
    with db.read() as s:
        return {"sheets": sorted(tuple(map(str, r)) for r in s.execute(
                    select(RawSheet.sheet, RawSheet.headers))),
                "cells": sorted(tuple(r) for r in s.execute(
                    select(RawRow.sheet, RawRow.row_number, RawRow.cells)))}


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_copy_stores_what_inserts_store(db, other_db, tmp_path, monkeypatch):
    """The same file through COPY (the default) and through executemany INSERTs: the same
    declarations, items, parties and their names, links, containers, identifiers, provenance,
    seizures, discrepancies, warnings and cells as written."""
    path = write_csv(tmp_path / "big.csv", rows(1500))
    monkeypatch.setattr(pipeline, "CHUNK", 400)  # repeats span chunks
    copied = import_file(db, path)
    assert copied.imported > 1400 and copied.merged and copied.refused
    monkeypatch.setattr(bulk, "PG_COPY", False)
    inserted = import_file(other_db, path)
    assert (copied.imported, copied.merged, copied.unchanged, copied.refused) == (
        inserted.imported, inserted.merged, inserted.unchanged, inserted.refused)
    got = dump(db)
    assert got["seizures"] and got["identifiers"] and got["discrepancies"] and got["items"]
    assert dump(other_db) == got
    evidence = _evidence(db)
    assert len(evidence["cells"]) > 1400
    assert _evidence(other_db) == evidence
