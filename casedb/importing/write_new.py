"""Writing declarations that are new to the database, a column at a time.

Most rows of a file carry a declaration the database has never seen: there is nothing to merge,
compare or look up. Their declarations, items (a row with an item number, or a shipment's row
of one container), party links, containers, identifiers and provenance go in with one
executemany per table and chunk, straight from the normalised columns. Rows that touch a known
declaration (already in the database, met earlier in the file, or carrying a seizure) go
through the row-by-row writer in store.py, which merges; the outcome is the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from sqlalchemy.engine import Connection

from casedb.evidence.trail import store_raw
from casedb.importing.columns import Chunk
from casedb.importing.fields import PARTY_ROLES
from casedb.importing.lines import LINE_FIELDS, line_keys
from casedb.importing.parties import IDENTIFIER_FIELDS, PartyResolver
from casedb.importing.rows import role_countries
from casedb.models import (
    Declaration,
    DeclarationContainer,
    DeclarationItem,
    DeclarationParty,
    PartyIdentifier,
    PartyName,
    RowProvenance,
)
from casedb.models.base import max_length
from casedb.store.bulk import allocate_ids, insert_columns, insert_counted, insert_rows

DECLARATION_FIELDS = (
    "declaration_date", "direction", "hs_code", "goods_description", "gross_weight_kg",
    "net_weight_kg", "declared_value", "currency", "permit_no", "bl_no", "vessel_name",
    "vessel_imo", "voyage_no", "port_of_loading", "port_of_transshipment", "port_of_discharge",
    "country_of_origin", "country_of_export", "country_of_destination",
)
LIMITS = {name: max_length(getattr(Declaration, name)) for name in (
    "currency", "permit_no", "bl_no", "vessel_name", "voyage_no", "direction", "hs_code",
    "port_of_loading", "port_of_transshipment", "port_of_discharge")}
SHEET_MAX = max_length(RowProvenance.sheet)
NAME_MAX = max_length(PartyName.raw_name)
RECORD_KIND = "declaration"  # or "shipment": a B/L record without a declaration number
MISSING_WEIGHT = ("weight", "missing weight (gross or net) for a new declaration")
MISSING_DATE = ("declaration date", "missing declaration date")


@dataclass
class Outcome:
    imported: int = 0
    merged: int = 0
    unchanged: int = 0
    refused: list = field(default_factory=list)  # (sheet, row, column, reason)
    declaration_ids: set = field(default_factory=set)
    warnings: int = 0  # optional values kept as written, with a warning (import_warning)
    # Two sources disagreeing, (sheet, row, field, stored value, other value) as texts: the
    # row is stored, the stored value stays, both are kept in the discrepancy table.
    discrepancies: list = field(default_factory=list)


def missing_for_new(values: dict) -> tuple[str, str] | None:
    """Why a row cannot create a declaration: (column, reason), or None. A seizure register's
    row dated by its seizure may create a declaration whose own date is not known (registers
    are often the first record an investigator has); it is never given the seizure's date."""
    date = values.get("declaration_date")
    if date is None and values.get("case_ref") and values.get("seizure_date"):
        date = values["seizure_date"]  # only to pass the check: not stored as the date
    return _missing(values.get("gross_weight_kg"), values.get("net_weight_kg"), date)


def _missing(gross, net, date) -> tuple[str, str] | None:
    if gross is None and net is None:
        return MISSING_WEIGHT
    return MISSING_DATE if date is None else None


def limited(name: str, value):
    limit = LIMITS.get(name)
    if limit and isinstance(value, str):
        value = value[:limit]
    return value.upper() if name == "currency" and isinstance(value, str) else value


def _limited(name: str, col: list) -> list:
    limit = LIMITS.get(name)
    if limit is None:
        return col
    if _longest(col) > limit:
        col = [x[:limit] if x.__class__ is str else x for x in col]
    return [x.upper() if x.__class__ is str else x for x in col] if name == "currency" else col


def _longest(col: list) -> int:
    """The length of the longest text of a column of texts and None (in C: a column is most
    often within its limit, and then left as it is)."""
    try:
        return max(map(len, filter(None, col)), default=0)
    except TypeError:  # not only texts: look at each
        return max((len(x) for x in col if x.__class__ is str), default=0)


def authorities(chunk: Chunk) -> list[str]:
    col = chunk.values.get("authority")
    return [a or "" for a in col] if col is not None else [""] * len(chunk)


class FreshWriter:
    """Inserts the declarations of rows whose key is new, and everything hanging off them."""

    def __init__(self, conn: Connection, parties: PartyResolver, outcome: Outcome, *,
                 source_file_id: int, run_id: int):
        self._conn = conn
        self._parties = parties
        self._outcome = outcome
        self._source_id = source_file_id
        self._run_id = run_id

    def write(self, chunk: Chunk) -> tuple[list[int], list[int]]:
        """Every row of ``chunk`` has a key new to the database and to the rest of the chunk.
        The row numbers stored and their declarations' ids."""
        chunk = self._refuse_incomplete(chunk)
        n = len(chunk)
        if not n:
            return [], []
        v = chunk.values
        ids = allocate_ids(self._conn, Declaration.__table__, n)
        columns = {"id": ids, "authority": authorities(chunk), "declaration_no": v["declaration_no"],
                   "version": [1] * n}
        for name in DECLARATION_FIELDS:
            col = v.get(name)
            if col is not None:
                columns[name] = _limited(name, col)
        kinds = v.get("record_kind")
        if kinds is not None:
            columns["record_kind"] = [k or RECORD_KIND for k in kinds]
        insert_columns(self._conn, Declaration.__table__, columns)
        self._items(ids, columns, v, n)
        self._links(ids, v, n)
        containers = v.get("containers")
        if containers is not None:
            insert_columns(self._conn, DeclarationContainer.__table__,
                           _container_links(ids, containers))
        insert_counted(self._conn, RowProvenance.__table__, {
            "source_file_id": self._source_id, "import_run_id": self._run_id,
            "sheet": chunk.sheet[:SHEET_MAX], "entity": "declaration"},
            {"row_number": chunk.rows, "entity_id": ids})
        store_raw(self._conn, self._source_id, chunk)
        self._outcome.imported += n
        self._outcome.declaration_ids.update(ids)
        return chunk.rows, ids

    def _items(self, ids: list[int], columns: dict, v: dict, n: int) -> None:
        """An item for each row that names its line (item number, a shipment's container)."""
        lines = line_keys(v, n)
        keep = [] if lines is None else [i for i, line in enumerate(lines) if line is not None]
        if not keep:
            return
        items = {"declaration_id": [ids[i] for i in keep], "item_no": [lines[i] for i in keep]}
        for name in LINE_FIELDS:
            col = columns.get(name)
            if col is not None:
                items[name] = [col[i] for i in keep]
        insert_columns(self._conn, DeclarationItem.__table__, items)

    def _refuse_incomplete(self, chunk: Chunk) -> Chunk:
        v, n = chunk.values, len(chunk)
        gross = v.get("gross_weight_kg") or [None] * n
        net = v.get("net_weight_kg") or [None] * n
        dates = v.get("declaration_date") or [None] * n
        if None not in dates and (None not in gross or None not in net):
            return chunk  # every row has a date and a weight
        keep = []
        for i, (g, w, d) in enumerate(zip(gross, net, dates, strict=True)):
            why = _missing(g, w, d)
            if why is None:
                keep.append(i)
            else:
                self._outcome.refused.append((chunk.sheet, chunk.rows[i], *why))
        return chunk if len(keep) == n else chunk.take(keep)

    def _links(self, ids: list[int], v: dict, n: int) -> None:
        links: dict[str, list] = {"declaration_id": [], "role": [], "party_id": [],
                                  "party_name_id": []}
        identifiers = []
        for role in PARTY_ROLES:
            names = v.get(f"{role}_name")
            if names is None:
                continue
            if _longest(names) > 300 or "" in names:
                names = [x[:NAME_MAX] if x else None for x in names]
            resolved = self._parties.resolve_column(names, role_countries(role, v, n, ""))
            decl_ids = ids
            if None in resolved:
                decl_ids = [d for d, hit in zip(ids, resolved, strict=True) if hit is not None]
            found = [hit for hit in resolved if hit is not None]
            links["declaration_id"] += decl_ids
            links["role"] += [role] * len(found)
            links["party_id"] += [hit[0] for hit in found]
            links["party_name_id"] += [hit[1] for hit in found]
            party_ids = [hit[0] if hit else None for hit in resolved]
            for kind in IDENTIFIER_FIELDS:
                values = v.get(f"{role}_{kind}")
                if values is not None:
                    shown = v.get(f"{role}_{kind}_raw") or values
                    identifiers += self._parties.identifier_rows(kind, party_ids, values, shown)
        if len(links["role"]) > len(ids):
            # Several roles: the rows go in primary-key order (declaration, role), so each is
            # appended to the table's B-tree instead of splitting its pages (-0.4 s per 2M).
            rows = sorted(zip(*links.values(), strict=True))
            links = dict(zip(links, zip(*rows, strict=True), strict=True))
        insert_columns(self._conn, DeclarationParty.__table__, links)
        insert_rows(self._conn, PartyIdentifier.__table__, identifiers)


def _container_links(ids: list[int], containers: list) -> dict[str, list]:
    """The (declaration, container) rows of a chunk: each container once per declaration."""
    if None not in containers and min(map(len, containers), default=0) == 1 == max(
            map(len, containers), default=0):  # one container a row, the usual: all in C
        return {"declaration_id": ids, "container_no": list(map(itemgetter(0), containers))}
    pairs = [(d, c) for d, cs in zip(ids, containers, strict=True) if cs
             for c in dict.fromkeys(cs)]
    return {"declaration_id": [d for d, _ in pairs], "container_no": [c for _, c in pairs]}
