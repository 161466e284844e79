"""The trade spec: how to read a file whose layout is not recognised, or to correct one that is.

A JSON object (documented in docs/trade.md and ``wasteintel trade import --help``)::

    {"dataset": "UK-HMRC-3915",
     "layout": "UK HMRC OTS",                 # optional: force a known layout
     "columns": {"partner": "Country", "code": "Cn8", "flow": "FlowType",
                 "year": "Year", "net_mass": "NetMass", "value": "Value"},
     "reporter": "United Kingdom",            # name or ISO code, when no column holds it
     "flow": "export",                        # when no column holds it
     "currency": "GBP", "value_scale": 1,     # values in GBP, as written (1000: thousands)
     "mass_unit": "kg",                       # kg, t, lb, short_ton
     "code": "3915", "year": 2020,            # constants, when no column holds them
     "flows": {"EU Exports": "export", "Dispatches": "export"},
     "partners": {"Abu Dhabi": "ARE", "Stores and Provisions": "XXX"}}

Fields of ``columns``: reporter, partner, exporter, importer, flow, year, month, period, code,
net_mass, value, currency, supp_quantity, supp_unit, import_mass, export_mass. The names of the
first trade specs (hs_code, net_weight_kg, value_usd) are still read.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import SpecError
from .layouts import BY_NAME, FIELDS
from .parsing import MASS_FACTORS, fold

KEYS = {"dataset", "layout", "columns", "reporter", "flow", "currency", "value_scale",
        "mass_unit", "code", "hs_code", "year", "flows", "partners"}
OLD_FIELDS = {"hs_code": "code", "net_weight_kg": "net_mass", "value_usd": "value"}


def load_trade_spec(path) -> dict:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise SpecError(f"trade spec {path}: cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise SpecError(f"trade spec {path}: not valid JSON ({exc}); see docs/trade.md") from None
    return check_spec(data, str(path))


def check_spec(data, where: str = "trade spec") -> dict:
    """The spec with its names made canonical; a SpecError naming the setting otherwise."""
    if not isinstance(data, dict):
        raise SpecError(f"{where}: a trade spec is a JSON object; see docs/trade.md")
    unknown = set(data) - KEYS
    if unknown:
        raise SpecError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}; the "
                        f"settings are {', '.join(sorted(KEYS - {'hs_code'}))}")
    spec = dict(data)
    if "hs_code" in spec:
        spec.setdefault("code", spec.pop("hs_code"))
    columns = {OLD_FIELDS.get(k, k): v for k, v in (spec.get("columns") or {}).items()}
    bad = set(columns) - set(FIELDS)
    if bad:
        raise SpecError(f"{where}: unknown field(s) in columns: {', '.join(sorted(bad))}; "
                        f"the fields are {', '.join(FIELDS)}")
    if "value_usd" in (data.get("columns") or {}):
        spec.setdefault("currency", "USD")
    spec["columns"] = columns
    _check_values(spec, where)
    return spec


def _check_values(spec: dict, where: str) -> None:
    if spec.get("layout") and spec["layout"].lower() not in BY_NAME:
        raise SpecError(f"{where}: unknown layout {spec['layout']!r}; one of "
                        f"{', '.join(lay.name for lay in BY_NAME.values())}")
    if spec.get("flow") and spec["flow"] not in ("import", "export"):
        raise SpecError(f"{where}: flow is \"import\" or \"export\", not {spec['flow']!r}")
    if spec.get("mass_unit") and spec["mass_unit"] not in MASS_FACTORS:
        raise SpecError(f"{where}: mass_unit is one of {', '.join(MASS_FACTORS)}")
    cur = spec.get("currency")
    if cur is not None and not (isinstance(cur, str) and len(cur) == 3 and cur.isalpha()):
        raise SpecError(f"{where}: currency is an ISO 4217 code such as GBP, EUR, TWD, USD")
    if cur:
        spec["currency"] = cur.upper()
    _check_tables(spec, where)


def _check_tables(spec: dict, where: str) -> None:
    if spec.get("value_scale") is not None:
        try:
            spec["value_scale"] = float(spec["value_scale"])
        except (TypeError, ValueError):
            raise SpecError(f"{where}: value_scale is a number (1000 for thousands)") from None
    flows = spec.get("flows") or {}
    if any(v not in ("import", "export", "skip") for v in flows.values()):
        raise SpecError(f"{where}: the flows map words to \"import\", \"export\" or \"skip\"")
    spec["flows"] = {fold(k): v for k, v in flows.items()}
    spec["partners"] = {fold(k): str(v) for k, v in (spec.get("partners") or {}).items()}
    if spec.get("year") is not None:
        try:
            spec["year"] = int(spec["year"])
        except (TypeError, ValueError):
            raise SpecError(f"{where}: year is a number such as 2020") from None
    if spec.get("code") is not None:
        spec["code"] = "".join(ch for ch in str(spec["code"]) if ch.isdigit())


def fingerprint(spec: dict, dataset: str) -> str:
    """What decides whether a file imported before must be read again."""
    return json.dumps({"spec": spec, "dataset": dataset}, sort_keys=True, ensure_ascii=False)
