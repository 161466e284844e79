"""Countries as ISO 3166 alpha-3 codes, from English or Chinese names, ISO2, ISO3 or numeric."""

from __future__ import annotations

import logging
from functools import lru_cache

import pycountry

from .country_names import ALIASES, ZH_TW_NAMES

log = logging.getLogger(__name__)

SHORT_NAMES = {"TWN": "Taiwan", "KOR": "South Korea", "PRK": "North Korea", "RUS": "Russia",
               "IRN": "Iran", "VNM": "Viet Nam", "GBR": "United Kingdom", "USA": "United States",
               "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "SYR": "Syria",
               "LAO": "Laos", "MDA": "Moldova", "EU": "European Union", "TUR": "Türkiye",
               "HKG": "Hong Kong", "MAC": "Macao", "CZE": "Czechia"}


def country_iso3(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return _lookup(text) if text else None


@lru_cache(maxsize=4096)
def _lookup(text: str) -> str:
    low = text.lower().strip(" .")
    if low in ALIASES:
        return ALIASES[low]
    if text in ALIASES:
        return ALIASES[text]
    if text.isdigit():
        found = pycountry.countries.get(numeric=text.zfill(3))
    elif len(text) == 2 and text.isalpha():
        found = pycountry.countries.get(alpha_2=text.upper())
    elif len(text) == 3 and text.isalpha():
        found = pycountry.countries.get(alpha_3=text.upper())
    else:
        found = _by_name(low)
    if found is None:
        raise ValueError(f"unknown country {text!r}")
    return found.alpha_3


def _by_name(low: str):
    for c in pycountry.countries:
        names = {c.name.lower(), getattr(c, "official_name", "").lower(),
                 getattr(c, "common_name", "").lower()}
        if low in names:
            return c
    if len(low) > 3:
        try:
            return pycountry.countries.search_fuzzy(low)[0]
        except LookupError:
            return None
    return None


@lru_cache(maxsize=1024)
def country_name(iso3: str, lang: str = "en") -> str:
    if lang.lower().startswith("zh") and iso3 in ZH_TW_NAMES:
        return ZH_TW_NAMES[iso3]
    if iso3 in SHORT_NAMES:
        return SHORT_NAMES[iso3]
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return iso3
    return getattr(c, "common_name", None) or c.name


def iso2_to_iso3(code: str) -> str | None:
    c = pycountry.countries.get(alpha_2=code.upper())
    return c.alpha_3 if c else None
