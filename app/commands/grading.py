"""``wasteintel grade source|note|attachment TARGET GRADE`` and ``wasteintel grade scheme``."""

from __future__ import annotations

from ..cli import add_actions
from ..context import open_db
from ..output import emit_json, emit_lines

TARGETS = {"source": "source_file", "note": "note", "attachment": "attachment"}


def register(sub) -> None:
    from casedb.evidence.grading import SCHEMES

    p = sub.add_parser("grade", help="grade the source of an import, a note or an attachment")
    gsub = p.add_subparsers(dest="grade_command", metavar="WHAT", required=True)
    handlers = []
    for name, what in (("source", "an imported file: its SHA-256 (8 characters at least) or id"),
                       ("note", "a note: its id"), ("attachment", "an attachment: its id")):
        q = gsub.add_parser(name, help=f"grade {what.split(':')[0]}")
        q.add_argument("target", metavar="TARGET", help=what)
        q.add_argument("grade", metavar="GRADE", help="e.g. B2 (Admiralty/NATO), 1AP (UK 3x5x2)")
        q.add_argument("--scheme", choices=sorted(SCHEMES),
                       help="the grading scheme (default: the database's, see 'grade scheme')")
        handlers.append((q, _grade))
    sc = gsub.add_parser("scheme", help="show or choose the grading scheme of new grades")
    sc.add_argument("name", nargs="?", choices=sorted(SCHEMES), help="the scheme to use")
    handlers.append((sc, _scheme))
    add_actions(*handlers)


def _grade(args) -> int:
    from casedb.errors import ConfigError
    from casedb.evidence import grading

    db = open_db(args)
    entity = TARGETS[args.grade_command]
    if entity == "source_file":
        g = grading.set_source_grade(db, args.target, args.grade, args.scheme)
    elif args.target.isdigit():
        g = grading.set_grade(db, entity, int(args.target), args.grade, args.scheme)
    else:
        raise ConfigError(f"{args.target!r}: name the {args.grade_command} by its id (a number)")
    if args.json:
        emit_json({"what": args.grade_command, "target": args.target, **g.to_json(),
                   "meaning": g.meaning})
    else:
        emit_lines([f"{args.grade_command} {args.target} graded {g}"])
    return 0


def _scheme(args) -> int:
    from casedb.evidence import grading

    db = open_db(args)
    name = grading.set_default_scheme(db, args.name) if args.name else \
        grading.default_scheme(db)
    if args.json:
        emit_json({"scheme": name, "schemes": sorted(grading.SCHEMES)})
    else:
        emit_lines([f"grading scheme: {name} ({grading.SCHEMES[name].title})"])
    return 0
