"""``wasteintel splits``: split-shipment rings, best first, with their explanation."""

from __future__ import annotations

from ..arguments import fraction, iso_date, positive_kg
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_lines


def register(sub) -> None:
    p = sub.add_parser("splits", help="detect split shipments: many declarations under a "
                                      "threshold within weeks (scatter-gather, fan-in, fan-out, "
                                      "stacks of forwarders)")
    p.add_argument("--since", type=iso_date, metavar="DATE")
    p.add_argument("--until", type=iso_date, metavar="DATE")
    p.add_argument("--min-score", type=fraction, default=0.5, metavar="X",
                   help="between 0 and 1 (default 0.5)")
    p.add_argument("--threshold-kg", type=positive_kg, action="append", metavar="KG",
                   help="a national threshold to test besides those the weights show "
                        "(repeatable; default: the setting splits.thresholds)")
    add_db_option(p)
    add_json_option(p)
    p.set_defaults(handler=_run)


def _run(args) -> int:
    from casedb.analysis.splits import detect_splits  # scipy: only when the command runs

    rings = detect_splits(open_db(args), since=args.since, until=args.until,
                          min_score=args.min_score, thresholds_kg=args.threshold_kg)
    if args.json:
        emit_json([r.to_json() for r in rings])
    else:
        for r in rings:
            emit_lines([f"score {r.score:.2f}  {r.typology}  {r.first} .. {r.last}  "
                        f"{', '.join(r.shipper_names)} -> {', '.join(r.consignee_names)}",
                        *(f"    {x}" for x in r.reasons),
                        f"    declarations: {', '.join(r.declaration_nos)}", ""])
    return 0
