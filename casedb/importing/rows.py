"""Turn one spreadsheet row into canonical, normalised values, or say exactly why not."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..normalize import (
    country_iso3,
    infer_date_order,
    normalize_email,
    normalize_hs,
    normalize_imo,
    normalize_phone,
    parse_date,
    parse_weight_kg,
    port_locode,
    split_containers,
)
from ..normalize.weights import uses_decimal_comma
from .fields import FIELDS, Kind
from .mapping import ColumnMapping
from .spec import ImportSpec

log = logging.getLogger(__name__)

DIRECTIONS = {
    "import": "import", "imp": "import", "i": "import", "in": "import", "進口": "import",
    "进口": "import", "export": "export", "exp": "export", "e": "export", "out": "export",
    "出口": "export", "transit": "transit", "t": "transit", "transshipment": "transit",
    "轉運": "transit", "转运": "transit", "過境": "transit",
}
_MISS = object()
CACHE_PER_COLUMN = 100_000
_NUMBER = re.compile(r"^[+-]?\d[\d,\s]*(\.\d+)?$")


class RowError(ValueError):
    """A row that cannot be imported: the column (header text) and the reason."""

    def __init__(self, column: str, reason: str):
        super().__init__(f"{column}: {reason}")
        self.column = column
        self.reason = reason


@dataclass(frozen=True)
class SourceRow:
    sheet: str
    row: int  # 1-based spreadsheet row number
    values: dict  # canonical field -> normalised value


def text_value(value) -> str | None:
    """Cell text as investigators typed it; integral floats lose their '.0'."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    text = " ".join(str(value).split())
    return text or None


def _number(value, decimal_comma: bool = False) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = text_value(value)
    if text is None:
        return None
    if decimal_comma:
        text = text.replace(".", "").replace(",", ".")
    elif not _NUMBER.match(text):
        raise ValueError(f"not a number: {text!r}")
    try:
        return float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        raise ValueError(f"not a number: {value!r}") from None


def _direction(value) -> str | None:
    text = text_value(value)
    if text is None:
        return None
    found = DIRECTIONS.get(text.lower())
    if found is None:
        raise ValueError(f"unknown direction {text!r} (import, export or transit)")
    return found


class RowNormaliser:
    """Normalises the rows of one sheet given its column mappings and the import spec."""

    def __init__(self, mappings: Sequence[ColumnMapping], spec: ImportSpec | None = None):
        spec = spec or ImportSpec()
        self._columns = [m for m in mappings if m.field]
        self._constants = dict(spec.constants)
        self._units = dict(spec.units)
        self._date_order = spec.date_order
        self._orders: dict[int, str] = {}
        self._split = {k: re.compile(v) for k, v in spec.split.items()}
        self._default_country = spec.defaults_country
        self._decimal_comma = False
        self._cache: dict[int, dict] = {}
        self._converters: dict[int, Callable] = {m.column: self._converter(m) for m in self._columns}

    def learn(self, rows: Sequence[Sequence]) -> None:
        """Settle what only the whole sheet tells: d/m/y against m/d/y per date column, and
        whether the file writes numbers with a decimal comma."""
        numeric = []
        for m in self._columns:
            values = [r[m.column] for r in rows if m.column < len(r)]
            kind = FIELDS[m.field].kind
            if kind is Kind.DATE and self._date_order is None:
                self._orders[m.column] = infer_date_order(values)
            elif kind in (Kind.WEIGHT, Kind.NUMBER):
                numeric += values
        self._decimal_comma = uses_decimal_comma(numeric)
        self._cache = {}
        self._converters = {m.column: self._converter(m) for m in self._columns}

    def _converter(self, m: ColumnMapping) -> Callable:
        kind = FIELDS[m.field].kind
        if kind is Kind.DATE:
            return lambda v, col=m.column: parse_date(v, self._date_order or self._orders.get(col))
        if kind is Kind.WEIGHT:
            unit = self._units.get(m.field) or m.unit or "kg"
            comma = self._decimal_comma
            return lambda v: parse_weight_kg(v, default_unit=unit, decimal_comma=comma)
        if kind is Kind.NUMBER and self._decimal_comma:
            return lambda v: _number(v, decimal_comma=True)
        if kind is Kind.CONTAINERS and m.field in self._split:
            pattern = self._split[m.field]
            return lambda v: [c for part in pattern.split(text_value(v) or "")
                              for c in split_containers(part)]
        return {
            Kind.TEXT: text_value, Kind.NUMBER: _number, Kind.HS: normalize_hs,
            Kind.COUNTRY: country_iso3, Kind.PORT: port_locode, Kind.CONTAINERS: split_containers,
            Kind.IMO: normalize_imo, Kind.EMAIL: normalize_email, Kind.DIRECTION: _direction,
            Kind.PHONE: text_value,  # needs the party's country: done in _phones()
        }[kind]

    def normalise(self, sheet: str, row_number: int, cells: Sequence) -> SourceRow:
        values: dict = {}
        n = len(cells)
        for m in self._columns:
            raw = cells[m.column] if m.column < n else None
            if raw is None:
                continue
            value = self._convert(m, raw)
            if value is not None and value != []:
                values[m.field] = value
        for name, value in self._constants.items():
            values.setdefault(name, value)
        self._phones(values)
        return SourceRow(sheet, row_number, values)

    def _convert(self, m: ColumnMapping, raw):
        """Each distinct cell value of a column is converted once (countries, ports, codes,
        names and dates repeat a lot); errors are remembered too."""
        cache = self._cache.setdefault(m.column, {})
        try:
            hit = cache.get(raw, _MISS)
        except TypeError:  # an unhashable cell
            hit = _MISS
        if hit is _MISS:
            if isinstance(raw, str) and len(raw) > 4000 and FIELDS[m.field].kind is not Kind.TEXT:
                hit = RowError(self._header(m), "cell is too long")
            else:
                try:
                    hit = self._converters[m.column](raw)
                except ValueError as exc:
                    hit = RowError(self._header(m), str(exc))
            if len(cache) < CACHE_PER_COLUMN:
                cache[raw] = hit
        if isinstance(hit, RowError):
            raise hit
        return list(hit) if isinstance(hit, list) else hit

    def _phones(self, values: dict) -> None:
        for name in [k for k in values if k.endswith("_phone")]:
            role = name[: -len("_phone")]
            country = values.get(f"{role}_country") or _role_country(role, values)
            try:
                values[f"{name}_raw"] = values[name]
                values[name] = normalize_phone(values[name], country or self._default_country)
            except ValueError as exc:
                raise RowError(self._header_of(name), str(exc)) from None

    def _header(self, m: ColumnMapping) -> str:
        return m.header or f"column {m.column + 1}"

    def _header_of(self, field_name: str) -> str:
        for m in self._columns:
            if m.field == field_name:
                return self._header(m)
        return field_name


def _role_country(role: str, values: dict) -> str | None:
    if role == "shipper":
        return values.get("country_of_export") or values.get("country_of_origin")
    if role in ("consignee", "notify"):
        return values.get("country_of_destination")
    return None


def party_country(role: str, values: dict) -> str:
    return values.get(f"{role}_country") or _role_country(role, values) or ""
