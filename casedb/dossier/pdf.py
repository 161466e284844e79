"""The PDF dossier (reportlab platypus): banner and page numbers on every page, contents,
tables that repeat their header, vector charts, and an embedded CJK font."""

from __future__ import annotations

import logging
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from .build import DossierData, drawings, sections
from .labels import labels, value

log = logging.getLogger(__name__)
FONT_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
              "/usr/share/fonts/truetype/arphic/uming.ttc",
              "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")


def register_font() -> str:
    """An embeddable font with Chinese glyphs (TrueType), or Helvetica when none is found."""
    if "CJK" in pdfmetrics.getRegisteredFontNames():
        return "CJK"
    import resources

    candidates = [resources.path("fonts/wqy-microhei.ttc"), *FONT_FILES]
    for path in candidates:
        if Path(path).is_file():
            pdfmetrics.registerFont(TTFont("CJK", path, subfontIndex=0))
            return "CJK"
    log.warning("no CJK TrueType font found (install fonts-wqy-microhei); Chinese will not render")
    return "Helvetica"


class _Doc(BaseDocTemplate):
    def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab hook
        if isinstance(flowable, Paragraph) and flowable.style.name == "H1":
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))


def write_pdf(data: DossierData, path: Path) -> None:
    font = register_font()
    L = labels(data.lang)
    styles = _styles(font)
    doc = _Doc(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
               topMargin=22 * mm, bottomMargin=20 * mm,
               title=f"{data.case_file.case.case_ref} {L['dossier']}", author="WasteIntel")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height)
    doc.addPageTemplates([PageTemplate("all", [frame], onPage=_decorate(data, font))])
    story = _cover(data, styles) + _contents(styles, L) + _summary(data, styles)
    for title, header, rows in sections(data):
        story.append(Paragraph(escape(title), styles["H1"]))
        story.append(_table(header, rows, styles) if rows else
                     Paragraph(escape(L["none"]), styles["Body"]))
    story.append(PageBreak())
    story.append(Paragraph(escape(L["charts"]), styles["H1"]))
    for title, drawing in drawings(data, font):
        # a chart never parts from its heading across a page break
        story += [KeepTogether([Paragraph(escape(title), styles["H2"]), drawing]),
                  Spacer(1, 6 * mm)]
    doc.multiBuild(story)


def _styles(font: str) -> dict:
    base = getSampleStyleSheet()
    return {
        "Title": ParagraphStyle("Title", parent=base["Title"], fontName=font, fontSize=24,
                                leading=30),
        "Cover": ParagraphStyle("Cover", parent=base["Heading1"], fontName=font, fontSize=15),
        "H1": ParagraphStyle("H1", parent=base["Heading1"], fontName=font, fontSize=15),
        "H2": ParagraphStyle("H2", parent=base["Heading2"], fontName=font, fontSize=11),
        "Body": ParagraphStyle("Body", parent=base["BodyText"], fontName=font, fontSize=9,
                               leading=12),
        "Cell": ParagraphStyle("Cell", parent=base["BodyText"], fontName=font, fontSize=7,
                               leading=9),
    }


def _decorate(data: DossierData, font: str):
    L = labels(data.lang)

    def on_page(canvas, doc) -> None:
        w, h = A4
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#b00000"))
        for y in (h - 12 * mm, 6 * mm):
            canvas.rect(0, y, w, 7 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(font, 10)
        for y in (h - 9.8 * mm, 8.2 * mm):
            canvas.drawCentredString(w / 2, y, data.classification)
        canvas.setFillColor(colors.black)
        canvas.setFont(font, 8)
        canvas.drawRightString(w - 18 * mm, 15 * mm, f"{L['page']} {doc.page}")
        canvas.drawString(18 * mm, 15 * mm, f"{data.case_file.case.case_ref} — {L['dossier']}")
        canvas.restoreState()

    return on_page


def _cover(data: DossierData, st: dict) -> list:
    c, L = data.case_file.case, labels(data.lang)
    return [Spacer(1, 50 * mm), Paragraph(escape(L["dossier"]), st["H2"]),
            Paragraph(escape(c.case_ref), st["Title"]), Paragraph(escape(c.title), st["Cover"]),
            Spacer(1, 20 * mm),
            Paragraph(escape(f"{L['generated']}: {data.generated.isoformat()}"), st["Body"]),
            Paragraph(escape(data.classification), st["Cover"]), PageBreak()]


def _contents(st: dict, L: dict) -> list:
    toc = TableOfContents()
    toc.levelStyles = [ParagraphStyle("TOC1", parent=st["Body"], fontSize=10, leading=16)]
    return [Paragraph(escape(L["contents"]), st["H2"]), toc, PageBreak()]


def _summary(data: DossierData, st: dict) -> list:
    c, cf, L = data.case_file.case, data.case_file, labels(data.lang)
    rows = [(L["status"], value(data.lang, c.status)), (L["opened"], c.opened_on or ""),
            (L["lead"], c.lead_officer or ""), (L["seizures"], len(cf.seizures)),
            (L["declarations"], len(cf.declarations)),
            (L["total"], f"{cf.total_kg / 1000:,.1f} t")]
    out = [Paragraph(escape(L["summary"]), st["H1"]), _table(["", ""], rows, st, show_header=False)]
    if c.summary:
        out.append(Paragraph(escape(c.summary), st["Body"]))
    out.append(Paragraph(escape(" ".join(data.narrative())), st["Body"]))
    return out


def _table(header: list[str], rows: list[tuple], st: dict, show_header: bool = True) -> Table:
    cell = lambda v: Paragraph(escape("" if v is None else str(v)), st["Cell"])  # noqa: E731
    data = ([[cell(h) for h in header]] if show_header else []) + \
        [[cell(v) for v in r] for r in rows]
    t = Table(data, repeatRows=1 if show_header else 0, hAlign="LEFT")
    style = [("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if show_header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    t.setStyle(TableStyle(style))
    return t
