"""What the import will not guess: a required column missing or ambiguous, a weight whose unit
is unknown and whose values are implausible as kilograms.

The file is then refused before anything is written, and each question names the field and
the columns that could hold it; an import spec (columns, units, constants), ``--set`` or
``--unit`` on the command line, or the wizard settles it.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ..normalize.weights import parse_weight_kg
from .content import column_values
from .lenient import lenient_containers
from .mapping import MIN_SCORE, ColumnMapping, score_columns
from .reasons import Reason
from .row_outcome import bare_number
from .spec import ImportSpec

MISSING, AMBIGUOUS, UNIT = "missing", "ambiguous", "unit"
WEIGHTS = ("gross_weight_kg", "net_weight_kg")
CLOSE = 0.05  # two columns this close for one required field: the import asks which
# Containerised bulk waste: a 20' or 40' container of baled plastic, scrap or e-waste holds
# 5 to 28 t. Under this many kilograms a container, weights are tonnes written as numbers.
LEAST_KG_PER_CONTAINER = 100.0
WASTE_CHAPTERS = ("3915", "8548", "8549", "7204", "7404", "7602", "4707", "2620", "3825",
                  "4004", "6309", "2710", "7112", "7503", "7802", "7902", "8002", "8112")


@dataclass(frozen=True)
class Question:
    sheet: str
    field: str
    kind: str  # missing | ambiguous | unit
    reason: str
    columns: tuple[str, ...] = ()  # the columns that could hold the field

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "field": self.field, "kind": self.kind,
                "reason": self.reason, "columns": list(self.columns)}


def questions(sheet: str, headers: Sequence[str], mappings: Sequence[ColumnMapping],  # noqa: PLR0913
              samples: Sequence[Sequence], spec: ImportSpec | None,
              candidates: list | None = None) -> list[Question]:
    """What must be settled before ``sheet`` can be imported (``candidates``: score_columns of
    the same headers and samples, when the caller has them already)."""
    spec = spec or ImportSpec()
    mapped = {m.field: m for m in mappings if m.field}
    given = set(spec.constants)
    settled = {m.field for m in mappings if m.field and m.confidence >= 1.0 and m.evidence == ""}
    cands = candidates if candidates is not None else score_columns(headers, samples)
    out = []
    for name, alternatives in _required(mapped, given):
        out += _missing_or_ambiguous(sheet, name, alternatives, mapped, cands, settled)
    for name in WEIGHTS:
        m = mapped.get(name)
        if m is not None and m.unit is None and name not in spec.units:
            q = _unit_question(sheet, m, mapped, samples)
            if q is not None:
                out.append(q)
    return out


def _required(mapped: dict, given: set) -> list[tuple[str, tuple[str, ...]]]:
    """The required fields not given by a constant: (field, fields that would also do). A
    seizure register may name declarations already in the database by their number alone:
    its rows are held to the date and weight one by one (a new declaration needs both)."""
    need = []
    if "declaration_no" not in given:
        need.append(("declaration_no", ("bl_no",)))
    register = "case_ref" in mapped or "case_ref" in given
    dated = "seizure_date" in mapped or "seizure_date" in given
    if "declaration_date" not in given and not (register and (
            "declaration_date" not in mapped or dated)):
        need.append(("declaration_date", ()))
    weights = [w for w in WEIGHTS if w in mapped]
    if not given.intersection(WEIGHTS) and not (register and not weights):
        need.append(("gross_weight_kg", ("net_weight_kg",)))
    return need


def _missing_or_ambiguous(sheet: str, name: str, alternatives: tuple, mapped: dict,
                          cands: list, settled: set) -> list[Question]:
    chosen = [f for f in (name, *alternatives) if f in mapped]
    if not chosen:
        columns = _columns_for(name, cands)
        what = name.replace("_", " ").replace(" kg", "")
        why = (Reason.of("no_column_maybe", what=what, columns=", ".join(map(repr, columns)))
               if columns else Reason.of("no_column", what=what))
        return [Question(sheet, name, MISSING, why, columns)]
    out = []
    for f in chosen[:1]:
        m = mapped[f]
        if f in settled:
            continue
        rivals = [c for c, cs in enumerate(cands) for x in cs
                  if x.field == f and c != m.column and x.score >= MIN_SCORE
                  and x.score >= m.confidence - CLOSE
                  and not any(mm.column == c and mm.field for mm in mapped.values())]
        if rivals:
            headers = (m.header, *(_header(cands, c) for c in rivals))
            out.append(Question(sheet, f, AMBIGUOUS, Reason.of(
                "several_columns", what=f.replace("_", " "),
                columns=", ".join(map(repr, headers))), headers))
    return out


def _columns_for(name: str, cands: list) -> tuple[str, ...]:
    scored = sorted(((x.score, _header(cands, c)) for c, cs in enumerate(cands) for x in cs
                     if x.field == name), reverse=True)
    return tuple(h for _, h in scored[:3])


def _header(cands: list, column: int) -> str:
    for x in cands[column]:
        if x.evidence.startswith("header "):
            return x.evidence.split("'")[1]
    return f"column {column + 1}"


def _unit_question(sheet: str, m: ColumnMapping, mapped: dict, samples) -> Question | None:
    unit = mapped.get("net_weight_unit" if m.field == "net_weight_kg"
                      and "net_weight_unit" in mapped else "weight_unit")
    if unit is not None:  # a row's own unit (KGM, TNE) says it; only rows without one are in doubt
        samples = [r for r in samples
                   if unit.column >= len(r) or not str(r[unit.column] or "").strip()]
    cells = column_values(samples, m.column)
    bare = [c for c in cells if bare_number(c)]
    if len(bare) < 3 or len(bare) < 0.8 * len(cells):
        return None  # the cells carry their units, or too few to judge
    weights = []
    for c in bare:
        try:
            weights.append(parse_weight_kg(c))
        except ValueError:
            continue
    weights = [w for w in weights if w]
    if len(weights) < 3:
        return None
    why = _implausible(m, weights, mapped, samples)
    if why is None:
        return None
    return Question(sheet, m.field, UNIT, Reason.of("unit_unknown", column=repr(m.header),
                                                    why=why), (m.header,))


def _implausible(m: ColumnMapping, weights: list[float], mapped: dict, samples) -> str | None:
    containers = mapped.get("containers")
    if containers is not None:
        per = []
        for row in samples:
            w = _num(row[m.column] if m.column < len(row) else None)
            n = _count_containers(row[containers.column] if containers.column < len(row)
                                  else None)
            if w and n:
                per.append(w / n)
        if len(per) >= 3 and statistics.median(per) < LEAST_KG_PER_CONTAINER:
            return Reason.of("light_containers", median=f"{statistics.median(per):g}")
        return None
    hs = mapped.get("hs_code")
    if hs is not None and statistics.median(weights) < 50:
        codes = column_values(samples, hs.column)
        waste = sum(1 for c in codes if str(c).replace(".", "").startswith(WASTE_CHAPTERS))
        if codes and waste >= 0.5 * len(codes):
            return Reason.of("light_declarations", median=f"{statistics.median(weights):g}")
    return None


def _num(cell) -> float | None:
    try:
        return float(str(cell).replace(",", "")) if bare_number(cell) else None
    except ValueError:
        return None


def _count_containers(cell) -> int:
    if cell is None:
        return 0
    try:
        found = lenient_containers(cell)
    except ValueError:
        return 0
    value = getattr(found, "value", found)
    return len(value or ())


# Column names of trade statistics (UN Comtrade, BACI, HMRC, Comext, US Census, Taiwan):
# a file with several of these and no declaration columns is no list of declarations.
TRADE_WORDS = frozenset({
    "reporter", "reporter iso", "reportercode", "reporterdesc", "partner", "partner iso",
    "partnercode", "partnerdesc", "flow", "flowtype", "flow type", "flowcode", "flowdesc",
    "trade flow", "period", "refyear", "year", "month", "cmdcode", "cmddesc", "commodity code",
    "cn8", "hs2", "hs4", "hs6", "product", "declarant", "value in euros", "value_in_euros",
    "quantity in kg", "quantity_in_kg", "netmass", "netwgt", "primaryvalue", "tradevalue",
    "trade value", "trade value us", "suppunit", "supp unit", "qty", "t", "i", "j", "k", "v",
    "q", "貨品號列", "國家", "年月", "countrydesc", "time", "commodity", "country",
})
DECLARATION_FIELDS = frozenset({"declaration_no", "bl_no", "containers", "shipper_name",
                                "consignee_name", "vessel_name", "declaration_date"})


def trade_statistics_columns(headers: Sequence[str], mappings: Sequence[ColumnMapping]
                             ) -> list[str]:
    """The columns that make a sheet look like trade statistics (empty when it does not)."""
    if any(m.field in DECLARATION_FIELDS for m in mappings):
        return []
    found = [h for h in headers if " ".join(str(h).lower().replace("_", " ").split())
             in TRADE_WORDS]
    return found if len(found) >= 3 else []
