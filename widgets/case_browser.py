"""The case browser: a search box, filters and the paged tables of cases and declarations."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casedb.cases.status import WORKFLOW

from .background import Runner
from .case_words import status_word
from .fields import date_edit, day_of
from .record_table import RecordSource, RecordTable

STATUSES = WORKFLOW  # open -> investigating -> referred -> closed


class CaseBrowser(QWidget):
    """Emits ``open_case_requested(case_id)``; the sources re-query with the current filters."""

    open_case_requested = Signal(int)
    # {"text", "status", "hs", "since", "until", "country", "port", "min_risk"}: strings, dates,
    # a float or None
    filters_changed = Signal(dict)
    add_to_case_requested = Signal(list)  # declaration ids
    evidence_requested = Signal(int)  # a declaration id: its source rows as written

    def __init__(self, cases: RecordSource, declarations: RecordSource,
                 parent: QWidget | None = None, *, runner: Runner):
        super().__init__(parent)
        bar, more = self._filter_bars()
        self.cases = RecordTable(cases, [self.tr("Case"), self.tr("Title"), self.tr("Status"),
                                         self.tr("Opened"), self.tr("Lead officer")], self,
                                 shown={2: status_word}, runner=runner)  # statuses in words
        self.cases.set_column_widths([150, 320, 140, 100, 140])
        self.declarations = RecordTable(declarations, [
            self.tr("Declaration"), self.tr("Risk"), self.tr("Date"), self.tr("HS"),
            self.tr("Gross kg"), self.tr("From"), self.tr("Via"), self.tr("Discharge"),
            self.tr("To"), self.tr("Vessel"), self.tr("B/L")], self, runner=runner,
            tips={1: 11})  # the risk score's tooltip: its strongest signal's reason
        self.declarations.set_column_widths([120, 50, 95, 70, 90, 55, 70, 80, 50, 130, 120])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.cases, self.tr("Cases"))
        self.tabs.addTab(self.declarations, self.tr("Declarations"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(more)
        layout.addWidget(self.tabs)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.search.textChanged.connect(self._debounce.start)
        self.hs.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self._debounce.start)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._debounce.start)
        for edit in (self.country, self.port):
            edit.textChanged.connect(self._debounce.start)
        self.min_risk.valueChanged.connect(self._debounce.start)
        self._stale: set[int] = set()
        self._counts: dict[int, int] = {}  # tab -> rows its table found, once known
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.cases.record_activated.connect(self.open_case_requested)
        self.cases.count_changed.connect(lambda n: self._on_count_changed(0, n))
        self.declarations.count_changed.connect(lambda n: self._on_count_changed(1, n))
        self.cases.add_action(self.tr("Open"), self._on_open_chosen, single=True)
        self.declarations.add_action(self.tr("Show the row as written…"),
                                     lambda ids: self.evidence_requested.emit(ids[0]),
                                     single=True)
        self.declarations.add_action(self.tr("Add to case…"), self.add_to_case_requested.emit)
        self.declarations.record_activated.connect(self.evidence_requested)
        for table in (self.cases, self.declarations):
            table.menu.add(self.tr("Search for this"),
                           lambda _rows, t=table: self._search_for(t))

    def _on_open_chosen(self, ids: list[int]) -> None:
        self.open_case_requested.emit(ids[0])

    def _search_for(self, table: RecordTable) -> None:
        value = table.view.currentIndex().data()
        if value:
            self.show_cases_matching(str(value))

    def _filter_bars(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr(
            "Search case, company (any spelling), container, B/L, HS code…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), "")
        for s in STATUSES:
            self.status.addItem(status_word(s), s)
        self.hs = QLineEdit(self)
        self.hs.setPlaceholderText(self.tr("HS family, e.g. 3915"))
        self.hs.setMaximumWidth(160)
        self.since, self.until = self._date_edit(), self._date_edit()
        self.country = QLineEdit(self)
        self.country.setPlaceholderText(self.tr("Country (name or ISO code)"))
        self.port = QLineEdit(self)
        self.port.setPlaceholderText(self.tr("Port (name or UN/LOCODE)"))
        self.min_risk = QDoubleSpinBox(self)  # 0: any risk
        self.min_risk.setRange(0.0, 1.0)
        self.min_risk.setSingleStep(0.1)
        self.min_risk.setPrefix(self.tr("Risk ≥ "))
        self.min_risk.setSpecialValueText(self.tr("Any risk"))
        self.min_risk.setToolTip(self.tr(
            "Only declarations whose computed risk score (0 to 1) is at least this"))
        self.count = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.hs, 1)
        bar.addWidget(self.count)
        more = QHBoxLayout()
        more.addWidget(QLabel(self.tr("Declared from"), self))
        more.addWidget(self.since)
        more.addWidget(QLabel(self.tr("to"), self))
        more.addWidget(self.until)
        more.addWidget(self.country, 1)
        more.addWidget(self.port, 1)
        more.addWidget(self.min_risk)
        return bar, more

    def _date_edit(self) -> QDateEdit:
        return date_edit(self, self.tr("any date"))

    def filters(self) -> dict:
        return {"text": self.search.text().strip(), "status": self.status.currentData() or "",
                "hs": self.hs.text().strip(), "since": day_of(self.since), "until": day_of(self.until),
                "country": self.country.text().strip(), "port": self.port.text().strip(),
                "min_risk": self.min_risk.value() or None}

    def show_cases_matching(self, text: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setText(text)

    def refresh(self) -> None:
        """Re-query the visible table now; the other when it is next shown."""
        self._stale = {0, 1}
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def _on_tabs_current_changed(self, index: int) -> None:
        self._show_count()
        if index in self._stale:
            self._stale.discard(index)
            (self.cases if index == 0 else self.declarations).refresh()

    def _on_debounce_timeout(self) -> None:
        self.filters_changed.emit(self.filters())
        self.refresh()

    def _on_count_changed(self, tab: int, n: int) -> None:
        self._counts[tab] = n
        self._show_count()

    def _show_count(self) -> None:
        """What the shown table found: its cases or its declarations, with thousands separators
        (the plural from ``n``, the number from the locale, grouped even in the C locale)."""
        tab = self.tabs.currentIndex()
        n = self._counts.get(tab)
        if n is None:  # not queried yet, or its query still running for the first time
            self.count.clear()
            return
        locale = QLocale()
        locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
        text = (self.tr("%1 case(s)", "", n) if tab == 0 else
                self.tr("%1 declaration(s)", "", n))
        self.count.setText(text.replace("%1", locale.toString(n)))
