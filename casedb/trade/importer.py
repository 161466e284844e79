"""Importing trade statistics into ``trade_flow``: one transaction per file, every row with its
provenance. A file imported before with the same spec into the same dataset is not read again;
with another spec (or into another dataset) its earlier rows are replaced by a new reading."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

import polars as pl
from sqlalchemy import delete, func, insert, select

from casedb.models.base import clip, max_length
from casedb.progress import NullProgress, Progress
from casedb.store import audit
from casedb.store.database import Database

from ..errors import ReadError
from ..importing.pipeline import file_sha256
from ..models import ImportRun, RowProvenance, SourceFile, TradeFlow
from ..models.trade import TradeDataset
from .canonical import Canonical, canonical
from .reading import LINE
from .spec import check_spec, fingerprint

SHEET = max_length(RowProvenance.sheet)

log = logging.getLogger(__name__)
BATCH = 5000
# the layout's part of a dataset's default name (LAYOUT:FILE)
SHORT_NAMES = {"UK HMRC OTS": "HMRC", "Eurostat Comext": "Comext",
               "US Census (USA Trade Online)": "Census", "Taiwan customs": "Taiwan",
               "reporter totals": "totals"}
KEY = ["reporter", "exporter", "importer", "flow", "year", "month", "hs_code"]
STORED = ["reporter", "flow", "exporter", "importer", "year", "month", "partial", "hs_code",
          "hs6", "net_weight_kg", "value", "currency", "supp_quantity", "supp_unit"]


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
    replaced: int = 0  # rows of an earlier reading of the file, replaced by this one
    skipped: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    refused_rows: list = field(default_factory=list)  # {"line", "reason"}, the first 200

    def to_json(self) -> dict:
        return asdict(self)


def import_trade(db: Database, path, *, spec: dict | None = None, dataset: str | None = None,
                 progress: Progress | None = None) -> TradeReport:
    progress = progress or NullProgress()
    path = Path(path)
    spec = check_spec(spec, str(path)) if spec else {}
    digest = file_sha256(path) if path.is_file() else None
    if digest is None:
        raise ReadError(str(path), "no such file")
    try:
        canon = canonical(path, spec)
    except pl.exceptions.PolarsError:
        log.debug("trade file not readable", exc_info=True)
        raise ReadError(str(path), "could not be read as trade statistics (a column holds "
                                   "values of an unexpected kind); check the columns the "
                                   "layout or the spec names, see docs/trade.md") from None
    short = SHORT_NAMES.get(canon.layout, canon.layout)
    name = (dataset or spec.get("dataset") or f"{short}:{path.name.split('.')[0]}")[:max_length(TradeDataset.name)]
    mark = fingerprint(spec, name)
    with db.begin() as s:
        sid = s.scalar(select(SourceFile.id).where(SourceFile.sha256 == digest))
        if sid is not None and _same_reading(s, sid, mark):
            return _report(path, digest, canon, name, unchanged=True)
        replaced = _forget(s, sid) if sid is not None else 0
        _refuse_overlap(s, path, name, canon.frame)
        _dataset_row(s, name, canon.layout)
        if sid is None:
            sid = s.execute(insert(SourceFile).values(sha256=digest, file_name=clip(path.name, SourceFile.file_name),
                                                      size=path.stat().st_size)
                            .returning(SourceFile.id)).scalar_one()
        report = _report(path, digest, canon, name, replaced)
        summary = {"dataset": name, "fingerprint": mark, "layout": canon.layout,
                   "imported": report.imported, "refused": report.refused,
                   "skipped": report.skipped, "warnings": report.warnings}
        run = s.execute(insert(ImportRun).values(source_file_id=sid, actor=db.user, kind="trade",
                                                 spec=spec, summary=summary)
                        .returning(ImportRun.id)).scalar_one()
        _write(s, canon.frame, name, (sid, run), path, progress)
        audit.record(s, db.user, "import", "import_run", run, new=path.name,
                     reason=f"trade statistics: {report.imported} flows ({canon.layout}) "
                            f"into {name}")
    log.info("trade import: %d flows, %d refused (%s)", report.imported, report.refused,
             canon.layout)
    return report


def _report(path: Path, digest: str, canon: Canonical, name: str, replaced: int = 0, *,
            unchanged: bool = False) -> TradeReport:
    rows, held = canon.frame.height + canon.refused_count, canon.frame.height
    return TradeReport(path.name, digest, canon.layout, name, rows, 0 if unchanged else held,
                       held if unchanged else 0,
                       canon.refused_count, replaced, dict(canon.skipped), list(canon.warnings),
                       list(canon.refused))


def _same_reading(s, sid: int, mark: str) -> bool:
    """The file's last trade import had this spec and dataset, and its rows are still there."""
    last = s.execute(select(ImportRun.summary).where(ImportRun.source_file_id == sid,
                                                     ImportRun.kind == "trade")
                     .order_by(ImportRun.id.desc()).limit(1)).scalar_one_or_none()
    if not last or last.get("fingerprint") != mark:
        return False
    held = s.scalar(select(func.count()).select_from(TradeFlow)
                    .where(TradeFlow.source_file_id == sid))
    return held == last.get("imported", -1)


def _forget(s, sid: int) -> int:
    """Remove an earlier reading of the file (its flows and their provenance)."""
    ids = select(TradeFlow.id).where(TradeFlow.source_file_id == sid)
    s.execute(delete(RowProvenance).where(RowProvenance.source_file_id == sid,
                                          RowProvenance.entity == "trade_flow"))
    datasets = set(s.scalars(select(TradeFlow.dataset).where(TradeFlow.source_file_id == sid)
                             .distinct()))
    n = s.execute(delete(TradeFlow).where(TradeFlow.id.in_(ids))).rowcount or 0
    for name in datasets:
        if not s.scalar(select(func.count()).select_from(TradeFlow)
                        .where(TradeFlow.dataset == name)):
            s.execute(delete(TradeDataset).where(TradeDataset.name == name))
    return n


def _refuse_overlap(s, path: Path, name: str, frame: pl.DataFrame) -> None:
    """Two files giving the same flows to one dataset would be summed: refuse the second."""
    if frame.is_empty():
        return
    years = frame["year"].unique().to_list()
    t = TradeFlow
    rows = s.execute(select(t.reporter, t.exporter, t.importer, t.flow, t.year, t.month,
                            t.hs_code, t.source_file_id)
                     .where(t.dataset == name, t.year.in_(years))).all()
    if not rows:
        return
    held = pl.DataFrame(rows, schema={"reporter": pl.Utf8, "exporter": pl.Utf8,
                                      "importer": pl.Utf8, "flow": pl.Utf8, "year": pl.Int32,
                                      "month": pl.Int32, "hs_code": pl.Utf8,
                                      "source_file_id": pl.Int64}, orient="row")
    both = frame.select(KEY).unique().join(held, on=KEY, nulls_equal=True)
    if both.is_empty():
        return
    other = s.scalar(select(SourceFile.file_name)
                     .where(SourceFile.id == both["source_file_id"][0]))
    raise ReadError(str(path), f"holds flows that the dataset {name!r} already has from "
                               f"{other} (same reporter, partner, flow, period and code); "
                               f"import it into another --dataset, or remove that dataset "
                               f"first (wasteintel trade remove)")


def _dataset_row(s, name: str, layout: str) -> None:
    row = s.execute(select(TradeDataset).where(TradeDataset.name == name)).scalar_one_or_none()
    if row is None:
        s.add(TradeDataset(name=name, layout=clip(layout, TradeDataset.layout)))
        s.flush()
    elif layout not in row.layout.split(", "):
        row.layout = clip(f"{row.layout}, {layout}", TradeDataset.layout)


def _write(s, frame: pl.DataFrame, name: str, ids: tuple[int, int], path: Path,
           progress: Progress) -> None:
    sid, run = ids
    rows = frame.select(LINE, *STORED).to_dicts()
    # a reporter-totals table gives two flows per line: their provenance names the flow
    per_flow = frame[LINE].is_duplicated().any()
    for start in range(0, len(rows), BATCH):
        progress.raise_if_cancelled()
        chunk = rows[start:start + BATCH]
        batch = [{k: r[k] for k in STORED} | {"dataset": name, "source_file_id": sid}
                 for r in chunk]
        flows = s.scalars(insert(TradeFlow).returning(TradeFlow.id, sort_by_parameter_order=True),
                        batch).all()
        s.execute(insert(RowProvenance), [
            {"source_file_id": sid, "import_run_id": run,
             "sheet": f"{path.name[:SHEET - 10]} {r['flow']}" if per_flow else path.name[:SHEET],
             "row_number": r[LINE], "entity": "trade_flow", "entity_id": fid}
            for r, fid in zip(chunk, flows, strict=True)])
        progress.report(start + len(chunk), len(rows))


def load_bundled_baci(db: Database) -> TradeReport:
    """The BACI HS 3915 bilateral flows 1995-2019 shipped in resources/trade."""
    import resources

    return import_trade(db, resources.path("trade/baci_3915_bilateral_1995_2019_long.csv.gz"),
                        dataset="BACI-HS92-3915")
