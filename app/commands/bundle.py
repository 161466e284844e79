"""``wasteintel bundle export | import | check``: exchange a case with another administration."""

from __future__ import annotations

from pathlib import Path

from ..arguments import UsageError, output_file
from ..cli import add_actions
from ..context import open_db
from ..output import emit_json, emit_lines


def register(sub) -> None:
    b = sub.add_parser("bundle", help="exchange a case with another administration (JSON)")
    bsub = b.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    ex = bsub.add_parser("export", help="write a case bundle")
    ex.add_argument("case_ref", metavar="CASE_REF")
    ex.add_argument("-o", "--output", type=output_file, metavar="FILE.json",
                    help="the bundle to write (not needed with --preview)")
    ex.add_argument("--redact", action="store_true",
                    help="leave out personal data: party names and identifiers, the summary and "
                         "notes; names, phones, emails, ID numbers, dates and addresses scrubbed "
                         "from the other texts")
    ex.add_argument("--preview", action="store_true",
                    help="show what the bundle holds and what redaction removes; write nothing "
                         "(with --json: the bundle itself)")
    im = bsub.add_parser("import", help="import a case bundle: a new case, or merged into the "
                                        "same case; importing it again changes nothing")
    im.add_argument("file", type=Path, metavar="FILE.json")
    im.add_argument("--as", dest="as_ref", metavar="CASE_REF",
                    help="import the case under this reference (when the bundle's is taken)")
    ck = bsub.add_parser("check", help="check a case bundle against the format; write nothing")
    ck.add_argument("file", type=Path, metavar="FILE.json")
    add_actions((ex, _export), (im, _import), (ck, _check))


def _export(args) -> int:
    from casedb.exchange import export_bundle

    if args.preview:
        return _preview(args)
    if args.output is None:
        raise UsageError("bundle export: name the file to write with -o FILE.json, or use "
                         "--preview (see wasteintel bundle export --help)")
    out = export_bundle(open_db(args), args.case_ref, args.output, redact=args.redact)
    if args.json:
        emit_json({"case_ref": args.case_ref, "bundle": str(out), "redacted": args.redact})
    else:
        emit_lines([f"case bundle written to {out}" + (" (redacted)" if args.redact else "")])
    return 0


def _preview(args) -> int:
    from casedb.exchange import build_bundle, bundle_text

    bundle = build_bundle(open_db(args), args.case_ref, redact=args.redact)
    if args.json:
        emit_lines([bundle_text(bundle)])
        return 0
    lines = [f"case {args.case_ref}: {len(bundle['declarations'])} declarations, "
             f"{len(bundle['parties'])} parties, {len(bundle['notes'])} notes"]
    if args.redact:
        lines.append("redaction removes:" if bundle["removed"] else
                     "redaction removes nothing more than the party names")
        lines += [f"  {r['field']}: {', '.join(r['kinds'])}" for r in bundle["removed"]]
    lines.append("nothing written (preview); --preview --json shows the whole bundle")
    emit_lines(lines)
    return 0


def _import(args) -> int:
    from casedb.exchange import load_bundle

    report = load_bundle(open_db(args), args.file, as_ref=args.as_ref)
    if args.json:
        emit_json(report.to_json())
        return 0
    if report.unchanged:
        head = f"{args.file}: case {report.case_ref} already imported: nothing changed"
    else:
        head = (f"{args.file}: case {report.case_ref} "
                f"{'created' if report.case_created else 'merged'}: "
                f"{report.declarations_added} declarations added, "
                f"{report.declarations_merged} completed, "
                f"{report.declarations_unchanged} already known, "
                f"{report.parties_created} new parties, {report.notes_added} notes")
    emit_lines([head, *(f"  warning: {w}" for w in report.warnings)])
    return 0


def _check(args) -> int:
    """A valid bundle says so; an invalid one is an error (every problem in --json)."""
    from casedb.exchange import read_bundle

    data, sha = read_bundle(args.file)
    if args.json:
        emit_json({"file": str(args.file), "ok": True, "case_ref": data["case"]["case_ref"],
                   "declarations": len(data["declarations"]), "sha256": sha})
    else:
        emit_lines([f"{args.file}: a valid bundle of case {data['case']['case_ref']} "
                    f"({len(data['declarations'])} declarations)"])
    return 0
