"""Writing a case dossier as PDF (reportlab, fonts embedded) or self-contained HTML (inline SVG).

Cover, classification banner and page numbers on every page, contents, summary, seizures and
declarations, parties with name variants and identifiers, linked cases with reasons, charts
(timeline, link chart, routes, and the split-shipment ring where the case holds one), notes,
the provenance appendix and the audit trail."""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass, field

from sqlalchemy import select

from casedb.analysis.timeline import case_timeline
from casedb.cases.casefile import CaseFile, load_case_file
from casedb.evidence import grading
from casedb.links.linked_cases import LinkedCases, linked_cases
from casedb.store.audit import AuditRow, entries
from casedb.store.database import Database

from ..analysis import splits_data
from ..analysis.splits import ring_timeline, rings_in
from ..models import Note, Seizure
from . import charts
from .audit_words import audit_text
from .labels import labels, split_reasons, value
from .story import DeclarationFacts, declaration_facts, narrative, source_text, timeline_points

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DossierData:
    case_file: CaseFile
    linked: LinkedCases
    audit: tuple[AuditRow, ...]
    ring: object | None  # SplitRing holding this case's declarations, if any
    ring_points: tuple  # (date, kg, shipper, declaration no) of the ring's declarations
    classification: str
    lang: str
    generated: dt.datetime
    # casedb.evidence.grading.case_grades: ("note", id), ("attachment", id), ("source_file", sha256)
    grades: dict = field(default_factory=dict)
    # each declaration's own shipper and source rows (casedb.dossier.story)
    facts: DeclarationFacts = field(default_factory=lambda: DeclarationFacts({}, {}))
    timeline: object | None = None  # casedb.analysis.timeline.Timeline of the case: theme lines

    def narrative(self) -> list[str]:
        """The summary's sentences: what, who, where, when, linked cases."""
        return narrative(self.case_file, self.facts, self.linked, self.lang)


def gather(db: Database, case_ref: str, classification: str, lang: str) -> DossierData:
    cf = load_case_file(db, case_ref)
    decl_ids = {d.id for d in cf.declarations}
    frame = splits_data.load(db)  # searched once: the ring's timeline is taken from it too
    ring = next((r for r in rings_in(db, frame) if decl_ids & set(r.declaration_ids)), None)
    points = tuple(ring_timeline(db, ring, frame)) if ring is not None else ()
    with db.read() as s:
        seizure_ids = list(s.scalars(select(Seizure.id).where(Seizure.case_id == cf.case.id)))
        note_ids = list(s.scalars(select(Note.id).where(Note.case_id == cf.case.id)))
        attachment_ids = [a.id for a in cf.attachments]
        trail = [e for kind, ids in (("case", [cf.case.id]), ("declaration", decl_ids),
                                     ("seizure", seizure_ids), ("note", note_ids),
                                     ("attachment", attachment_ids))
                 for e in entries(s, entity=kind, entity_ids=ids)]
        grades = grading.case_grades(s, cf)
    trail.sort(key=lambda e: e.id)
    return DossierData(cf, linked_cases(db, case_ref), tuple(trail), ring, points, classification,
                       lang,
                       dt.datetime.now(dt.UTC).replace(microsecond=0), grades,
                       declaration_facts(db, decl_ids), case_timeline(db, case_ref))


def sections(data: DossierData) -> list[tuple[str, list[str], list[tuple]]]:
    """(title, header, rows) of every table section, shared by the PDF and the HTML."""
    L, cf = labels(data.lang), data.case_file
    numbers = {d.id: d.declaration_no for d in cf.declarations}
    kg = lambda v: f"{v:,.0f}" if v is not None else ""  # noqa: E731
    return [
        (L["seizures"], [L["declaration"], L["date"], "kg", L["offence"], "Basel", L["outcome"]],
         [(z.declaration_no, z.seizure_date, kg(z.quantity_kg), z.offence, z.basel_code,
           z.outcome) for z in cf.seizures]),
        (L["declarations"], [L["declaration"], L["date"], L["hs"], L["weight"], L["route"],
                             L["vessel"], "B/L", L["containers"], L["sources"]],
         [(d.declaration_no, d.declaration_date, d.hs_code, kg(d.gross_weight_kg), d.route,
           d.vessel, d.bl_no, ", ".join(d.containers), source_text(data.facts, d.id))
          for d in cf.declarations]),
        (L["parties"], [L["parties"], L["role"], L["variants"], L["identifiers"]],
         [(p.display_name, value(data.lang, p.role), "; ".join(p.variants),
           "; ".join(f"{value(data.lang, k)}: {v}" for k, v in p.identifiers))
          for p in cf.parties]),
        (L["linked"], ["", L["hops"], L["score"], L["why"]],
         [(x.case_ref, x.hops, f"{x.score:.2f}",
           "; ".join(f"{value(data.lang, v.kind)} {v.value}" for v in x.via))
          for x in data.linked.linked]),
        (L["notes"], [L["when"], L["who"], L["what"], L["grade"]],
         [(n.created_at.strftime("%Y-%m-%d %H:%M"), n.author, n.body,
           _grade(data, "note", n.id)) for n in cf.case.notes]),
        (L["attachments"], [L["file"], "SHA-256", L["size"], L["added"], L["what"], L["grade"]],
         [(a.file_name, a.sha256, f"{a.size:,}", f"{a.added_at:%Y-%m-%d %H:%M} {a.added_by}",
           a.description, _grade(data, "attachment", a.id)) for a in cf.attachments]),
        (L["provenance"], [L["file"], "SHA-256", L["sheet"], L["rows"], L["grade"]],
         [(p.file_name, p.sha256, p.sheet, p.rows, _grade(data, "source_file", p.sha256))
          for p in cf.provenance]),
        (L["audit"], [L["when"], L["who"], L["what"], L["reason"]],
         [(e.at.strftime("%Y-%m-%d %H:%M"), e.user, audit_text(e, data.lang, numbers), e.reason)
          for e in data.audit]),
    ]


def _grade(data: DossierData, entity: str, key) -> str:
    """A record's grade as the dossier shows it: 'B2 (Admiralty/NATO 6x6: ...)', or ''."""
    g = data.grades.get((entity, key))
    return "" if g is None else g.text(data.lang)


def drawings(data: DossierData, font: str) -> list[tuple[str, object]]:
    L, cf = labels(data.lang), data.case_file
    points = [(day, kg, shipper) for day, kg, shipper, _no in timeline_points(cf, data.facts)]
    out = [(L["timeline"], charts.timeline_chart(points, font)),
           (L["link_chart"], charts.link_chart(cf.case.case_ref, data.linked.linked, font)),
           (L["route_map"], charts.route_chart([d.route for d in cf.declarations], font))]
    if data.timeline is not None and data.timeline.events:
        out.insert(1, (f"{L['timeline']}: {L['parties']}",
                       charts.theme_lines_chart(data.timeline, font)))
    if data.ring is not None:
        points = [(d, w, who) for d, w, who, _ in data.ring_points]
        out.append((f"{L['split']}: {split_reasons(data.ring, data.lang)[0]}",
                    charts.timeline_chart(points, font, data.ring.threshold_kg)))
    return out


def render_html(data: DossierData) -> str:
    from reportlab.graphics import renderSVG

    L, c = labels(data.lang), data.case_file.case
    esc = lambda v: html.escape("" if v is None else str(v))  # noqa: E731
    banner = f'<div class="banner">{esc(data.classification)}</div>'
    parts = [f"<!DOCTYPE html><html lang=\"{esc(data.lang)}\"><head><meta charset=\"utf-8\">"
             f"<title>{esc(c.case_ref)} — {esc(L['dossier'])}</title><style>{CSS}</style>"
             f"</head><body>{banner}<h1>{esc(L['dossier'])}: {esc(c.case_ref)}</h1>"
             f"<h2 class=\"sub\">{esc(c.title)}</h2><p>{esc(L['generated'])}: "
             f"{data.generated.isoformat()}</p><h2>{esc(L['summary'])}</h2><table>"]
    for k, v in ((L["status"], value(data.lang, c.status)), (L["opened"], c.opened_on),
                 (L["lead"], c.lead_officer),
                 (L["total"], f"{data.case_file.total_kg / 1000:,.1f} t")):
        parts.append(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>")
    parts.append(f"</table><p>{esc(c.summary)}</p>")
    parts.append("<p class=\"story\">" + esc(" ".join(data.narrative())) + "</p>")
    for title, header, rows in sections(data):
        parts.append(f"<h2>{esc(title)}</h2>")
        if not rows:
            parts.append(f"<p>{esc(L['none'])}</p>")
            continue
        parts.append("<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{esc(v)}</td>" for v in r) + "</tr>" for r in rows]
        parts.append("</table>")
    parts.append(f"<h2>{esc(L['charts'])}</h2>")
    for title, drawing in drawings(data, "Helvetica"):
        svg = renderSVG.drawToString(drawing)
        svg = svg[svg.find("<svg"):]
        parts.append(f"<h3>{esc(title)}</h3><div class=\"chart\">{svg}</div>")
    parts.append(f"{banner}</body></html>")
    return "\n".join(parts)


CSS = ("body{font-family:'Noto Sans CJK TC','Microsoft JhengHei',sans-serif;margin:2em;}"
       ".banner{background:#b00;color:#fff;text-align:center;font-weight:bold;padding:4px;}"
       "table{border-collapse:collapse;margin:0.5em 0;font-size:0.85em}"
       "th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}"
       "th{background:#eee}.sub{color:#444}")
