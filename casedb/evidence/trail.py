"""The evidence trail: every imported row's cells as written, where each declaration came from
(file, SHA-256, imported when and by whom, sheet, row), the row as written beside the values
stored, and, when the team asks for it, a copy of each imported file kept by its SHA-256.

The import serialises each row's cells once, as a JSON array, in the process that reads the file
(``cells_json``); the writers insert them with one executemany per chunk (``store_raw``)."""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import orjson
from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from casedb.errors import CaseDbError, NotFound
from casedb.models import (
    Declaration,
    DeclarationParty,
    ImportRun,
    Party,
    RawRow,
    RawSheet,
    RowProvenance,
    Setting,
    SourceCopy,
    SourceFile,
)
from casedb.models.base import clip
from casedb.store.database import Database

log = logging.getLogger(__name__)
MAX_CELLS = 1000  # a row kept as written keeps its first 1000 cells (hostile wide rows)
KEEP_COPIES = "evidence.keep_copies"  # Setting: keep a copy of each imported file


def _cell(value):
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, float) and value != value:  # NaN
        return None
    return str(value)


def cells_json(rows) -> list[str]:
    """Each row's cells as a JSON array, trailing empty cells left off (orjson: a million rows
    in 0.3 s, where the standard encoder took 2.2 s in the reading process)."""
    out = []
    dumps = json.JSONEncoder(ensure_ascii=False, default=_cell, separators=(",", ":"),
                             allow_nan=True).encode
    for row in rows:
        cells = row[:MAX_CELLS]
        n = len(cells)
        while n and (cells[n - 1] is None or cells[n - 1] == ""):
            n -= 1
        cells = cells[:n] if n < len(cells) else cells
        try:
            out.append(orjson.dumps(cells, default=_cell).decode())
        except (orjson.JSONEncodeError, TypeError):  # an integer too large for orjson
            out.append(dumps(list(cells)))
    return out


def store_raw(conn: Connection, source_file_id: int, chunk, keep=None) -> None:
    """Keep the cells of ``chunk``'s rows (those at indices ``keep``, else all) and, the first
    time, its sheet's header. A chunk without cells (an old caller) keeps nothing."""
    raw = getattr(chunk, "raw", None)
    if raw is None:
        return
    sheet = clip(chunk.sheet, RawSheet.sheet)
    indices = range(len(chunk.rows)) if keep is None else keep
    numbers = [chunk.rows[i] for i in indices]
    if not numbers:
        return
    if chunk.headers is not None and conn.scalar(select(RawSheet.sheet).where(
            RawSheet.source_file_id == source_file_id, RawSheet.sheet == sheet)) is None:
        conn.execute(insert(RawSheet).values(source_file_id=source_file_id, sheet=sheet,
                                             headers=[list(h) for h in chunk.headers]))
    from casedb.store.bulk import insert_columns

    n = len(numbers)
    insert_columns(conn, RawRow.__table__, {
        "source_file_id": [source_file_id] * n, "sheet": [sheet] * n, "row_number": numbers,
        "cells": raw if keep is None else [raw[i] for i in indices]})


@dataclass(frozen=True)
class Cell:
    header: str
    as_written: object  # the cell as read: text, a number, an ISO date
    field: str | None  # the field the import read it as, None if it read nothing from it


@dataclass(frozen=True)
class Source:
    """One source row of a declaration."""

    file_name: str
    sha256: str
    imported_at: dt.datetime
    imported_by: str
    sheet: str
    row: int
    cells: tuple[Cell, ...]  # empty where the row was imported before the trail was kept
    copy_kept: bool

    def to_json(self) -> dict:
        return {"file": self.file_name, "sha256": self.sha256,
                "imported_at": self.imported_at.isoformat(), "imported_by": self.imported_by,
                "sheet": self.sheet, "row": self.row, "copy_kept": self.copy_kept,
                "cells": [{"header": c.header, "as_written": c.as_written, "field": c.field}
                          for c in self.cells]}


@dataclass(frozen=True)
class Evidence:
    """A declaration as stored, and every row it came from as written."""

    declaration_id: int
    declaration_no: str
    stored: dict  # field -> value as stored
    sources: tuple[Source, ...]

    def to_json(self) -> dict:
        return {"declaration": self.declaration_no,
                "stored": {k: v.isoformat() if isinstance(v, dt.date) else v
                           for k, v in self.stored.items()},
                "sources": [s.to_json() for s in self.sources]}


STORED = ("declaration_no", "declaration_date", "direction", "hs_code", "goods_description",
          "gross_weight_kg", "net_weight_kg", "declared_value", "currency", "permit_no", "bl_no",
          "vessel_name", "vessel_imo", "voyage_no", "port_of_loading", "port_of_transshipment",
          "port_of_discharge", "country_of_origin", "country_of_export",
          "country_of_destination")


def declaration_evidence(db: Database, declaration_id: int) -> Evidence:
    """Where a declaration came from, each source row as written beside the values stored."""
    with db.read() as s:
        d = s.get(Declaration, declaration_id)
        if d is None:
            raise NotFound(f"no declaration {declaration_id}")
        stored = {k: getattr(d, k) for k in STORED if getattr(d, k) is not None}
        # the parties as resolved (``<role>_name``: the fields the import read them as)
        for role, name in s.execute(select(DeclarationParty.role, Party.display_name)
                                    .join(Party, Party.id == DeclarationParty.party_id)
                                    .where(DeclarationParty.declaration_id == declaration_id)):
            stored[f"{role}_name"] = name
        containers = sorted(c.container_no for c in d.containers)
        if containers:
            stored["containers"] = ", ".join(containers)
        rows = s.execute(
            select(SourceFile.id, SourceFile.file_name, SourceFile.sha256, ImportRun.started_at,
                   ImportRun.actor, RowProvenance.sheet, RowProvenance.row_number, RawRow.cells,
                   RawSheet.headers, SourceCopy.sha256)
            .join(SourceFile, SourceFile.id == RowProvenance.source_file_id)
            .join(ImportRun, ImportRun.id == RowProvenance.import_run_id)
            .outerjoin(RawRow, (RawRow.source_file_id == RowProvenance.source_file_id)
                       & (RawRow.sheet == RowProvenance.sheet)
                       & (RawRow.row_number == RowProvenance.row_number))
            .outerjoin(RawSheet, (RawSheet.source_file_id == RowProvenance.source_file_id)
                       & (RawSheet.sheet == RowProvenance.sheet))
            .outerjoin(SourceCopy, SourceCopy.sha256 == SourceFile.sha256)
            .where(RowProvenance.entity == "declaration",
                   RowProvenance.entity_id == declaration_id)
            .order_by(ImportRun.started_at, RowProvenance.sheet, RowProvenance.row_number)).all()
    sources = tuple(Source(name, sha, at, actor, sheet, row, _cells(cells, headers),
                           copy is not None)
                    for _sid, name, sha, at, actor, sheet, row, cells, headers, copy in rows)
    return Evidence(declaration_id, d.declaration_no, stored, sources)


def sources_of(db: Database, declaration_ids) -> dict[int, list[tuple[str, str, int]]]:
    """Per declaration, its source rows as (file name, sheet, row): for tables and dossiers."""
    ids = list(declaration_ids)
    out: dict[int, list[tuple[str, str, int]]] = {i: [] for i in ids}
    with db.read() as s:
        for did, name, sheet, row in s.execute(
                select(RowProvenance.entity_id, SourceFile.file_name, RowProvenance.sheet,
                       RowProvenance.row_number)
                .join(SourceFile, SourceFile.id == RowProvenance.source_file_id)
                .where(RowProvenance.entity == "declaration", RowProvenance.entity_id.in_(ids))
                .order_by(RowProvenance.entity_id, RowProvenance.id)):
            out[did].append((name, sheet, row))
    return out


def _cells(text: str | None, headers: list | None) -> tuple[Cell, ...]:
    if text is None:
        return ()
    values = json.loads(text)
    headers = headers or []
    out = []
    for i, value in enumerate(values):
        header, field = headers[i] if i < len(headers) else (f"column {i + 1}", None)
        out.append(Cell(header, value, field))
    return tuple(out)


# -- copies of the imported files ----------------------------------------------------------
def keeps_copies(db: Database) -> bool:
    with db.read() as s:
        row = s.get(Setting, KEEP_COPIES)
        return bool(row and row.value.get("on"))


def set_keep_copies(db: Database, on: bool) -> None:
    """Whether imports keep a copy of each file in the case database (off by default)."""
    with db.begin() as s:
        row = s.get(Setting, KEEP_COPIES)
        if row is None:
            s.add(Setting(key=KEEP_COPIES, value={"on": on}))
        else:
            row.value = {"on": on}


def keep_copy(db: Database, path: Path, session=None) -> str:
    """Keep the file's bytes under their SHA-256 (once, however often it is imported);
    returns the SHA-256. In ``session`` when given (an import's own transaction, which on
    SQLite holds the write lock), else in a transaction of its own."""
    if session is None:
        with db.begin() as s:
            return keep_copy(db, path, s)
    content = Path(path).read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    if session.get(SourceCopy, digest) is None:
        session.add(SourceCopy(sha256=digest, content=content))
        session.flush()
    return digest


def copy_of(db: Database, sha256: str) -> bytes:
    """The bytes of a kept file, checked against their SHA-256."""
    with db.read() as s:
        row = s.get(SourceCopy, sha256)
        if row is None:
            raise NotFound(f"no copy of the file {sha256[:12]}... is kept; import it again with "
                           "copies switched on")
        content = row.content
    if hashlib.sha256(content).hexdigest() != sha256:
        raise CaseDbError(f"the kept copy of {sha256[:12]}... does not match its SHA-256: it "
                          "was damaged; import the original again")
    return content
