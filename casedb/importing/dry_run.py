"""What an import would do, said before doing it: the header found, the mapping with its
confidence and evidence, sample normalised values, the questions to settle, and the counts
of rows that would be imported, merged, refused and warned (the import itself, run and rolled
back). Nothing is written. ``inferred_spec`` turns the mapping into an import spec to edit
and reuse."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from casedb.store.database import Database

from ..errors import NeedsDecision
from .columns import ColumnNormaliser
from .pipeline import FilePreview, FileReport, import_file, preview_file
from .spec import ImportSpec

SAMPLE_SHOWN = 5


@dataclass(frozen=True)
class DryRun:
    preview: FilePreview
    samples: dict[str, list[dict]]  # sheet -> the first rows, normalised
    report: FileReport | None  # None when a question stops the import
    questions: tuple = ()
    spec: ImportSpec = field(default_factory=ImportSpec)

    @property
    def status(self) -> str:
        return "needs a decision" if self.questions else self.report.status

    def to_json(self) -> dict:
        sheets = []
        for s in self.preview.sheets:
            sheets.append({
                "name": s.name, "header_row": s.header_row + 1,
                "columns": [{"column": m.column + 1, "header": m.header, "field": m.field,
                             "confidence": round(m.confidence, 2), "unit": m.unit,
                             "evidence": m.evidence,
                             "fit": None if m.fit is None else round(m.fit, 2)}
                            for m in s.mappings],
                "sample": [_plain(r) for r in self.samples.get(s.name, [])],
                "questions": [q.to_json() for q in s.questions]})
        out = {"file": Path(self.preview.path).name, "status": self.status, "dry_run": True,
               "sheets": sheets, "questions": [q.to_json() for q in self.questions]}
        if self.report is not None:
            r = self.report.to_json()
            out["would"] = {k: r[k] for k in ("rows_read", "imported", "merged", "unchanged")}
            out["would"].update(refused=len(r["refused"]), warnings=len(r["warnings"]),
                                discrepancies=len(r["discrepancies"]))
            out.update(refused=r["refused"], warnings=r["warnings"],
                       discrepancies=r["discrepancies"])
        return out


def preview_normalised(path, spec: ImportSpec | None = None, max_rows: int = 20) -> FilePreview:
    """The preview of a file (header, mapping, questions, first rows) with its first rows as
    they would be stored."""
    preview = preview_file(Path(path), spec, max_rows=max_rows)
    sheets = [replace(s, normalised=tuple(_normalised(s, spec))) for s in preview.sheets]
    return replace(preview, sheets=sheets)


def dry_run(db: Database, path, spec: ImportSpec | None = None) -> DryRun:
    """What importing ``path`` would do; the database is left as it was."""
    path = Path(path)
    preview = preview_normalised(path, spec, max_rows=SAMPLE_SHOWN)
    samples = {s.name: list(s.normalised) for s in preview.sheets}
    try:
        report = import_file(db, path, spec=spec, dry_run=True)
        asked: tuple = ()
    except NeedsDecision as exc:
        report, asked = None, tuple(exc.questions)
    return DryRun(preview, samples, report, asked, inferred_spec(preview, spec))


def _normalised(sheet, spec: ImportSpec | None) -> list[dict]:
    rows = [[c if c != "" else None for c in r] for r in sheet.rows]
    norm = ColumnNormaliser(sheet.mappings, spec)
    norm.learn(rows)
    chunk, _refused = norm.normalise(sheet.name, list(range(1, len(rows) + 1)), rows)
    return [{k: v for k, v in chunk.source_row(i).values.items() if not k.endswith("_raw")}
            for i in range(len(chunk))]


def _plain(row: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def inferred_spec(preview: FilePreview, spec: ImportSpec | None = None) -> ImportSpec:
    """The mapping found, as an import spec: every column by its header, weight units, the
    header row; settings of ``spec`` kept."""
    spec = spec or ImportSpec()
    columns, units = dict(spec.columns), dict(spec.units)
    first = preview.sheets[0] if preview.sheets else None
    for s in preview.sheets:
        for m in s.mappings:
            if m.header and m.header not in columns:
                columns[m.header] = m.field
            if m.field and m.unit and m.field not in units:
                units[m.field] = m.unit
    one = first if len(preview.sheets) == 1 else None
    header_row = spec.header_row or (one.header_row + 1 if one else None)
    return replace(spec, columns=columns, units=units, header_row=header_row)
