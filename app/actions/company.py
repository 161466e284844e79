"""The company view opened by the app: from the case view's parties, the link chart, search
results and the entity review (each says ``party_open_requested``); loaded in a job
(casedb.parties.view), shown in a dock beside the case."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from casedb.cases.undo import undo_last
from casedb.parties.view import party_view
from widgets.company_view import CompanyView

from ..jobs import Job
from . import entity_undo


class CompanyActions:
    def __init__(self, window):
        self.window = window
        self.view = CompanyView(window)
        self.dock = QDockWidget(QCoreApplication.translate("MainWindow", "Company"), window)
        self.dock.setObjectName("company_dock")
        self.dock.setWidget(self.view)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.case_dock, self.dock)
        window.case_dock.raise_()
        self.dock.hide()  # until a company is opened
        manager = window.case_management
        self.view.page_requested.connect(self.open_party)
        self.view.party_open_requested.connect(self.open_party)
        self.view.open_case_requested.connect(window.open_case)
        self.view.evidence_requested.connect(manager.show_evidence)
        self.view.add_to_case_requested.connect(manager.add_declarations)
        self.view.search_requested.connect(window.search_cases)
        self.view.undo_decision_requested.connect(self.undo_decision)
        window.case_view.party_open_requested.connect(self.open_party)

    def open_party(self, party_id: int, page: int = 0) -> Job:
        job = Job(party_view, self.window.db, party_id, page=page,
                  page_size=self.view.page_size)
        job.signals.succeeded.connect(lambda view: self._show(view, page))
        return self.window.jobs.start(job)

    def _show(self, view, page: int) -> None:
        self.view.page = page
        self.view.show_party(view)
        self.dock.show()
        self.dock.raise_()

    def undo_decision(self, party_id: int) -> Job:
        """Undo the party's last entity-resolution decision (casedb.cases.undo); the views refresh
        what it changed and the company is shown again."""
        job = Job(undo_last, self.window.db, "party", party_id)
        job.signals.succeeded.connect(lambda undone: self._undone(party_id, undone))
        job.signals.failed.connect(self.window.case_management._failed)
        return self.window.jobs.start(job, writes=True)

    def _undone(self, party_id: int, undone) -> None:
        self.window.publish(undone.changes)
        party = self.view.party
        entity_undo.push_undone(self.window, party_id, party.display_name
                                if party is not None and party.id == party_id else "")
        self.window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "The company's last decision was undone"), 8000)
        self.open_party(party_id)

    def connect_chart(self, dock) -> None:
        """A company node double-clicked on the link chart opens the company (it used to type
        the name into the search box)."""
        try:
            dock.party_cases_requested.disconnect(self.window.search_cases)
        except (RuntimeError, TypeError):
            pass  # not connected (any more)
        dock.links.node_activated.connect(self._on_chart_node_activated)

    def _on_chart_node_activated(self, node: str) -> None:
        if node.startswith("p") and node[1:].isdigit():
            self.open_party(int(node[1:]))

    def connect_review(self, review) -> None:
        """The entity review's ``party_open_requested`` (when it has one) opens the company."""
        signal = getattr(review, "party_open_requested", None)
        if signal is not None:
            signal.connect(self.open_party)


def connect(window) -> CompanyActions:
    actions = getattr(window, "_company_actions", None)
    if actions is None:
        actions = CompanyActions(window)
        window._company_actions = actions
    return actions
