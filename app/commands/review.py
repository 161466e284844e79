"""``wasteintel review``: what imports found besides the rows they stored: discrepancies
between sources (kept for review) and values kept as written with a warning."""

from __future__ import annotations

from ..arguments import UsageError, positive_int
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_table

STATUSES = ("open", "explained", "confirmed")


def register(sub) -> None:
    p = sub.add_parser("review", help="discrepancies between sources and values kept as "
                                      "written, for review")
    add_db_option(p)
    add_json_option(p)
    what = p.add_subparsers(dest="what", metavar="discrepancies|warnings|decide")
    d = what.add_parser("discrepancies", help="declarations two sources disagree about")
    d.add_argument("--status", choices=(*STATUSES, "all"), default="open")
    d.add_argument("--declaration", metavar="DECLARATION_NO")
    d.add_argument("--limit", type=positive_int, default=1000)
    w = what.add_parser("warnings", help="optional values imports kept as written")
    w.add_argument("--declaration", metavar="DECLARATION_NO")
    w.add_argument("--limit", type=positive_int, default=1000)
    x = what.add_parser("decide", help="mark a discrepancy explained, confirmed or open")
    x.add_argument("id", type=positive_int, metavar="ID")
    x.add_argument("status", choices=STATUSES)
    x.add_argument("--reason", required=True)
    for sp in (d, w, x):
        add_db_option(sp)
        add_json_option(sp)
        sp.set_defaults(handler=_run)
    p.set_defaults(handler=_run)


def _run(args) -> int:
    from casedb.importing import review

    what = getattr(args, "what", None)
    if what is None:
        raise UsageError("review: say what to review: discrepancies, warnings or decide")
    db = open_db(args)
    if what == "decide":
        found = [review.decide_discrepancy(db, args.id, args.status, args.reason)]
    elif what == "discrepancies":
        found = review.discrepancies(db, status=None if args.status == "all" else args.status,
                                     declaration_no=args.declaration, limit=args.limit)
    else:
        found = review.warnings(db, declaration_no=args.declaration, limit=args.limit)
    if args.json:
        emit_json([f.to_json() for f in found])
    else:
        emit_table([(f.id, f.declaration_no, f.field, f.value, f.other or "", f.status,
                     f"{f.file} {f.sheet} row {f.row}", f.reason if f.kind == "warning" else "")
                    for f in found],
                   ("id", "declaration", "field", "stored / as written", "other source",
                    "status", "from", "reason"))
    return 0
