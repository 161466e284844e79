"""``wasteintel alerts``: the hits of the saved rules (watchlists), kept until reviewed; and
``alerts watch | rules | run | review`` to manage them."""

from __future__ import annotations

from casedb.alerts import (
    DETECTORS,
    add_watchlist,
    list_alerts,
    list_watchlists,
    review_alerts,
    run_watchlists,
)
from casedb.models import WATCH_KINDS

from ..arguments import fraction, positive_int
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_table


def register(sub) -> None:
    p = sub.add_parser("alerts", help="alerts raised by the saved rules (watchlists), and the "
                                      "rules themselves")
    p.add_argument("--all", action="store_true", help="reviewed and dismissed alerts too")
    _common(p, _list)
    asub = p.add_subparsers(dest="alerts_command", metavar="ACTION")
    w = asub.add_parser("watch", help="save a rule")
    w.add_argument("kind", choices=WATCH_KINDS)
    w.add_argument("value", help=f"what to watch; for a detector one of {', '.join(DETECTORS)}")
    w.add_argument("--name", help="the rule's name (default: kind and value)")
    w.add_argument("--min-weight", type=fraction, default=0.5, metavar="X",
                   help="for a detector: the weight of its signal from which it alerts")
    _common(w, _watch)
    _common(asub.add_parser("rules", help="list the saved rules"), _rules)
    _common(asub.add_parser("run", help="run every rule over every declaration"), _run_all)
    r = asub.add_parser("review", help="mark alerts reviewed")
    r.add_argument("ids", type=positive_int, nargs="+", metavar="ID")
    r.add_argument("--dismiss", action="store_true", help="mark them dismissed instead")
    _common(r, _review)


def _common(p, handler) -> None:
    add_db_option(p)
    add_json_option(p)
    p.set_defaults(handler=handler)


def _list(args) -> int:
    alerts = list_alerts(open_db(args), status=None if args.all else "new")
    if args.json:
        emit_json([a.to_json() for a in alerts])
    else:
        emit_table([(a.id, a.status, a.declaration_no, a.declaration_date, a.rule, a.reason)
                    for a in alerts], ("alert", "status", "declaration", "date", "rule", "reason"))
    return 0


def _watch(args) -> int:
    params = {"min_weight": args.min_weight} if args.kind == "detector" else {}
    rule = add_watchlist(open_db(args), args.kind, args.value, name=args.name, params=params)
    _say(args, {"rule": rule}, f"rule {rule} saved")
    return 0


def _rules(args) -> int:
    rules = list_watchlists(open_db(args))
    if args.json:
        emit_json(rules)
    else:
        emit_table([(r["id"], r["name"], r["kind"], r["value"], "yes" if r["active"] else "no")
                    for r in rules], ("rule", "name", "kind", "value", "active"))
    return 0


def _run_all(args) -> int:
    new = run_watchlists(open_db(args))
    _say(args, {"new_alerts": new}, f"{new} new alerts")
    return 0


def _review(args) -> int:
    status = "dismissed" if args.dismiss else "reviewed"
    changed = review_alerts(open_db(args), args.ids, status=status)
    _say(args, {status: changed}, f"{changed} alerts {status}")
    return 0


def _say(args, data: dict, text: str) -> None:
    if args.json:
        emit_json(data)
    else:
        emit_table([(text,)], ("result",))
