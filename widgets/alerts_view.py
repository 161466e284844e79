"""The alerts view: the hits of the saved rules (watchlists), kept until an investigator reviews
them, each with its declaration, the rule and the reason; a rule saved from here.

The view reads and writes nothing itself: it says what the investigator asked for by signals
(app/actions/alerts.py runs it in jobs) and shows what it is given (``show_alerts``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .table_menu import TableMenu, selected_rows

# Kept in step with casedb.models.WATCH_KINDS and casedb.alerts.DETECTORS (widgets import no
# casedb module that loads the database layer; tests/gui/test_alerts_view.py checks they agree).
KINDS = ("party", "phone", "address", "email", "tax_id", "container", "vessel", "route", "hs",
         "detector")
DETECTORS = ("risk", "split", "scatter-gather", "fan-in", "fan-out", "stack", "unit-value",
             "hs-switch", "transshipment", "port-hop")
STATUSES = ("new", "reviewed", "dismissed")


class RuleDialog(QDialog):
    """A new watchlist rule: what it watches (kind), the value, and a name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New rule"))
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(self._kind_word(kind), kind)
        self.value = QComboBox(self)
        self.value.setEditable(True)
        self.value.setMinimumWidth(320)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("optional: the kind and value"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Watch"), self.kind)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("Name"), self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.value.editTextChanged.connect(self._on_value_changed)
        self._on_kind_changed()

    def _kind_word(self, kind: str) -> str:
        return {"party": self.tr("Party (id or name)"), "phone": self.tr("Phone"),
                "address": self.tr("Address"), "email": self.tr("E-mail"),
                "tax_id": self.tr("Tax id"), "container": self.tr("Container"),
                "vessel": self.tr("Vessel (IMO or name)"), "route": self.tr("Route"),
                "hs": self.tr("HS code"), "detector": self.tr("Detector")}[kind]

    def _on_kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.value.clear()
        if kind == "detector":
            self.value.addItems(DETECTORS)
        self.value.setEditText(DETECTORS[0] if kind == "detector" else "")
        hints = {"route": self.tr("Export country, transit port and discharge port joined by "
                                  "'>', e.g. GBR>SGSIN>MYPKG, or GBR>MYPKG; '*' for any part."),
                 "hs": self.tr("An HS code or its first digits, e.g. 3915."),
                 "detector": self.tr("Every declaration the detector flags (its risk signal), "
                                     "checked after each import.")}
        self.hint.setText(hints.get(kind, self.tr("As written in the declarations; it is "
                                                   "normalised as the import does.")))
        self._on_value_changed()

    def _on_value_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        ok.setEnabled(bool(self.value.currentText().strip()))

    def rule(self) -> tuple[str, str, str]:
        """(kind, value, name)."""
        return (self.kind.currentData(), self.value.currentText().strip(),
                self.name.text().strip())


class AlertsView(QWidget):
    """Alerts listed newest first. Signals say what the investigator asked for."""

    reload_requested = Signal(str)  # the status shown ("" for all)
    review_requested = Signal(list, str)  # alert ids, "reviewed" or "dismissed"
    rule_requested = Signal(str, str, str)  # kind, value, name
    risk_requested = Signal()  # compute the risk scores
    declaration_open_requested = Signal(int)  # a declaration id: its rows as written
    add_to_case_requested = Signal(list)  # declaration ids

    COLUMNS = 7
    STATUS, REASON = 4, 6

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list = []  # (AlertRow, declaration id), as shown
        self.status = QComboBox(self)
        for status, word in (("new", self.tr("New alerts")), ("reviewed", self.tr("Reviewed")),
                             ("dismissed", self.tr("Dismissed")), ("", self.tr("All alerts"))):
            self.status.addItem(word, status)
        self.reviewed = QPushButton(self.tr("Mark reviewed"), self)
        self.dismissed = QPushButton(self.tr("Dismiss"), self)
        self.new_rule = QPushButton(self.tr("New rule…"), self)
        self.risk = QPushButton(self.tr("Compute risk scores"), self)
        self.count = QLabel(self)
        bar = QHBoxLayout()
        for w in (self.status, self.reviewed, self.dismissed, self.new_rule, self.risk):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Declaration"), self.tr("Date"), self.tr("Rule"), self.tr("Watches"),
            self.tr("Status"), self.tr("Raised"), self.tr("Reason")])
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, width in enumerate((120, 90, 180, 80, 80, 125)):
            self.table.setColumnWidth(i, width)
        self.menu = TableMenu(self.table)
        self.menu.add(self.tr("Show the row as written…"), self._on_open_chosen, single=True)
        self.menu.add(self.tr("Add to case…"), lambda _rows: self.add_to_case_requested.emit(
            self.selected_declaration_ids()))
        self.menu.add(self.tr("Mark reviewed"), lambda _rows: self._review("reviewed"))
        self.menu.add(self.tr("Dismiss"), lambda _rows: self._review("dismissed"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.status.currentIndexChanged.connect(self.reload)
        self.reviewed.clicked.connect(lambda: self._review("reviewed"))
        self.dismissed.clicked.connect(lambda: self._review("dismissed"))
        self.new_rule.clicked.connect(self.ask_rule)
        self.risk.clicked.connect(self.risk_requested)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self._on_selection_changed()

    @property
    def shown_status(self) -> str:
        return self.status.currentData() or ""

    def reload(self) -> None:
        self.reload_requested.emit(self.shown_status)

    def show_alerts(self, status: str, rows: list) -> None:
        """``rows``: (casedb.alerts.AlertRow, declaration id) pairs of alerts in ``status``
        (ignored when another status has been chosen since)."""
        if status != self.shown_status:
            return
        self.rows = list(rows)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for r, (alert, _declaration_id) in enumerate(self.rows):
            values = (alert.declaration_no, alert.declaration_date.isoformat()
                      if alert.declaration_date else "", alert.rule, alert.kind,
                      self.status_word(alert.status),
                      alert.created_at.strftime("%Y-%m-%d %H:%M"), alert.reason)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == self.REASON:
                    item.setToolTip(value)
                self.table.setItem(r, c, item)
        self.count.setText(self.tr("%n alert(s)", "", len(self.rows)))
        self._on_selection_changed()

    def status_word(self, status: str) -> str:
        return {"new": self.tr("new"), "reviewed": self.tr("reviewed"),
                "dismissed": self.tr("dismissed")}.get(status, status)

    def selected_alert_ids(self) -> list[int]:
        return [self.rows[r][0].id for r in selected_rows(self.table) if r < len(self.rows)]

    def selected_declaration_ids(self) -> list[int]:
        return list(dict.fromkeys(self.rows[r][1] for r in selected_rows(self.table)
                                  if r < len(self.rows)))

    def _review(self, status: str) -> None:
        ids = self.selected_alert_ids()
        if ids:
            self.review_requested.emit(ids, status)

    def _on_open_chosen(self, rows: list[int]) -> None:
        if rows:
            self._open_row(rows[0])

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.declaration_open_requested.emit(self.rows[row][1])

    def _on_selection_changed(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.reviewed.setEnabled(chosen)
        self.dismissed.setEnabled(chosen)

    def ask_rule(self) -> RuleDialog:
        """The "New rule…" dialog, opened (not modal to the tests: ``open``); saving it says
        ``rule_requested``."""
        dialog = RuleDialog(self)
        dialog.accepted.connect(lambda: self.rule_requested.emit(*dialog.rule()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
