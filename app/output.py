"""How the command line prints: JSON for machines, aligned text for people."""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from collections.abc import Sequence


def _default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _finite(value):
    """NaN and infinities as null: JSON has no such numbers, and a script reading ours must
    not meet them."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def emit_json(data) -> None:
    json.dump(_finite(data), sys.stdout, ensure_ascii=False, indent=2, default=_default,
              allow_nan=False)
    sys.stdout.write("\n")


def emit_table(rows: Sequence[Sequence], headers: Sequence[str]) -> None:
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
        if n == 0:
            sys.stdout.write("  ".join("-" * w for w in widths) + "\n")


def emit_lines(lines) -> None:
    for line in lines:
        sys.stdout.write(f"{line}\n")
