"""``wasteintel trade import | shares | mirror``: aggregate trade statistics."""

from __future__ import annotations

from pathlib import Path

from casedb.trade import import_trade, mirror_discrepancies, trade_shares
from casedb.trade.importer import load_trade_spec

from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_table
from .routes import iso_date, print_table


def register(sub) -> None:
    p = sub.add_parser("trade", help="trade statistics (BACI, UN Comtrade): import, shares, "
                                     "mirror discrepancies")
    tsub = p.add_subparsers(dest="trade_command", metavar="ACTION", required=True)
    imp = tsub.add_parser("import", help="import a trade-statistics CSV (or .csv.gz)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--spec", type=Path, help="JSON: reporter, flow, hs_code, dataset, columns")
    imp.add_argument("--dataset", help="name of the dataset (default: from the layout)")
    sh = tsub.add_parser("shares", help="shares by importer, exporter or pair, with shifts")
    sh.add_argument("--hs", default="3915")
    sh.add_argument("--by", choices=("importer", "exporter", "pair"), default="importer")
    sh.add_argument("--reporter")
    sh.add_argument("--flow", choices=("import", "export"))
    sh.add_argument("--event", type=iso_date, metavar="DATE")
    sh.add_argument("--dataset")
    mi = tsub.add_parser("mirror", help="pairs whose two sides report flows that disagree")
    mi.add_argument("--hs", default="3915")
    mi.add_argument("--ratio", type=float, default=1.5)
    for q, fn in ((imp, _import), (sh, _shares), (mi, _mirror)):
        add_db_option(q)
        add_json_option(q)
        q.set_defaults(handler=fn)


def _import(args) -> int:
    spec = load_trade_spec(args.spec) if args.spec else None
    report = import_trade(open_db(args), args.file, spec=spec, dataset=args.dataset)
    if args.json:
        emit_json(report.to_json())
    else:
        note = " (already imported: nothing changed)" if report.unchanged else ""
        emit_table([(report.file, report.layout, report.dataset, report.rows_read,
                     report.imported, report.refused)],
                   ("file", "layout", "dataset", "rows", "imported", "refused"))
        if note:
            emit_table([(note.strip(),)], ("note",))
    return 0


def _shares(args) -> int:
    table = trade_shares(open_db(args), hs=args.hs, by=args.by, reporter=args.reporter,
                         flow=args.flow, event=args.event, dataset=args.dataset)
    if args.json:
        emit_json(table.to_json())
    else:
        print_table(table)
    return 0


def _mirror(args) -> int:
    gaps = mirror_discrepancies(open_db(args), hs=args.hs, ratio=args.ratio)
    if args.json:
        emit_json([g.to_json() for g in gaps])
    else:
        emit_table([(g.exporter, g.importer, g.year, f"{g.export_reported_t:,.0f}",
                     f"{g.import_reported_t:,.0f}", f"{g.ratio:.2f}") for g in gaps],
                   ("exporter", "importer", "year", "export says t", "import says t", "ratio"))
    return 0
