"""Which rows of a chunk are refused and which only warned.

Only a missing or unreadable required value refuses a row: the declaration number (or, for a
bill-of-lading record, its B/L number), the declaration date, and the weights (a weight that
cannot be read is no weight to trust; a row with none at all is refused by the writer). An
optional value that cannot be read is kept as written, with a warning naming the sheet, row,
column and reason; the row goes in.
"""

from __future__ import annotations

from .reasons import Reason

REQUIRED = ("declaration_date",)
WEIGHTS = ("gross_weight_kg", "net_weight_kg")
MISSING_NUMBER = Reason.of("missing_number")


class RowProblems:
    """The values of a chunk's rows that could not be read: (field, header, raw, reason)."""

    def __init__(self) -> None:
        self.by_row: dict[int, list[tuple[str, str, str, str]]] = {}

    def add(self, i: int, name: str, header: str, raw, reason: str) -> None:
        self.by_row.setdefault(i, []).append((name, header, _as_written(raw), reason))

    def settle(self, values: dict, row_numbers, n: int, number_header: str):
        """(refused: [(row, column, reason)], the indices of the rows kept, warnings:
        [(row, field, column, value as written, reason)])."""
        numbers = values.get("declaration_no") or [None] * n
        if not self.by_row and all(numbers):  # the common chunk: nothing to say, in C
            return [], range(n), []
        refused, keep, warnings = [], [], []
        for i in range(n):
            problems = self.by_row.get(i, ())
            why = _refusal(problems)
            if why is None and not numbers[i]:
                why = (number_header, MISSING_NUMBER)
            if why is not None:
                refused.append((row_numbers[i], *why))
                continue
            keep.append(i)
            warnings += [(row_numbers[i], name, header, raw, reason)
                         for name, header, raw, reason in problems]
        return refused, keep, warnings


def _refusal(problems) -> tuple[str, str] | None:
    for name, header, _raw, reason in problems:
        if name in REQUIRED or name in WEIGHTS:  # a weight that cannot be read is no weight
            return header, reason
    return None


def _as_written(raw) -> str:
    if raw is None:
        return ""
    text = str(raw)
    return text if len(text) <= 500 else text[:500] + "…"


def shipments_by_bl(values: dict, n: int) -> None:
    """The rows of a sheet with no declaration numbers at all but B/L numbers are shipments
    (bill-of-lading import records, manifests), keyed by their B/L: ``declaration_no``
    "B/L <number>". In a sheet of declarations, a row without its number is refused."""
    bls = values.get("bl_no")
    if not bls or "declaration_no" in values:
        return
    numbers = [None] * n
    kinds = values.get("record_kind") or [None] * n
    for i in range(n):
        if not numbers[i] and bls[i]:
            numbers[i] = f"B/L {bls[i]}"
            kinds[i] = "shipment"
    values["declaration_no"] = numbers
    values["record_kind"] = kinds


def row_units(values: dict, weight_cells: dict, units: dict, problems: RowProblems) -> None:
    """Weights whose unit is in a column of its own (KG, LB, MT on each row, as US manifests
    write them): a bare number is converted by its row's unit (a net weight by its own unit
    column when it has one)."""
    from ..normalize.weights import UNITS_KG

    for name, (m, cells) in weight_cells.items():
        row_unit = values.get("net_weight_unit" if name == "net_weight_kg"
                              and "net_weight_unit" in values else "weight_unit")
        if row_unit is None:
            continue
        default = UNITS_KG[(units.get(name) or m.unit or "kg").lower()]
        col = values[name]
        for i, unit in enumerate(row_unit):
            if unit is None or col[i] is None or not bare_number(cells[i]):
                continue
            factor = UNITS_KG.get(unit.strip().lower().rstrip("."))
            if factor is None:
                problems.add(i, name, m.header, f"{cells[i]} {unit}",
                             Reason.of("unknown_weight_unit", unit=repr(unit)))
                col[i] = None
            else:
                col[i] = col[i] / default * factor


def bare_number(cell) -> bool:
    """Whether a cell is a number without a unit (12500, "12,500", "18.5")."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return True
    text = str(cell).strip().replace(",", "").replace(" ", "")
    try:
        float(text)
    except ValueError:
        return False
    return True


TRADER_ROLES = {"import": ("consignee", "shipper"), "export": ("shipper", "consignee")}


def traders_by_direction(values: dict, n: int, problems: RowProblems, headers: dict) -> None:
    """The domestic and overseas traders of China's 报关单 (境内/境外收发货人) as consignee and
    shipper by each row's direction; a row whose direction is unknown keeps neither, with a
    warning (the role cannot be told)."""
    columns = {(side, attr): values.pop(f"{side}_trader_{attr}", None)
               for side in ("domestic", "foreign") for attr in ("name", "tax_id")}
    if all(col is None for col in columns.values()):
        return
    directions = values.get("direction") or [None] * n
    for (side, attr), col in columns.items():
        if col is None:
            continue
        for i, who in enumerate(col):
            if who is None:
                continue
            roles = TRADER_ROLES.get(directions[i])
            if roles is None:
                if attr == "name":  # a tax id goes with its name, said once
                    problems.add(i, f"{side}_trader_name", headers.get(side, side), who,
                                 Reason.of("trader_direction"))
                continue
            role = roles[0] if side == "domestic" else roles[1]
            target = values.setdefault(f"{role}_{attr}", [None] * n)
            if target[i] is None:
                target[i] = who
