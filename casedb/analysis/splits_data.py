"""Loading what the split detector needs (only its columns, in compact types, a range of ids at a
time: ten million declarations fit in half a gigabyte), and the sender clusters: parties tied by
strong identifiers (same address, phone, email or tax id), found with union-find."""

from __future__ import annotations

from collections import defaultdict
from contextlib import nullcontext

import numpy as np
import polars as pl
from sqlalchemy import and_, case, func, select

from casedb.store.arrow_sqlite import reading_worker
from casedb.store.database import Database

from ..models import Declaration, DeclarationContainer, DeclarationParty, Party, PartyIdentifier
from .splits_read import read_frame as _frame

# Goods families: a misdeclared code for the same goods belongs to the same family.
FAMILIES = {
    "plastics": ("3915", "3901", "3902", "3903", "3904", "3905", "3906", "3907"),
    "e-waste": ("8549", "8548", "8471", "8473", "8542", "8517"),
    "ferrous scrap": ("7204", "7206"), "copper scrap": ("7404", "7403"),
    "aluminium scrap": ("7602", "7601"), "paper": ("4707",), "slag and ash": ("2620", "2621"),
    "residual chemicals": ("3825",), "rubber": ("4004",), "worn clothing": ("6309",),
    "waste oils": ("2710",),
}
_BY_PREFIX = {p: fam for fam, prefixes in FAMILIES.items() for p in prefixes}
STRONG_KINDS = ("address", "phone", "email", "tax_id")


def family(hs: str | None) -> str:
    if not hs:
        return "unknown"
    return _BY_PREFIX.get(hs[:4], hs[:4])


SPLIT_ROLES = ("shipper", "consignee", "notify", "broker")  # the roles the views group by
LEAN = {"id": pl.Int64, "date": pl.Date, "hs": pl.Utf8, "kg": pl.Float64, "pod": pl.Utf8}
STEP = 1_000_000  # declaration ids read at a time
# Held for every declaration searched (ten million: ~50 bytes each); a family's rows are given
# back their usual types (splits.py) when it is searched.
COMPACT = {"hs": pl.Categorical, "pod": pl.Categorical, "family": pl.Categorical} | dict.fromkeys(
    SPLIT_ROLES, pl.Int32)


def load(db: Database, since=None, until=None, declarations: pl.DataFrame | None = None
         ) -> pl.DataFrame:
    """The declarations as the split detector reads them (``declarations``: a frame of
    casedb.analysis.declarations already loaded), one per shipment, with their goods family.
    Without ``declarations``, only the columns the detector needs are read, a million ids at a
    time, into compact types (COMPACT); their declaration numbers are read for the rings
    found (``declaration_numbers``)."""
    with _reading(db):  # one SQLite reading worker for every query of the load
        if declarations is None:
            return _load_compact(db, since, until)
        return _with_family(_one_per_shipment(db, declarations))


def _reading(db: Database):
    """The block in which SQLite's reads share one worker process (a worker per query: ~0.5 s
    each to start, thirty queries at ten million declarations)."""
    return reading_worker() if db.is_sqlite else nullcontext()


def _with_family(frame: pl.DataFrame) -> pl.DataFrame:
    fams = {h: family(h) for h in frame["hs"].unique().to_list()}
    return frame.with_columns(pl.col("hs").replace_strict(fams, default="unknown").alias("family"))


def _load_compact(db: Database, since, until) -> pl.DataFrame:
    d = Declaration
    with db.read() as s:
        low, high = s.execute(select(func.min(d.id), func.max(d.id))).one()
    mirrored = _mirrored(db).implode()
    parts = []
    for start in range(low or 0, (high or -1) + 1, STEP):
        ids = (start, start + STEP - 1)
        q = select(d.id, d.declaration_date, d.hs_code,
                   func.coalesce(d.gross_weight_kg, d.net_weight_kg), d.port_of_discharge) \
            .where(d.declaration_date.is_not(None), d.id.between(*ids))
        q = q.where(d.declaration_date >= since) if since else q
        q = q.where(d.declaration_date <= until) if until else q
        part = _frame(db, q, LEAN).filter(~pl.col("id").is_in(mirrored))
        if part.height:
            part = _with_family(part.join(_role_columns(db, ids), on="id", how="left")
                                .sort("id"))
            parts.append(part.with_columns(pl.col(c).cast(t) for c, t in COMPACT.items()))
    if not parts:
        return pl.DataFrame(schema=LEAN | COMPACT)
    return pl.concat(parts)


def _role_columns(db: Database, ids: tuple[int, int]) -> pl.DataFrame:
    """One row per declaration of the id range, a party id per role of SPLIT_ROLES, pivoted
    by the database."""
    dp = DeclarationParty
    cols = [func.max(case((dp.role == role, dp.party_id))).label(role) for role in SPLIT_ROLES]
    q = select(dp.declaration_id, *cols).where(dp.role.in_(SPLIT_ROLES),
                                               dp.declaration_id.between(*ids)) \
        .group_by(dp.declaration_id)
    return _frame(db, q, {"id": pl.Int64} | dict.fromkeys(SPLIT_ROLES, pl.Int64))


def declaration_numbers(db: Database, ids) -> dict[int, str]:
    ids = sorted({int(i) for i in ids})
    out: dict[int, str] = {}
    with db.read() as s:
        for i in range(0, len(ids), 900):
            out.update(s.execute(select(Declaration.id, Declaration.declaration_no)
                                 .where(Declaration.id.in_(ids[i:i + 900]))).all())
    return out


def _one_per_shipment(db: Database, frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(~pl.col("id").is_in(_mirrored(db).implode()))


def _mirrored(db: Database) -> pl.Series:
    """The same shipment declared by two administrations (export and import) counts once: a
    declaration whose containers all belong to an earlier declaration is dropped (these are
    its ids). The container links are read as columns, a range of declaration ids at a time
    (SQLite's reading worker held 0.95 GB for the ten million links at once, 0.2 GB so); a
    container's first declaration owns it (_owners), and a declaration is dropped when it has
    a container another owns and owns none (boolean arrays by id: two ``IN (subquery)``
    queries over ten million links took 13 s)."""
    dc = DeclarationContainer
    with db.read() as s:
        low, high = s.execute(select(func.min(dc.declaration_id),
                                     func.max(dc.declaration_id))).one()
    schema = {"cntr": pl.Utf8, "id": pl.Int64}
    parts = [_frame(db, select(dc.container_no, dc.declaration_id).where(
        dc.declaration_id.between(start, start + STEP - 1)), schema)
        for start in range(low or 0, (high or -1) + 1, STEP)]
    links = pl.concat(parts) if parts else pl.DataFrame(schema=schema)
    ids = links["id"].to_numpy()
    owner = _owners(links, links["cntr"].hash().to_numpy())
    later, size = owner != ids, int(ids.max(initial=0)) + 1
    borrows, owns = np.zeros(size, dtype=bool), np.zeros(size, dtype=bool)
    borrows[ids[later]] = True
    owns[ids[~later]] = True
    return pl.Series("id", np.flatnonzero(borrows & ~owns), dtype=pl.Int64)


def _owners(links: pl.DataFrame, hashes: np.ndarray) -> np.ndarray:
    """Each link's container's first declaration, the links ordered by the hash of their
    container (``hashes``): a hash group by the containers' text held 1.8 GB at ten million
    links, this about 0.5 GB. Links of equal hashes are checked to share their container;
    if two containers ever shared a hash, the text is grouped after all."""
    ids = links["id"].to_numpy()
    order = pl.Series(hashes).arg_sort().to_numpy()
    ranked = hashes[order]
    start = np.r_[True, ranked[1:] != ranked[:-1]] if len(ranked) else np.zeros(0, dtype=bool)
    same = np.flatnonzero(~start)
    cntr = links["cntr"]
    if not (cntr.gather(order[same]) == cntr.gather(order[same - 1])).all():
        return links.select(pl.col("id").min().over("cntr"))["id"].to_numpy()
    first = np.minimum.reduceat(ids[order], np.flatnonzero(start)) if len(ids) else ids
    owner = np.empty_like(ids)
    owner[order] = first[np.cumsum(start) - 1]
    return owner


class Clusters:
    """Union-find over party ids; remembers which identifier tied each cluster."""

    def __init__(self):
        self._parent: dict[int, int] = {}
        self.ties: dict[int, set[tuple[str, str]]] = defaultdict(set)

    def find(self, x: int) -> int:
        root = x
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while x != root:
            self._parent[x], x = root, self._parent.get(x, x)
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def roots(self, size: int) -> np.ndarray:
        """``find`` of every party id below ``size`` (and of every party tied), as one array:
        the parent links followed by pointer jumping (a party's parent is a smaller id)."""
        child = np.fromiter(self._parent.keys(), dtype=np.int64, count=len(self._parent))
        parent = np.fromiter(self._parent.values(), dtype=np.int64, count=len(self._parent))
        out = np.arange(max(size, int(child.max(initial=-1)) + 1), dtype=np.int64)
        out[child] = parent
        while not np.array_equal(jumped := out[out], out):
            out = jumped
        return out

    def shared_by(self, parties) -> list[tuple[str, str]]:
        """The identifiers (kind, value) that tie these parties together."""
        out = set()
        for p in parties:
            out |= self.ties.get(p, set())
        return sorted(out)


def clusters(db: Database) -> Clusters:
    c = Clusters()
    pi = PartyIdentifier
    shared = (select(pi.kind, pi.value_key).where(pi.kind.in_(STRONG_KINDS))
              .group_by(pi.kind, pi.value_key).having(func.count(func.distinct(pi.party_id)) > 1)
              .subquery())
    q = (select(pi.party_id, pi.kind, pi.value).join(
        shared, and_(shared.c.kind == pi.kind, shared.c.value_key == pi.value_key))
         .order_by(pi.kind, pi.value_key))
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    with db.engine.connect() as conn:
        for party_id, kind, value in conn.execute(q):
            groups[(kind, value)].append(party_id)
    for (kind, value), members in groups.items():
        for m in members[1:]:
            c.union(members[0], m)
        for m in members:
            c.ties[m].add((kind, value))
    return c


def cluster_column(frame: pl.DataFrame, column: str, c: Clusters) -> np.ndarray:
    """The cluster (its smallest party id) of each row's party of ``column``, -1 for none
    (Clusters.roots: numpy's unique, by hashing, and ``find`` party by party took 2.5 s a
    column on the plastics family at ten million)."""
    ids = frame[column].fill_null(-1).cast(pl.Int64).to_numpy()
    roots = c.roots(int(ids.max(initial=0)) + 1)  # at least one entry: a column of no party
    return np.where(ids >= 0, roots[np.maximum(ids, 0)], -1)


def party_names(db: Database, ids) -> dict[int, str]:
    ids = [int(i) for i in ids if i is not None and i >= 0]
    if not ids:
        return {}
    with db.read() as s:
        return dict(s.execute(select(Party.id, Party.display_name).where(Party.id.in_(ids))).all())
