"""How well a column's header names each canonical field: exact synonyms, whole words, and the
words that point elsewhere.

A header scores against every field whose synonyms it holds: the whole header equal to a
synonym (1.0 as written, 0.95 normalised), or a synonym's words all present as whole words
("Shipper Name (Exporter)" holds "shipper name"), or, for Chinese, a synonym inside the header.
Words that say what kind of column it is (CODE, TYPE, DESC, ADDRESS, DATE, UNIT, LOAD...) count
against every field whose own synonyms never use them: "Exporter Code" is no company name,
"HS Code Description" no HS code, "Weight Unit" no weight, "Port of Unloading" no port of
loading. Typos are caught by a strict whole-string comparison, never by a shared word alone
("Freight Amount" is no freight forwarder).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from .synonyms import SYNONYMS

_BRACKET_MARKS = re.compile(r"[(\[（【）】)\]]")
_UNITS = re.compile(r"(?<![^\W_])(kgs?|kgm|kilos?|mts?|tne|tonnes?|tons?|lbs?|usd|us\$|twd|ntd|"
                    r"eur|gbp|rub|brl|cny|rmb|кг|руб)(?![^\W_])|公斤|公噸|公吨|千克|新臺幣|新台幣|美元")
_PUNCT = re.compile(r"[^\w\s]")
_CJK = re.compile(r"[\u3000-\u9fff]")
FUZZY_MIN = 90
# Words that say what a column holds. A header holding one counts against each field none of
# whose synonyms holds it.
HEAD_WORDS = frozenset(
    "code id no number nr nbr num type kind mode unit uom units desc description address addr "
    "date time amount price cost freight duty tax phone tel fax email name weight qty quantity "
    "count packages pkgs load loading discharge unloading lading unlading origin destination "
    "currency status percent rate seal marks country port place city value "
    "código codigo tipo fecha dirección direccion unidad valor país pais puerto peso "
    "код тип дата адрес единица стоимость страна порт вес "
    "net gross neto bruto líquido liquido нетто брутто".split())
CJK_HEADS = ("淨", "净", "毛", "日期", "號碼", "号码", "編號", "编号", "名稱", "名称", "地址", "電話", "电话", "國別",
             "国别", "港", "重", "價", "价", "金額", "金额", "類別", "类别", "單位", "单位", "幣", "币")
# Synonyms that name a field only when no better column does: a plain "Date" or an arrival date
# beside a "Declaration Date" is not a second declaration date (and no ambiguity to ask about).
WEAK = {"date", "fecha", "data", "дата", "日期", "arrival date", "actual arrival date",
        "shipment date", "export date", "import date", "release date", "fecha de embarque",
        "fecha de llegada", "進口日期", "出口日期", "进出口日期"}
WEAK_FACTOR = 0.85
_WEAK_WORDS = {" ".join(sorted(w.split())) for w in WEAK}
HEAD_PENALTY = 0.35  # for the header's last word, its head noun in English
OTHER_HEAD_PENALTY = 0.2  # for another word that points elsewhere


def normalise_header(header: str) -> str:
    """Lower case, units and punctuation removed, bracketed words kept ("Weight (net)" keeps
    "net"), one space between words."""
    text = unicodedata.normalize("NFKC", str(header or "")).lower()
    text = _BRACKET_MARKS.sub(" ", text)
    text = _UNITS.sub(" ", text)
    text = _PUNCT.sub(" ", text).replace("_", " ")
    text = re.sub(r"\b(s)\b", " ", text)  # "No(s)." leaves a stray s
    return " ".join(text.split())


class _Index:
    """The synonyms, indexed for the ways a header can match them."""

    def __init__(self) -> None:
        self.exact: dict[str, str] = {}
        self.normal: dict[str, str] = {}
        self.compact: dict[str, str] = {}
        self.by_word: dict[str, list[tuple[frozenset, int, str]]] = {}
        self.cjk: list[tuple[str, str]] = []
        self.allowed: dict[str, set[str]] = {w: set() for w in (*HEAD_WORDS, *CJK_HEADS)}
        for name, words in SYNONYMS.items():
            for w in words:
                self._add(name, w)
        self.normal.pop("", None)
        self.compact.pop("", None)
        self.by_start: dict[tuple[str, int], list[str]] = {}
        for choice in self.normal:
            self.by_start.setdefault((choice[0], len(choice)), []).append(choice)

    def _add(self, name: str, synonym: str) -> None:
        self.exact.setdefault(synonym.lower(), name)
        key = normalise_header(synonym)
        if not key:
            return
        self.normal.setdefault(key, name)
        self.compact.setdefault(key.replace(" ", ""), name)
        words = key.split()
        for w in words:
            if w in self.allowed:
                self.allowed[w].add(name)
        if _CJK.search(key):
            self.cjk.append((key.replace(" ", ""), name))
            for head in CJK_HEADS:
                if head in key:
                    self.allowed[head].add(name)
        else:
            self.by_word.setdefault(words[0], []).append((frozenset(words), len(words), name))


@cache
def _index() -> _Index:
    return _Index()


def header_scores(header: str) -> dict[str, tuple[float, str]]:
    """Each field the header names, with a score in (0, 1] and the synonym behind it."""
    return dict(_header_scores(str(header or "")))


@lru_cache(maxsize=8192)
def _header_scores(header: str) -> tuple:
    return tuple(_scores(header).items())


def _scores(header: str) -> dict[str, tuple[float, str]]:
    idx = _index()
    raw = " ".join(str(header or "").split()).lower()
    if not raw:
        return {}
    out: dict[str, tuple[float, str]] = {}

    def put(name: str, score: float, why: str) -> None:
        if score > out.get(name, (0.0, ""))[0]:
            out[name] = (round(score, 3), why)

    if raw in idx.exact:
        put(idx.exact[raw], WEAK_FACTOR if raw in WEAK else 1.0, raw)
    key = normalise_header(raw)
    if not key:
        return out
    compact = key.replace(" ", "")
    _whole_header(idx, key, compact, put)
    words = key.split()
    _whole_words(idx, words, put)
    if _CJK.search(compact):
        for synonym, name in idx.cjk:
            if synonym in compact:
                put(name, 0.7 + 0.2 * len(synonym) / len(compact), synonym)
    if not out:
        _typo(idx, key, put)
    return _penalised(idx, out, words, compact)


def _whole_header(idx: _Index, key: str, compact: str, put) -> None:
    if key in idx.normal:
        put(idx.normal[key], 0.95 * (WEAK_FACTOR if key in WEAK else 1.0), key)
    if compact in idx.compact:
        put(idx.compact[compact], 0.9, compact)


def _whole_words(idx: _Index, words: list[str], put) -> None:
    present = frozenset(words)
    last = words[-1]
    for w in present:
        for syn_words, n, name in idx.by_word.get(w, ()):
            if syn_words <= present:
                base = 0.6 if n == 1 else 0.7
                head = 0.05 if last in syn_words else 0.0  # English puts the head noun last
                why = " ".join(sorted(syn_words))
                weak = WEAK_FACTOR if why in _WEAK_WORDS else 1.0
                put(name, min(base + 0.2 * n / len(words) + head, 0.9) * weak, why)


def _typo(idx: _Index, key: str, put) -> None:
    # No synonym holds a digit: a key of digits and punctuation (a date, a weight, a code in a
    # data row scanned for the header) cannot be a typo of one, and the fuzzy search is the
    # dearest part.
    if len(key) < 6 or len(key) > 48 or not any(map(str.isalpha, key)) or _CJK.search(key):
        return  # headers are short; data cells scanned for the header are not typos of one
    # A slip keeps the first letter and about the length: compare with those synonyms only.
    near = [c for n in range(int(len(key) * 0.85), int(len(key) * 1.15) + 2)
            for c in idx.by_start.get((key[0], n), ())]
    hit = process.extractOne(key, near, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    if hit is not None:
        choice, score, _ = hit
        put(idx.normal[choice], 0.5 + (score - FUZZY_MIN) / (100 - FUZZY_MIN) * 0.3,
            f"{choice} (spelt differently)")


def _penalised(idx: _Index, scores: dict, words: list[str], compact: str) -> dict:
    heads = [w for w in words if w in HEAD_WORDS]
    heads += [h for h in CJK_HEADS if h in compact]
    if not heads:
        return scores
    out = {}
    last = words[-1] if words else ""
    for name, (score, why) in scores.items():
        if score < 0.95:
            against = [h for h in heads if name not in idx.allowed[h]]
            if against:
                penalty = HEAD_PENALTY if last in against or not last.isascii() else \
                    OTHER_HEAD_PENALTY
                score = round(score - penalty, 3)
        if score > 0:
            out[name] = (score, why)
    return out


def match_header(header: str) -> tuple[str | None, float]:
    """The field a header names best, and how sure (0 when none)."""
    scores = header_scores(header)
    if not scores:
        return None, 0.0
    name, (score, _) = max(scores.items(), key=lambda kv: kv[1][0])
    return (name, score) if score >= 0.5 else (None, 0.0)
