"""``wasteintel network stats`` and ``wasteintel export graph``."""

from __future__ import annotations

from pathlib import Path

from casedb.network import NetworkFilter, network_stats, party_network, route_network, write_graph

from ..cli import add_db_option, add_json_option
from ..context import open_db
from ..output import emit_json, emit_lines, emit_table
from .routes import iso_date


def _filters(p) -> None:
    p.add_argument("--since", type=iso_date, metavar="DATE")
    p.add_argument("--until", type=iso_date, metavar="DATE")
    p.add_argument("--hs", metavar="PREFIX")
    p.add_argument("--case", action="append", default=[], metavar="REF", dest="cases")
    add_db_option(p)


def _filter(args) -> NetworkFilter:
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
    gr.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    gr.add_argument("--kind", choices=("party", "route"), default="party")
    _filters(gr)
    gr.set_defaults(handler=_export)


def _stats(args) -> int:
    stats = network_stats(party_network(open_db(args), _filter(args)))
    if args.json:
        emit_json(stats.to_json())
    else:
        emit_lines([f"{stats.nodes} parties, {stats.edges} links, {stats.components} components "
                    f"(largest {stats.largest_component}), {stats.communities} communities"])
        emit_table([(c["label"], c["degree"], f"{c['tonnes']:,.0f}", f"{c['betweenness']:.4f}")
                    for c in stats.central], ("party", "degree", "tonnes", "betweenness"))
    return 0


def _export(args) -> int:
    db = open_db(args)
    g = party_network(db, _filter(args)) if args.kind == "party" else route_network(db, _filter(args))
    out = write_graph(g, args.output)
    emit_lines([f"{g.number_of_nodes()} nodes and {g.number_of_edges()} edges written to {out}"])
    return 0
