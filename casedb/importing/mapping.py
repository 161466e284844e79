"""Automatic mapping of spreadsheet headers to canonical fields, each with a confidence."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from ..normalize.weights import unit_from_header
from .fields import FIELDS, Kind
from .synonyms import SYNONYMS

_BRACKETS = re.compile(r"[(\[（【].*?[)\]）】]")
_UNITS = re.compile(r"\b(kgs?|kilos?|mt|tonnes?|tons?|lbs?|usd|twd|ntd|eur)\b|公斤|公噸|公吨|千克")
_PUNCT = re.compile(r"[^\w\s]")
FUZZY_MIN = 86


@dataclass(frozen=True)
class ColumnMapping:
    column: int
    header: str
    field: str | None
    confidence: float
    unit: str | None = None


def normalise_header(header: str) -> str:
    text = unicodedata.normalize("NFKC", str(header or "")).lower()
    text = _BRACKETS.sub(" ", text)
    text = _UNITS.sub(" ", text)
    text = _PUNCT.sub(" ", text).replace("_", " ")
    text = re.sub(r"\b(s)\b", " ", text)  # "No(s)." leaves a stray s
    return " ".join(text.split())


@cache
def _index() -> tuple[dict[str, str], dict[str, str], dict[str, str], list[str]]:
    """Synonyms as written, normalised, and normalised without spaces -> canonical field."""
    exact: dict[str, str] = {}
    normal: dict[str, str] = {}
    for name, words in SYNONYMS.items():
        for w in words:
            exact.setdefault(w.lower(), name)
            normal.setdefault(normalise_header(w), name)
    normal.pop("", None)
    compact: dict[str, str] = {}
    for k, name in normal.items():
        compact.setdefault(k.replace(" ", ""), name)
    return exact, normal, compact, list(normal)


def match_header(header: str) -> tuple[str | None, float]:
    exact, normal, compact_names, choices = _index()
    raw = " ".join(str(header or "").split()).lower()
    if not raw:
        return None, 0.0
    if raw in exact:
        return exact[raw], 1.0
    key = normalise_header(raw)
    if not key:
        return None, 0.0
    if key in normal:
        return normal[key], 0.9
    compact = compact_names.get(key.replace(" ", ""))
    if compact is not None:
        return compact, 0.85
    # No synonym holds a digit: a key of digits and punctuation (a date, a weight, a code in a
    # data row scanned for the header) cannot reach FUZZY_MIN, and the fuzzy search is the
    # dearest part (half a millisecond a cell).
    if len(key) < 3 or not any(map(str.isalpha, key)):
        return None, 0.0
    hit = process.extractOne(key, choices, scorer=fuzz.token_set_ratio, score_cutoff=FUZZY_MIN)
    if hit is None:
        return None, 0.0
    choice, score, _ = hit
    return normal[choice], round(0.5 + (score - FUZZY_MIN) / (100 - FUZZY_MIN) * 0.3, 2)


def auto_map(headers: list[str]) -> list[ColumnMapping]:
    found = []
    for i, h in enumerate(headers):
        name, conf = match_header(h)
        if name == "gross_weight_kg" and normalise_header(h) in ("weight", "重量"):
            conf = min(conf, 0.7)  # a plain "Weight" is probably gross, not certainly
        unit = unit_from_header(h) if name and FIELDS[name].kind is Kind.WEIGHT else None
        found.append(ColumnMapping(i, str(h or ""), name, conf, unit))
    best: dict[str, ColumnMapping] = {}
    for m in found:
        if m.field and (m.field not in best or m.confidence > best[m.field].confidence):
            best[m.field] = m
    return [m if m.field is None or best[m.field] is m
            else ColumnMapping(m.column, m.header, None, 0.0, None) for m in found]
