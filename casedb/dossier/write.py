"""Writing a case's dossier: the data gathered (build), then PDF (pdf) or HTML (build)."""

from __future__ import annotations

import logging
from pathlib import Path

from casedb.store import audit
from casedb.store.database import Database

from ..errors import CaseDbError
from ..store.private_files import private_file
from .build import gather, render_html

log = logging.getLogger(__name__)


def write_dossier(db: Database, case_ref: str, output, *, classification: str = "RESTRICTED",
                  lang: str = "en") -> Path:
    output = Path(output)
    data = gather(db, case_ref, classification, lang)
    if output.suffix.lower() in (".pdf", ".html", ".htm"):
        private_file(output)
    if output.suffix.lower() == ".pdf":
        from .pdf import write_pdf  # reportlab's PDF machinery: only when a PDF is made

        write_pdf(data, output)
    elif output.suffix.lower() in (".html", ".htm"):
        output.write_text(render_html(data), encoding="utf-8")
    else:
        raise CaseDbError(f"unknown dossier format {output.suffix!r}: use .pdf or .html")
    log.info("dossier of %s written to %s", case_ref, output)
    audit.record_export(db, "dossier", output, entity="case", entity_id=data.case_file.case.id,
                        detail=f"dossier of {case_ref} ({classification})")
    return output
