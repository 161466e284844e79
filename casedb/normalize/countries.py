"""Countries as ISO 3166 alpha-3 codes, from names and codes as customs systems write them.

Accepted: ISO alpha-2, alpha-3 and numeric codes (and a few others offices use: UK, EL, Comtrade's
842); English names in any word order and with the usual abbreviations ("KOREA, REPUBLIC OF",
"Congo (Dem. Rep)", "Trinidad:Tobago", "Serbia-Monteneg."); a name with its code ("BRAZIL (BR)",
"IN, INDIA"), the two agreeing; the names pycountry's translations give in the languages of the
main trading partners, and the common ones they lack (country_names.py). A name is looked up as
written first, then as a bag of words, so word order and "of", "the", "and" do not matter; a bag
of words two countries share is left out rather than guessed. No fuzzy match is ever accepted: a
close name is only suggested in the error.
"""

from __future__ import annotations

import gettext
import logging
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice, product, takewhile

import pycountry

from .country_names import (
    ALIASES,
    CODE_EXTRAS,
    EXACT_ONLY,
    HISTORIC_NAMES,
    INTL_ALIASES,
    NUMERIC_EXTRAS,
    ZH_TW_NAMES,
)
from .messages import Unknown, refusal, shown, unknown

log = logging.getLogger(__name__)

SHORT_NAMES = {"TWN": "Taiwan", "KOR": "South Korea", "PRK": "North Korea", "RUS": "Russia",
               "IRN": "Iran", "VNM": "Viet Nam", "GBR": "United Kingdom", "USA": "United States",
               "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "SYR": "Syria",
               "LAO": "Laos", "MDA": "Moldova", "EU": "European Union", "TUR": "Türkiye",
               "HKG": "Hong Kong", "MAC": "Macao", "CZE": "Czechia", **HISTORIC_NAMES}
# pycountry translations read for names (the languages of the declarations investigators get)
LANGUAGES = ("es", "pt", "pt_BR", "fr", "de", "it", "nl", "ru", "uk", "kk", "zh_CN", "zh_TW",
             "zh_HK", "ja", "ko", "vi", "id", "ms", "th", "tr")
SUGGESTED_LANGUAGES = ("es", "pt", "ru")  # whose names a typo is compared with
LONGEST = 100  # characters: anything longer is not a country name
STOP = frozenset("of the and republic de da do das dos del la las los el y e et und и".split())
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "dem": "democratic", "rep": "republic",
                 "fed": "federated", "sts": "states", "is": "islands", "isl": "islands",
                 "isls": "islands", "utd": "united", "untd": "united"}
_APOSTROPHES = re.compile(r"['’`´]")
_NONWORD = re.compile(r"[\W_]+")
_ASCII_LETTERS = re.compile(r"^[A-Za-z]{2,3}$")
_CODE = r"(?P<code>[A-Za-z]{2,3}|\d{1,3})"
_SEP = r"(?:\s*[,;:/|\-–—]\s*|\s+)"
_WITH_CODE = (re.compile(rf"^(?P<name>.+?)\s*[(\[]\s*{_CODE}\s*[)\]]$"),  # BRAZIL (BR)
              re.compile(rf"^{_CODE}{_SEP}(?P<name>.+)$"),  # IN, INDIA
              re.compile(rf"^(?P<name>.+?){_SEP}{_CODE}$"))  # INDIA - IN
_ALSO_NAMED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<other>[^()]+)\)$")  # Myanmar (Burma)


def country_iso3(value) -> str | None:
    """The ISO 3166 alpha-3 code of a country cell (None when blank); ValueError naming the value,
    with the closest known name, when it is not a country."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"unknown country {value!r}")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"unknown country {value!r}")
        value = int(value)
    text = " ".join(str(value).split())
    if not text:
        return None
    code, error = _resolve(text)
    if error:
        raise refusal(error)
    return code


def fold(text: str) -> str:
    """Lower case, accents dropped, punctuation to spaces, runs of single letters joined:
    "U.S.A." -> "usa", "Côte d'Ivoire" -> "cote divoire", "ТУРЦИЯ" -> "турция"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = _NONWORD.sub(" ", _APOSTROPHES.sub("", text).replace("&", " and ")).split()
    out: list[str] = []
    after_letter = False
    for word in words:
        if len(word) == 1 and after_letter:
            out[-1] += word
        else:
            out.append(word)
        after_letter = len(word) == 1
    return " ".join(out)


def bag(key: str) -> frozenset[str]:
    """The words of a folded name that identify it, abbreviations spelled out."""
    words = (ABBREVIATIONS.get(w, w) for w in key.split())
    return frozenset(w for w in words if w not in STOP)


@dataclass(frozen=True)
class _Index:
    exact: dict[str, str | None]  # folded name -> ISO3 (None: two countries share it)
    bags: dict[frozenset, str | None]
    vocabulary: frozenset[str]
    words: tuple[str, ...]  # the vocabulary, sorted: the words a cut-short word starts
    suggestions: dict[str, str]  # folded name -> display name


@cache
def _index() -> _Index:
    exact: dict[str, tuple] = {}
    bags: dict[frozenset, tuple] = {}
    suggestions: dict[str, str] = {}

    def put(name: str, iso3: str, tier: int, suggest: bool = False) -> None:
        key = fold(name)
        if not key:
            return
        _put(exact, key, iso3, tier)
        if words := bag(key):
            _put(bags, words, iso3, tier)
        if suggest and len(key) > 3:
            suggestions.setdefault(key, country_name(iso3))

    for name, iso3 in (ALIASES | INTL_ALIASES).items():
        put(name, iso3, 0, suggest=True)
    for name, iso3 in EXACT_ONLY.items():
        _put(exact, fold(name), iso3, 0)
    for tier, (lang, names) in enumerate(_names_by_language(), start=1):
        for name, iso3 in names:
            put(name, iso3, min(tier, 3), suggest=lang in ("en", *SUGGESTED_LANGUAGES))
    vocabulary = frozenset(w for words in bags for w in words)
    return _Index({k: v[0] for k, v in exact.items()}, {k: v[0] for k, v in bags.items()},
                  vocabulary, tuple(sorted(vocabulary)), suggestions)


def _put(table: dict, key, iso3: str, tier: int) -> None:
    """Keep the first tier's answer; two answers of one tier make the key ambiguous."""
    old = table.get(key)
    if old is None:
        table[key] = (iso3, tier)
    elif old[0] != iso3 and old[1] == tier:
        table[key] = (None, tier)


def _names_by_language() -> list[tuple[str, list[tuple[str, str]]]]:
    """ISO names in English, then the short English names before a comma ("Iran" from "Iran,
    Islamic Republic of"), then the translations: each a tier of the index."""
    english, short = [], []
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")}:
            if name:
                english.append((name, c.alpha_3))
                if "," in name:
                    short.append((name.split(",")[0], c.alpha_3))
    tiers = [("en", english), ("en-short", short)]
    for lang in LANGUAGES:
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
        except OSError:
            log.warning("no pycountry translation for %s", lang)
            continue
        tiers.append((lang, [(tr(name), iso3) for name, iso3 in english]))
    return tiers


def _suggestions() -> dict[str, str]:
    return _index().suggestions


@lru_cache(maxsize=8192)
def _resolve(text: str) -> tuple[str | None, str | Unknown | None]:
    """(ISO3, None) or (None, the error): errors are cached too, since scoring a column's
    content tries many values that are no country."""
    text = unicodedata.normalize("NFKC", text).strip(" .,;:-")
    if not text or len(text) > LONGEST:
        return None, unknown("country", text)
    found = _by_code(text) or _by_name(text)
    if found:
        return found, None
    for pattern in _WITH_CODE:
        if m := pattern.match(text):
            code, name = _by_code(m["code"]), _by_name(m["name"])
            if code and name and code != name:
                return None, (f"country {shown(text)} names two countries "
                              f"({country_name(name)} and {country_name(code)})")
            if code and code == name:
                return code, None
    if (m := _ALSO_NAMED.match(text)) and (found := _by_name(m["name"])) == _by_name(m["other"]):
        return found, None  # Myanmar (Burma)
    key = fold(text)
    if key in _index().exact or bag(key) in _index().bags:
        return None, unknown("country", text, hint="more than one country has that name")
    return None, Unknown("country", text, key, _suggestions)


def _by_code(text: str) -> str | None:
    upper = text.upper()
    if upper in CODE_EXTRAS:
        return CODE_EXTRAS[upper]
    if text.isdigit() and len(text) <= 3:
        number = str(int(text))
        found = NUMERIC_EXTRAS.get(number) or pycountry.countries.get(numeric=number.zfill(3))
    elif _ASCII_LETTERS.match(text):
        found = (pycountry.countries.get(alpha_2=upper) if len(text) == 2
                 else pycountry.countries.get(alpha_3=upper))
    else:
        return None
    return found if isinstance(found, str) or found is None else found.alpha_3


def _by_name(text: str) -> str | None:
    index = _index()
    key = fold(text)
    if key in index.exact:
        return index.exact[key]
    words = bag(key)
    if words in index.bags:
        return index.bags[words]
    if len(words) > 1 and not words <= index.vocabulary:  # "Serbia-Monteneg.": a word cut short
        return _completed(words, index)
    return None


def _completed(words: frozenset[str], index: _Index) -> str | None:
    """The one country whose name the words make when each word cut short (4 letters or more)
    is completed to a known word, else None."""
    options = [[w] if w in index.vocabulary or len(w) < 4 else _starting(w, index.words)
               for w in words]
    found = set()
    for combination in islice(product(*options), 64):
        found.add(index.bags.get(frozenset(combination)))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _starting(prefix: str, words: tuple[str, ...]) -> list[str]:
    """The sorted ``words`` that start with ``prefix`` (eight at most)."""
    i = bisect_left(words, prefix)
    return list(takewhile(lambda w: w.startswith(prefix), words[i:i + 8]))


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
