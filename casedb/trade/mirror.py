"""Mirror comparisons: a flow as its exporter reports it beside the same flow as its importer
reports it, from one dataset or two (a reporter's exports from its national statistics beside
its partners' imports from Comtrade). Compared in tonnes: the datasets' currencies differ."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from casedb.store.database import Database

from .analysis import load, whole_years_first
from .datasets import partial_years
from .partners import WORLD, Resolver

PAIR = ["year", "exporter", "importer"]


@dataclass(frozen=True)
class MirrorGap:
    exporter: str
    importer: str
    year: int
    export_reported_t: float
    import_reported_t: float
    ratio: float
    export_dataset: str = ""
    import_dataset: str = ""
    partial: bool = False  # either side covers only part of the year

    def to_json(self) -> dict:
        return {"exporter": self.exporter, "importer": self.importer, "year": self.year,
                "export_reported_t": round(self.export_reported_t, 3),
                "import_reported_t": round(self.import_reported_t, 3),
                "ratio": round(self.ratio, 3), "export_dataset": self.export_dataset,
                "import_dataset": self.import_dataset, "partial": self.partial}


def _side(f: pl.DataFrame, flow: str, dataset: str | None, reporter: str | None,
          name: str) -> pl.DataFrame:
    f = f.filter(pl.col("flow") == flow)
    if dataset:
        f = f.filter(pl.col("dataset") == dataset)
    if reporter:
        f = f.filter(pl.col("exporter") == reporter)
    part = partial_years(f).select("dataset", "reporter", "flow", "year") \
        .with_columns(pl.lit(True).alias("_partial"))
    f = f.join(part, on=["dataset", "reporter", "flow", "year"], how="left", nulls_equal=True)
    # a side without any net mass (values only) says nothing about tonnes: left out
    return f.group_by(*PAIR, "dataset").agg(
        (pl.col("kg").sum() / 1000.0).alias(name),
        pl.col("_partial").fill_null(False).any().alias(f"{name}_partial"),
        pl.col("kg").count().alias("_weighed"),
    ).filter(pl.col("_weighed") > 0).drop("_weighed").rename({"dataset": f"{name}_dataset"})


def mirror_discrepancies(db: Database, *, hs: str | None = "3915", ratio: float = 1.5,
                         min_tonnes: float = 100.0, reporter: str | None = None,
                         datasets: tuple[str | None, str | None] = (None, None)
                         ) -> list[MirrorGap]:
    """Pairs whose flow as reported by the exporter and by the importer disagree by more than
    ``ratio`` (either way; 0 lists every pair). Needs reporter-specific data (Comtrade,
    national statistics), not reconciled BACI. ``reporter``: only its exports; ``datasets``:
    the one of the exporters' side and the one of the importers' side (None: any)."""
    code = Resolver().code(reporter) if reporter else None
    f = load(db, hs).filter(pl.col("reporter").is_not_null()
                            & (pl.col("exporter") != WORLD) & (pl.col("importer") != WORLD))
    f = whole_years_first(f, "year")
    x = _side(f, "export", datasets[0], code, "x")
    m = _side(f, "import", datasets[1], code, "m")
    j = x.join(m, on=PAIR, how="inner").filter(pl.max_horizontal("x", "m") >= min_tonnes)
    j = j.with_columns((pl.max_horizontal("x", "m") / pl.min_horizontal("x", "m").clip(1e-9))
                       .alias("r")).filter(pl.col("r") > ratio).sort("r", descending=True)
    return [MirrorGap(r["exporter"], r["importer"], r["year"], r["x"], r["m"], r["r"],
                      r["x_dataset"], r["m_dataset"], r["x_partial"] or r["m_partial"])
            for r in j.iter_rows(named=True)]
