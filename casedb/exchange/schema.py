"""The case bundle format, version 2: its fields and how each is checked (docs/bundle.md
describes it; casedb.exchange.validate checks a whole bundle with them)."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import pycountry

from ..errors import CaseDbError
from ..models import (
    CASE_STATUSES,
    DIRECTIONS,
    IDENTIFIER_KINDS,
    RECORD_KINDS,
    Case,
    Declaration,
    DeclarationContainer,
    DeclarationItem,
    Party,
    PartyIdentifier,
    Seizure,
    SourceFile,
)
from ..normalize import country_iso3

FORMAT = "wasteintel-case-bundle"
VERSION = 2
READABLE_VERSIONS = (1, 2)
TEXT_MAX = 20_000  # a Text column (no limit in the database): summaries, descriptions
NOTE_MAX = 100_000
MAX_ITEMS = {"parties": 10_000, "declarations": 100_000, "notes": 10_000, "tags": 100,
             "containers": 1_000, "variants": 100, "identifiers": 100, "removed": 10_000,
             "items": 1_000, "grades": 20_000}
KG_MAX = 1e9  # a million tonnes: more than any one ship carries
VALUE_MAX = 1e13
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
DECLARATION_FIELDS = (
    "authority", "declaration_no", "record_kind", "declaration_date", "direction", "hs_code",
    "goods_description", "gross_weight_kg", "net_weight_kg", "declared_value", "currency",
    "permit_no", "bl_no", "vessel_name", "vessel_imo", "voyage_no", "port_of_loading",
    "port_of_transshipment", "port_of_discharge", "country_of_origin", "country_of_export",
    "country_of_destination")
ITEM_FIELDS = ("item_no", "hs_code", "goods_description", "gross_weight_kg", "net_weight_kg",
               "declared_value")
SEIZURE_FIELDS = ("seizure_date", "quantity_kg", "waste_category", "basel_code", "offence",
                  "detection_method", "outcome")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]")


class NonFinite(float):
    """``NaN``, ``Infinity`` or ``-Infinity`` as written in a bundle (JSON has no such values):
    kept as a marker so that validation names the field."""

    def __new__(cls, word: str):
        obj = super().__new__(cls, float(word.replace("Infinity", "inf")))
        obj.word = word
        return obj


@dataclass(frozen=True)
class Problem:
    where: str  # JSON path, e.g. $.declarations[2].gross_weight_kg
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str = "text"  # text | number | date
    max_len: int | None = None
    required: bool = False
    multiline: bool = False
    pattern: str | None = None
    choices: tuple[str, ...] | None = None
    limit: float = KG_MAX
    known: str = ""  # country | currency: a code checked against the lists


def _length(model, name: str) -> int:
    return model.__table__.c[name].type.length or TEXT_MAX


def _text(model, name: str, **kw) -> Field:
    return Field(name, max_len=_length(model, name), **kw)


CASE = (
    _text(Case, "case_ref", required=True),
    _text(Case, "title"),
    Field("status", required=True, choices=CASE_STATUSES),
    Field("opened_on", "date"),
    _text(Case, "summary", multiline=True),
)
COUNTRY = {"known": "country"}  # ISO alpha-3, or a code casedb.normalize gives (EU)
CURRENCY_FORMS = ("RMB", "NTD", "NT$", "US$", "HK$", "RM", "S$")  # written so by offices
PORT: dict = {}  # a UN/LOCODE, or the port as the source wrote it when it has none
DECLARATION = (
    _text(Declaration, "authority"),
    _text(Declaration, "declaration_no", required=True),
    Field("record_kind", choices=RECORD_KINDS),
    Field("declaration_date", "date"),
    Field("direction", choices=DIRECTIONS),
    _text(Declaration, "hs_code", pattern=r"\d{2,}"),
    _text(Declaration, "goods_description", multiline=True),
    Field("gross_weight_kg", "number"),
    Field("net_weight_kg", "number"),
    Field("declared_value", "number", limit=VALUE_MAX),
    _text(Declaration, "currency", known="currency"),
    _text(Declaration, "permit_no"),
    _text(Declaration, "bl_no"),
    _text(Declaration, "vessel_name"),
    _text(Declaration, "vessel_imo", pattern=r"\d{7}"),
    _text(Declaration, "voyage_no"),
    *(_text(Declaration, f"port_of_{p}", **PORT)
      for p in ("loading", "transshipment", "discharge")),
    *(_text(Declaration, f"country_of_{c}", **COUNTRY)
      for c in ("origin", "export", "destination")),
)
ITEM = (
    _text(DeclarationItem, "item_no", required=True),
    _text(DeclarationItem, "hs_code", pattern=r"\d{2,}"),
    _text(DeclarationItem, "goods_description", multiline=True),
    Field("gross_weight_kg", "number"),
    Field("net_weight_kg", "number"),
    Field("declared_value", "number", limit=VALUE_MAX),
)
SEIZURE = (
    Field("seizure_date", "date"),
    Field("quantity_kg", "number"),
    *(_text(Seizure, n) for n in ("waste_category", "basel_code", "offence", "detection_method",
                                  "outcome")),
)
PARTY = (
    Field("ref", required=True, max_len=64),
    Field("name", required=True, max_len=_length(Party, "display_name")),
    _text(Party, "country", **COUNTRY),
)
VARIANT = Field("variant", required=True, max_len=_length(Party, "display_name"))
IDENTIFIER = Field("identifier", required=True, max_len=_length(PartyIdentifier, "value"))
IDENTIFIER_KIND = Field("kind", required=True, choices=IDENTIFIER_KINDS)
CONTAINER = Field("container", max_len=_length(DeclarationContainer, "container_no"),
                  required=True, pattern=r"[A-Z]{4}\d{7}")
TAG = Field("tag", required=True, max_len=100)
NOTE = Field("note", multiline=True, max_len=NOTE_MAX)
FILE_NAME = Field("file_name", max_len=_length(SourceFile, "file_name"))


class Checker:
    """Collects the problems of one bundle."""

    def __init__(self, limit: int = 50):
        self.problems: list[Problem] = []
        self._limit = limit

    def add(self, where: str, what: str) -> None:
        if len(self.problems) < self._limit:
            self.problems.append(Problem(where, what))

    def obj(self, value, where: str, keys: set[str], required: set[str] = frozenset()) -> bool:
        if not isinstance(value, dict):
            self.add(where, f"must be an object, found {_kind(value)}")
            return False
        for k in sorted(set(value) - keys, key=str)[:5]:
            self.add(f"{where}.{k}", "is not a field of this bundle version")
        for k in sorted(required - set(value)):
            self.add(f"{where}.{k}", "is missing")
        return True

    def array(self, value, where: str, name: str) -> list:
        if not isinstance(value, list):
            self.add(where, f"must be a list, found {_kind(value)}")
            return []
        if len(value) > MAX_ITEMS[name]:
            self.add(where, f"has {len(value)} items, more than the {MAX_ITEMS[name]} allowed")
            return []
        return value

    def each(self, value, where: str, name: str, f: Field) -> None:
        """A list of values of one kind (tags, variants, containers...)."""
        for i, item in enumerate(self.array(value, where, name)):
            self.field(item, f"{where}[{i}]", f)

    def unique(self, key, seen: set, where: str, what: str) -> None:
        """``key`` (when it is text) met once only: ``what`` says where else it may not be."""
        if isinstance(key, str) or (isinstance(key, tuple) and all(isinstance(k, str)
                                                                    for k in key)):
            if key in seen:
                shown = key[-1] if isinstance(key, tuple) else key
                self.add(where, f"{_show(shown)} appears twice in {what}")
            seen.add(key)

    def fields(self, value: dict, where: str, fields: tuple[Field, ...]) -> None:
        for f in fields:
            self.field(value.get(f.name), f"{where}.{f.name}", f)

    def field(self, value, where: str, f: Field) -> None:
        if value is None or (value == "" and f.kind == "text" and not f.required):
            if f.required:
                self.add(where, "is required")
            return
        if f.kind == "number":
            self._number(value, where, f)
        elif f.kind == "date":
            self._date(value, where)
        elif not isinstance(value, str):
            self.add(where, f"must be text, found {_kind(value)}")
        else:
            self._text(value, where, f)

    def _number(self, value, where: str, f: Field) -> None:
        if isinstance(value, NonFinite):
            self.add(where, f"must be a finite number, found {value.word}")
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(where, f"must be a number, found {_kind(value)}")
        elif not math.isfinite(value):
            self.add(where, "must be a finite number, found a number too large")
        elif not 0 <= value <= f.limit:
            self.add(where, f"must be between 0 and {f.limit:g}, found {value:g}")

    def _date(self, value, where: str) -> None:
        try:
            day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 \
                else None
        except ValueError:
            day = None
        if day is None:
            self.add(where, f"must be a date written YYYY-MM-DD, found {_show(value)}")
        elif not FIRST_DATE <= day <= LAST_DATE:
            self.add(where, f"must be a date between {FIRST_DATE} and {LAST_DATE}, found {value}")

    def _text(self, value: str, where: str, f: Field) -> None:
        if f.required and not value.strip():
            self.add(where, "must not be empty")
        elif f.max_len is not None and len(value) > f.max_len:
            self.add(where, f"is {len(value)} characters long, more than the {f.max_len} the "
                            "database holds")
        elif _CONTROL.search(value) or (not f.multiline and _LINE_BREAKS.search(value)):
            self.add(where, "contains control characters (such as NUL, or a line break in a "
                            "one-line field)")
        elif f.choices is not None and value not in f.choices:
            self.add(where, f"must be one of {', '.join(f.choices)}, found {_show(value)}")
        elif f.pattern is not None and not re.fullmatch(f.pattern, value):
            self.add(where, f"is not a valid {f.name.replace('_', ' ')}: {_show(value)}")
        elif f.known and not _known(f.known, value):
            self.add(where, f"is not a known {f.known} code: {_show(value)}")


def _known(kind: str, code: str) -> bool:
    if kind == "currency":
        return code.upper() in CURRENCY_FORMS or (
            len(code) == 3 and pycountry.currencies.get(alpha_3=code.upper()) is not None)
    try:
        return country_iso3(code) == code
    except ValueError:
        return False


def _kind(value) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false",
            type(None): "null"}.get(type(value), "a number")


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "...'"


class BundleError(CaseDbError):
    """A bundle that cannot be written or read; ``problems`` lists each field at fault."""

    def __init__(self, path, problems: list):
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{path}: {problems[0]}{more}")
        self.path = str(path)
        self.problems = problems
