"""Mapping a sheet's columns to canonical fields, by header and by content, each with a
confidence and the evidence for it.

Each column is scored against each field from its header (header_words) and, given a sample
of the data rows, from its values (content: the share of cells that read as that field). The
mapping is the best assignment over all columns together, each field at most once: two
columns that both say "Weight" cannot both be the gross weight, and a column of company codes
under "Exporter" loses to the column of names under "Exporter Name".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..normalize.weights import currency_from_header, unit_from_header
from .content import SELF_EVIDENT, column_values, fit
from .fields import FIELDS, PARTY_ROLES, Kind
from .header_words import header_scores, match_header, normalise_header
from .synonyms import ATTR_WORDS

__all__ = ["ColumnMapping", "auto_map", "match_header", "normalise_header", "score_columns"]

MIN_SCORE = 0.4  # a column maps to a field from this combined score on
# Kinds whose values decide: a header that says "date" over a column of codes is not a date.
TYPED = {Kind.DATE, Kind.WEIGHT, Kind.NUMBER, Kind.HS, Kind.COUNTRY, Kind.PORT,
         Kind.CONTAINERS, Kind.IMO, Kind.EMAIL, Kind.DIRECTION, Kind.PHONE}
TRADER_SIDES = ("domestic_trader", "foreign_trader")  # a party by side, not role (fields.py)
PLAIN_WEIGHT = {"weight", "重量", "peso", "вес", "масса", "shipping weight"}


@dataclass(frozen=True)
class ColumnMapping:
    column: int
    header: str
    field: str | None
    confidence: float
    unit: str | None = None  # a weight's unit, a value's currency, named by the header
    evidence: str = ""  # why: the header's words, the share of values that fit
    fit: float | None = None  # the share of the sampled values that read as the field
    matched: str = ""  # the synonym (or words) of the field the header holds
    sampled: int = 0  # the values the fit was measured on
    beside: str = ""  # the header of the column whose role it took ("Razón Social")


@dataclass(frozen=True)
class Candidate:
    """One column's score for one field, and why."""

    field: str
    score: float
    header_score: float
    fit: float | None
    evidence: str
    matched: str = ""
    sampled: int = 0
    beside: str = ""


def _combine(name: str, header: float, share: float | None) -> float:
    if share is None:
        return header
    if FIELDS[name].kind in TYPED or name.endswith("_name") or name == "item_no":
        return header * (0.3 + 0.7 * share)
    return header * (0.7 + 0.3 * share)


def _evidence(header: str, why: str, share: float | None, n: int) -> str:
    parts = []
    if why:
        parts.append(f"header {header!r} ~ {why!r}")
    if share is not None:
        parts.append(f"{share:.0%} of {n} values fit")
    return "; ".join(parts)


def score_columns(headers: Sequence[str], samples: Sequence[Sequence] | None = None
                  ) -> list[list[Candidate]]:
    """Each column's candidate fields, best first."""
    out = []
    for col, header in enumerate(headers):
        values = column_values(samples, col) if samples else []
        found = []
        for name, (h, why) in header_scores(header).items():
            if name == "gross_weight_kg" and normalise_header(header) in PLAIN_WEIGHT:
                h = min(h, 0.7)  # a plain "Weight" is probably gross, not certainly
            share = fit(name, values, header) if values else None
            found.append(Candidate(name, round(_combine(name, h, share), 3), h, share,
                                   _evidence(header, why, share, len(values)), why,
                                   len(values)))
        known = {c.field for c in found}
        for name, least in SELF_EVIDENT.items():
            share = fit(name, values) if values and name not in known else None
            if share is not None and share >= least:
                found.append(Candidate(name, round(0.5 * share, 3), 0.0, share,
                                       _evidence(header, "", share, len(values)), "",
                                       len(values)))
        out.append(sorted(found, key=lambda c: -c.score))
    _roles_beside(out, headers)
    if samples:
        _unit_beside(out, headers, samples)
    return out


UNIT_HEADERS = {"unit", "units", "uom", "uqc", "unidad", "unidade", "unid", "ед изм", "单位", "單位",
                "単位", "หน่วย"}


def _unit_beside(candidates: list[list[Candidate]], headers: Sequence[str], samples) -> None:
    """A column headed only "Unit" (UQC, 単位, หน่วย) just right of a weight whose header names
    no unit, holding weight units (KGS, MTS, KGM, TNE, LB), is that weight's unit on each row:
    "Gross Weight | Unit" with 125.40 | MTS is 125,400 kg, never 125.4. A row's weight unit
    converts every weight of the row, so it is taken only beside the sheet's one weight, or as
    a pair beside gross and net (then the net weight's is net_weight_unit); else left alone."""
    weights = {c for c, cands in enumerate(candidates) if cands and cands[0].score >= MIN_SCORE
               and FIELDS[cands[0].field].kind is Kind.WEIGHT}
    pairs = {}
    for col in range(1, len(headers)):
        if (col - 1 not in weights or candidates[col] or unit_from_header(headers[col - 1])
                or normalise_header(headers[col]) not in UNIT_HEADERS):
            continue
        values = column_values(samples, col)
        share = fit("weight_unit", values) if values else None
        if share is not None and share >= 0.8:
            pairs[candidates[col - 1][0].field] = (col, Candidate(
                "weight_unit", 0.75, 0.75, share,
                f"header {headers[col]!r} beside {headers[col - 1]!r}; "
                f"{share:.0%} of {len(values)} values fit", beside=str(headers[col - 1] or ""),
                sampled=len(values)))
    if len(pairs) == 1 and len(weights) == 1:
        (col, unit), = pairs.values()
        candidates[col].append(unit)
    elif set(pairs) == {"gross_weight_kg", "net_weight_kg"}:
        candidates[pairs["gross_weight_kg"][0]].append(pairs["gross_weight_kg"][1])
        col, unit = pairs["net_weight_kg"]
        candidates[col].append(replace(unit, field="net_weight_unit"))


def _attribute_alone(header: str) -> str | None:
    """The party attribute a header names without a role ("Razón Social", "RUC", "ИНН",
    "Address"), or None."""
    key = normalise_header(header)
    for attr, words in ATTR_WORDS.items():
        if key and key in {normalise_header(w) for w in words if w}:
            return attr
    return None


def _roles_beside(candidates: list[list[Candidate]], headers: Sequence[str]) -> None:
    """A party attribute under a header that names no role takes the role of the column
    beside it: "RUC del importador | Razón Social" is the importer's name."""
    for col, header in enumerate(headers):
        attr = _attribute_alone(header)
        if attr is None or candidates[col]:
            continue
        for other in (col - 1, col + 1):
            if not 0 <= other < len(headers) or not candidates[other]:
                continue
            best = candidates[other][0]
            role = next((r for r in (*PARTY_ROLES, *TRADER_SIDES)
                         if best.field.startswith(f"{r}_")), None)
            if role is not None and best.score >= MIN_SCORE and f"{role}_{attr}" in FIELDS:
                candidates[col].append(Candidate(
                    f"{role}_{attr}", 0.75, 0.75, None,
                    f"header {header!r} beside {headers[other]!r}",
                    beside=str(headers[other] or "")))
                break


def assign(candidates: list[list[Candidate]]) -> dict[int, Candidate]:
    """The best assignment of fields to columns (each field at most once), over all columns."""
    names = sorted({c.field for cands in candidates for c in cands if c.score >= MIN_SCORE})
    if not names:
        return {}
    where = {n: j for j, n in enumerate(names)}
    gain = np.zeros((len(candidates), len(names)))
    for i, cands in enumerate(candidates):
        for c in cands:
            if c.score >= MIN_SCORE:
                # A small bonus for being sure keeps a clear winner from being traded away for
                # two middling matches elsewhere.
                gain[i, where[c.field]] = c.score - MIN_SCORE + 0.01 + 0.2 * c.score ** 2
    from scipy.optimize import linear_sum_assignment  # scipy costs a second to import

    rows, cols = linear_sum_assignment(gain, maximize=True)
    chosen = {}
    for i, j in zip(rows, cols, strict=True):
        if gain[i, j] > 0:
            chosen[int(i)] = next(c for c in candidates[i] if c.field == names[j])
    return chosen


def auto_map(headers: Sequence[str], samples: Sequence[Sequence] | None = None, *,
             candidates: list[list[Candidate]] | None = None) -> list[ColumnMapping]:
    """The mapping of each column (``samples``: the first data rows, for content scoring;
    ``candidates``: score_columns of the same, when the caller has them already)."""
    if candidates is None:
        candidates = score_columns(headers, samples)
    chosen = assign(candidates)
    out = []
    for i, header in enumerate(headers):
        c = chosen.get(i)
        if c is None:
            best = candidates[i][0] if candidates[i] else None
            why = f"not mapped (best: {best.field}, {best.score:.2f})" if best else ""
            out.append(ColumnMapping(i, str(header or ""), None, 0.0, None, why))
            continue
        unit = (unit_from_header(header) if FIELDS[c.field].kind is Kind.WEIGHT
                else currency_from_header(header) if c.field == "declared_value" else None)
        out.append(ColumnMapping(i, str(header or ""), c.field, min(c.score, 1.0), unit,
                                 c.evidence, c.fit, c.matched, c.sampled, c.beside))
    return out
