"""``wasteintel dossier CASE_REF -o FILE.pdf|FILE.html`` and ``wasteintel bundle``."""

from __future__ import annotations

from pathlib import Path

from casedb.dossier import write_dossier
from casedb.exports import export_bundle, import_bundle

from ..cli import add_db_option
from ..context import open_db
from ..output import emit_lines


def register(sub) -> None:
    p = sub.add_parser("dossier", help="write a case dossier (PDF or self-contained HTML)")
    p.add_argument("case_ref", metavar="CASE_REF")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--classification", default="RESTRICTED",
                   help="banner on every page (default RESTRICTED)")
    p.add_argument("--lang", choices=("en", "zh-TW"), default="en")
    add_db_option(p)
    p.set_defaults(handler=_dossier)
    b = sub.add_parser("bundle", help="exchange a case with another administration (JSON)")
    bsub = b.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    ex = bsub.add_parser("export", help="write a case bundle")
    ex.add_argument("case_ref", metavar="CASE_REF")
    ex.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json")
    ex.add_argument("--redact", action="store_true",
                    help="leave out personal data (names, phones, addresses, emails, notes)")
    im = bsub.add_parser("import", help="create a case from a bundle")
    im.add_argument("file", type=Path)
    for q, fn in ((ex, _export), (im, _import)):
        add_db_option(q)
        q.set_defaults(handler=fn)


def _dossier(args) -> int:
    out = write_dossier(open_db(args), args.case_ref, args.output,
                        classification=args.classification, lang=args.lang)
    emit_lines([f"dossier written to {out}"])
    return 0


def _export(args) -> int:
    out = export_bundle(open_db(args), args.case_ref, args.output, redact=args.redact)
    emit_lines([f"case bundle written to {out}"])
    return 0


def _import(args) -> int:
    ref = import_bundle(open_db(args), args.file)
    emit_lines([f"case {ref} imported"])
    return 0
