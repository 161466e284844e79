"""Writing a case's dossier: the data gathered (build), then PDF (pdf) or HTML (build)."""

from __future__ import annotations

import logging
from pathlib import Path

from casedb.progress import Progress
from casedb.store.database import Database
from casedb.store.export_file import export_file

from ..errors import CaseDbError
from .build import gather, render_html

log = logging.getLogger(__name__)


def write_dossier(db: Database, case_ref: str, output, *, classification: str = "RESTRICTED",
                  lang: str = "en", progress: Progress | None = None) -> Path:
    """Write the case's dossier to ``output`` (PDF or HTML), whole and audited or not at all
    (casedb.store.export_file); ``progress``: the job that may cancel it."""
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        raise CaseDbError(f"unknown dossier format {output.suffix!r}: use .pdf or .html")
    data = gather(db, case_ref, classification, lang)
    if progress is not None:
        progress.raise_if_cancelled()
    with export_file(output, db, "dossier", entity=("case", data.case_file.case.id),
                     detail=f"dossier of {case_ref} ({classification})",
                     progress=progress) as out:
        if suffix == ".pdf":
            from .pdf import write_pdf  # reportlab's PDF machinery: only when a PDF is made

            write_pdf(data, out.path)
        else:
            out.path.write_text(render_html(data), encoding="utf-8")
    log.info("dossier of %s written", case_ref)
    return output
