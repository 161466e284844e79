"""One spreadsheet row as canonical values, and the cell conversions that need no context."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from ..normalize.directions import normalize_direction

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


def number(value, decimal_comma: bool = False) -> float | None:
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


def direction(value) -> str | None:
    """import, export or transit, from the words and codes systems write (IM/EX, ИМ/ЭК, 進口/出口,
    SAD box 1 "IM 4", EAEU procedures "ЭК 10", "10 - IMPORTACION PARA EL CONSUMO")."""
    text = text_value(value)
    return None if text is None else normalize_direction(text)


# Direction columns whose codes are numbers, by header (accents and case folded): a Mexican
# pedimento's tipo de operación is 1 for an import and 2 for an export (SAT, Anexo 22).
CODED_DIRECTIONS = {"tipo de operacion": {"1": "import", "2": "export"},
                    "tipo operacion": {"1": "import", "2": "export"}}


def direction_reader(header: str):
    """The converter of a direction column: its header's numeric codes, then the words."""
    folded = unicodedata.normalize("NFKD", " ".join(re.sub(r"[\W_]+", " ", header or "").split()))
    codes = CODED_DIRECTIONS.get("".join(c for c in folded if not unicodedata.combining(c)).lower())
    if codes is None:
        return direction

    def read(value):
        text = text_value(value)
        return codes.get(text) if text in codes else direction(value)
    return read


# Where a party's country comes from when the row has no country column for it.
ROLE_COUNTRY = {"shipper": ("country_of_export", "country_of_origin"),
                "consignee": ("country_of_destination",), "notify": ("country_of_destination",)}


def _role_country(role: str, values: dict) -> str | None:
    return next((values[f] for f in ROLE_COUNTRY.get(role, ()) if values.get(f)), None)


def party_country(role: str, values: dict) -> str:
    return values.get(f"{role}_country") or _role_country(role, values) or ""


def role_countries(role: str, values: dict, n: int, missing=None) -> list:
    """``party_country`` a column at a time: each row's country for a party role, ``missing``
    where it has none (``values`` holds a list per field)."""
    columns = [values[f] for f in (f"{role}_country", *ROLE_COUNTRY.get(role, ())) if f in values]
    if not columns:
        return [missing] * n
    if len(columns) == 1:
        return [c or missing for c in columns[0]]
    if len(columns) == 2:
        return [a or b or missing for a, b in zip(*columns, strict=True)]
    return [next((c for c in cs if c), missing) for cs in zip(*columns, strict=True)]
