"""``wasteintel routes``: route shares over time and their shifts, on declarations."""

from __future__ import annotations

from casedb.analysis.routes import BY, route_shares

from ..arguments import hs_prefix, iso_date
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_table


def register(sub) -> None:
    p = sub.add_parser("routes", help="route shares over time and shifts (declarations)")
    p.add_argument("--hs", type=hs_prefix, metavar="PREFIX", help="HS code prefix, e.g. 3915")
    p.add_argument("--by", choices=BY, default="dest-country")
    p.add_argument("--period", choices=("month", "quarter", "year"), default="year")
    p.add_argument("--measure", choices=("tonnes", "count"), default="tonnes")
    p.add_argument("--event", type=iso_date, metavar="DATE",
                   help="enforcement date: shifts are measured before and after it")
    p.add_argument("--since", type=iso_date, metavar="DATE")
    p.add_argument("--until", type=iso_date, metavar="DATE")
    add_db_option(p)
    add_json_option(p)
    p.set_defaults(handler=_run)


def print_table(table) -> None:
    emit_table([(s.label, s.route, *(f"{x:.1%}" for x in s.shares)) for s in table.series[:15]],
               ("route", "key", *table.periods))
    if table.shifts:
        emit_table([(s.label, s.change_point, f"{s.before_share:.1%}", f"{s.after_share:.1%}")
                    for s in table.shifts[:10]], ("shift", "from", "before", "after"))


def _run(args) -> int:
    table = route_shares(open_db(args), hs_prefix=args.hs, by=args.by, period=args.period,
                         since=args.since, until=args.until, measure=args.measure,
                         event=args.event)
    if args.json:
        emit_json(table.to_json())
    else:
        print_table(table)
    return 0
