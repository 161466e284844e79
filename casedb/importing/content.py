"""How well a column's values fit each kind of field: the share of a sample of its cells that
read as dates, weights, HS codes, countries, ports, container numbers (with their ISO 6346
check digits), IMO numbers, phones, directions, company names, codes or free text.

Only a sample is read (the first data rows of a sheet), so scoring costs the same for a
hundred rows and for a million.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from ..normalize import (
    country_iso3,
    normalize_imo,
    parse_date,
    parse_weight_kg,
    port_locode,
    split_containers,
)
from .blanks import is_blank
from .fields import FIELDS, Kind
from .rows import direction, direction_reader

SAMPLE_ROWS = 200
_HS = re.compile(r"^\d{4}(?:[.\s]?\d{2}){0,4}(?:[.\s-]?\d{1,2})?$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{7,24}$")
_CODE = re.compile(r"^[\w\-/.]*\d[\w\-/.]*$")
_LETTERS = re.compile(r"[^\W\d_]")
_COMPANY = re.compile(r"\b(ltd|limited|inc|corp|co|llc|gmbh|bv|sa|srl|sdn|bhd|pte|plc|pty|"
                      r"s\.?a\.?|ltda|cia|ооо|оао|зао|тоо|ao|company|trading|recycling|"
                      r"industries|enterprise|group|international|logistics|shipping)\b|"
                      r"公司|有限|企業|企业|商行|行$", re.IGNORECASE)


def column_values(rows: Sequence[Sequence], column: int, limit: int = SAMPLE_ROWS) -> list:
    """The column's non-blank cells among the first ``limit`` rows (placeholders are blanks)."""
    out = []
    for r in rows[:limit]:
        v = r[column] if column < len(r) else None
        if v is None or is_blank(v):
            continue
        out.append(v)
    return out


def _share(values: list, test: Callable[[object], bool]) -> float:
    if not values:
        return 0.0
    return sum(1 for v in values if test(v)) / len(values)


def _reads(convert: Callable) -> Callable[[object], bool]:
    def test(v) -> bool:
        try:
            return convert(v) is not None
        except (ValueError, TypeError, OverflowError):
            return False
    return test


def _is_date(v) -> bool:
    if isinstance(v, (dt.date, dt.datetime)):
        return True
    if isinstance(v, (int, float)):
        if 100_000 <= v < 2_000_000 or 24_000_000 <= v < 27_000_000:  # ROC 1130501, BE 25670515
            return _reads(parse_date)(v)
        return 20_000 <= v <= 70_000 or 19_000_000 < v < 22_000_000  # Excel serial or yyyymmdd
    return _reads(parse_date)(v)


def _is_number(v) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return True
    return _reads(parse_weight_kg)(v)


def _is_hs(v) -> bool:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    text = str(v).strip()
    if not _HS.match(text):
        return False
    digits = re.sub(r"\D", "", text)
    return 4 <= len(digits) <= 14 and 1 <= int(digits[:2]) <= 97


def _is_phone(v) -> bool:
    text = str(v).strip()
    return bool(_PHONE.match(text)) and sum(c.isdigit() for c in text) >= 7 and (
        not text.isdigit() or text.startswith("0") or len(text) >= 9)


def _is_name(v) -> bool:
    """A company or person's name: letters mostly, not a code or an amount."""
    text = str(v).strip()
    if isinstance(v, (int, float)) or len(text) < 3:
        return False
    letters = len(_LETTERS.findall(text))
    if _COMPANY.search(text):
        return True
    return letters >= 3 and letters >= 0.6 * len(text.replace(" ", "")) and not _CODE.match(text)


def _is_code(v) -> bool:
    """An identifier: a declaration, B/L, permit or voyage number."""
    if isinstance(v, float):
        return v.is_integer()
    if isinstance(v, int):
        return True
    text = str(v).strip()
    return 2 <= len(text) <= 40 and bool(_CODE.match(text.replace(" ", "")))


def _is_free_text(v) -> bool:
    text = str(v)
    return len(text) >= 8 and len(_LETTERS.findall(text)) >= 5


def _is_item(v) -> bool:
    try:
        return 0 < float(str(v).strip()) < 10_000
    except ValueError:
        return False


def _is_currency(v) -> bool:
    text = str(v).strip()
    return len(text) == 3 and text.isalpha() and text.isupper()


def _is_direction(v) -> bool:
    return _reads(direction)(v)


def _is_unit(v) -> bool:
    from ..normalize.weights import UNITS_KG

    return str(v).strip().lower().rstrip(".") in UNITS_KG


_BY_KIND: dict[Kind, Callable[[object], bool]] = {
    Kind.DATE: _is_date, Kind.WEIGHT: _is_number, Kind.NUMBER: _is_number, Kind.HS: _is_hs,
    Kind.COUNTRY: _reads(country_iso3), Kind.PORT: _reads(port_locode),
    Kind.CONTAINERS: _reads(split_containers), Kind.IMO: _reads(normalize_imo),
    Kind.PHONE: _is_phone, Kind.EMAIL: lambda v: "@" in str(v) and "." in str(v),
    Kind.DIRECTION: _is_direction,
}
_CODES = {"declaration_no", "bl_no", "permit_no", "voyage_no", "case_ref"}


def value_test(name: str) -> Callable[[object], bool] | None:
    """The test a value of field ``name`` passes; None where any text will do."""
    kind = FIELDS[name].kind
    if kind in _BY_KIND:
        return _BY_KIND[kind]
    if name.endswith("_name") and name != "vessel_name":
        return _is_name
    if name in _CODES or name.endswith("_tax_id"):
        return _is_code
    if name == "goods_description":
        return _is_free_text
    if name == "item_no":
        return _is_item
    if name == "currency":
        return _is_currency
    if name in ("weight_unit", "net_weight_unit"):
        return _is_unit
    return None


def fit(name: str, values: list, header: str = "") -> float | None:
    """The share of ``values`` that read as field ``name`` (None: no values, or any text fits);
    a direction by its header's codes too (tipo de operación 1/2)."""
    test = _reads(direction_reader(header)) if name == "direction" else value_test(name)
    if test is None or not values:
        return None
    return _share(values, test)


# Kinds whose values say what they are even under a header nobody recognises.
SELF_EVIDENT = {"containers": 0.8, "vessel_imo": 0.9}


def distinct_share(values: list) -> float:
    return len(set(map(str, values))) / len(values) if values else 0.0
