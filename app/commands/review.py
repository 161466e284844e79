"""``wasteintel review``: what imports found besides the rows they stored: discrepancies
between sources (kept for review) and values kept as written with a warning. ``--lang zh-TW``
words the table (fields, statuses, reasons: casedb.importing.reasons) in Traditional Chinese;
the JSON keeps its English values and adds each reason in that language as ``reason_text``."""

from __future__ import annotations

from ..arguments import UsageError, positive_int
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_table

STATUSES = ("open", "explained", "confirmed")
LANGS = ("en", "zh-TW")
HEADERS = {"en": ("id", "declaration", "field", "stored / as written", "other source", "status",
                  "from", "reason"),
           "zh-TW": ("編號", "報單", "欄位", "儲存值／原文", "另一來源", "狀態", "來源", "理由")}


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
    for sp in (d, w):
        sp.add_argument("--lang", choices=LANGS, default="en",
                        help="the language of fields, statuses and reasons (default en)")
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
    lang = getattr(args, "lang", "en")
    if args.json:
        emit_json([_json(f, lang) for f in found])
    else:
        emit_table([_row(f, lang) for f in found], HEADERS[lang])
    return 0


def _json(finding, lang: str) -> dict:
    out = finding.to_json()
    if lang != "en":
        from casedb.importing.reasons import text

        out["reason_text"] = text(finding.reason, lang)
    return out


def _row(f, lang: str) -> tuple:
    if lang == "en":
        return (f.id, f.declaration_no, f.field, f.value, f.other or "", f.status,
                f"{f.file} {f.sheet} row {f.row}", f.reason if f.kind == "warning" else "")
    from casedb.importing.reasons import column_text, text, word

    name, _, item = f.field.partition(" (item ")  # a discrepancy on an item: "field (item 2)"
    field = column_text(name, lang) + (f"（項次 {item.rstrip(')')}）" if item else "")
    return (f.id, f.declaration_no, field, f.value, f.other or "", word(f.status, lang),
            f"{f.file} {f.sheet} 第 {f.row} 列", text(f.reason, lang) if f.kind == "warning" else "")
