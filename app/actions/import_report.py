"""The import report the wizard exports ("Export report": CSV or XLSX), in the workstation's
language: its column names, the kind of each line, a file's status, and the reasons
(casedb.importing.reasons) in Traditional Chinese in zh-TW, as the wizard shows them; in
English word for word as before (the column names file, kind, sheet, row, column, value,
reason). Cells are neutralised against formula injection by casedb.exports.tables."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from casedb.exports.tables import write_table
from casedb.importing import reasons

CONTEXT = "ImportReport"
HEADER = [QT_TRANSLATE_NOOP("ImportReport", "file"), QT_TRANSLATE_NOOP("ImportReport", "kind"),
          QT_TRANSLATE_NOOP("ImportReport", "sheet"), QT_TRANSLATE_NOOP("ImportReport", "row"),
          QT_TRANSLATE_NOOP("ImportReport", "column"), QT_TRANSLATE_NOOP("ImportReport", "value"),
          QT_TRANSLATE_NOOP("ImportReport", "reason")]
# a line's kind, and a file's status (casedb.importing.batch, FileReport)
WORDS = [QT_TRANSLATE_NOOP("ImportReport", "refused"), QT_TRANSLATE_NOOP("ImportReport", "warning"),
         QT_TRANSLATE_NOOP("ImportReport", "discrepancy"),
         QT_TRANSLATE_NOOP("ImportReport", "imported"),
         QT_TRANSLATE_NOOP("ImportReport", "partly imported"),
         QT_TRANSLATE_NOOP("ImportReport", "nothing stored"),
         QT_TRANSLATE_NOOP("ImportReport", "unreadable"),
         QT_TRANSLATE_NOOP("ImportReport", "not declarations"),
         QT_TRANSLATE_NOOP("ImportReport", "needs a decision"),
         QT_TRANSLATE_NOOP("ImportReport", "failed")]


def _tr(word: str) -> str:
    return QCoreApplication.translate(CONTEXT, word)


def header() -> list[str]:
    return [_tr(h) for h in HEADER]


def rows(outcomes, lang: str) -> list[tuple]:
    """One line per file not imported, refused row, warning and discrepancy."""
    column, why = reasons.column_text, reasons.text
    refused, warning, discrepancy = _tr("refused"), _tr("warning"), _tr("discrepancy")
    disagree = why(reasons.DISAGREE, lang)
    out = []
    for o in outcomes:
        r = o.report
        if r is None:
            out.append((o.file, _tr(o.status), "", "", "", "", reasons.file_text(o, lang)))
            continue
        out += [(r.file, refused, x.sheet, x.row, column(x.column, lang), "", why(x.reason, lang))
                for x in r.refused]
        out += [(r.file, warning, x.sheet, x.row, column(x.column, lang), x.value,
                 why(x.reason, lang)) for x in r.warnings]
        out += [(r.file, discrepancy, d[0], d[1], column(d[2], lang), f"{d[3]} / {d[4]}",
                 disagree) for d in r.discrepancies]
    return out


def export(path: str, outcomes, lang: str) -> None:
    write_table(path, header(), rows(outcomes, lang))
