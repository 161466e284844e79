"""Rows that would count a flow twice: breakdowns beside their totals (UN Comtrade's modes of
transport, second partners, customs procedures), aggregate commodity codes beside their detail
lines, and reporter totals laid out as one column per flow."""

from __future__ import annotations

from collections import Counter

import polars as pl

from .parsing import key, number

# A breakdown column, and the value its total rows carry (UN Comtrade API and bulk files)
BREAKDOWNS = {"motcode": "0", "partner2code": "0", "2ndpartnercode": "0",
              "customscode": "c00", "customsproccode": "c00", "moscode": "0"}


def drop_breakdowns(raw: pl.DataFrame, skipped: Counter) -> pl.DataFrame:
    """Keep a breakdown's total rows when the file holds them beside the breakdown."""
    for col in raw.columns:
        total = BREAKDOWNS.get(key(col))
        if total is None:
            continue
        values = raw[col].str.to_lowercase().fill_null("")
        is_total = (values == total) | (values == "")
        if is_total.any() and not is_total.all():
            skipped[f"rows broken down by {col} (their totals were kept)"] += int((~is_total).sum())
            raw = raw.filter(is_total)
    return raw


def drop_country_groups(raw: pl.DataFrame, skipped: Counter) -> pl.DataFrame:
    """The Census Bureau's country groups (CTY_CODE 0003 European Union, 5XXX Asia...):
    sums of the countries the file also lists."""
    col = next((c for c in raw.columns if key(c) == "ctycode"), None)
    if col is None:
        return raw
    group = raw[col].fill_null("").str.contains(r"(?i)x|^00")
    if group.any():
        skipped[f"rows of country groups ({col} 00xx or ending in XXX)"] += int(group.sum())
        raw = raw.filter(~group)
    return raw


def unstack_indicators(raw: pl.DataFrame) -> pl.DataFrame:
    """Eurostat's SDMX-CSV (one row per indicator: VALUE_IN_EUROS, QUANTITY_IN_100KG...,
    value in OBS_VALUE) -> one row per flow, a column per indicator; "DE: Germany" -> "DE"."""
    keys = {key(c): c for c in raw.columns}
    if not {"indicators", "obsvalue"} <= set(keys):
        return raw
    drop = {keys[k] for k in ("obsflag", "lastupdate", "dataflow") if k in keys}
    index = [c for c in raw.columns if c not in drop | {keys["indicators"], keys["obsvalue"],
                                                       "_line"}]
    coded = raw.with_columns([pl.col(c).str.replace(r"^([A-Za-z0-9_]+)\s*:\s.*$", "${1}")
                              for c in [*index, keys["indicators"]]])
    wide = coded.group_by(index, maintain_order=True).agg(
        pl.col("_line").min(),
        *[pl.col(keys["obsvalue"]).filter(pl.col(keys["indicators"]) == ind).first()
          .alias(ind) for ind in coded[keys["indicators"]].unique(maintain_order=True)])
    return wide


def _mode_weights(keys: dict[str, str]) -> tuple[str, str] | None:
    """The vessel and air shipping weights, when no total is given (the containerized weight is
    part of the vessel's)."""
    if any(k.startswith("total") and ("swt" in k or "shippingweight" in k) for k in keys):
        return None
    for period in ("mo", "yr"):
        ves, air = keys.get(f"veswgt{period}"), keys.get(f"airwgt{period}")
        if ves and air:
            return ves, air
    ves = next((c for k, c in keys.items() if k.startswith("vessel") and "swt" in k), None)
    air = next((c for k, c in keys.items() if k.startswith("air") and "swt" in k), None)
    return (ves, air) if ves and air else None


def census_weights(raw: pl.DataFrame, warnings: list[str]) -> pl.DataFrame:
    """The Census Bureau gives shipping weight by vessel and by air (no weight is recorded for
    land and other modes): their sum, with a warning."""
    pair = _mode_weights({key(c): c for c in raw.columns})
    if pair is None:
        return raw
    ves, air = pair
    warnings.append("shipping weight is vessel plus air (the Census Bureau records none for "
                    "land and other modes)")
    total = number(ves).fill_null(0) + number(air).fill_null(0)
    return raw.with_columns(total.cast(pl.Utf8).alias("Shipping weight (kg)"))


def drop_aggregate_codes(f: pl.DataFrame, skipped: Counter) -> pl.DataFrame:
    """A code (3915) whose detail lines (391510, 391590) the file also holds for the same
    reporter, partner, flow and period is an aggregate of them: its rows are left out."""
    group = ["reporter", "exporter", "importer", "flow", "year", "month"]
    codes = f.select(*group, "hs_code").unique()
    lengths = codes["hs_code"].str.len_chars().unique().drop_nulls().to_list()
    if len(lengths) <= 1:
        return f
    # every shorter length's prefix of a code names an aggregate that code details
    prefixes = pl.concat([codes.filter(pl.col("hs_code").str.len_chars() > n)
                          .with_columns(pl.col("hs_code").str.slice(0, n))
                          for n in sorted(lengths)[:-1]]).unique()
    kept = f.join(prefixes, on=[*group, "hs_code"], how="anti", nulls_equal=True)
    if kept.height < f.height:
        skipped["rows of aggregate codes whose detail lines the file also holds"] += \
            f.height - kept.height
    return kept


def totals_long(f: pl.DataFrame) -> pl.DataFrame:
    """One column per flow (imports, exports) -> one row per flow."""
    parts = []
    for name, flow in (("import_mass", "import"), ("export_mass", "export")):
        if name in f.columns:
            other = [c for c in ("import_mass", "export_mass") if c in f.columns]
            parts.append(f.filter(pl.col(name).is_not_null())
                         .with_columns(pl.col(name).alias("net_weight_kg"),
                                       pl.lit(flow).alias("flow"))
                         .drop(other))
    return pl.concat(parts, how="vertical") if parts else f
