"""Weights with units, converted to kilograms."""

from __future__ import annotations

import re
from functools import lru_cache

UNITS_KG = {
    "kg": 1.0, "kgs": 1.0, "kilo": 1.0, "kilos": 1.0, "kilogram": 1.0, "kilograms": 1.0,
    "公斤": 1.0, "千克": 1.0, "t": 1000.0, "ton": 1000.0, "tons": 1000.0, "tonne": 1000.0,
    "tonnes": 1000.0, "mt": 1000.0, "m/t": 1000.0, "公噸": 1000.0, "公吨": 1000.0, "噸": 1000.0,
    "吨": 1000.0, "lb": 0.45359237, "lbs": 0.45359237, "pound": 0.45359237,
    "pounds": 0.45359237, "g": 0.001,
    # UN/ECE Recommendation 20 unit codes (manifests, EDI): KGM, TNE, LBR
    "kgm": 1.0, "tne": 1000.0, "lbr": 0.45359237, "gram": 0.001, "grams": 0.001,
    "kilogramos": 1.0, "kilogramo": 1.0, "quilos": 1.0, "quilogramas": 1.0, "toneladas": 1000.0,
    "tonelada": 1000.0, "tm": 1000.0, "кг": 1.0, "килограмм": 1.0, "т": 1000.0, "тн": 1000.0,
    "тонн": 1000.0, "тонна": 1000.0, "тонны": 1000.0, "libras": 0.45359237, "metric tons": 1000.0,
    "metric tonnes": 1000.0, "metric ton": 1000.0, "mts": 1000.0, "m/tons": 1000.0,
}
_VALUE = re.compile(r"^\s*([-+]?[\d.,\s']*\d)\s*([^\d\s].*?)?\s*$")
# A unit in a header: as a word of its own, where an underscore also separates words
# (``weight_kg``, ``NET_MASS_MT``), or in brackets ("Weight (t)", "淨重(公噸)", "Вес, кг").
_EDGE_L, _EDGE_R = r"(?<![^\W_])", r"(?![^\W_])"
_HEADER_UNIT = re.compile(
    r"(公斤|千克|公噸|公吨|噸|吨|" + _EDGE_L + r"(?:kgs?|kgm|kilos?|kilogram(?:me)?s?|kilogramos|"
    r"metric\s+tons?|metric\s+tonnes?|mts?|tm|tne|tonnes?|tons?|toneladas|lbs?|lbr|pounds?|"
    r"libras|кг|тонн[аы]?|тн|т|t)" + _EDGE_R + r")", re.IGNORECASE)


def unit_from_header(header: str) -> str | None:
    """The weight unit a header names: 'Gross Weight (t)' -> 't', '毛重(公斤)' -> 'kg'."""
    if not header:
        return None
    m = _HEADER_UNIT.search(str(header))
    if not m:
        return None
    unit = " ".join(m[1].lower().strip("()[]").split())
    factor = UNITS_KG.get(unit)
    return {1.0: "kg", 1000.0: "t", 0.45359237: "lb"}.get(factor)


def _number(text: str, decimal_comma: bool = False) -> float:
    t = text.replace(" ", "").replace("'", "")
    if decimal_comma:
        return float(t.replace(".", "").replace(",", "."))
    if "," in t and "." in t:
        if t.rfind(",") > t.rfind("."):  # European 12.500,5
            t = t.replace(".", "").replace(",", ".")
        else:
            t = t.replace(",", "")
    elif "," in t:
        parts = t.split(",")
        if len(parts) == 2 and len(parts[1]) != 3:  # 12,5 -> decimal comma
            t = t.replace(",", ".")
        else:
            t = t.replace(",", "")
    elif t.count(".") > 1:  # 12.500.000
        t = t.replace(".", "")
    return float(t)


def parse_weight_kg(value, default_unit: str | None = "kg", *,
                    decimal_comma: bool = False, dot_unsure: bool = False) -> float | None:
    """Kilograms from a cell; ``decimal_comma`` when the file writes 12,5 for twelve and a half
    (then 14,019 t is 14.019 t, not 14,019 t). ``dot_unsure`` when nothing in the file tells
    a decimal point from dots for thousands: then "12.500 kg" (12.5 kg, or 12,500 kg as a
    decimal-comma system writes it) is refused as ambiguous, never stored as either."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a weight: {value!r}")
    factor = UNITS_KG[(default_unit or "kg").lower()]
    if isinstance(value, (int, float)):
        kg = float(value) * factor
    else:
        kg = _parse_text(" ".join(str(value).split()), factor, decimal_comma, dot_unsure)
        if kg is None:
            return None
    if kg < 0:
        raise ValueError(f"negative weight {value!s}")
    return kg


_THOUSANDS_OR_DECIMALS = re.compile(r"[+]?[1-9]\d{0,2}\.\d{3}")  # 12.500: 12.5 or 12,500?


@lru_cache(maxsize=65536)
def _parse_text(text: str, factor: float, decimal_comma: bool = False,
                dot_unsure: bool = False) -> float | None:
    if not text or text in ("-", "—"):
        return None
    m = _VALUE.match(text)
    if not m:
        raise ValueError(f"not a weight: {text!r}")
    unit = (m[2] or "").strip().lower().rstrip(".")
    if unit:
        if unit not in UNITS_KG:
            raise ValueError(f"unknown weight unit {m[2].strip()!r}")
        factor = UNITS_KG[unit]
    if dot_unsure and factor < 1000 and _THOUSANDS_OR_DECIMALS.fullmatch(m[1].strip()):
        # In tonnes 18.250 is 18,250 kg; in kg or lb, 12.500 is a parcel or a container.
        raise ValueError(f"ambiguous weight {text!r}: the dot may separate thousands or "
                         'decimals (an import spec\'s "decimal": "comma" or "point" says which)')
    try:
        return _number(m[1], decimal_comma) * factor
    except ValueError:
        raise ValueError(f"not a weight: {text!r}") from None


_DECIMAL_COMMA = re.compile(r"(?<![\d,.])\d+,(\d{1,2}|\d{4,})(?![\d,.])")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(,\d{3})+\.\d")
_THOUSANDS_DOT = re.compile(r"(?<![\d,.])\d{1,3}(\.\d{3})+,\d")  # 21.540,500 (Brazil, Europe)


_DECIMAL_POINT = re.compile(r"^\s*[+-]?\d+\.(\d{1,2}|\d{4,})(\s*[^\d\s,.].*)?$")


def uses_decimal_point(values) -> bool:
    """Whether a column's own values show a decimal point ("4956.28", "12.5 t", "0.1234"):
    then it keeps its point in a file whose other columns write decimal commas."""
    return any(v.__class__ is str and _DECIMAL_POINT.match(v) for v in values)


def uses_decimal_comma(values) -> bool:
    """Whether a file's numbers use a decimal comma: some value shows it unambiguously
    ("12,5", "9,7277", or after dots for thousands: "21.540,500") and none shows comma
    thousands with a decimal point ("12,500.5"). Then "24.800" in the file is 24,800."""
    evidence = False
    for v in values:
        if not isinstance(v, str):
            continue
        if _THOUSANDS_COMMA.search(v):
            return False
        if not evidence and (_DECIMAL_COMMA.search(v) or _THOUSANDS_DOT.search(v)):
            evidence = True
    return evidence


# Currencies a value's header names: "Valor FOB (US$)", "Value USD", "美元总价", "新臺幣".
_CURRENCY = [
    (re.compile(r"(?<![a-z])(usd|us\$|u\.s\.\$|dólares|dolares|доллар)|美元|美金", re.I), "USD"),
    (re.compile(r"(?<![a-z])(eur|euros?)(?![a-z])|€", re.I), "EUR"),
    (re.compile(r"(?<![a-z])gbp(?![a-z])|£|sterling", re.I), "GBP"),
    (re.compile(r"(?<![a-z])(twd|ntd|nt\$)(?![a-z])|新臺幣|新台幣|台幣", re.I), "TWD"),
    (re.compile(r"(?<![a-z])(cny|rmb)(?![a-z])|人民币|人民幣", re.I), "CNY"),
    (re.compile(r"(?<![a-z])(rub)(?![a-z])|руб", re.I), "RUB"),
    (re.compile(r"(?<![a-z])(kzt)(?![a-z])|тенге", re.I), "KZT"),
    (re.compile(r"(?<![a-z])(vnd)(?![a-z])|đồng", re.I), "VND"),
    (re.compile(r"(?<![a-z])(brl)(?![a-z])|r\$", re.I), "BRL"),
    (re.compile(r"(?<![a-z])(myr|ringgit)(?![a-z])", re.I), "MYR"),
    (re.compile(r"(?<![a-z])(jpy)(?![a-z])|円|日圓", re.I), "JPY"),
    (re.compile(r"(?<![a-z])(pen|soles)(?![a-z])", re.I), "PEN"),
    (re.compile(r"(?<![a-z])(inr|rupees?|rs)(?![a-z])|₹", re.I), "INR"),
    (re.compile(r"(?<![a-z])(thb|baht)(?![a-z])|บาท", re.I), "THB"),
    (re.compile(r"(?<![a-z])(mxn|m\.n\.)|pesos mexicanos", re.I), "MXN"),
]


def currency_from_header(header: str) -> str | None:
    """The ISO 4217 currency a value column's header names, or None."""
    text = str(header or "")
    for pattern, code in _CURRENCY:
        if pattern.search(text):
            return code
    return None
