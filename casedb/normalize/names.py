"""Company names, phones, emails and addresses as comparable keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Legal forms and generic suffixes, longest first; matched as whole words at the end of a name.
LEGAL_FORMS = sorted({
    "company limited", "co ltd", "co limited", "company ltd", "corporation", "corp", "company",
    "co", "incorporated", "inc", "limited", "ltd", "llc", "l l c", "plc", "pte ltd", "pte",
    "pvt ltd", "private limited", "pvt", "private", "sdn bhd", "sdn", "bhd", "berhad", "gmbh",
    "gmbh co kg", "ag", "kg", "sa", "s a", "sarl", "srl", "s r l", "bv", "b v", "nv", "n v",
    "spa", "s p a", "oy", "ab", "a s", "as", "kk", "k k", "jsc", "tbk", "pt tbk", "group",
    "enterprise", "enterprises", "trading", "holdings", "intl", "international",
}, key=len, reverse=True)
CJK_FORMS = ("股份有限公司", "有限責任公司", "有限责任公司", "有限公司", "股份公司", "企業社",
             "企业社", "商行", "株式会社", "公司", "集團", "集团")
_PREFIXES = ("pt ", "cv ", "m s ", "messrs ")
_PUNCT = re.compile(r"[^\w\s]")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


@lru_cache(maxsize=131072)
def name_key(name: str) -> str:
    text = _fold(str(name)).replace("&", " and ")
    text = _DOTTED.sub(lambda m: m[0].replace(".", ""), text)  # a.b.c. -> abc
    cleaned = " ".join(_PUNCT.sub(" ", text).split())
    key = cleaned
    for form in CJK_FORMS:
        if key.endswith(form) and len(key) > len(form):
            key = key[: -len(form)].strip()
            break
    changed = True
    while changed:
        changed = False
        for form in LEGAL_FORMS:
            if key.endswith(" " + form):
                key = key[: -len(form) - 1].strip()
                changed = True
                break
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            key = key[len(prefix):]
    return key or cleaned


def display_name(name: str) -> str:
    return " ".join(str(name).split())


CALLING_CODES = {
    "TWN": "886", "MYS": "60", "CHN": "86", "HKG": "852", "MAC": "853", "VNM": "84", "THA": "66",
    "IDN": "62", "PHL": "63", "SGP": "65", "JPN": "81", "KOR": "82", "IND": "91", "PAK": "92",
    "BGD": "880", "LKA": "94", "TUR": "90", "GBR": "44", "USA": "1", "CAN": "1", "DEU": "49",
    "NLD": "31", "BEL": "32", "FRA": "33", "ITA": "39", "ESP": "34", "POL": "48", "AUS": "61",
    "NZL": "64", "ARE": "971", "SAU": "966", "MMR": "95", "KHM": "855", "LAO": "856",
    "RUS": "7", "MEX": "52", "BRA": "55", "ZAF": "27", "NGA": "234", "GHA": "233", "EGY": "20",
}
_KNOWN = sorted(set(CALLING_CODES.values()), key=len, reverse=True)


@lru_cache(maxsize=65536)
def _phone(text: str, country: str | None) -> str:
    t = text.strip()
    t = re.sub(r"(?i)\s*(ext|x|分機|#)\.?\s*\d+$", "", t)
    plus = t.startswith("+") or t.startswith("00")
    digits = re.sub(r"\D", "", t)
    if t.startswith("00"):
        digits = digits[2:]
    if len(digits) < 6:
        raise ValueError(f"not a phone number: {text!r}")
    if plus:
        return "+" + digits
    code = CALLING_CODES.get(country or "")
    if digits.startswith("0") and code:
        return "+" + code + digits.lstrip("0")
    if code and digits.startswith(code) and len(digits) > len(code) + 7:
        return "+" + digits
    for known in _KNOWN:  # written with a country code but no plus: 886-7-1234567
        if digits.startswith(known) and len(digits) >= len(known) + 7 and not code:
            return "+" + digits
    return ("+" + code + digits) if code else digits


def normalize_phone(value, default_country_iso3: str | None = None) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return _phone(text, default_country_iso3) if text else None


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(value) -> str | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    if not text:
        return None
    text = text.removeprefix("mailto:")
    if not _EMAIL.match(text):
        raise ValueError(f"not an email address: {value!r}")
    return text


ADDRESS_WORDS = {
    "street": "st", "str": "st", "road": "rd", "avenue": "ave", "jalan": "jln", "building": "bldg",
    "floor": "fl", "flr": "fl", "number": "no", "taman": "tmn", "lorong": "lrg",
    "industrial": "ind", "estate": "est", "section": "sec", "district": "dist", "lane": "ln",
    "alley": "aly", "suite": "ste", "room": "rm", "unit": "unit", "boulevard": "blvd",
}


@lru_cache(maxsize=65536)
def address_key(value: str) -> str | None:
    if value is None:
        return None
    text = _fold(str(value))
    words = _PUNCT.sub(" ", text).split()
    key = " ".join(ADDRESS_WORDS.get(w, w) for w in words)
    return key or None
