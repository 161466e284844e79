"""Search from the workstation (Ctrl+F): casedb.browse.search in a job, its hits in a dock that says
what matched; opening a hit opens a case, a company or a declaration's source rows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from casedb.browse.search import search
from widgets.search_panel import SearchPanel

from ..jobs import Job


class SearchActions:
    def __init__(self, window, company):
        self.window = window
        self.panel = SearchPanel(window)
        self.dock = QDockWidget(QCoreApplication.translate("MainWindow", "Search"), window)
        self.dock.setObjectName("search_dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.case_dock, self.dock)
        window.case_dock.raise_()
        self.dock.hide()  # until Ctrl+F
        self.panel.search_requested.connect(self.run)
        self.panel.case_open_requested.connect(window.open_case)
        self.panel.party_open_requested.connect(company.open_party)
        self.panel.evidence_requested.connect(window.case_management.show_evidence)
        self.panel.add_to_case_requested.connect(window.case_management.add_declarations)

    def show(self) -> None:
        """Ctrl+F: the search dock shown, its box ready for typing."""
        self.dock.show()
        self.dock.raise_()
        self.panel.box.setFocus()
        self.panel.box.selectAll()

    def run(self, text: str) -> Job:
        job = Job(search, self.window.db, text)
        job.signals.succeeded.connect(lambda hits: self.panel.show_hits(text, hits))
        return self.window.jobs.start(job)


def connect(window, company) -> SearchActions:
    actions = getattr(window, "_search_actions", None)
    if actions is None:
        actions = SearchActions(window, company)
        window._search_actions = actions
    return actions
