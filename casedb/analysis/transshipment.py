"""Transshipment and port-hopping, per declaration.

- **Detour**: a sailing through a transit port that lengthens the sea route by 30% or more over
  the direct lane (casedb.analysis.detour: searoute's sea lanes, offline). Liner services call at
  hubs on their way (Singapore between Felixstowe and Port Klang adds 6%); a load that goes the
  long way round through a third country is hiding its origin (INTERPOL, 2020).
- **Port-hopping**: a shipper whose goods were seized ships on to discharge ports it never used
  before the seizure; a shipper that sent everything to one country before an enforcement date
  spreads over new countries after it (UNEP/GRID-Arendal, 2015).
"""

from __future__ import annotations

import logging

import polars as pl
from sqlalchemy import select

from casedb.store.database import Database

from ..models import Seizure
from .detour import detour_ratio

log = logging.getLogger(__name__)
MIN_DETOUR = 1.3
MIN_STRENGTH, MAX_STRENGTH = 0.4, 0.8  # feeder services make detours too: never certain alone
HOP_AFTER_SEIZURE = 0.5
HOP_AFTER_EVENT = 0.4
LOYAL_MIN = 3


def detours(frame: pl.DataFrame, *, min_ratio: float = MIN_DETOUR) -> pl.DataFrame:
    """id, pol, via, pod, ratio, strength for sailings through a transit port off their way."""
    legs = frame.filter(pl.col("via").is_not_null() & pl.col("pol").is_not_null()
                        & pl.col("pod").is_not_null())
    triples = legs.select("pol", "via", "pod").unique()
    ratios = [(a, t, b, detour_ratio(a, t, b)) for a, t, b in triples.iter_rows()]
    table = pl.DataFrame(ratios, schema={"pol": pl.Utf8, "via": pl.Utf8, "pod": pl.Utf8,
                                         "ratio": pl.Float64}, orient="row")
    log.debug("detours: %d routes through transit ports", len(ratios))
    return legs.join(table, on=["pol", "via", "pod"]).filter(pl.col("ratio") >= min_ratio) \
        .select("id", "pol", "via", "pod", "ratio",
                (MIN_STRENGTH + (MAX_STRENGTH - MIN_STRENGTH)
                 * ((pl.col("ratio") - min_ratio) / 0.4).clip(0.0, 1.0)).alias("strength"))


def _seizures(db: Database, frame: pl.DataFrame) -> pl.DataFrame:
    """shipper, seized: the first seizure of each shipper among the declarations of ``frame``
    (the seizure's date, or its declaration's)."""
    with db.read() as s:
        rows = s.execute(select(Seizure.declaration_id, Seizure.seizure_date)).all()
    f = pl.DataFrame(rows, schema={"id": pl.Int64, "seized": pl.Date}, orient="row")
    f = f.join(frame.select("id", "shipper", "date"), on="id").filter(
        pl.col("shipper").is_not_null())
    return f.with_columns(pl.coalesce("seized", "date").alias("seized")).group_by("shipper") \
        .agg(pl.col("seized").min())


def hops_after_seizure(db: Database, frame: pl.DataFrame) -> pl.DataFrame:
    """id, shipper, pod, since: declarations after a shipper's first seizure to discharge ports
    it had not used before."""
    seized = _seizures(db, frame)
    if seized.is_empty():
        return pl.DataFrame(schema={"id": pl.Int64, "shipper": pl.Int64, "pod": pl.Utf8,
                                    "since": pl.Date})
    f = frame.filter(pl.col("shipper").is_not_null() & pl.col("pod").is_not_null()) \
        .join(seized, on="shipper")
    used = f.filter(pl.col("date") <= pl.col("seized")).select("shipper", "pod").unique()
    after = f.filter(pl.col("date") > pl.col("seized"))
    return after.join(used, on=["shipper", "pod"], how="anti").select(
        "id", "shipper", "pod", pl.col("seized").alias("since"))


def hops_after_event(frame: pl.DataFrame, dates, *, years: int = 2) -> pl.DataFrame:
    """id, shipper, dest, event: a shipper loyal to one destination country in the ``years``
    before an event (at least three declarations, all there) that declares two or more new
    destination countries after it."""
    out = []
    span = pl.duration(days=365 * years)
    for event in dates:
        f = frame.filter(pl.col("shipper").is_not_null() & pl.col("dest").is_not_null())
        before = f.filter((pl.col("date") < event) & (pl.col("date") >= pl.lit(event) - span))
        loyal = before.group_by("shipper").agg(pl.len().alias("n"), pl.col("dest").n_unique()
                                               .alias("k"), pl.col("dest").first().alias("home"))
        loyal = loyal.filter((pl.col("n") >= LOYAL_MIN) & (pl.col("k") == 1))
        after = f.filter((pl.col("date") >= event) & (pl.col("date") < pl.lit(event) + span)) \
            .join(loyal.select("shipper", "home"), on="shipper") \
            .filter(pl.col("dest") != pl.col("home"))
        spread = after.group_by("shipper").agg(pl.col("dest").n_unique().alias("new"))
        hits = after.join(spread.filter(pl.col("new") >= 2), on="shipper")
        out.append(hits.select("id", "shipper", "dest", pl.lit(event).alias("event")))
    if not out:
        return pl.DataFrame(schema={"id": pl.Int64, "shipper": pl.Int64, "dest": pl.Utf8,
                                    "event": pl.Date})
    return pl.concat(out).unique(subset="id", keep="first")
