"""Why an import refused a row or kept a value as written, in the reader's language.

A reason reads in English wherever it is a string: the command line, the logs, the report's
JSON and the database (``import_warning.reason``) keep the English words they always had. A
``Reason`` is such a string that also keeps its key and values (casedb.importing.reason_table),
made where the importer words a reason; nothing else is worded until it is read, and an unknown
value's "did you mean" (casedb.normalize.messages) is looked for once per distinct value as
before. ``text(reason, lang)`` says it in ``lang``: from its key and values, or, for a reason
that is only English text (one stored in the database, one a normaliser raised as a plain
ValueError), from the English template it matches; a text no template matches is shown as it
is. So reasons stored before this module existed read in Chinese too, with no migration."""

from __future__ import annotations

import re
import string
from functools import cache, lru_cache

from ..normalize.messages import Unknown, UnknownValue
from .field_labels import LABELS, field_label
from .reason_table import NESTED, PATTERNS, REASONS, WORDS_ZH

LANGUAGES = ("en", "zh-TW")
SEPARATOR = {"en": "; ", "zh-TW": "；"}
DISAGREE = "two sources disagree"  # a discrepancy's reason (casedb.importing.review)


class Reason(str):
    """An English reason that keeps its key and values (``Reason.of``)."""

    __slots__ = ("key", "values")

    @classmethod
    def of(cls, key: str, **values) -> Reason:
        made = cls(_render(key, "en", values))
        made.key, made.values = key, values
        return made

    def __reduce__(self):  # across processes: a chunk's warnings go from reader to writer
        return _rebuilt, (str(self), getattr(self, "key", None), getattr(self, "values", None))


def _rebuilt(english: str, key, values) -> str:
    return Reason.of(key, **values) if key in REASONS else english


def reason_of(exc: ValueError) -> str:
    """The reason a value's ValueError gives: a ``Reason`` for an unknown value (its "did you
    mean" looked for now, once per value, as ``str(exc)`` always did), else the exception's
    English text."""
    if isinstance(exc, UnknownValue):
        return _unknown_reason(exc.unknown)
    return str(exc)


@lru_cache(maxsize=4096)
def _unknown_reason(unknown: Unknown) -> Reason:
    key, values = unknown.parts()
    return Reason.of(key, **values)


def text(reason, lang: str = "en") -> str:
    """``reason`` (a ``Reason`` or English text) in ``lang``; English text as it is."""
    if reason is None:
        return ""
    if lang == "en" or lang not in LANGUAGES:
        return str(reason)
    key = getattr(reason, "key", None)
    if key in REASONS:
        return _render(key, lang, reason.values)
    return _stored(str(reason), lang)


@lru_cache(maxsize=8192)
def _stored(english: str, lang: str) -> str:
    found = parse(english)
    return english if found is None else _render(found[0], lang, found[1])


def parse(english: str) -> tuple[str, dict] | None:
    """(key, values) of the template an English reason matches, or None."""
    for key, pattern in _patterns():
        m = pattern.match(english)
        if m:
            return key, m.groupdict()
    return None


def column_text(column: str | None, lang: str = "en") -> str:
    """A refusal's column in ``lang``: a sheet's header stays as written; a canonical field or
    the importer's own word for a column with no header ("weight") is put in words."""
    if column is None:
        return ""
    if lang != "zh-TW":
        return column
    if column in LABELS:
        return field_label(column, lang)
    m = re.fullmatch(r"column (\d+)", column)
    if m:
        return f"第 {m[1]} 欄"
    return WORDS_ZH.get(column, column)


def file_text(outcome, lang: str = "en") -> str:
    """Why nothing of a file was written (a casedb.importing.batch.FileOutcome), in ``lang``:
    its questions one by one when it has them (the English joins them with "; ")."""
    asked = getattr(outcome, "questions", ())
    if not asked or lang == "en":
        return text(outcome.reason, lang)
    return SEPARATOR[lang].join(text(q.reason, lang) for q in asked[:4])


@cache
def word(value: str, lang: str = "en") -> str:
    """A finding's status ("kept as written", "open", ...) in ``lang``."""
    return WORDS_ZH.get(value, value) if lang == "zh-TW" else value


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for key, texts in REASONS.items():
        parts = []
        for literal, name, _spec, _conv in string.Formatter().parse(texts["en"]):
            parts.append(re.escape(literal))
            if name:
                parts.append(f"(?P<{name}>{PATTERNS.get(name, '.+?')})")
        out.append((key, re.compile("".join(parts) + r"\Z", re.DOTALL)))
    return out


def _render(key: str, lang: str, values: dict) -> str:
    template = REASONS[key].get(lang) or REASONS[key]["en"]
    if lang == "en":
        return template.format(**values)
    return template.format(**{name: _value(name, v, lang) for name, v in values.items()})


def _value(name: str, value, lang: str):
    if name in NESTED:
        return text(value, lang)
    if name == "suggestion":
        return _suggestion(str(value), lang)
    if name == "what":
        return _field_words(str(value), lang)
    if name == "ext":  # a file's kind, as a code: 不是有效的 XLSX 檔案
        return str(value).upper()
    if name in ("kind", "hint", "says"):
        return WORDS_ZH.get(value, value)
    return value


def _suggestion(value: str, lang: str) -> str:
    """A country's or a port's name as 'did you mean' gives it, in ``lang``: "Malaysia" ->
    馬來西亞, "Port Klang (MYPKG)" -> 巴生港（MYPKG）."""
    from ..normalize import country_iso3
    from ..normalize.countries import country_name
    from ..normalize.ports import port_name

    m = re.fullmatch(r"(.+) \(([A-Z]{2}[A-Z0-9]{3})\)", value)
    if m:
        return f"{port_name(m[2], lang)}（{m[2]}）"
    try:
        iso3 = country_iso3(value)
    except ValueError:
        return value
    return country_name(iso3, lang) if iso3 else value


def _field_words(what: str, lang: str) -> str:
    """The field a question names ("gross weight", "declaration no") in words."""
    name = what.replace(" ", "_")
    for candidate in (name, f"{name}_kg"):
        if candidate in LABELS:
            return field_label(candidate, lang)
    return what
