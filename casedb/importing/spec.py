"""Import specs: a saved, reusable override of the automatic mapping (JSON or YAML).

    {"version": 1, "sheets": ["Sheet1"], "header_row": 3,
     "columns": {"Ref": "declaration_no", "C": "hs_code", "7": null},
     "constants": {"authority": "TW Customs"}, "units": {"gross_weight_kg": "t"},
     "date_order": "dmy", "split": {"containers": "[/,;、\\n]"}, "defaults_country": "TWN",
     "blanks": ["TBA", "?"], "decimal": "comma"}

"decimal" says the file's decimal mark ("comma": 12.500,5 and 12.500 are twelve thousand five
hundred and a half and twelve thousand five hundred; "point"), where the file does not show it.
Column keys are header texts, spreadsheet column letters or 1-based column numbers; a null
field ignores the column.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import SpecError
from ..normalize.weights import UNITS_KG
from .fields import FIELDS
from .mapping import ColumnMapping

KEYS = {"version", "sheets", "header_row", "columns", "constants", "units", "date_order", "split",
        "defaults_country", "blanks", "decimal"}


@dataclass(frozen=True)
class ImportSpec:
    version: int = 1
    sheets: tuple[str, ...] | None = None
    header_row: int | None = None
    columns: dict = field(default_factory=dict)
    constants: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    date_order: str | None = None
    split: dict = field(default_factory=dict)
    defaults_country: str | None = None
    blanks: tuple[str, ...] = ()  # the file's own placeholders for an empty cell
    decimal: str | None = None  # "comma" or "point": the file's decimal mark, when it is said

    def to_json(self) -> dict:
        data = asdict(self)
        data["sheets"] = list(self.sheets) if self.sheets else None
        if self.blanks:
            data["blanks"] = list(self.blanks)
        else:
            del data["blanks"]  # specs saved before blanks existed compare equal
        if self.decimal is None:
            del data["decimal"]  # so do those saved before the decimal mark could be said
        return data


def _check_field(name, where: str) -> None:
    if name is not None and name not in FIELDS:
        raise SpecError(f"{where}: unknown field {name!r}")


def _check_shape(data) -> None:
    if not isinstance(data, dict):
        raise SpecError("an import spec is a mapping of settings")
    unknown = set(data) - KEYS
    if unknown:
        raise SpecError(f"unknown spec setting(s): {', '.join(sorted(unknown))}")
    if data.get("version", 1) != 1:
        raise SpecError(f"unsupported spec version {data.get('version')!r}")
    for key in ("columns", "constants", "units", "split"):
        if not isinstance(data.get(key) or {}, dict):
            raise SpecError(f"{key!r} must be a mapping")
    blanks = data.get("blanks") or []
    if not isinstance(blanks, list) or not all(isinstance(b, str) for b in blanks):
        raise SpecError("'blanks' must be a list of texts")
    if data.get("date_order") not in (None, "dmy", "mdy", "ymd"):
        raise SpecError("date_order must be dmy, mdy or ymd")
    if data.get("decimal") not in (None, "comma", "point"):
        raise SpecError("decimal must be comma or point")
    hr = data.get("header_row")
    if hr is not None and (not isinstance(hr, int) or hr < 1):
        raise SpecError("header_row is a row number from 1")


def _check_fields(data: dict) -> None:
    for col, name in (data.get("columns") or {}).items():
        _check_field(name, f"column {col!r}")
    for name in data.get("constants") or {}:
        _check_field(name, "constants")
    for name, unit in (data.get("units") or {}).items():
        _check_field(name, "units")
        if str(unit).lower() not in UNITS_KG:
            raise SpecError(f"units: unknown unit {unit!r} for {name}")
    for name, pattern in (data.get("split") or {}).items():
        _check_field(name, "split")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SpecError(f"split: bad pattern for {name}: {exc}") from None


def spec_from_dict(data: dict) -> ImportSpec:
    _check_shape(data)
    _check_fields(data)
    hr = data.get("header_row")
    sheets = data.get("sheets")
    return ImportSpec(
        version=1, sheets=tuple(sheets) if sheets else None, header_row=hr,
        columns={str(k): v for k, v in (data.get("columns") or {}).items()},
        constants=dict(data.get("constants") or {}), units=dict(data.get("units") or {}),
        date_order=data.get("date_order"), split=dict(data.get("split") or {}),
        defaults_country=data.get("defaults_country"), blanks=tuple(data.get("blanks") or ()),
        decimal=data.get("decimal"))


def load_spec(path) -> ImportSpec:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read spec {path}: {exc}") from None
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except Exception as exc:  # noqa: BLE001 - json and yaml raise different errors
        raise SpecError(f"spec {path.name} is not valid {path.suffix[1:] or 'JSON'}: {exc}") \
            from None
    return spec_from_dict(data)


def save_spec(spec: ImportSpec, path) -> None:
    path = Path(path)
    data = spec.to_json()
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    else:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")


def _column_index(key: str, headers: list[str]) -> int | None:
    for i, h in enumerate(headers):
        if h.strip().lower() == key.strip().lower():
            return i
    if key.isdigit():
        return int(key) - 1
    if re.fullmatch(r"[A-Za-z]{1,3}", key):
        n = 0
        for ch in key.upper():
            n = n * 26 + ord(ch) - 64
        return n - 1
    return None


def apply_spec(mappings: list[ColumnMapping], spec: ImportSpec, headers: list[str]) \
        -> list[ColumnMapping]:
    out = {m.column: m for m in mappings}
    for key, name in spec.columns.items():
        col = _column_index(key, headers)
        if col is None or col >= len(headers):
            raise SpecError(f"spec names column {key!r}, which the sheet does not have")
        unit = spec.units.get(name) if name else None
        out[col] = ColumnMapping(col, headers[col], name, 1.0 if name else 0.0, unit)
    chosen = {m.field: m.column for m in out.values() if m.field and m.confidence == 1.0
              and str(m.column) in {str(_column_index(k, headers)) for k in spec.columns}}
    return [m if not m.field or chosen.get(m.field, m.column) == m.column
            else ColumnMapping(m.column, m.header, None, 0.0) for m in sorted(out.values(),
                                                                          key=lambda m: m.column)]
