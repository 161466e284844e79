"""The trade datasets of a case database: what each covers (source, reporters, flows, years and
months, rows, currencies), which years it covers only in part, and removing one."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from sqlalchemy import delete, func, select

from casedb.store import audit
from casedb.store.database import Database

from ..errors import NotFound
from ..models import RowProvenance, TradeFlow
from ..models.trade import TradeDataset

GROUP = ["dataset", "reporter", "flow", "year"]


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    layout: str
    reporters: tuple[str, ...]
    flows: tuple[str, ...]
    years: tuple[int, ...]
    months: dict  # year -> the months held, for years given month by month
    partial_years: tuple[int, ...]
    rows: int
    currencies: tuple[str, ...]

    def to_json(self) -> dict:
        return {"dataset": self.name, "source": self.layout, "reporters": list(self.reporters),
                "flows": list(self.flows), "years": list(self.years),
                "months": {str(y): m for y, m in self.months.items()},
                "partial_years": list(self.partial_years), "rows": self.rows,
                "currencies": list(self.currencies)}


def coverage_frame(rows) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"dataset": pl.Utf8, "reporter": pl.Utf8, "flow": pl.Utf8,
                                      "year": pl.Int32, "month": pl.Int32,
                                      "partial": pl.Boolean, "n": pl.Int64}, orient="row")


def partial_years(cov: pl.DataFrame, by: list[str] | None = None) -> pl.DataFrame:
    """(group..., year, months) of the years a dataset covers only in part: given month by month
    with fewer than twelve months and no figure for the whole year, or published as a
    year to date. ``cov`` has the columns of :func:`coverage_frame` (``n`` not needed)."""
    by = by or GROUP
    g = cov.group_by(by).agg(
        pl.col("month").drop_nulls().unique().sort().alias("months"),
        pl.col("month").is_null().any().alias("annual"),
        (pl.col("partial") & pl.col("month").is_null()).any().alias("to_date"))
    return g.filter(pl.col("to_date") | (~pl.col("annual") & (pl.col("months").list.len() < 12)))


def list_datasets(db: Database) -> list[DatasetInfo]:
    t = TradeFlow
    with db.read() as s:
        layouts = dict(s.execute(select(TradeDataset.name, TradeDataset.layout)).all())
        cov = coverage_frame(s.execute(
            select(t.dataset, t.reporter, t.flow, t.year, t.month, t.partial, func.count())
            .group_by(t.dataset, t.reporter, t.flow, t.year, t.month, t.partial)).all())
        currencies = s.execute(select(t.dataset, t.currency).where(t.currency.is_not(None))
                               .distinct()).all()
    part = partial_years(cov)
    out = []
    for name in sorted(set(cov["dataset"].to_list()) | set(layouts)):
        d = cov.filter(pl.col("dataset") == name)
        monthly = d.filter(pl.col("month").is_not_null())
        months = {y: sorted(set(g["month"].to_list()))
                  for (y,), g in monthly.group_by("year", maintain_order=True)}
        out.append(DatasetInfo(
            name, layouts.get(name, ""),
            tuple(sorted(r for r in set(d["reporter"].to_list()) if r)),
            tuple(sorted(set(d["flow"].to_list()))), tuple(sorted(set(d["year"].to_list()))),
            dict(sorted(months.items())),
            tuple(sorted(set(part.filter(pl.col("dataset") == name)["year"].to_list()))),
            int(d["n"].sum()), tuple(sorted(c for n, c in currencies if n == name))))
    return out


def remove_dataset(db: Database, name: str) -> int:
    """Delete a dataset's flows, their provenance and its entry; the number of flows."""
    t = TradeFlow
    with db.begin() as s:
        known = s.scalar(select(func.count()).select_from(TradeDataset)
                         .where(TradeDataset.name == name))
        ids = select(t.id).where(t.dataset == name).scalar_subquery()
        n = s.scalar(select(func.count()).select_from(t).where(t.dataset == name))
        if not known and not n:
            names = ", ".join(s.scalars(select(TradeDataset.name).order_by(TradeDataset.name)))
            raise NotFound(f"no trade dataset named {name!r}; the datasets are: "
                           f"{names or 'none'}")
        s.execute(delete(RowProvenance).where(RowProvenance.entity == "trade_flow",
                                              RowProvenance.entity_id.in_(ids)))
        s.execute(delete(t).where(t.dataset == name))
        s.execute(delete(TradeDataset).where(TradeDataset.name == name))
        audit.record(s, db.user, "delete", "trade_dataset", None, old=name,
                     reason=f"trade dataset removed: {n} flows")
    return n
