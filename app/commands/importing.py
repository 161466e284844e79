"""``wasteintel import FILE...``: import seizure and declaration spreadsheets.

Each file gets a verdict: imported, partly imported (some rows refused), nothing stored,
unreadable, not declarations (such as trade statistics), or needs a decision (a required
column missing or ambiguous, a weight's unit unknown: nothing is written until an import
spec, ``--set`` or ``--unit`` settles it). Exit codes: 0 every file imported; 3 every file
stored something but some rows were refused; 1 a file stored nothing (unreadable, not
declarations, every row refused); 2 a file needs a decision, or the arguments are wrong.
"""

from __future__ import annotations

import gc
import sys
from dataclasses import replace
from pathlib import Path

from casedb.errors import NeedsDecision, NotDeclarations, ReadError

from ..arguments import UsageError
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_lines

UNREADABLE, NOT_DECLARATIONS, NEEDS_DECISION = "unreadable", "not declarations", "needs a decision"
EXIT = {"imported": 0, "partly imported": 3, "nothing stored": 1, UNREADABLE: 1,
        NOT_DECLARATIONS: 1, NEEDS_DECISION: 2}
SEVERITY = ("imported", "partly imported", "nothing stored", UNREADABLE, NOT_DECLARATIONS,
            NEEDS_DECISION)


def register(sub) -> None:
    p = sub.add_parser(
        "import", help="import seizure and declaration spreadsheets "
                       "(xlsx, xlsm, xls, ods, csv, tsv, txt)",
        description=__doc__.split("\n\n", 1)[1])
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--spec", type=Path, help="import spec (JSON or YAML) overriding the mapping")
    p.add_argument("--dry-run", action="store_true",
                   help="say what the import would do (mapping, evidence, counts); write nothing")
    p.add_argument("--save-spec", type=Path, metavar="SPEC",
                   help="with --dry-run: write the mapping found as an import spec to edit")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                   help="a value for every row, e.g. --set direction=import --set "
                        "authority='TW Customs'")
    p.add_argument("--grade", metavar="GRADE",
                   help="grade each file as a source (Admiralty/NATO 6x6 by default, e.g. B2; "
                        "see 'wasteintel grade scheme')")
    p.add_argument("--unit", action="append", default=[], metavar="FIELD=UNIT",
                   help="the unit of a weight column that names none, e.g. "
                        "--unit gross_weight_kg=t (kg, t or lb)")
    add_db_option(p)
    add_json_option(p)
    p.set_defaults(handler=_run)


def _spec(args):
    from casedb.importing.spec import ImportSpec, load_spec, spec_from_dict
    from casedb.normalize.weights import UNITS_KG

    spec = load_spec(args.spec) if args.spec else None
    if not (args.set or args.unit):
        return spec
    data = (spec or ImportSpec()).to_json()
    data["constants"] = {**data.get("constants", {}), **_pairs(args.set, "--set")}
    units = _pairs(args.unit, "--unit")
    for name, unit in units.items():
        if str(unit).lower() not in UNITS_KG:
            raise UsageError(f"--unit {name}={unit}: unknown unit; use kg, t or lb")
    data["units"] = {**data.get("units", {}), **units}
    return spec_from_dict(data)


def _pairs(items: list[str], option: str) -> dict:
    from casedb.importing.fields import FIELDS

    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or name not in FIELDS:
            raise UsageError(f"{option} {item}: expected FIELD=VALUE with a field such as "
                             "direction, authority or gross_weight_kg")
        out[name] = value.strip()
    return out


def _run(args) -> int:
    gc.disable()  # a process that imports, then exits: full collections rescanning the rows
    spec = _spec(args)
    if args.save_spec and not args.dry_run:
        raise UsageError("--save-spec goes with --dry-run: add --dry-run")
    db = open_db(args)
    if args.grade:
        from casedb.errors import ConfigError
        from casedb.evidence.grading import default_scheme, parse

        try:
            parse(args.grade, default_scheme(db))  # before any file is imported
        except ConfigError as exc:
            raise UsageError(f"--grade {args.grade}: {exc}") from None
    results = [_one(db, path, spec, args) for path in args.files]
    if args.json:
        emit_json({"files": results})
    else:
        emit_lines(_text(r) for r in results)
        emit_lines(_verdict(r) for r in results)
    worst = max((SEVERITY.index(r["status"]) for r in results), default=0)
    return EXIT[SEVERITY[worst]]


def _one(db, path: Path, spec, args) -> dict:
    from casedb.alerts import run_watchlists
    from casedb.importing.dry_run import dry_run
    from casedb.importing.pipeline import import_file
    from casedb.importing.spec import save_spec

    try:
        if not path.exists():
            raise ReadError(str(path), "no such file; check the path")
        if not path.is_file():
            raise ReadError(str(path), "is a folder, not a file; name the files in it")
        if args.dry_run:
            done = dry_run(db, path, spec)
            if args.save_spec:
                save_spec(replace(done.spec), args.save_spec)
            return {**done.to_json(), "file": str(path)}
        report = import_file(db, path, spec=spec, watch=run_watchlists).to_json()
        if args.grade and report["status"] != "nothing stored":
            from casedb.evidence.grading import set_source_grade

            report["grade"] = str(set_source_grade(db, report["sha256"], args.grade))
        return {**report, "file": str(path)}
    except ReadError as exc:
        status = (NEEDS_DECISION if isinstance(exc, NeedsDecision)
                  else NOT_DECLARATIONS if isinstance(exc, NotDeclarations) else UNREADABLE)
        sys.stderr.write(f"wasteintel: error: {path}: {' '.join(exc.reason.split())}\n")
        out = {"file": str(path), "status": status, "error": exc.reason}
        if isinstance(exc, NeedsDecision):
            out["questions"] = [q.to_json() for q in exc.questions]
        return out


def _text(r: dict) -> str:
    if "error" in r and r["status"] == NEEDS_DECISION:
        lines = [f"{r['file']}: NEEDS A DECISION, nothing written:"]
        lines += [f"  {q['sheet']}: {q['reason']}" + (
            f" (--unit {q['field']}=t, or kg, or lb)" if q["kind"] == "unit" else "")
            for q in r.get("questions", [])]
        lines.append("  settle it with an import spec (--spec; --dry-run --save-spec writes "
                     "one to edit), --set FIELD=VALUE or --unit FIELD=UNIT")
        return "\n".join(lines)
    if "error" in r:
        return f"{r['file']}: {r['status'].upper()}: {r['error']}"
    if r.get("dry_run"):
        return _dry_text(r)
    lines = [f"{r['file']}: {r['rows_read']} rows read, {r['imported']} imported, "
             f"{r['merged']} merged, {r['unchanged']} unchanged, {len(r['refused'])} refused, "
             f"{len(r['warnings'])} warnings, {len(r['discrepancies'])} discrepancies"
             + (" (already imported: nothing changed)"
                if r["unchanged"] and not (r["imported"] or r["merged"]) else "")]
    lines += _listed(r)
    return "\n".join(lines)


def _listed(r: dict) -> list[str]:
    lines = [f"  refused {x['sheet']} row {x['row']} [{x['column']}]: {x['reason']}"
             for x in r["refused"][:50]]
    if len(r["refused"]) > 50:
        lines.append(f"  ... and {len(r['refused']) - 50} more refused (use --json for all)")
    lines += [f"  warning {x['sheet']} row {x['row']} [{x['column']}] kept as written "
              f"{x['value']!r}: {x['reason']}" for x in r["warnings"][:20]]
    if len(r["warnings"]) > 20:
        lines.append(f"  ... and {len(r['warnings']) - 20} more warnings (use --json for all)")
    lines += [f"  discrepancy {d.get('sheet')} row {d.get('row')} [{d.get('field')}]: stored "
              f"{d.get('stored')!r}, this file {d.get('other')!r}" for d in r["discrepancies"][:20]]
    return lines


def _dry_text(r: dict) -> str:
    lines = [f"{r['file']}: dry run, nothing written"]
    for s in r["sheets"]:
        lines.append(f"  sheet {s['name']!r}: header on row {s['header_row']}")
        for c in s["columns"]:
            target = c["field"] or "(not imported)"
            unit = f" [{c['unit']}]" if c["unit"] else ""
            lines.append(f"    {c['header'] or 'column ' + str(c['column'])!s:32} -> "
                         f"{target}{unit} {c['confidence']:.2f}  {c['evidence']}")
        for row in s["sample"][:3]:
            lines.append(f"    sample: {row}")
    if "would" in r:
        w = r["would"]
        lines.append(f"  would import {w['imported']}, merge {w['merged']}, leave "
                     f"{w['unchanged']} unchanged, refuse {w['refused']}, warn {w['warnings']}, "
                     f"record {w['discrepancies']} discrepancies of {w['rows_read']} rows")
        lines += _listed(r)
    for q in r.get("questions", []):
        lines.append(f"  to settle: {q['sheet']}: {q['reason']}")
    return "\n".join(lines)


def _verdict(r: dict) -> str:
    """The closing line of a file: its verdict and counts."""
    if "error" in r:
        return f"{r['file']}: {r['status']}"
    if r.get("dry_run"):
        return f"{r['file']}: would be {r['status']}" if r["status"] != NEEDS_DECISION \
            else f"{r['file']}: {NEEDS_DECISION}"
    return (f"{r['file']}: {r['status']} ({r['imported']} imported, {r['merged']} merged, "
            f"{r['unchanged']} unchanged, {len(r['refused'])} refused, "
            f"{len(r['warnings'])} warnings)")
