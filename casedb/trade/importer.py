"""Importing trade statistics into ``trade_flow``: one transaction per file, idempotent by the
file's SHA-256, every row with its provenance."""

from __future__ import annotations

import gzip
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from sqlalchemy import insert, select

from .. import audit
from ..db import Database
from ..errors import ReadError, SpecError
from ..importing.pipeline import file_sha256
from ..jobs import NullProgress, Progress
from ..models import ImportRun, RowProvenance, SourceFile, TradeFlow
from .layouts import detect, flow_code, iso3

log = logging.getLogger(__name__)
BATCH = 5000
SPEC_KEYS = {"reporter", "flow", "hs_code", "dataset", "columns"}


@dataclass(frozen=True)
class TradeReport:
    file: str
    sha256: str
    layout: str
    dataset: str
    rows_read: int
    imported: int
    unchanged: int
    refused: int

    def to_json(self) -> dict:
        return dict(self.__dict__)


def load_trade_spec(path) -> dict:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise SpecError(f"cannot read trade spec {path}: {exc}") from None
    unknown = set(data) - SPEC_KEYS
    if unknown:
        raise SpecError(f"unknown trade spec setting(s): {', '.join(sorted(unknown))}")
    return data


def _read(path: Path) -> pl.DataFrame:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise ReadError(str(path), f"damaged gzip file: {exc}") from None
    try:
        return pl.read_csv(io.BytesIO(data), infer_schema_length=10000, encoding="utf8-lossy")
    except Exception as exc:  # noqa: BLE001 - polars raises several error types
        raise ReadError(str(path), f"not a readable CSV file: {exc}") from None


def _canonical(df: pl.DataFrame, spec: dict) -> tuple[str, pl.DataFrame]:
    columns = spec.get("columns") or {}
    if columns:
        df = df.rename({src: dst for dst, src in columns.items() if src in df.columns})
    layout, exprs = detect(df.columns, spec.get("hs_code", "3915"))
    out = df.select(**{k: v for k, v in exprs.items()})
    if "reporter" in out.columns or spec.get("reporter"):
        if spec.get("reporter"):
            out = out.with_columns(pl.lit(spec["reporter"]).alias("reporter"))
        if spec.get("flow"):
            out = out.with_columns(pl.lit(spec["flow"]).alias("flow"))
        codes = {v: iso3(v) for v in set(out["reporter"].to_list()) | set(out["partner"].to_list())}
        flows = {v: flow_code(v) for v in set(out["flow"].to_list())}
        out = out.with_columns(pl.col("reporter").replace_strict(codes, default=None),
                               pl.col("partner").replace_strict(codes, default=None),
                               pl.col("flow").replace_strict(flows, default=None))
        imp = pl.col("flow") == "import"
        out = out.with_columns(
            pl.when(imp).then(pl.col("partner")).otherwise(pl.col("reporter")).alias("exporter"),
            pl.when(imp).then(pl.col("reporter")).otherwise(pl.col("partner")).alias("importer"))
    else:
        out = out.with_columns(pl.lit(None, dtype=pl.Utf8).alias("reporter"),
                               pl.lit("import").alias("flow"))
    if "month" not in out.columns:
        out = out.with_columns(pl.lit(None, dtype=pl.Int32).alias("month"))
    return layout, out


def import_trade(db: Database, path, *, spec: dict | None = None, dataset: str | None = None,
                 progress: Progress | None = None) -> TradeReport:
    progress = progress or NullProgress()
    path, spec = Path(path), dict(spec or {})
    digest = file_sha256(path)
    layout, frame = _canonical(_read(path), spec)
    dataset = dataset or spec.get("dataset") or f"{layout}:{path.name.split('.')[0]}"
    good = frame.filter(pl.col("exporter").is_not_null() & pl.col("importer").is_not_null()
                        & pl.col("year").is_not_null() & pl.col("flow").is_not_null())
    refused = frame.height - good.height
    with db.begin() as s:
        sid = s.scalar(select(SourceFile.id).where(SourceFile.sha256 == digest))
        if sid is not None:
            return TradeReport(path.name, digest, layout, dataset, frame.height, 0, good.height,
                               refused)
        sid = s.execute(insert(SourceFile).values(sha256=digest, file_name=path.name[:400],
                                                  size=path.stat().st_size)
                        .returning(SourceFile.id)).scalar_one()
        run = s.execute(insert(ImportRun).values(source_file_id=sid, actor=db.user, kind="trade",
                                                 spec=spec, summary={})
                        .returning(ImportRun.id)).scalar_one()
        rows = good.with_columns(pl.col("hs_code").cast(pl.Utf8)).to_dicts()
        for start in range(0, len(rows), BATCH):
            progress.raise_if_cancelled()
            batch = [dict(r, dataset=dataset, source_file_id=sid,
                          month=r.get("month"), value_usd=r.get("value_usd"))
                     for r in rows[start:start + BATCH]]
            for r in batch:
                r.pop("partner", None)
            ids = s.scalars(insert(TradeFlow).returning(TradeFlow.id, sort_by_parameter_order=True),
                            batch).all()
            s.execute(insert(RowProvenance), [
                {"source_file_id": sid, "import_run_id": run, "sheet": path.name[:200],
                 "row_number": start + i + 2, "entity": "trade_flow", "entity_id": fid}
                for i, fid in enumerate(ids)])
            progress.report(start + len(batch), len(rows))
        report = TradeReport(path.name, digest, layout, dataset, frame.height, len(rows), 0,
                             refused)
        audit.record(s, db.user, "import", "import_run", run, new=path.name,
                     reason=f"trade statistics: {len(rows)} flows ({layout})")
    log.info("trade import %s: %d flows (%s)", path.name, len(rows), layout)
    return report


def load_bundled_baci(db: Database) -> TradeReport:
    """The BACI HS 3915 bilateral flows 1995-2019 shipped in resources/trade."""
    import resources

    return import_trade(db, resources.path("trade/baci_3915_bilateral_1995_2019_long.csv.gz"),
                        dataset="BACI-HS92-3915")
