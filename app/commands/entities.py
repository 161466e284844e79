"""``wasteintel entities candidates | resolve | merge | reject | split | undo | redo``."""

from __future__ import annotations

from casedb.parties import resolution as entities

from ..arguments import fraction, positive_int
from ..cli import add_actions
from ..context import open_db
from ..output import emit_json, emit_lines, emit_table


def register(sub) -> None:
    p = sub.add_parser("entities", help="entity resolution of parties: candidates and decisions")
    esub = p.add_subparsers(dest="entities_command", metavar="ACTION", required=True)
    cand = esub.add_parser("candidates", help="pending matches with their evidence")
    cand.add_argument("--min-score", type=fraction, default=0.85, metavar="X",
                      help="between 0 and 1 (default 0.85)")
    res = esub.add_parser("resolve", help="apply remembered decisions, list the candidates")
    merge = esub.add_parser("merge", help="merge the second party into the first")
    reject = esub.add_parser("reject", help="record that two parties are not the same")
    for q in (merge, reject):
        q.add_argument("a", type=positive_int, metavar="PARTY_ID")
        q.add_argument("b", type=positive_int, metavar="PARTY_ID")
    split = esub.add_parser("split", help="move a raw name out to a party of its own")
    split.add_argument("party", type=positive_int, metavar="PARTY_ID")
    split.add_argument("raw_name", metavar="RAW_NAME")
    undo = esub.add_parser("undo", help="undo the party's last decision (again: the one before)")
    redo = esub.add_parser("redo", help="make the party's decision last undone again")
    for q in (undo, redo):
        q.add_argument("party", type=positive_int, metavar="PARTY_ID",
                       help="the party kept by a merge, the first of a rejection, or the one a "
                            "name was split from")
    for q in (merge, reject, split, undo, redo):
        q.add_argument("--reason", default="", help="why (kept in the audit log)")
    add_actions((cand, _candidates), (res, _resolve), (merge, _merge), (reject, _reject),
                (split, _split), (undo, _undo), (redo, _redo))


def _show(args, found) -> int:
    if args.json:
        emit_json([c.to_json() for c in found])
    else:
        emit_table([(c.left_id, c.left_name, c.right_id, c.right_name, f"{c.score:.2f}",
                     "; ".join(f"{k} {v}" for k, v in c.evidence)) for c in found],
                   ("id", "party", "id", "candidate", "score", "evidence"))
    return 0


def _candidates(args) -> int:
    return _show(args, entities.candidates(open_db(args), min_score=args.min_score))


def _resolve(args) -> int:
    return _show(args, entities.resolve(open_db(args)))


def _done(args, text: str, **data) -> int:
    if args.json:
        emit_json({"ok": True, **data})
    else:
        emit_lines([text])
    return 0


def _merge(args) -> int:
    entities.merge(open_db(args), args.a, args.b, reason=args.reason)
    return _done(args, f"merged party {args.b} into {args.a}", kept=args.a, merged=args.b)


def _reject(args) -> int:
    entities.reject(open_db(args), args.a, args.b, reason=args.reason)
    return _done(args, f"parties {args.a} and {args.b} recorded as different", a=args.a, b=args.b)


def _split(args) -> int:
    new = entities.split(open_db(args), args.party, args.raw_name, reason=args.reason)
    return _done(args, f"{args.raw_name!r} is now party {new}", party=new)


def _undo(args) -> int:
    from casedb.cases.undo import undo_last

    done = undo_last(open_db(args), "party", args.party, reason=args.reason)
    return _done(args, f"party {args.party}: undid the decision of {done.stamp}", **done.to_json())


def _redo(args) -> int:
    from casedb.parties.redo import redo_last_decision

    done = redo_last_decision(open_db(args), args.party, reason=args.reason)
    return _done(args, f"party {args.party}: made the {done.action} undone at {done.undo_stamp} "
                 "again", **done.to_json())
