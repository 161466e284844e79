"""Large imports: the column-at-a-time writer against the row-by-row one, chunks, deferred indexes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from casedb.importing import indexes, pipeline
from casedb.importing.pipeline import import_file
from casedb.importing.write_merge import DeclarationWriter
from casedb.models import (
    Declaration,
    DeclarationContainer,
    DeclarationItem,
    DeclarationParty,
    Discrepancy,
    ImportWarning,
    Party,
    PartyIdentifier,
    PartyName,
    RowProvenance,
    Seizure,
)
from casedb.progress import CallbackProgress, Cancelled
from casedb.store import migrate
from tests.writers import write_csv, write_xlsx

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Net Weight",
          "Container No(s).", "Port of Loading", "Port of Discharge", "Country of Export",
          "Destination", "Shipper", "Shipper Address", "Shipper Phone", "Consignee",
          "Consignee Country", "Vessel", "Voyage No.", "B/L No.", "Case Ref"]
CONTAINERS = ["MSCU1234566", "TGHU7654320", "CSQU3054383"]


def record(i: int) -> list:
    date = (dt.date(2021, 1, 1) + dt.timedelta(days=i % 700)).strftime("%d/%m/%Y")
    gross = "" if i % 211 == 7 else f"{10_000 + i % 5000:,} kg"  # refused: no weight
    shipper = ["ABC Recycling Co., Ltd.", "ABC RECYCLING CO LTD", "Orient Scrap Inc."][i % 3]
    return [
        f"D{i:05d}", date, "3915.10" if i % 5 else "8549.11", gross, f"{9_000 + i % 4000}",
        " / ".join(CONTAINERS[: 1 + i % 3]) if i % 13 else "",
        ["Felixstowe", "GBSOU", "Rotterdam"][i % 3], ["MYPKG", "Port Klang", "VNHPH"][i % 3],
        "United Kingdom", ["Malaysia", "Vietnam"][i % 2], shipper,
        f"{i % 7} Dock Road, Tilbury", f"01375 55{i % 10:04d}",
        f"Consignee {i % 40} Sdn Bhd", ["MYS", "VNM", ""][i % 3], f"VESSEL {i % 11}",
        "" if i % 97 == 4 else f"{i % 9}E", f"BL{i:07d}", f"CASE-{i % 4}" if i % 501 == 0 else ""]


def rows(n: int) -> list[list]:
    """n rows with what a real export holds: repeats that merge (filling a missing voyage) or
    disagree (a discrepancy), a second commodity line of a declaration, a row refused, several
    containers in a cell, seizures, parties under two spellings."""
    out = [HEADER]
    for i in range(n):
        if i % 97 == 5:  # the previous declaration again, now with its voyage
            again = record(i - 1)
            again[16] = f"{(i - 1) % 9}E"
            out.append(again)
        else:
            out.append(record(i))
    conflict = record(10)
    conflict[3] = "99 kg"  # the same number, another weight: stored, a discrepancy kept
    out.append(conflict)
    line = record(30)
    line[2], line[3], line[4] = "7404.00", "2,000 kg", "1,800"  # a second commodity line
    out.append(line)
    unweighed = record(n + 1)
    unweighed[3] = unweighed[4] = ""  # a new declaration without any weight: refused
    out.append(unweighed)
    return out


def dump(db) -> dict:
    """The database's content by declaration number, independent of ids and insert order. A party
    is the set of spellings it was met under (which spelling it displays is the first one the
    writer met); a declaration's version is left out (a repeat merged in the same batch of the
    row writer bumps no version, one merged in a later batch does)."""
    with db.read() as s:
        numbers = dict(s.execute(select(Declaration.id, Declaration.declaration_no)).all())
        names = dict(s.execute(select(PartyName.id, PartyName.raw_name)).all())
        spellings: dict[int, list] = {}
        for pid, raw in s.execute(select(PartyName.party_id, PartyName.raw_name)):
            spellings.setdefault(pid, []).append(raw)
        parties = {pid: tuple(sorted(raws)) for pid, raws in spellings.items()}
        cols = [c for c in Declaration.__table__.columns
                if c.name not in ("id", "created_at", "version")]
        return {
            "declarations": sorted(tuple(r) for r in s.execute(select(*cols)).all()),
            "links": sorted((numbers[d], role, parties[p], names[n]) for d, role, p, n in s.execute(
                select(DeclarationParty.declaration_id, DeclarationParty.role,
                       DeclarationParty.party_id, DeclarationParty.party_name_id))),
            "containers": sorted((numbers[d], c) for d, c in s.execute(
                select(DeclarationContainer.declaration_id, DeclarationContainer.container_no))),
            "provenance": sorted((sh, row, entity, numbers.get(e) if entity == "declaration"
                                  else "seizure") for sh, row, entity, e in s.execute(
                select(RowProvenance.sheet, RowProvenance.row_number, RowProvenance.entity,
                       RowProvenance.entity_id))),
            "identifiers": sorted((parties[p], k, v) for p, k, v in s.execute(
                select(PartyIdentifier.party_id, PartyIdentifier.kind,
                       PartyIdentifier.value_key))),
            "parties": sorted(parties.values()),
            "unnamed parties": s.scalar(select(func.count()).select_from(Party)) - len(parties),
            "seizures": sorted(numbers[d] for d in s.scalars(select(Seizure.declaration_id))),
            "items": sorted((numbers[r[0]], *r[1:]) for r in s.execute(select(
                *(c for c in DeclarationItem.__table__.columns)))),
            "discrepancies": sorted((numbers[r[0]], *r[1:]) for r in s.execute(select(
                Discrepancy.declaration_id, Discrepancy.item_no, Discrepancy.field,
                Discrepancy.stored_value, Discrepancy.other_value, Discrepancy.sheet,
                Discrepancy.row_number))),
            "warnings": sorted((numbers.get(r[0]), *r[1:]) for r in s.execute(select(
                ImportWarning.declaration_id, ImportWarning.sheet, ImportWarning.row_number,
                ImportWarning.field, ImportWarning.raw_value))),
        }


def row_by_row(self, chunk):
    """DeclarationWriter.write_chunk as it was: every row through the merging writer."""
    warnings = getattr(chunk, "warnings", ())
    if self._seen:
        chunk = chunk.take([i for i, r in enumerate(chunk.rows) if (chunk.sheet, r)
                            not in self._seen])
    self.write_rows(chunk, range(len(chunk)), warnings)


def test_column_writer_stores_what_the_row_writer_stores(db, other_db, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "big.csv", rows(3000))
    monkeypatch.setattr(pipeline, "CHUNK", 700)  # repeats span chunks
    bulk = import_file(db, path)
    assert bulk.imported > 2900 and bulk.merged > 20 and bulk.refused
    got = dump(db)
    assert got["seizures"] and got["identifiers"] and len(got["parties"]) >= 3
    assert [d[:5] for d in got["discrepancies"]] == [
        ("D00010", None, "gross_weight_kg", "10010", "99")]
    assert [i[:2] for i in got["items"]] == [("D00030", "1"), ("D00030", "2")]

    monkeypatch.setattr(DeclarationWriter, "write_chunk", row_by_row)
    slow = import_file(other_db, path)
    assert (bulk.imported, bulk.merged, bulk.unchanged) == (slow.imported, slow.merged,
                                                            slow.unchanged)
    assert bulk.refused == slow.refused
    assert dump(other_db) == got


def test_reimport_changes_nothing_and_merges_into_an_earlier_file(db, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 500)
    first = write_csv(tmp_path / "first.csv", rows(1200))
    import_file(db, first)
    before = dump(db)
    again = import_file(db, first)
    assert (again.imported, again.merged) == (0, 0) and again.unchanged == again.rows_read - len(
        again.refused)
    assert dump(db) == before
    second = write_xlsx(tmp_path / "second.xlsx", {"Register": rows(1300)})
    report = import_file(db, second)
    assert 90 <= report.imported <= 100  # rows 1200-1299 are new
    assert report.merged > 1000  # the declarations of the first file: both provenances


def schema_indexes(db) -> list:
    with db.read() as s:
        return sorted(tuple(r) for r in s.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'")).all())


def test_large_import_defers_indexes_and_a_cancel_keeps_them(sqlite_db, tmp_path, monkeypatch,
                                                              caplog):
    db = sqlite_db
    monkeypatch.setattr(indexes, "MIN_ROWS", 100)
    monkeypatch.setattr(pipeline, "CHUNK", 400)
    original = schema_indexes(db)
    path = write_csv(tmp_path / "big.csv", rows(2000))

    seen = []

    def cancel_midway(done, total):
        seen.append(done)
        return done < 1200

    with pytest.raises(Cancelled):
        import_file(db, path, progress=CallbackProgress(cancel_midway))
    assert max(seen) >= 1200
    assert schema_indexes(db) == original
    with db.read() as s:
        assert s.scalar(select(Declaration.id).limit(1)) is None

    caplog.set_level("INFO", logger="casedb.importing.indexes")
    report = import_file(db, path)
    assert report.imported > 1900
    assert "secondary indexes rebuilt" in caplog.text
    assert schema_indexes(db) == original
    caplog.clear()
    assert import_file(db, path).unchanged == report.imported + report.merged
    assert "deferred" not in caplog.text  # a re-import stores nothing: no rebuild
    assert migrate.check(db).ok
    with db.read() as s:  # the rebuilt index answers
        plan = " ".join(str(r[-1]) for r in s.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM declaration WHERE bl_no = 'BL0000042'")))
        assert "ix_declaration_bl_no" in plan
        assert s.scalar(text("SELECT declaration_no FROM declaration WHERE bl_no = 'BL0000042'")
                        ) == "D00042"


def test_an_import_leaves_statistics_that_find_a_declaration_number(sqlite_db, tmp_path,
                                                                     caplog):
    """An import that at least doubles the declarations leaves planner statistics: a search by
    declaration number alone (the unique index leads with the authority) then skips through
    the index, not the table. A small import into a larger table leaves them as they were."""
    query = "EXPLAIN QUERY PLAN SELECT id FROM declaration WHERE declaration_no = 'D00042'"
    with sqlite_db.read() as s:
        assert "SCAN declaration" in " ".join(str(r[-1]) for r in s.execute(text(query)))
    caplog.set_level("INFO", logger="casedb.importing.indexes")
    import_file(sqlite_db, write_csv(tmp_path / "some.csv", rows(300)))
    assert "planner statistics refreshed" in caplog.text
    with sqlite_db.read() as s:
        stats = s.execute(text("SELECT * FROM sqlite_stat1 ORDER BY 1, 2")).all()
        assert any(r[0] == "declaration" for r in stats)
        plan = " ".join(str(r[-1]) for r in s.execute(text(query)))
        assert "SCAN declaration" not in plan and "sqlite_autoindex_declaration" in plan, plan
    caplog.clear()
    few = [HEADER] + [record(i) for i in range(5000, 5020)]
    assert import_file(sqlite_db, write_csv(tmp_path / "few.csv", few)).imported == 20
    assert "planner statistics" not in caplog.text
    with sqlite_db.read() as s:
        assert s.execute(text("SELECT * FROM sqlite_stat1 ORDER BY 1, 2")).all() == stats


def test_xlsx_data_starting_in_a_later_column_keeps_its_cells(db, tmp_path):
    sheet = [[None, *r] for r in rows(30)]
    sheet[12][4] = "-5 kg"  # negative weight in column E
    path = write_xlsx(tmp_path / "offset.xlsx", {"S": [[], [], *sheet]})
    report = import_file(db, path)
    assert report.imported > 20
    bad = [r for r in report.refused if r.row == 15]
    assert bad and bad[0].column == "Gross Weight (kg)"
    with db.read() as s:
        assert s.scalar(select(Declaration.bl_no).where(
            Declaration.declaration_no == "D00001")) == "BL0000001"
