"""The quantities of a trade-statistics file: net mass in kg (whatever unit the layout, the
header, a unit column or the spec gives), value in units of its currency (never assumed to be
dollars), supplementary quantity and unit."""

from __future__ import annotations

import polars as pl

from ..errors import ReadError
from . import parsing
from .job import Job, owid
from .shape import totals_long


def quantities(job: Job, f: pl.DataFrame) -> pl.DataFrame:
    for name in ("import_mass", "export_mass"):
        if name in f.columns:
            f = f.with_columns((parsing.number(name) * _mass_factor(job, name)).alias(name))
    if {"import_mass", "export_mass"} & set(f.columns):
        f = totals_long(f)
    if "net_mass" in f.columns:
        f = f.with_columns((parsing.number("net_mass") * _mass_factor(job, "net_mass"))
                           .alias("net_weight_kg"))
    elif "net_weight_kg" not in f.columns:
        f = f.with_columns(pl.lit(None, pl.Float64).alias("net_weight_kg"))
    f = _values(job, f)
    supp = parsing.number("supp_quantity") if "supp_quantity" in f.columns else pl.lit(None)
    unit = pl.col("supp_unit").str.slice(0, 16) if "supp_unit" in f.columns else pl.lit(None)
    f = f.with_columns(supp.cast(pl.Float64).alias("supp_quantity"),
                       unit.cast(pl.Utf8).alias("supp_unit"))
    return _quantity_in_kg(job, f)


def _quantity_in_kg(job: Job, f: pl.DataFrame) -> pl.DataFrame:
    """A supplementary quantity in kg is a net mass: where no net mass is given, and for the
    Census Bureau before its shipping weight (recorded for vessel and air shipments only)."""
    in_kg = pl.col("supp_unit").str.to_lowercase().str.strip_chars(" .").is_in(
        ["kg", "kgm", "kgs", "kilograms", "公斤"]) & pl.col("supp_quantity").is_not_null()
    first = job.layout.name.startswith("US Census")
    mass = (pl.when(in_kg).then(pl.col("supp_quantity")).otherwise(pl.col("net_weight_kg"))
            if first else pl.coalesce(pl.col("net_weight_kg"),
                                      pl.when(in_kg).then(pl.col("supp_quantity"))))
    if first and f.select(in_kg.any()).item():
        job.out.warnings.append("net mass taken from the quantity in kg where given (the "
                                "shipping weight covers vessel and air shipments only)")
    return f.with_columns(mass.cast(pl.Float64).alias("net_weight_kg"))


def _mass_factor(job: Job, name: str) -> float | pl.Expr:
    header = job.found[name]
    unit = job.spec.get("mass_unit") or job.layout.constants.get("mass_unit")
    if unit is None and owid(job):
        unit = "t"
    unit = unit or parsing.mass_unit_in(header)
    if unit is None and "net_mass_unit" in job.found:
        return _unit_column(job)
    if unit is None:
        raise ReadError(str(job.path), f"the unit of the column {header!r} is not said (kg? "
                                       f"tonnes?); give \"mass_unit\" in a --spec")
    return parsing.MASS_FACTORS[unit]


def _unit_column(job: Job) -> pl.Expr:
    """A column of units beside the mass (Taiwan's 重量單位: 公斤, 公噸): a factor per row;
    a unit not known leaves the mass empty."""
    factors = {}
    for word, unit in (("公斤", "kg"), ("千克", "kg"), ("kg", "kg"), ("kgm", "kg"),
                       ("公噸", "t"), ("公吨", "t"), ("t", "t"), ("tne", "t"), ("mt", "t")):
        factors[word] = parsing.MASS_FACTORS[unit]
    return pl.col("net_mass_unit").str.to_lowercase().str.strip_chars().replace_strict(
        factors, default=None, return_dtype=pl.Float64)


def _values(job: Job, f: pl.DataFrame) -> pl.DataFrame:
    if "value" not in f.columns:
        return f.with_columns(pl.lit(None, pl.Float64).alias("value"),
                              pl.lit(None, pl.Utf8).alias("currency"))
    header = job.found["value"]
    # the spec, then what the header says, then what the layout's publisher uses
    currency = (job.spec.get("currency") or parsing.currency_in(header)
                or job.layout.constants.get("currency"))
    said = parsing.scale_in(header)
    scale = (job.spec.get("value_scale") or (said if said != 1.0 else None)
             or job.layout.constants.get("value_scale") or 1.0)
    if currency is None and "currency" in f.columns:
        cur = pl.col("currency").str.to_uppercase().str.slice(0, 3)
        return f.with_columns((parsing.number("value") * scale).alias("value"), cur)
    if currency is None:
        job.out.warnings.append(f"the currency of the column {header!r} is not said: its "
                                f"values were not stored; give \"currency\" in a --spec")
        return f.with_columns(pl.lit(None, pl.Float64).alias("value"),
                              pl.lit(None, pl.Utf8).alias("currency"))
    return f.with_columns((parsing.number("value") * scale).alias("value"),
                          pl.lit(currency).alias("currency"))
