"""A trade-statistics file to canonical flows: reporter, partner, exporter, importer, flow,
year, month, commodity code (national length and HS6), net mass in kg, value with its currency,
supplementary quantity. Rows that cannot be read are refused with their line and the reason;
rows outside the totals (re-exports, breakdowns, aggregates) are skipped and counted."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import polars as pl

from ..errors import ReadError
from . import parsing
from .job import Canonical, Job, census_flow, constant, owid
from .layouts import BY_NAME as LAYOUTS_BY_NAME
from .layouts import Layout, closest, detect
from .partners import EU_MEMBERS, WORLD, Resolver
from .quantities import quantities
from .reading import LINE, read_table
from .shape import (
    census_weights,
    drop_aggregate_codes,
    drop_breakdowns,
    drop_country_groups,
    unstack_indicators,
)

COLUMNS = {"_line": pl.Int64, "reporter": pl.Utf8, "exporter": pl.Utf8, "importer": pl.Utf8,
           "flow": pl.Utf8, "year": pl.Int32, "month": pl.Int32, "partial": pl.Boolean,
           "hs_code": pl.Utf8, "hs6": pl.Utf8, "net_weight_kg": pl.Float64,
           "value": pl.Float64, "currency": pl.Utf8, "supp_quantity": pl.Float64,
           "supp_unit": pl.Utf8}
MAX_LISTED = 200  # refused rows listed one by one in a report; all are counted


def canonical(path: Path, spec: dict) -> Canonical:
    raw, ragged = read_table(path, lambda cells: _is_header(cells, spec))
    skipped, warnings = Counter(), []
    raw = drop_country_groups(drop_breakdowns(unstack_indicators(raw), skipped), skipped)
    raw = census_weights(raw, warnings)
    layout, found = _choose(path, [c for c in raw.columns if c != LINE], spec)
    job = Job(path, spec, layout, found, Canonical(layout.name, pl.DataFrame(), skipped=skipped,
                                                   warnings=warnings))
    job.out.refused = [{"line": n, "reason": "more cells than the header (a comma inside an "
                                             "unquoted name?)"} for n in ragged[:MAX_LISTED]]
    job.out.refused_count = len(ragged)
    _check(job)
    f = raw.select(pl.col(LINE), *[_column(job, raw, fld, src) for fld, src in found.items()])
    f = _periods(job, f)
    f = quantities(job, f)
    f = _flows(job, f)
    f = _countries(job, f)
    f = _codes(job, f)
    f = _refuse(job, f)
    f = drop_aggregate_codes(f, job.out.skipped)
    job.out.frame = f.select([pl.col(c).cast(t) for c, t in COLUMNS.items()])
    return job.out


def _column(job: Job, raw: pl.DataFrame, name: str, source: str) -> pl.Expr:
    """A field's column; a reporter or partner left blank in its code column (Comtrade's
    "Areas, nes" has no ISO code) is taken from the next column naming it."""
    named = (job.spec.get("columns") or {}).get(name)
    others = [] if named or name not in ("reporter", "partner") else \
        [c for c in job.layout.alternatives(raw.columns, name) if c != source]
    if not others:
        return pl.col(source).alias(name)
    cells = [pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)) for c in [source, *others]]
    return pl.coalesce(cells).alias(name)


def _is_header(cells: list[str], spec: dict) -> bool:
    """The header is the first line holding the columns the spec names, or else a layout's."""
    named = {parsing.key(n) for n in (spec.get("columns") or {}).values()}
    if named:
        return named <= {parsing.key(c) for c in cells}
    return detect(cells) is not None


def _choose(path: Path, columns: list[str], spec: dict) -> tuple[Layout, dict[str, str]]:
    named = spec.get("columns") or {}
    if spec.get("layout"):
        layout = LAYOUTS_BY_NAME[spec["layout"].lower()]
        found = layout.match(columns)
    else:
        hit = detect(columns)
        layout, found = hit if hit else (Layout("spec", {}, ()), {})
        if not hit and not named:
            raise ReadError(str(path), _unknown_layout(columns))
    keys = {parsing.key(c): c for c in columns}
    for fld, header in named.items():
        col = header if header in columns else keys.get(parsing.key(header))
        if col is None:
            raise ReadError(str(path), f"the spec names the column {header!r} for {fld}, but "
                                       f"the file has no such column; its columns are "
                                       f"{', '.join(columns[:20])}")
        found[fld] = col
    if "period" in found:
        found.pop("year", None)
        found.pop("month", None)
    return layout, found


def _unknown_layout(columns: list[str]) -> str:
    near, lacking = closest(columns)
    seen = ", ".join(columns[:14]) + (", ..." if len(columns) > 14 else "")
    if len(lacking) == len(near.required):
        what = "none of its columns (" + seen + ") is one a layout we know names"
    else:
        what = (f"the nearest, {near.name}, would need a column for {', '.join(lacking)}; "
                f"columns seen: {seen}")
    return (f"not a trade-statistics layout we know: {what}. Describe the file in a --spec "
            f"(see docs/trade.md)")


def _check(job: Job) -> None:
    """Refuse the whole file when a field no row can have is missing, saying which."""
    f, lay, lacking = job.found, job.layout, []
    if not ({"period", "year"} & set(f) or job.spec.get("year")):
        lacking.append("a year or period column (or \"year\" in the spec)")
    wide = {"import_mass", "export_mass"} & set(f)
    if not (lay.reconciled or wide or "flow" in f or constant(job, "flow")
            or census_flow(job)):
        lacking.append("a flow column (import/export), or \"flow\" in the spec")
    if not (lay.reconciled or "reporter" in f or constant(job, "reporter")):
        lacking.append("a reporter column, or \"reporter\" in the spec")
    if not ("code" in f or constant(job, "code") or owid(job)):
        lacking.append("a commodity code column, or \"code\" in the spec")
    if not ({"net_mass", "value"} & set(f) or wide):
        lacking.append("a net mass or value column")
    if lacking:
        raise ReadError(str(job.path), f"cannot be imported as {lay.name}: it lacks "
                                       + "; ".join(lacking))
    if lay.countries == "eurostat" and parsing.key(f.get("partner", "")) == "partner":
        job.layout = replace(lay, countries="eurostat-partner")


def _mapped(f: pl.DataFrame, column: str, fn, dtype) -> pl.Expr:
    values = [v for v in f[column].unique().to_list() if v is not None]
    return pl.col(column).replace_strict({v: fn(v) for v in values}, default=None,
                                         return_dtype=dtype)


def _periods(job: Job, f: pl.DataFrame) -> pl.DataFrame:
    if "period" in f.columns:
        parsed = {v: parsing.period(v) for v in f["period"].unique().to_list() if v is not None}
        return f.with_columns(_lookup("period", parsed, 0, pl.Int32).alias("year"),
                              _lookup("period", parsed, 1, pl.Int32).alias("month"),
                              _lookup("period", parsed, 2, pl.Boolean).fill_null(False)
                              .alias("partial"),
                              pl.col("period").alias("_period_text"))
    if "year" in f.columns:
        f = f.with_columns(
            _mapped(f, "year", lambda v: (parsing.period(v) or (None,))[0], pl.Int32)
            .alias("year"), pl.col("year").alias("_period_text"))
    else:
        f = f.with_columns(pl.lit(job.spec["year"], pl.Int32).alias("year"),
                           pl.lit(None, pl.Utf8).alias("_period_text"))
    if "month" in f.columns:
        f = f.with_columns(pl.col("month").alias("_month_text"),
                           _mapped(f, "month", parsing.month, pl.Int32).alias("month"))
        bad = pl.col("month") == parsing.NOT_A_MONTH
        f = f.with_columns(pl.when(bad).then(None).otherwise(pl.col("year")).alias("year"),
                           pl.format("{} month {}", pl.col("_period_text"),
                                     pl.col("_month_text")).alias("_period_text"))
    else:
        f = f.with_columns(pl.lit(None, pl.Int32).alias("month"))
    return f.with_columns(pl.lit(False).alias("partial"))


def _lookup(column: str, parsed: dict, i: int, dtype) -> pl.Expr:
    return pl.col(column).replace_strict({k: (v[i] if v else None) for k, v in parsed.items()},
                                         default=None, return_dtype=dtype)


def _flows(job: Job, f: pl.DataFrame) -> pl.DataFrame:
    if job.layout.reconciled:
        return f.with_columns(pl.lit("import").alias("flow"), pl.lit(None).alias("_flow_text"))
    if "flow" in f.columns and not {"import_mass", "export_mass"} & set(job.found):
        words = {**parsing.FLOW_WORDS, **job.layout.flows, **job.spec.get("flows", {})}
        f = f.with_columns(pl.col("flow").alias("_flow_text"),
                           _mapped(f, "flow", lambda v: words.get(parsing.fold(v)), pl.Utf8)
                           .alias("flow"))
        if job.spec.get("flow"):  # a constant in the spec wins over the column
            f = f.with_columns(pl.lit(job.spec["flow"]).alias("flow"))
    elif "flow" not in f.columns:
        flow = constant(job, "flow") or census_flow(job)
        f = f.with_columns(pl.lit(flow).alias("flow"))
    if "_flow_text" not in f.columns:
        f = f.with_columns(pl.lit(None, pl.Utf8).alias("_flow_text"))
    skipped = f.filter(pl.col("flow") == "skip")
    for word, n in skipped.group_by("_flow_text").len().iter_rows():
        job.out.skipped[f"rows of the flow {word!r} (outside total imports and exports)"] += n
    return f.filter((pl.col("flow") != "skip") | pl.col("flow").is_null())


def _countries(job: Job, f: pl.DataFrame) -> pl.DataFrame:
    table = job.spec.get("partners", {})
    numeric = job.layout.countries
    reporters = Resolver(table, "eurostat" if numeric.startswith("eurostat") else numeric)
    partners = Resolver(table, "none" if numeric.startswith("eurostat") else numeric)
    if numeric == "eurostat-partner" and f["partner"].str.contains(r"^\d+$").mean() > 0.5:
        raise ReadError(str(job.path), "its PARTNER column holds Eurostat's numeric country "
                                       "codes; export the file with PARTNER_ISO (or the "
                                       "partners' names) and import that")
    if job.layout.reconciled:
        f = f.with_columns(_mapped(f, "exporter", partners.code, pl.Utf8),
                           _mapped(f, "importer", partners.code, pl.Utf8),
                           pl.lit(None, pl.Utf8).alias("reporter"))
    else:
        f = _reporter_partner(job, f, reporters, partners)
    job.out.warnings += reporters.warnings("reporter") + partners.warnings("partner")
    return f


def _reporter_partner(job: Job, f: pl.DataFrame, reporters: Resolver,
                      partners: Resolver) -> pl.DataFrame:
    if "reporter" in f.columns:
        f = f.with_columns(pl.col("reporter").alias("_reporter_text"),
                           _mapped(f, "reporter", reporters.code, pl.Utf8))
    else:
        given = str(constant(job, "reporter"))
        code = reporters.code(given)
        if code is None or code == given and len(given) > 3:
            raise ReadError(str(job.path), f"the reporter {given!r} of the spec is not a "
                                           f"country we know; give its ISO code")
        f = f.with_columns(pl.lit(code).alias("reporter"), pl.lit(given).alias("_reporter_text"))
    if "partner" in f.columns:
        f = f.with_columns(pl.col("partner").alias("_partner_text"),
                           _mapped(f, "partner", partners.code, pl.Utf8))
    else:
        f = f.with_columns(pl.lit(WORLD).alias("partner"), pl.lit(WORLD).alias("_partner_text"))
        job.out.warnings.append("the file has no partner column: its rows were imported as "
                                "the reporters' totals (partner World)")
    def named(side: str) -> pl.Expr:  # a name was written (a blank cell is refused later)
        return pl.col(f"_{side}_text").fill_null("").str.strip_chars() != ""

    aggregate = pl.col("reporter").is_null() & named("reporter")
    aggregate = aggregate | (pl.col("reporter") == WORLD)
    aggregate = aggregate | (pl.col("partner").is_null() & named("partner"))
    for side in ("reporter", "partner"):
        # the European Union beside its members (the Census Bureau's groups) is a sum of them
        if {"EU"} <= set(f[side].unique().to_list()) and EU_MEMBERS & set(f[side].to_list()):
            aggregate = aggregate | (pl.col(side) == "EU")
    n = f.filter(aggregate).height
    if n:
        job.out.skipped["rows of aggregates (World, regions, income groups) as reporter or "
                        "partner"] += n
    f = f.filter(~aggregate)
    imp = pl.col("flow") == "import"
    return f.with_columns(
        pl.when(imp).then(pl.col("partner")).otherwise(pl.col("reporter")).alias("exporter"),
        pl.when(imp).then(pl.col("reporter")).otherwise(pl.col("partner")).alias("importer"))


def _codes(job: Job, f: pl.DataFrame) -> pl.DataFrame:
    if "code" in f.columns:
        f = f.with_columns(parsing.code("code", job.layout.keep_odd_codes).alias("hs_code"))
    else:
        given = constant(job, "code") or ("3915" if owid(job) else "")
        f = f.with_columns(pl.lit(str(given)).alias("hs_code"))
    code = pl.col("hs_code")
    return f.with_columns(pl.when(code == "").then(None).otherwise(code).alias("hs_code")) \
        .with_columns(pl.when(pl.col("hs_code").str.len_chars() >= 6)
                      .then(pl.col("hs_code").str.slice(0, 6)).alias("hs6"))


def _refuse(job: Job, f: pl.DataFrame) -> pl.DataFrame:
    text = {c: (pl.col(c) if c in f.columns else pl.lit(None, pl.Utf8)).fill_null("")
            for c in ("_period_text", "_flow_text", "_month_text")}
    reason = (
        pl.when(pl.col("year").is_null())
        .then(pl.format("period '{}' not understood", text["_period_text"]))
        .when(pl.col("flow").is_null())
        .then(pl.format("flow '{}' not understood: map it in the spec's \"flows\"",
                        text["_flow_text"]))
        .when(pl.col("exporter").is_null() | pl.col("importer").is_null())
        .then(pl.lit("no reporter or partner"))
        .when(pl.col("hs_code").is_null())
        .then(pl.lit("no commodity code"))
        .when(pl.col("net_weight_kg").is_null() & pl.col("value").is_null())
        .then(pl.lit("neither a net mass nor a value"))
    )
    f = f.with_columns(reason.alias("_reason"))
    bad = f.filter(pl.col("_reason").is_not_null())
    job.out.refused_count += bad.height
    job.out.refused += [{"line": n, "reason": r}
                        for n, r in bad.select(LINE, "_reason").head(MAX_LISTED).iter_rows()]
    return f.filter(pl.col("_reason").is_null())
