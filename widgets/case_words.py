"""Words shown for casedb's codes (case statuses) in the language the workstation runs in: the
tables are casedb's own (Qt-free, shared with the command line and the dossier)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casedb.cases import status as case_status


def language() -> str:
    """"en" or "zh-TW": the installed translation says "zh-TW" for the marker string "en"."""
    return "zh-TW" if QCoreApplication.translate("MainWindow", "en") == "zh-TW" else "en"


def status_word(status: str | None) -> str:
    """A case status in words ("referred" -> "Referred to prosecutor" / "已移送地檢署")."""
    return case_status.word(status, language())
