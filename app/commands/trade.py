"""``wasteintel trade import | datasets | remove | shares | mirror``: trade statistics."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casedb.errors import CaseDbError, ReadError
from casedb.trade import (
    import_trade,
    list_datasets,
    load_trade_spec,
    mirror_discrepancies,
    remove_dataset,
    trade_shares,
)
from casedb.trade.reading import readable

from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_lines, emit_table
from .routes import iso_date, print_table

IMPORT_HELP = """\
Layouts recognised by their columns (no spec needed):
  BACI (CEPII)           t, k, v, q, i/exporter, j/importer: v in thousand USD, q in tonnes
  Comtrade               UN Comtrade legacy bulk CSV and current API CSV or JSON:
                         reporter, partner, flow (M/X, Import/Export), period or year
                         (+ month), cmdCode, netWgt (kg), primaryValue (USD); partner World
                         rows are the reporter's totals; re-exports and re-imports skipped
  UK HMRC OTS            Cn8, Year or MonthId, FlowType ("EU Imports", "Non-EU Exports"...),
                         Country, Value (GBP), NetMass (kg), SuppUnit; reporter GBR; also
                         the uktradeinfo API's JSON
  Eurostat Comext        DECLARANT(_ISO), PARTNER(_ISO), PRODUCT_NC (CN8), FLOW 1/2,
                         PERIOD (201801; 2018 or 201852 for a year), VALUE_IN_EUROS,
                         QUANTITY_IN_KG; also the data browser's SDMX-CSV
  US Census              USA Trade Online: Commodity, Country, Time ("2018",
                         "January 2018"), value in USD (its header says exports or imports),
                         quantity, shipping weight in kg; reporter USA; also the API's JSON
  Taiwan customs         貨品號列, 國家, 日期/年月, 進出口別, 重量(公斤), 價值(新臺幣千元 or
                         美元千元; thousands are multiplied out); reporter TWN
  reporter totals        a reporter column, year and imports/exports columns, no partner:
                         imported as totals (partner World)
Values keep their currency (GBP, EUR, TWD, USD); codes keep their national length beside
their HS6. A FOLDER imports every CSV file in it (.csv, .csv.gz, .tsv, .txt, .dat); other
files are skipped with a note. JSON files (Comtrade, Census or HMRC API) and workbooks (xlsx,
xls, ods: the first sheet with a header a layout knows) are imported when named.

--spec JSON (docs/trade.md): {"dataset": NAME, "layout": NAME, "columns": {FIELD: HEADER},
  "reporter": NAME|ISO, "flow": "import"|"export", "currency": "GBP", "value_scale": 1000,
  "mass_unit": "kg"|"t"|"lb"|"short_ton", "code": "3915", "year": 2020,
  "flows": {WORD: "import"|"export"|"skip"}, "partners": {NAME: ISO}}
  FIELDs: reporter partner exporter importer flow year month period code net_mass
  net_mass_unit value currency supp_quantity supp_unit import_mass export_mass.
Rows that cannot be read are refused and listed with their line and reason; unknown partners
are kept under their name with a warning.
Importing a file again with the same spec and dataset changes nothing; with another spec or
dataset its earlier rows are replaced by the new reading."""


def register(sub) -> None:
    p = sub.add_parser("trade", help="trade statistics (BACI, UN Comtrade, national offices): "
                                     "import, datasets, shares, mirror discrepancies")
    tsub = p.add_subparsers(dest="trade_command", metavar="ACTION", required=True)
    imp = tsub.add_parser("import", help="import trade-statistics files (CSV, .csv.gz, JSON, "
                                         "xlsx)",
                          description="Import trade statistics as offices publish them.",
                          epilog=IMPORT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE_OR_FOLDER")
    imp.add_argument("--spec", type=Path, help="JSON trade spec (see below)")
    imp.add_argument("--dataset", help="name of the dataset (default: SOURCE:FILE, e.g. "
                                          "HMRC:ots_2020)")
    ds = tsub.add_parser("datasets", help="the trade datasets: source, reporters, flows, "
                                          "years and months, rows, currencies")
    rm = tsub.add_parser("remove", help="remove a trade dataset and its flows")
    rm.add_argument("dataset", metavar="DATASET")
    sh = tsub.add_parser("shares", help="shares by importer, exporter, partner or pair, "
                                        "with shifts")
    sh.add_argument("--hs", default="3915", help="commodity code prefix (default 3915)")
    sh.add_argument("--by", choices=("importer", "exporter", "partner", "pair"),
                    default="importer")
    sh.add_argument("--reporter", help="reporter name or ISO code")
    sh.add_argument("--flow", choices=("import", "export"))
    sh.add_argument("--period", choices=("year", "month"), default="year")
    sh.add_argument("--measure", choices=("tonnes", "value"),
                    help="shares of net mass (default) or of value (default when the flows "
                         "have no mass)")
    sh.add_argument("--event", type=iso_date, metavar="DATE")
    sh.add_argument("--dataset", action="append", help="dataset (repeat to add several up)")
    mi = tsub.add_parser("mirror", help="pairs whose two sides report flows that disagree "
                                        "(across datasets too)")
    mi.add_argument("--hs", default="3915")
    mi.add_argument("--ratio", type=float, default=1.5, help="0 lists every pair")
    mi.add_argument("--min-tonnes", type=float, default=100.0)
    mi.add_argument("--reporter", help="only this reporter's exports")
    mi.add_argument("--exports-dataset", help="dataset of the exporters' side")
    mi.add_argument("--imports-dataset", help="dataset of the importers' side")
    for q, fn in ((imp, _import), (ds, _datasets), (rm, _remove), (sh, _shares),
                  (mi, _mirror)):
        add_db_option(q)
        add_json_option(q)
        q.set_defaults(handler=_guarded(fn))


def _guarded(fn):
    """Errors as one sentence on stderr, and as a JSON object on stdout with --json."""
    def run(args) -> int:
        try:
            return fn(args)
        except CaseDbError as exc:
            message = " ".join(str(exc).split())
            if getattr(args, "json", False):
                emit_json({"error": message})
            sys.stderr.write(f"wasteintel: error: {message}\n")
            return 1
    return run


def _files(paths: list[Path]) -> tuple[list[Path], list[dict]]:
    files, notes = [], []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for child in sorted(p for p in path.iterdir() if p.is_file()):
            if readable(child) and not child.name.lower().endswith((".json", ".json.gz")):
                files.append(child)
            else:
                notes.append({"file": str(child), "note": "skipped: not a CSV file"})
    return files, notes


def _import(args) -> int:
    spec = load_trade_spec(args.spec) if args.spec else None
    db = open_db(args)
    files, results = _files(args.files)
    failed = 0
    for path in files:
        try:
            results.append(import_trade(db, path, spec=spec, dataset=args.dataset).to_json()
                           | {"file": str(path)})
        except ReadError as exc:
            failed += 1
            results.append({"file": str(path), "error": " ".join(exc.reason.split())})
            sys.stderr.write(f"wasteintel: error: {path}: {' '.join(exc.reason.split())}\n")
    if args.json:
        emit_json({"files": results})
    else:
        emit_lines(_text(r) for r in results)
    return 1 if failed else 0


def _text(r: dict) -> str:
    if "note" in r:
        return f"{r['file']}: {r['note']}"
    if "error" in r:
        return f"{r['file']}: NOT IMPORTED: {r['error']}"
    lines = [f"{r['file']}: {r['layout']} into {r['dataset']}: {r['rows_read']} rows, "
             f"{r['imported']} imported, {r['refused']} refused"
             + (f", {r['replaced']} of an earlier reading replaced" if r["replaced"] else "")
             + (" (already imported: nothing changed)" if r["unchanged"] else "")]
    lines += [f"  skipped {n}: {what}" for what, n in r["skipped"].items()]
    lines += [f"  warning: {w}" for w in r["warnings"]]
    lines += [f"  refused line {x['line']}: {x['reason']}" for x in r["refused_rows"][:20]]
    if r["refused"] > 20:
        lines.append(f"  ... and {r['refused'] - 20} more refused (use --json for a list)")
    return "\n".join(lines)


def _datasets(args) -> int:
    infos = list_datasets(open_db(args))
    if args.json:
        emit_json([d.to_json() for d in infos])
        return 0
    emit_table([(d.name, d.layout, _reporters(d.reporters), ",".join(d.flows),
                 _years(d.years),
                 ",".join(map(str, d.partial_years)), d.rows, ",".join(d.currencies))
                for d in infos],
               ("dataset", "source", "reporters", "flows", "years", "partial", "rows",
                "currency"))
    return 0


def _years(years: tuple[int, ...]) -> str:
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"


def _reporters(codes: tuple[str, ...]) -> str:
    if not codes:
        return "(reconciled)"
    return ",".join(codes) if len(codes) <= 4 else f"{len(codes)} reporters"


def _remove(args) -> int:
    n = remove_dataset(open_db(args), args.dataset)
    if args.json:
        emit_json({"removed": args.dataset, "flows": n})
    else:
        emit_lines([f"{args.dataset}: removed ({n} flows)"])
    return 0


def _shares(args) -> int:
    table = trade_shares(open_db(args), hs=args.hs, by=args.by, reporter=args.reporter,
                         flow=args.flow, event=args.event, dataset=tuple(args.dataset or ()),
                         period=args.period, measure=args.measure)
    if args.json:
        emit_json(table.to_json())
        return 0
    print_table(table)
    emit_lines([f"shares of {table.measure}"] + [f"note: {n}" for n in table.notes])
    for period, months in table.partial_periods.items():
        held = f"months {', '.join(map(str, months))}" if months else "a year to date"
        emit_lines([f"note: {period} is partial ({held})"])
    return 0


def _mirror(args) -> int:
    gaps = mirror_discrepancies(open_db(args), hs=args.hs, ratio=args.ratio,
                                min_tonnes=args.min_tonnes, reporter=args.reporter,
                                datasets=(args.exports_dataset, args.imports_dataset))
    if args.json:
        emit_json([g.to_json() for g in gaps])
    else:
        emit_table([(g.exporter, g.importer, g.year, f"{g.export_reported_t:,.0f}",
                     f"{g.import_reported_t:,.0f}", f"{g.ratio:.2f}",
                     f"{g.export_dataset} / {g.import_dataset}", "partial" if g.partial else "")
                    for g in gaps],
                   ("exporter", "importer", "year", "export says t", "import says t", "ratio",
                    "datasets", ""))
    return 0
