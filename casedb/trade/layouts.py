"""Recognising trade-statistics layouts (BACI, the stacked BACI file, UN Comtrade) and mapping
their columns to year, month, reporter, partner, flow, exporter, importer, HS, weight, value."""

from __future__ import annotations

import polars as pl

from ..errors import ReadError
from ..normalize import country_iso3


# layout name -> (required columns, expressions producing the canonical columns)
def _baci_raw() -> dict:
    return {"year": pl.col("t").cast(pl.Int32), "hs_code": pl.col("k").cast(pl.Utf8),
            "exporter": pl.col("exporter").cast(pl.Utf8), "importer": pl.col("importer").cast(pl.Utf8),
            "net_weight_kg": pl.col("q").cast(pl.Float64) * 1000.0,
            "value_usd": pl.col("v").cast(pl.Float64) * 1000.0}


def _baci_long(hs: str) -> dict:
    return {"year": pl.col("year").cast(pl.Int32), "hs_code": pl.lit(hs),
            "exporter": pl.col("exporter_iso3"), "importer": pl.col("importer_iso3"),
            "net_weight_kg": pl.col("quantity_metric_tonnes").cast(pl.Float64) * 1000.0,
            "value_usd": pl.lit(None, dtype=pl.Float64)}


COMTRADE = {"year": ("refyear", "year", "period"), "month": ("refmonth", "month"),
            "reporter": ("reporteriso", "reporter iso", "reporter", "reporterdesc"),
            "partner": ("partneriso", "partner iso", "partner", "partnerdesc"),
            "flow": ("flowcode", "trade flow", "flow", "flowdesc"),
            "hs_code": ("cmdcode", "commodity code", "hs code", "hs"),
            "net_weight_kg": ("netwgt", "netweight (kg)", "net weight (kg)", "net weight"),
            "value_usd": ("primaryvalue", "trade value (us$)", "tradevalue", "value")}


def detect(columns: list[str], hs_default: str = "3915") -> tuple[str, dict]:
    cols = set(columns)
    if {"t", "k", "v", "q", "exporter", "importer"} <= cols or {"t", "k", "v", "q", "i", "j"} <= cols:
        exprs = _baci_raw()
        if "i" in cols:
            exprs["exporter"], exprs["importer"] = pl.col("i").cast(pl.Utf8), pl.col("j").cast(pl.Utf8)
        return "BACI", exprs
    if {"year", "exporter_iso3", "importer_iso3", "quantity_metric_tonnes"} <= cols:
        return "BACI-long", _baci_long(hs_default)
    lower = {c.lower().strip(): c for c in columns}
    found = {}
    for name, options in COMTRADE.items():
        hit = next((lower[o] for o in options if o in lower), None)
        if hit is not None:
            found[name] = pl.col(hit)
    if {"year", "reporter", "partner", "flow", "net_weight_kg"} <= set(found):
        found.setdefault("hs_code", pl.lit(hs_default))
        return "Comtrade", found
    raise ReadError("", "not a recognised trade-statistics layout (BACI, Comtrade): columns "
                        + ", ".join(columns[:12]))


def iso3(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return country_iso3(text)
    except ValueError:
        return None


def flow_code(value) -> str | None:
    text = str(value or "").strip().lower()
    if text in ("m", "import", "imports", "1", "rm", "re-import"):
        return "import"
    if text in ("x", "export", "exports", "2", "rx", "re-export"):
        return "export"
    return None
