"""``wasteintel dossier CASE_REF -o FILE.pdf|FILE.html``."""

from __future__ import annotations

from ..arguments import output_file
from ..cli import add_db_option
from ..context import open_db
from ..output import emit_lines


def register(sub) -> None:
    p = sub.add_parser("dossier", help="write a case dossier (PDF or self-contained HTML)")
    p.add_argument("case_ref", metavar="CASE_REF")
    p.add_argument("-o", "--output", type=output_file, required=True, metavar="FILE")
    p.add_argument("--classification", default="RESTRICTED",
                   help="banner on every page (default RESTRICTED)")
    p.add_argument("--lang", choices=("en", "zh-TW"), default="en")
    add_db_option(p)
    p.set_defaults(handler=_dossier)


def _dossier(args) -> int:
    from casedb.dossier import write_dossier  # reportlab and charts: only when a dossier is made

    out = write_dossier(open_db(args), args.case_ref, args.output,
                        classification=args.classification, lang=args.lang)
    emit_lines([f"dossier written to {out}"])
    return 0
