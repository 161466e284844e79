"""``wasteintel case new|edit|add|remove|merge|undo|redo``: case management by hand, every change
audited with its reason (``--reason``) and checked against the status workflow."""

from __future__ import annotations

import argparse

from casedb.cases import status as case_status

from ..arguments import iso_date
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_lines


def _text(text: str) -> str:
    value = text.strip()
    if not value:
        raise argparse.ArgumentTypeError("must not be empty")
    return value


def _common(p) -> None:
    p.add_argument("--reason", default="", help="why (kept in the audit log)")
    add_db_option(p)
    add_json_option(p)


def _fields(p, *, new: bool) -> None:
    p.add_argument("--title", type=_text)
    p.add_argument("--status", choices=case_status.WORKFLOW,
                   help="open, investigating, referred (to the prosecutor) or closed"
                        + ("" if new else "; only along the workflow"))
    p.add_argument("--lead", type=_text, metavar="NAME", help="lead officer")
    p.add_argument("--summary")
    p.add_argument("--team", type=_text)
    p.add_argument("--classification", type=_text)
    p.add_argument("--tag", action="append", metavar="TAG", dest="tags",
                   help="a tag (repeat for several; replaces the case's tags)")
    p.add_argument("--opened", type=iso_date, metavar="YYYY-MM-DD", help="opened on")
    if not new:
        p.add_argument("--closed", type=iso_date, metavar="YYYY-MM-DD", help="closed on")


def register(sub) -> None:
    p = sub.add_parser("case", help="create, edit, fill and merge cases (see wasteintel cases)")
    verbs = p.add_subparsers(dest="verb", metavar="ACTION", required=True)
    n = verbs.add_parser("new", help="a new case")
    n.add_argument("case_ref", metavar="REF", type=_text)
    _fields(n, new=True)
    _common(n)
    n.set_defaults(handler=_new)
    e = verbs.add_parser("edit", help="change a case's fields or status")
    e.add_argument("case_ref", metavar="REF")
    _fields(e, new=False)
    _common(e)
    e.set_defaults(handler=_edit)
    for verb, helptext, handler in (("add", "add declarations to a case", _add),
                                    ("remove", "take declarations out of a case", _remove)):
        a = verbs.add_parser(verb, help=helptext)
        a.add_argument("case_ref", metavar="REF")
        a.add_argument("numbers", metavar="DECLARATION_NO", nargs="+")
        _common(a)
        a.set_defaults(handler=handler)
    m = verbs.add_parser("merge", help="merge OTHER_REF into REF (OTHER_REF is closed)")
    m.add_argument("case_ref", metavar="REF")
    m.add_argument("other_ref", metavar="OTHER_REF")
    _common(m)
    m.set_defaults(handler=_merge)
    for verb, helptext in (("undo", "undo the case's last change (again: the one before)"),
                           ("redo", "redo the change last undone")):
        u = verbs.add_parser(verb, help=helptext)
        u.add_argument("case_ref", metavar="REF")
        _common(u)
        u.set_defaults(handler=_undo)


FIELD_ARGS = {"title": "title", "status": "status", "lead": "lead_officer", "summary": "summary",
              "team": "team", "classification": "classification", "tags": "tags",
              "opened": "opened_on", "closed": "closed_on"}


def _given(args) -> dict:
    return {field: getattr(args, arg) for arg, field in FIELD_ARGS.items()
            if getattr(args, arg, None) is not None}


def _new(args) -> int:
    from casedb.cases.members import new_case

    return _report(args, new_case(open_db(args), args.case_ref, reason=args.reason,
                                  **_given(args)), "created")


def _edit(args) -> int:
    from casedb.cases.records import edit_case

    from ..arguments import UsageError

    changes = _given(args)
    if not changes:
        raise UsageError("case edit: nothing to change; give --title, --status, --lead, "
                         "--summary or another field (see wasteintel case edit --help)")
    return _report(args, edit_case(open_db(args), args.case_ref, changes, expected_version=None,
                                   reason=args.reason), "edited")


def _add(args) -> int:
    from casedb.cases.members import add_to_case, declaration_ids

    db = open_db(args)
    ids = declaration_ids(db, args.numbers)
    return _report(args, add_to_case(db, args.case_ref, ids, reason=args.reason,
                                     detection_method="added by hand"), "added to")


def _remove(args) -> int:
    from casedb.cases.members import declaration_ids, remove_from_case

    db = open_db(args)
    ids = declaration_ids(db, args.numbers)
    return _report(args, remove_from_case(db, args.case_ref, ids, reason=args.reason),
                   "removed from")


def _merge(args) -> int:
    from casedb.cases.members import merge_cases

    return _report(args, merge_cases(open_db(args), args.case_ref, args.other_ref,
                                     reason=args.reason), "merged into")


def _undo(args) -> int:
    from casedb.cases.undo import redo_last, undo_last

    if args.verb == "redo":
        done = redo_last(open_db(args), args.case_ref, reason=args.reason)
    else:
        done = undo_last(open_db(args), "case", args.case_ref, reason=args.reason)
    if args.json:
        emit_json(done.to_json())
    else:
        word = "redid the change undone" if args.verb == "redo" else "undid the change"
        emit_lines([f"case {args.case_ref}: {word} of {done.stamp}"])
    return 0


def _report(args, written, verb: str) -> int:
    if args.json:
        emit_json(written.to_json())
        return 0
    emit_lines([_sentence(args, written, verb)])
    return 0


def _sentence(args, written, verb: str) -> str:
    ref, n = args.case_ref, len(written.seizure_ids)
    if verb == "added to":
        more = "" if written else " (all were there already)"
        return f"{n} declaration(s) added to case {ref}{more}, version {written.version}"
    if verb == "removed from":
        return f"{n} declaration(s) removed from case {ref}, version {written.version}"
    if verb == "merged into":
        return (f"case {args.other_ref} merged into {ref}: {n} declaration(s) moved; "
                f"{args.other_ref} is closed")
    if not written:
        return f"case {ref}: nothing changed (version {written.version})"
    return f"case {ref} {verb}: {', '.join(written.fields)} (version {written.version})"
