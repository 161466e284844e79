"""``wasteintel cases``: list the cases."""

from __future__ import annotations

from casedb.cases.records import list_cases
from casedb.models import CASE_STATUSES

from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_table


def register(sub) -> None:
    p = sub.add_parser("cases", help="list cases")
    add_db_option(p)
    add_json_option(p)
    p.add_argument("--status", choices=CASE_STATUSES, help="only cases with this status")
    p.set_defaults(handler=_run)


def _run(args) -> int:
    cases = list_cases(open_db(args), status=args.status)
    if args.json:
        emit_json([c.to_json() for c in cases])
    else:
        emit_table([(c.case_ref, c.status, c.seizures, c.declarations, c.title) for c in cases],
                   ("case", "status", "seizures", "declarations", "title"))
    return 0
