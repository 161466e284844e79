"""Writing the open case's dossier from the workstation, in a background job."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from casedb.dossier import write_dossier

from .. import i18n


def export_dossier(window) -> None:
    ref = window.case_view.case_ref
    if not ref:
        QMessageBox.information(
            window,
            QCoreApplication.translate("MainWindow", "Case dossier"),
            QCoreApplication.translate("MainWindow", "Open a case first."),
        )
        return
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("MainWindow", "Case dossier"),
        f"{ref}.pdf",
        QCoreApplication.translate("MainWindow", "PDF (*.pdf);;Self-contained HTML (*.html)"),
    )
    if not path:
        return
    banner, ok = QInputDialog.getText(
        window,
        QCoreApplication.translate("MainWindow", "Case dossier"),
        QCoreApplication.translate("MainWindow", "Classification banner:"),
        text="RESTRICTED",
    )
    if not ok:
        return
    lang = i18n.active()
    job = window.jobs.submit(_write, window.db, ref, path, banner, lang)
    job.signals.succeeded.connect(
        lambda out: window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Dossier written to %1").replace(
                "%1", str(out)
            ),
            8000,
        )
    )
    job.signals.failed.connect(
        lambda exc: QMessageBox.warning(
            window, QCoreApplication.translate("MainWindow", "Case dossier"), str(exc)
        )
    )


def _write(db, ref, path, banner, lang, progress=None):
    """The job (``progress``) may cancel it: no file is then left (casedb.store.export_file)."""
    return write_dossier(db, ref, path, classification=banner or "RESTRICTED", lang=lang,
                         progress=progress)
