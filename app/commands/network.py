"""``wasteintel network stats``, ``wasteintel export graph`` and ``wasteintel export table``."""

from __future__ import annotations

from casedb.models import CASE_STATUSES

from ..arguments import country, hs_prefix, iso_date, output_file, port
from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_lines, emit_table


def _filters(p) -> None:
    p.add_argument("--since", type=iso_date, metavar="DATE")
    p.add_argument("--until", type=iso_date, metavar="DATE")
    p.add_argument("--hs", type=hs_prefix, metavar="PREFIX")
    p.add_argument("--case", action="append", default=[], metavar="REF", dest="cases")
    add_db_option(p)


def _filter(args, db):
    """The filter of the command line; a case reference that does not exist is an error (not
    an empty network)."""
    from casedb.cases.records import get_case
    from casedb.links.network import NetworkFilter

    for ref in args.cases:
        get_case(db, ref)
    return NetworkFilter(args.since, args.until, args.hs, tuple(args.cases))


def register(sub) -> None:
    p = sub.add_parser("network", help="shipper/consignee networks: components, communities, "
                                       "central parties")
    nsub = p.add_subparsers(dest="network_command", metavar="ACTION", required=True)
    st = nsub.add_parser("stats", help="components, communities and the most central parties")
    _filters(st)
    add_json_option(st)
    st.set_defaults(handler=_stats)
    ex = sub.add_parser("export", help="export networks and other data")
    esub = ex.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    gr = esub.add_parser("graph", help="a network as GraphML or GEXF (Gephi opens both)")
    gr.add_argument("-o", "--output", type=output_file, required=True, metavar="FILE")
    gr.add_argument("--kind", choices=("party", "route"), default="party")
    _filters(gr)
    gr.set_defaults(handler=_export)
    tb = esub.add_parser("table", help="the case or declaration table as CSV or XLSX "
                                       "(cells that could run as formulas are neutralised)")
    tb.add_argument("kind", choices=("cases", "declarations"))
    tb.add_argument("-o", "--output", type=output_file, required=True, metavar="FILE.csv|FILE.xlsx")
    tb.add_argument("--search", default="", metavar="TEXT",
                    help="case reference, party name (any spelling), container, B/L, HS code")
    tb.add_argument("--status", choices=CASE_STATUSES)
    tb.add_argument("--since", type=iso_date, metavar="DATE")
    tb.add_argument("--until", type=iso_date, metavar="DATE")
    tb.add_argument("--hs", type=hs_prefix, metavar="PREFIX")
    tb.add_argument("--country", type=country, metavar="COUNTRY", help="a name or ISO code")
    tb.add_argument("--port", type=port, metavar="PORT", help="a port name or UN/LOCODE")
    add_db_option(tb)
    tb.set_defaults(handler=_export_table)


def _stats(args) -> int:
    from casedb.links.network import network_stats, party_network

    db = open_db(args)
    stats = network_stats(party_network(db, _filter(args, db)))
    if args.json:
        emit_json(stats.to_json())
    else:
        emit_lines([f"{stats.nodes} parties, {stats.edges} links, {stats.components} components "
                    f"(largest {stats.largest_component}), {stats.communities} communities"])
        emit_table([(c["label"], c["degree"], f"{c['tonnes']:,.0f}", f"{c['betweenness']:.4f}")
                    for c in stats.central], ("party", "degree", "tonnes", "betweenness"))
    return 0


def _export(args) -> int:
    from casedb.links.network import party_network, route_network, write_graph

    db = open_db(args)
    build = party_network if args.kind == "party" else route_network
    g = build(db, _filter(args, db))
    out = write_graph(g, args.output, db)
    emit_lines([f"{g.number_of_nodes()} nodes and {g.number_of_edges()} edges written to {out}"])
    return 0


def _export_table(args) -> int:
    from casedb.browse.tables import Filters
    from casedb.exports.tables import export_records

    f = Filters(text=args.search, status=args.status, since=args.since, until=args.until,
                hs_prefix=args.hs, country=args.country, port=args.port)
    n = export_records(open_db(args), args.kind, args.output, f)
    emit_lines([f"{n} {args.kind} written to {args.output}"])
    return 0
