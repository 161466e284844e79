"""Normalising a sheet a column at a time: each distinct cell value of a column is converted once.

Countries, ports, codes, names and dates repeat a lot; a million-row file holds a few thousand
distinct dates. Converting the distinct values of a column and mapping the column through them
costs a dictionary lookup per cell, where a row at a time cost a function call per cell.

The outcome is the same as normalising row by row: the first bad column of a row (in the sheet's
column order) refuses it, then its phone numbers, then a missing declaration number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from operator import itemgetter

from casedb.evidence.trail import cells_json

from ..normalize import (
    country_iso3,
    infer_date_order,
    normalize_email,
    normalize_hs,
    normalize_imo,
    normalize_phone,
    parse_date,
    parse_weight_kg,
    split_containers,
)
from ..normalize.containers import well_formed_numbers
from ..normalize.weights import uses_decimal_comma, uses_decimal_point
from .blanks import ZERO_TEXTS, blank_variants, blank_words, is_blank
from .fields import FIELDS, Kind
from .lenient import Kept, lenient_containers, lenient_port
from .mapping import ColumnMapping
from .reasons import Reason, reason_of
from .row_outcome import RowProblems, row_units, shipments_by_bl, traders_by_direction
from .rows import RowError, SourceRow, direction_reader, number, role_countries, text_value
from .spec import ImportSpec

CACHE_PER_COLUMN = 100_000  # distinct values remembered across chunks, per column
LONGEST_CELL = 4000  # characters in a cell that is not free text
LEARN_SLICE = 50_000  # rows looked at together when learning a sheet's conventions


@dataclass
class Chunk:
    """The normalised rows of a run of one sheet that passed: a list per field, None where the
    row has no value."""

    sheet: str
    rows: list[int]  # 1-based spreadsheet row numbers
    values: dict[str, list]
    # Optional values that could not be read, kept as written: (row number, field, column
    # header, the value as written, reason), for rows of the chunk.
    warnings: list[tuple[int, str, str, str, str]] = field(default_factory=list)
    # The rows' cells as read, and the sheet's columns as (header, field or None): the
    # evidence trail keeps them (casedb.evidence.trail), when given.
    raw: list | None = None
    headers: tuple[tuple[str, str | None], ...] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def source_row(self, i: int) -> SourceRow:
        return SourceRow(self.sheet, self.rows[i],
                         {f: col[i] for f, col in self.values.items() if col[i] is not None})

    def take(self, keep: Sequence[int]) -> Chunk:
        rows = [self.rows[i] for i in keep]
        kept = set(rows)
        return Chunk(self.sheet, rows, {f: [col[i] for i in keep] for f, col in self.values.items()},
                     [w for w in self.warnings if w[0] in kept],
                     None if self.raw is None else [self.raw[i] for i in keep], self.headers)


def cells_of(rows: Sequence[Sequence], column: int) -> list:
    """One column of row-major cells; None where a row is shorter."""
    if rows and min(map(len, rows)) > column:
        return list(map(itemgetter(column), rows))
    return [r[column] if column < len(r) else None for r in rows]


class ColumnNormaliser:
    """Normalises the rows of one sheet given its column mappings and the import spec."""

    def __init__(self, mappings: Sequence[ColumnMapping], spec: ImportSpec | None = None):
        spec = spec or ImportSpec()
        self._columns = [m for m in mappings if m.field]
        self._constants = dict(spec.constants)
        self._units = dict(spec.units)
        self._date_order = spec.date_order
        self._orders: dict[int, str] = {}
        self._split = {k: re.compile(v) for k, v in spec.split.items()}
        self._default_country = spec.defaults_country
        self._blanks = blank_variants(spec.blanks)
        self._own_blanks = blank_words(spec.blanks)  # the spec's, compared in lower case
        self._decimal = spec.decimal  # the file's decimal mark when the spec says it
        self._decimal_comma = spec.decimal == "comma"
        self._point_columns: set[int] = set()
        self._width = max((m.column for m in self._columns), default=-1) + 1
        self._headers = tuple((m.header, m.field) for m in sorted(mappings,
                                                                  key=lambda m: m.column))
        self._observed: tuple[dict, list, set] | None = None  # see observe()
        self._reset()

    def _reset(self) -> None:
        self._cache: dict[int, dict] = {m.column: {None: None} for m in self._columns}
        self._bad: dict[int, dict] = {m.column: {} for m in self._columns}  # raw -> RowError
        self._kept: dict[int, dict] = {m.column: {} for m in self._columns}  # raw -> warning
        self._unique: set[int] = set()  # columns whose values hardly repeat: not remembered
        self._phone_cache: dict[tuple, object] = {}
        self._converters: dict[int, Callable] = {m.column: self._converter(m) for m in self._columns}

    def learn(self, rows: Sequence[Sequence]) -> None:
        """Settle what only the whole sheet tells: d/m/y against m/d/y per date column, and
        whether the file writes numbers with a decimal comma."""
        self.observe(rows)
        self.settle()

    def observe(self, rows: Sequence[Sequence]) -> None:
        """Take in some of the sheet's data rows for ``settle``: a sheet read as a stream is
        observed a block of rows at a time."""
        if self._observed is None:
            self._observed = ({m.column: Counter() for m in self._columns
                               if FIELDS[m.field].kind is Kind.DATE and self._date_order is None},
                              [m.column for m in self._columns
                               if FIELDS[m.field].kind in (Kind.WEIGHT, Kind.NUMBER)], {})
        dates, numbers, numeric = self._observed
        for start in range(0, len(rows), LEARN_SLICE):  # slices: each C call stays short
            part = rows[start:start + LEARN_SLICE]
            for column, counts in dates.items():
                counts.update(cells_of(part, column))
            for column in numbers:
                numeric.setdefault(column, set()).update(cells_of(part, column))

    def settle(self) -> None:
        """Decide the date orders and the decimal comma from the rows observed."""
        if self._observed is None:
            self.observe(())
        dates, _numbers, numeric = self._observed
        self._orders.update({column: infer_date_order(c) for column, c in dates.items()})
        # The file's numbers use a decimal comma when some value shows it; a column whose own
        # values show a decimal point ("4956.28" beside weights of "22732,0") keeps its point.
        if self._decimal is None:
            self._decimal_comma = uses_decimal_comma(set().union(*numeric.values()))
            self._point_columns = {c for c, vals in numeric.items() if uses_decimal_point(vals)}
        self._observed = None
        self._reset()

    def _converter(self, m: ColumnMapping) -> Callable:
        kind = FIELDS[m.field].kind
        if kind is Kind.DATE:
            order = self._date_order or self._orders.get(m.column)
            return lambda v: parse_date(v, order)
        if kind is Kind.WEIGHT:
            unit = self._units.get(m.field) or m.unit or "kg"
            point = m.column in self._point_columns
            comma = self._decimal_comma and not point
            unsure = self._decimal is None and not comma and not point  # 12.500: 12.5 or 12,500?
            # A weight of 0 is no weight: vendors write 0 where they have none.
            return lambda v: parse_weight_kg(v, default_unit=unit, decimal_comma=comma,
                                             dot_unsure=unsure) or None
        if kind is Kind.NUMBER and self._decimal_comma and m.column not in self._point_columns:
            return lambda v: number(v, decimal_comma=True)
        if kind is Kind.DIRECTION:
            return direction_reader(m.header)
        if kind is Kind.CONTAINERS and m.field in self._split:
            pattern = self._split[m.field]
            return lambda v: [c for part in pattern.split(text_value(v) or "")
                              for c in split_containers(part)]
        return {
            Kind.TEXT: text_value, Kind.NUMBER: number, Kind.HS: normalize_hs,
            Kind.COUNTRY: country_iso3, Kind.PORT: lenient_port, Kind.CONTAINERS: lenient_containers,
            Kind.IMO: normalize_imo, Kind.EMAIL: normalize_email,
            Kind.PHONE: text_value,  # needs the party's country: done in _phones()
        }[kind]

    # -- a chunk of rows -------------------------------------------------------------------
    def normalise(self, sheet: str, row_numbers: Sequence[int], rows: Sequence[Sequence]
                  ) -> tuple[Chunk, list[tuple[int, str, str]]]:
        """The rows that pass as a Chunk (with the warnings of their optional values), and
        (row, column, reason) for each row refused."""
        n = len(rows)
        raw = cells_json(rows)
        if rows and max(map(len, rows)) > self._width:  # never transpose a hostile wide row
            rows = [r[:self._width] for r in rows]
        columns = list(zip_longest(*rows)) if rows else []
        problems = RowProblems()
        values: dict[str, list] = {}
        weight_cells = {}
        for m in self._columns:
            cells = columns[m.column] if m.column < len(columns) else (None,) * n
            converted = self._convert(m, cells, problems)
            if FIELDS[m.field].kind is Kind.WEIGHT:
                weight_cells[m.field] = (m, cells)
            earlier = values.get(m.field)
            values[m.field] = converted if earlier is None else [
                b if b is not None else a for a, b in zip(earlier, converted, strict=True)]
        for name, value in self._constants.items():
            col = values.get(name)
            values[name] = [value] * n if col is None else [value if v is None else v for v in col]
        if "weight_unit" in values or "net_weight_unit" in values:
            row_units(values, weight_cells, self._units, problems)
        self._header_currency(values, n)
        traders_by_direction(values, n, problems, {
            "domestic": self._header_of("domestic_trader_name", "domestic trader"),
            "foreign": self._header_of("foreign_trader_name", "foreign trader")})
        self._phones(values, problems)
        shipments_by_bl(values, n)
        refused, keep, warnings = problems.settle(
            values, row_numbers, n, self._header_of("declaration_no", "declaration number"))
        chunk = Chunk(sheet, list(row_numbers), values, raw=raw, headers=self._headers)
        if refused:
            chunk = chunk.take(keep)
        chunk.warnings = warnings
        return chunk, refused

    def _header_currency(self, values: dict, n: int) -> None:
        """A value whose header names its currency ("Valor FOB (US$)") carries it, where the
        row has no currency of its own."""
        m = next((m for m in self._columns if m.field == "declared_value" and m.unit), None)
        if m is None or "declared_value" not in values:
            return
        amounts = values["declared_value"]
        own = values.get("currency") or [None] * n
        values["currency"] = [c or (m.unit if a is not None else None)
                              for a, c in zip(amounts, own, strict=True)]

    def _convert(self, m: ColumnMapping, cells: Sequence, problems: RowProblems) -> list:
        known, bad, kept = self._cache[m.column], self._bad[m.column], self._kept[m.column]
        convert = self._converters[m.column]
        try:
            distinct = set(cells)
        except TypeError:  # an unhashable cell: none of the readers gives one
            return self._convert_each(m, convert, cells, problems)
        new: dict = {}
        remember = m.column not in self._unique
        todo = distinct.difference(known, bad) if remember else distinct.difference(bad)
        kind = FIELDS[m.field].kind
        if todo:
            todo = self._blank_out(kind, todo, new)
        if todo and m.field not in self._split:
            todo = self._convert_at_once(kind, todo, new, self._blanks)
        self._convert_todo(m, convert, todo, new)
        if remember and len(known) + len(new) <= CACHE_PER_COLUMN:  # repeating values
            known.update(new)
            mapping = known
        else:  # mostly distinct values (numbers, bills of lading): converted chunk by chunk
            if remember:
                self._unique.add(m.column)
                new.update((v, known[v]) for v in distinct if v in known)
                known.clear()
            mapping = new
            mapping[None] = None
        refused = distinct.intersection(bad)
        if refused:
            mapping = {**mapping, **dict.fromkeys(refused)}
        warned = distinct.intersection(kept) if kept else ()
        if refused or warned:
            self._mark(m, cells, refused, warned, problems)
        return list(map(mapping.__getitem__, cells))

    def _convert_todo(self, m: ColumnMapping, convert: Callable, todo, new: dict) -> None:
        bad, kept = self._bad[m.column], self._kept[m.column]
        for raw in todo:
            hit = self._convert_one(m, convert, raw)
            if isinstance(hit, RowError):
                bad[raw] = hit
            elif isinstance(hit, Kept):
                kept[raw] = hit.reason
                new[raw] = hit.value
            else:
                new[raw] = hit

    def _mark(self, m: ColumnMapping, cells: Sequence, refused: set, warned, problems) -> None:
        """The rows whose cell in this column could not be read (exactly)."""
        bad, kept = self._bad[m.column], self._kept[m.column]
        header = self._header(m)
        for i, raw in enumerate(cells):
            if raw in refused:
                problems.add(i, m.field, header, raw, bad[raw].reason)
            elif raw in warned:
                problems.add(i, m.field, header, raw, kept[raw])

    def _blank_out(self, kind: Kind, todo: set, local: dict) -> set:
        """Placeholders (NULL, N/A, -, 無 ...) are blanks in every field; so is a "0" in a field
        that is no number."""
        blanks = todo.intersection(self._blanks)
        if self._own_blanks:
            blanks.update(v for v in todo if v.__class__ is str
                          and " ".join(v.split()).lower() in self._own_blanks)
        if kind not in (Kind.WEIGHT, Kind.NUMBER, Kind.HS, Kind.DATE):
            blanks.update(todo.intersection(ZERO_TEXTS))
            blanks.update(v for v in todo.intersection(_ZEROS) if v == 0)
        if not blanks:
            return todo
        local.update(dict.fromkeys(blanks))
        return todo.difference(blanks)

    @staticmethod
    def _convert_at_once(kind: Kind, distinct: set, local: dict, blanks: frozenset) -> set:
        """Convert the plain texts of a free-text or container column in one go (they are mostly
        distinct: numbers, bills of lading); the others, left, one at a time."""
        if kind is Kind.TEXT:
            texts = [v for v in distinct if v.__class__ is str]
            joined = list(map(" ".join, map(str.split, texts)))
            if "" in joined or not blanks.isdisjoint(joined):
                joined = [None if not j or j in blanks else j for j in joined]
            local.update(zip(texts, joined, strict=True))
        elif kind is Kind.CONTAINERS:
            texts = well_formed_numbers([v for v in distinct if v.__class__ is str])
            local.update(zip(texts, map(_single, texts), strict=True))
        else:
            return distinct
        return distinct.difference(texts)

    def _convert_each(self, m: ColumnMapping, convert: Callable, cells: Sequence,
                      problems: RowProblems) -> list:
        out = []
        for i, raw in enumerate(cells):
            hit = None if raw is None else self._convert_one(m, convert, raw)
            if isinstance(hit, RowError):
                problems.add(i, m.field, self._header(m), raw, hit.reason)
                hit = None
            elif isinstance(hit, Kept):
                problems.add(i, m.field, self._header(m), raw, hit.reason)
                hit = hit.value
            out.append(hit)
        return out

    def _convert_one(self, m: ColumnMapping, convert: Callable, raw):
        """The value of one distinct cell, a Kept value with a warning, or the RowError that
        says why it cannot be read."""
        if raw.__class__ is str and is_blank(raw, self._blanks):
            return None
        if (isinstance(raw, str) and len(raw) > LONGEST_CELL
                and FIELDS[m.field].kind is not Kind.TEXT):
            return RowError(self._header(m), Reason.of("cell_too_long"))
        try:
            value = convert(raw)
        except ValueError as exc:
            return RowError(self._header(m), reason_of(exc))
        return None if value == [] else value

    def _phones(self, values: dict, problems: RowProblems) -> None:
        """Phone numbers in international form, each distinct (number, country) once; one that
        cannot be read is kept as written, with a warning."""
        cache = self._phone_cache
        for name in [k for k in values if k.endswith("_phone")]:
            role = name[: -len("_phone")]
            phones = values[name]
            countries = role_countries(role, values, len(phones))
            if self._default_country:
                countries = [c or self._default_country for c in countries]
            keys = list(zip(phones, countries, strict=True))
            bad = {}
            for key in set(keys).difference(cache):
                try:
                    hit = None if key[0] is None else normalize_phone(*key)
                except ValueError as exc:
                    hit = bad[key] = RowError(self._header_of(name, name), reason_of(exc))
                cache[key] = hit
            bad.update((k, cache[k]) for k in set(keys) if isinstance(cache[k], RowError))
            out = list(map(cache.__getitem__, keys))
            if bad:
                for i, key in enumerate(keys):
                    if key in bad:
                        out[i] = None
                        problems.add(i, name, bad[key].column, key[0], bad[key].reason)
            if len(cache) > CACHE_PER_COLUMN:
                cache.clear()
            values[f"{name}_raw"] = phones
            values[name] = out

    def _header(self, m: ColumnMapping) -> str:
        return m.header or f"column {m.column + 1}"

    def _header_of(self, field_name: str, default: str) -> str:
        for m in self._columns:
            if m.field == field_name:
                return self._header(m)
        return default


_ZEROS = frozenset({0})


def _single(text: str) -> list[str]:
    return [text]
