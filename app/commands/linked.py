"""``wasteintel linked CASE_REF``: the cases linked to a case, and why."""

from __future__ import annotations

from ..arguments import positive_int
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_table


def register(sub) -> None:
    p = sub.add_parser("linked", help="cases linked to a case (shared party, address, phone, "
                                      "email, container, sailing or bill of lading)")
    p.add_argument("case_ref", metavar="CASE_REF")
    p.add_argument("--hops", type=positive_int, default=1, help="follow links this many steps (default 1)")
    p.add_argument("--weak", action="store_true",
                   help="also show weak links (only a broker, a port or an HS family in common)")
    add_db_option(p)
    add_json_option(p)
    p.set_defaults(handler=_run)


def _run(args) -> int:
    from casedb.links.linked_cases import linked_cases

    result = linked_cases(open_db(args), args.case_ref, hops=args.hops, weak=args.weak)
    if args.json:
        emit_json(result.to_json())
    else:
        emit_table([(x.case_ref, x.hops, f"{x.score:.2f}",
                     "; ".join(f"{v.kind} {v.value}" for v in x.via)) for x in result.linked],
                    ("linked case", "hops", "score", "shared"))
    return 0
