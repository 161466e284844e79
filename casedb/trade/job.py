"""What reading one trade-statistics file carries from step to step: the file, its spec, its
layout and the columns found, and the result (:class:`Canonical`) being filled in."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from . import parsing
from .layouts import OWID_TONNES, Layout


@dataclass
class Canonical:
    layout: str
    frame: pl.DataFrame
    refused: list[dict] = field(default_factory=list)
    refused_count: int = 0
    skipped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Job:
    path: Path
    spec: dict
    layout: Layout
    found: dict[str, str]
    out: Canonical


def constant(job: Job, name: str):
    value = job.spec.get(name)
    return value if value is not None else job.layout.constants.get(name)


def owid(job: Job) -> bool:
    """Our World in Data's plastic-waste totals: HS 3915, in tonnes."""
    return any(OWID_TONNES.match(parsing.key(job.found.get(n, "")))
               for n in ("import_mass", "export_mass"))


def census_flow(job: Job) -> str | None:
    if not job.layout.name.startswith("US Census") or "value" not in job.found:
        return None
    k = parsing.key(job.found["value"])
    if "export" in k or k.startswith("allval"):
        return "export"
    if "import" in k or "customs" in k or "consumption" in k or k.startswith("gen"):
        return "import"
    return None
