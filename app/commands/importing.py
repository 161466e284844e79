"""``wasteintel import FILE...``: import seizure and declaration spreadsheets."""

from __future__ import annotations

import sys
from pathlib import Path

from casedb.errors import ReadError
from casedb.importing.pipeline import import_file
from casedb.importing.spec import load_spec

from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_lines


def register(sub) -> None:
    p = sub.add_parser("import", help="import seizure and declaration spreadsheets "
                                      "(xlsx, xlsm, xls, ods, csv, tsv, txt)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--spec", type=Path, help="import spec (JSON or YAML) overriding the mapping")
    add_db_option(p)
    add_json_option(p)
    p.set_defaults(handler=_run)


def _run(args) -> int:
    spec = load_spec(args.spec) if args.spec else None
    db = open_db(args)
    results, failed = [], 0
    for path in args.files:
        try:
            if not path.is_file():
                raise ReadError(str(path), "no such file")
            report = import_file(db, path, spec=spec)
        except ReadError as exc:
            failed += 1
            results.append({"file": str(path), "error": exc.reason})
            sys.stderr.write(f"wasteintel: error: {path}: {' '.join(exc.reason.split())}\n")
            continue
        results.append(report.to_json())
    if args.json:
        emit_json({"files": results})
    else:
        emit_lines(_text(r) for r in results)
    return 1 if failed else 0


def _text(r: dict) -> str:
    if "error" in r:
        return f"{r['file']}: NOT IMPORTED: {r['error']}"
    lines = [f"{r['file']}: {r['rows_read']} rows read, {r['imported']} imported, "
             f"{r['merged']} merged, {r['unchanged']} unchanged, {len(r['refused'])} refused"
             + (" (already imported: nothing changed)"
                if r["unchanged"] and not (r["imported"] or r["merged"]) else "")]
    lines += [f"  refused {x['sheet']} row {x['row']} [{x['column']}]: {x['reason']}"
              for x in r["refused"][:50]]
    if len(r["refused"]) > 50:
        lines.append(f"  ... and {len(r['refused']) - 50} more (use --json for all)")
    return "\n".join(lines)
