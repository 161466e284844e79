"""Cells of trade statistics as offices write them: headers, numbers, commodity codes, flow
words, periods (2018, 201801, 201852 for a year, "January 2018", "107年1月"), units and
currencies named in headers."""

from __future__ import annotations

import re

import polars as pl

from ..normalize.weights import unit_from_header

MONTHS = {name: i + 1 for i, names in enumerate(
    [("january", "jan", "janvier"), ("february", "feb", "fevrier"), ("march", "mar"),
     ("april", "apr"), ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")]) for name in names}
ANNUAL_MONTHS = {0, 52, 99}  # Comext's 201852, Comtrade's refMonth 52 or 99: the whole year
FLOW_WORDS = {
    "import": "import", "imports": "import", "m": "import", "imp": "import", "進口": "import",
    "进口": "import", "arrivals": "import", "eu imports": "import", "non-eu imports": "import",
    "eu arrivals": "import", "general imports": "import", "import (general)": "import",
    "export": "export", "exports": "export", "x": "export", "exp": "export", "出口": "export",
    "dispatches": "export", "eu exports": "export", "non-eu exports": "export",
    "eu dispatches": "export", "total exports": "export",
    # parts of a total flow, or flows outside it: left out (counted in the report)
    "re-export": "skip", "re-exports": "skip", "rx": "skip", "re-import": "skip",
    "re-imports": "skip", "rm": "skip", "復出口": "skip", "復進口": "skip", "复出口": "skip",
    "复进口": "skip", "mip": "skip", "xip": "skip", "mop": "skip", "xop": "skip", "dx": "skip",
    "fm": "skip", "domestic exports": "skip", "foreign exports": "skip",
    # Taiwan's portal: total exports include re-exports, total imports re-imports
    "出口總值(含復出口)": "export", "進口總值(含復進口)": "import", "出口總值": "export",
    "進口總值": "import", "出口總值（含復出口）": "export", "進口總值（含復進口）": "import",
    "國貨出口": "skip", "國貨出口值": "skip",
    "imports for consumption": "import",
}
# Currencies a header names: as a word of its own (VALUE_IN_EUROS, "Value (US$)"), or a sign
CURRENCY_WORDS = (("新臺幣", "TWD"), ("新台幣", "TWD"), ("美元", "USD"), ("人民幣", "CNY"),
                  ("日圓", "JPY"), ("€", "EUR"), ("£", "GBP"), ("us$", "USD"), ("$us", "USD"),
                  ("nt$", "TWD"))
CURRENCY_CODES = re.compile(r"(?<![a-z])(usd|eur|euros?|gbp|sterling|twd|ntd|jpy|cny|rmb)"
                            r"(?![a-z])")
CODE_CURRENCY = {"usd": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR", "gbp": "GBP",
                 "sterling": "GBP", "twd": "TWD", "ntd": "TWD", "jpy": "JPY", "cny": "CNY",
                 "rmb": "CNY"}
MASS_FACTORS = {"kg": 1.0, "t": 1000.0, "lb": 0.45359237, "short_ton": 907.18474, "g": 0.001,
                "100kg": 100.0}


def key(header: str) -> str:
    """A header reduced to letters and digits, lower case: 'Netweight (kg)' -> 'netweightkg'."""
    return re.sub(r"[\W_]+", "", str(header).lower())


def fold(text) -> str:
    return " ".join(str(text).split()).lower()


def number(column: str) -> pl.Expr:
    """A numeric cell: 1,234,567.8 or 1 234 567 or 1234,5; '-', 'NA', '..', 'c' are empty."""
    s = pl.col(column).str.replace_all(r"[\s'\u00a0\u202f]", "")
    thousands = s.str.contains(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")
    decimal_comma = s.str.contains(r"^[-+]?\d+,\d+$")
    s = (pl.when(thousands).then(s.str.replace_all(",", ""))
         .when(decimal_comma).then(s.str.replace(",", "."))
         .otherwise(s))
    return s.cast(pl.Float64, strict=False)


def code(column: str, keep_odd: bool = False) -> pl.Expr:
    """A commodity code's digits ('3915.10.00' -> '39151000', '391590 Plastics waste...' ->
    '391590'); a code read as a number that lost its leading zero gets it back (HS and CN
    codes have an even number of digits; Taiwan's 11-digit CCC code keeps its odd length)."""
    digits = (pl.col(column).str.extract(r"^\s*(\d[\d .\-]*)", 1)
              .str.replace_all(r"[^0-9]", ""))
    odd = digits.str.len_chars() % 2 == 1
    if keep_odd:
        odd = odd & (digits.str.len_chars() != 11)
    return (pl.when(odd).then("0" + digits).otherwise(digits)).str.slice(0, 16)


def _year(text: str) -> int | None:
    y = int(text)
    if y < 1911 and len(text) <= 3:
        y += 1911  # Republic of China year (民國): 107 = 2018
    return y if 1900 <= y <= 2100 else None


_PATTERNS = (
    (re.compile(r"^(\d{4})(?:\.0)?$"), "y"),
    (re.compile(r"^(\d{4})-(\d{2})-01(?:[t ]00:00(?::00)?)?$"), "ym"),  # a month as a date
    (re.compile(r"^(\d{4})(\d{2})$"), "ym"),
    (re.compile(r"^(\d{4})\s*[-/.]?\s*m?\s*(\d{1,2})$"), "ym"),
    (re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{4})$"), "my"),
    (re.compile(r"^(\d{2,4})\s*年\s*(?:(\d{1,2})\s*月)?$"), "ym"),
    (re.compile(r"^(\d{2,3})\s*[-/.]\s*(\d{1,2})$"), "ym"),
    (re.compile(r"^([a-z]+)\.?[\s\-/,]*(\d{4})$"), "ny"),
    (re.compile(r"^(\d{4})[\s\-/,]*([a-z]+)$"), "yn"),
)
_TO_DATE = re.compile(r"^(\d{2,4})\s*(?:年)?\s*(?:ytd|year to date|through|thru|to|"
                      r"jan(?:uary)?\s*[-–]|1\s*[-–~]\s*\d{1,2}\s*月)", re.IGNORECASE)


def period(text) -> tuple[int, int | None, bool] | None:
    """(year, month or None for a whole year, whether a year covers only part of it)."""
    if text is None:
        return None
    t = fold(text)
    for rx, kind in _PATTERNS:
        m = rx.match(t)
        if m:
            return _period(kind, m.group(1), m.group(2) if rx.groups > 1 else None)
    m = _TO_DATE.match(t)
    if m:
        y = _year(m.group(1))
        return (y, None, True) if y else None
    return None


def _period(kind: str, a: str, b: str | None) -> tuple[int, int | None, bool] | None:
    if kind == "y":
        y = _year(a)
        return (y, None, False) if y else None
    if kind in ("ny", "yn"):
        name, y = (a, b) if kind == "ny" else (b, a)
        month = MONTHS.get(name)
        year = _year(y)
        return (year, month, False) if month and year else None
    y, mo = (a, b) if kind == "ym" else (b, a)
    year = _year(y)
    if year is None:
        return None
    if mo is None:
        return year, None, False
    month = int(mo)
    if month in ANNUAL_MONTHS:
        return year, None, False
    return (year, month, False) if 1 <= month <= 12 else None


NOT_A_MONTH = -1


def month(text) -> int | None:
    """A month column's cell: 1-12, a month's name; None for the whole year (52, 99, empty);
    NOT_A_MONTH otherwise."""
    t = fold(text or "")
    if not t or t.isdigit() and int(t) in ANNUAL_MONTHS:
        return None
    if t.isdigit():
        return int(t) if 1 <= int(t) <= 12 else NOT_A_MONTH
    return MONTHS.get(t.rstrip("."), NOT_A_MONTH)


def currency_in(header: str) -> str | None:
    low = str(header).lower()
    found = next((cur for word, cur in CURRENCY_WORDS if word in low.replace(" ", "")), None)
    m = CURRENCY_CODES.search(low)
    return found or (CODE_CURRENCY[m.group(1)] if m else None)


def scale_in(header: str) -> float:
    low = str(header).lower()
    if "千元" in low or "thousand" in low or re.search(r"\b1[,.]?000\b|'000|\(000\)", low):
        return 1000.0
    if "百萬" in low or "million" in low:
        return 1_000_000.0
    return 1.0


def mass_unit_in(header: str) -> str | None:
    if "100kg" in key(header):
        return "100kg"  # Eurostat's QUANTITY_IN_100KG
    if re.search(r"公斤|kgm|(?<![a-z0-9])kg", str(header).lower()):
        return "kg"
    return unit_from_header(header)
