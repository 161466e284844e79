"""The alerts view's flows: the alerts of the saved rules (casedb.alerts) loaded, reviewed and a
new rule saved, and the risk scores computed (casedb.risk), each in a job. The view sits in a
dock beside the analyses; it reloads when a ChangeSet touches declarations (an import runs the
rules) or alerts."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMessageBox

from casedb.alerts import RuleError, add_watchlist, review_alerts
from casedb.alerts.risk_alerts import alerts_with_declarations
from casedb.changes import ALERTS, DECLARATIONS, ChangeSet
from casedb.normalize import normalize_container
from widgets.alerts_view import AlertsView

from ..jobs import Job

log = logging.getLogger(__name__)
DETECTOR_MIN_WEIGHT = 0.5  # as ``wasteintel alerts watch detector ...`` by default


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def _compute_risk(db, progress=None) -> int:
    """Every declaration's risk score computed and stored; how many have a signal."""
    from casedb.risk import risk_scores, store_scores  # polars, scipy: when first asked

    return store_scores(db, risk_scores(db, progress=progress))


def _save_rule(db, kind: str, value: str, name: str) -> int:
    """The rule saved, once its value is one it can match: a malformed container number or route
    would stop the rules from running after an import (casedb.alerts.rules raises on it)."""
    if kind == "container":
        try:
            normalize_container(value)
        except ValueError as exc:
            raise RuleError(f"{exc}: correct the container number of the rule") from None
    if kind == "route" and len(value.split(">")) not in (2, 3):
        raise RuleError(f"route {value!r}: write export country, transit port (optional) and "
                        "discharge port joined by '>', e.g. GBR>SGSIN>MYPKG")
    params = {"min_weight": DETECTOR_MIN_WEIGHT} if kind == "detector" else None
    return add_watchlist(db, kind, value, name=name or None, params=params)


class AlertsActions:
    def __init__(self, window):
        self.window = window
        self.view = AlertsView(window)
        self.dock = QDockWidget(translate("AlertsActions", "Alerts"), window)
        self.dock.setObjectName("alerts_dock")
        self.dock.setWidget(self.view)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.analysis_dock, self.dock)
        self.view.reload_requested.connect(self.reload)
        self.view.review_requested.connect(self.review)
        self.view.rule_requested.connect(self.save_rule)
        self.view.risk_requested.connect(self.compute_risk)
        self.view.declaration_open_requested.connect(window.case_management.show_evidence)
        self.view.add_to_case_requested.connect(window.case_management.add_declarations)
        window.changed.connect(self.on_changed)

    def show(self) -> Job:
        self.dock.show()
        self.dock.raise_()
        return self.reload(self.view.shown_status)

    def reload(self, status: str) -> Job:
        job = Job(alerts_with_declarations, self.window.db, status=status or None)
        job.signals.succeeded.connect(lambda rows: self.view.show_alerts(status, rows))
        return self.window.jobs.start(job)

    def on_changed(self, changes: ChangeSet) -> None:
        if changes.touches(DECLARATIONS, ALERTS):
            self.reload(self.view.shown_status)

    def review(self, alert_ids: list[int], status: str) -> Job:
        done = translate("AlertsActions", "Alerts marked %1")
        return self._write(Job(review_alerts, self.window.db, alert_ids, status=status),
                           done.replace("%1", self.view.status_word(status)))

    def save_rule(self, kind: str, value: str, name: str) -> Job:
        return self._write(Job(_save_rule, self.window.db, kind, value, name),
                           translate("AlertsActions",
                                     "Rule saved: it is checked after every import"))

    def compute_risk(self) -> Job:
        job = Job(_compute_risk, self.window.db)
        self.window.statusBar().showMessage(
            translate("AlertsActions", "Computing the risk scores…"))
        job.signals.succeeded.connect(self._on_risk_computed)
        job.signals.failed.connect(self._failed)
        return self.window.jobs.start(job, writes=True)

    def _on_risk_computed(self, n: int) -> None:
        self.window.browser.refresh()  # the scores are not declarations' data: only it shows them
        self.window.publish(ChangeSet.of(ALERTS))
        self.window.statusBar().showMessage(
            translate("AlertsActions", "Risk scores computed: %1 declarations with a signal")
            .replace("%1", str(n)), 8000)

    def _write(self, job: Job, done: str) -> Job:
        job.signals.succeeded.connect(lambda _out: self._written(done))
        job.signals.failed.connect(self._failed)
        return self.window.jobs.start(job, writes=True)

    def _written(self, done: str) -> None:
        self.window.publish(ChangeSet.of(ALERTS))
        self.window.statusBar().showMessage(done, 8000)

    def _failed(self, exc: BaseException) -> None:
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        QMessageBox.warning(self.window, translate("AlertsActions", "Alerts"), text)


def connect(window) -> AlertsActions:
    actions = getattr(window, "_alerts_actions", None)
    if actions is None:
        actions = AlertsActions(window)
        window._alerts_actions = actions
    return actions


def show_alerts(window) -> AlertsActions:
    """View > Alerts: the alerts dock shown and loaded."""
    actions = connect(window)
    actions.show()
    return actions


def compute_risk(window) -> Job:
    """View > Compute risk scores: the alerts dock's action, from the menu."""
    return connect(window).compute_risk()
