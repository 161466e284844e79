"""Writing a risk world (casedb.synth.risk_world) into an empty case database, on SQLite or
PostgreSQL, with SQLAlchemy Core bulk inserts: parties with their raw names and identifiers,
declarations, their parties by role and containers. Ids are the world's own (row + 1), so the
truth can be read back by declaration number."""

from __future__ import annotations

import logging

import polars as pl
from sqlalchemy import func, insert, select

from casedb.store.database import Database

from ..errors import CaseDbError
from ..models import (
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    Party,
    PartyIdentifier,
    PartyName,
)
from ..normalize.containers import container_check_digit
from ..normalize.names import address_key, name_key, normalize_phone
from .risk_legit import RiskWorld

log = logging.getLogger(__name__)
CHUNK = 20_000
AUTHORITY = "RISK WORLD"
COLUMNS = ("declaration_no", "declaration_date", "hs_code", "gross_weight_kg", "net_weight_kg",
           "declared_value", "currency", "port_of_loading", "port_of_transshipment",
           "port_of_discharge", "country_of_origin", "country_of_export",
           "country_of_destination")
ROLES = ("shipper", "consignee", "broker", "notify")


def _chunks(rows):
    for i in range(0, len(rows), CHUNK):
        yield rows[i:i + CHUNK]


def _parties(world: RiskWorld) -> tuple[list, list, list]:
    parties, names, idents = [], [], []
    for i, p in enumerate(world.parties, start=1):
        key = name_key(p["name"])
        parties.append({"id": i, "display_name": p["name"], "name_key": key,
                        "country": p["country"], "kind": "company", "version": 1})
        names.append({"id": i, "party_id": i, "raw_name": p["name"], "name_key": key,
                      "country": p["country"]})
        for kind, value, norm in (("phone", p["phone"], normalize_phone),
                                  ("address", p["address"], address_key)):
            idents.append({"party_id": i, "kind": kind, "value": value, "value_key": norm(value)})
    return parties, names, idents


def _declarations(frame: pl.DataFrame) -> list[dict]:
    f = frame.select(pl.col("i").cast(pl.Int64) + 1, *COLUMNS).rename({"i": "id"})
    return [dict(r, authority=AUTHORITY, direction="export", version=1)
            for r in f.iter_rows(named=True)]


def _roles(frame: pl.DataFrame) -> list[dict]:
    out = []
    ids = (frame["i"].cast(pl.Int64) + 1).to_list()
    for role in ROLES:
        for d, p in zip(ids, frame[role].to_list(), strict=True):
            if p is not None and p >= 0:
                out.append({"declaration_id": d, "role": role, "party_id": int(p) + 1})
    return out


def _containers(frame: pl.DataFrame) -> list[dict]:
    out = []
    for i in frame["i"].to_list():
        first = f"RWCU{i % 1_000_000:06d}" if i < 1_000_000 else f"RWXU{i % 1_000_000:06d}"
        out.append({"declaration_id": i + 1, "container_no": first + str(container_check_digit(
            first))})
    return out


def load_world(db: Database, world: RiskWorld) -> int:
    """Write ``world`` into ``db`` (which must hold no declarations); the count written."""
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(Declaration)):
            raise CaseDbError(f"{db.display_name()} already holds declarations: load a risk world "
                              "into an empty case database")
    parties, names, idents = _parties(world)
    frame = world.declarations
    tables = ((Party, parties), (PartyName, names), (PartyIdentifier, idents),
              (Declaration, _declarations(frame)), (DeclarationParty, _roles(frame)),
              (DeclarationContainer, _containers(frame)))
    with db.engine.begin() as conn:
        for model, rows in tables:
            for part in _chunks(rows):
                conn.execute(insert(model), part)
    _advance_sequences(db)
    log.info("risk world loaded: %d declarations, %d parties", frame.height, len(parties))
    return frame.height


def _advance_sequences(db: Database) -> None:
    """PostgreSQL's id sequences move past the ids written, so later inserts do not collide."""
    if db.is_sqlite:
        return
    from sqlalchemy import text

    with db.engine.begin() as conn:
        for table in ("party", "party_name", "party_identifier", "declaration"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"))
