"""``wasteintel risk``: one explainable risk score per declaration, riskiest first; the scores
are kept in the case database for the workstation to sort and filter by."""

from __future__ import annotations

from ..arguments import iso_date, positive_int
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_table


def register(sub) -> None:
    p = sub.add_parser("risk", help="risk score of each declaration from every detector "
                                    "(splits, unit values, HS switching, transshipment), "
                                    "with the reasons")
    p.add_argument("--top", type=positive_int, default=50, metavar="N",
                   help="the N riskiest declarations (default 50)")
    p.add_argument("--since", type=iso_date, metavar="DATE",
                   help="declarations dated DATE or later (prices are compared with the 12 "
                        "months before)")
    add_db_option(p)
    add_json_option(p)
    p.set_defaults(handler=_run)


def _run(args) -> int:
    from casedb.risk import risk_scores, store_scores  # scipy: only when the command runs

    db = open_db(args)
    rows = risk_scores(db, since=args.since)
    store_scores(db, rows, since=args.since)
    top = rows[: args.top]
    if args.json:
        emit_json([r.to_json() for r in top])
    else:
        emit_table([(f"{r.score:.2f}", r.declaration_no, r.date,
                     ", ".join(dict.fromkeys(s.kind for s in r.signals)), r.signals[0].reason)
                    for r in top], ("score", "declaration", "date", "signals", "first reason"))
    return 0
