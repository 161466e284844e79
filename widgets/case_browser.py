"""The case browser: a search box, filters and the paged tables of cases and declarations."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .record_table import RecordSource, RecordTable

STATUSES = ("open", "under investigation", "referred", "prosecuted", "closed")


class CaseBrowser(QWidget):
    """Emits ``open_case_requested(case_id)``; the sources re-query with the current filters."""

    open_case_requested = Signal(int)
    filters_changed = Signal(str, str, str)  # text, status, hs prefix

    def __init__(self, cases: RecordSource, declarations: RecordSource,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr(
            "Search case, company (any spelling), container, B/L, HS code…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), "")
        for s in STATUSES:
            self.status.addItem(self.tr(s), s)
        self.hs = QLineEdit(self)
        self.hs.setPlaceholderText(self.tr("HS family, e.g. 3915"))
        self.hs.setMaximumWidth(160)
        self.count = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.hs, 1)
        bar.addWidget(self.count)
        self.cases = RecordTable(cases, [self.tr("Case"), self.tr("Title"), self.tr("Status"),
                                         self.tr("Opened"), self.tr("Lead officer")], self)
        self.cases.set_column_widths([150, 320, 140, 100, 140])
        self.declarations = RecordTable(declarations, [
            self.tr("Declaration"), self.tr("Date"), self.tr("HS"), self.tr("Gross kg"),
            self.tr("From"), self.tr("Via"), self.tr("Discharge"), self.tr("To"),
            self.tr("Vessel"), self.tr("B/L")], self)
        self.declarations.set_column_widths([120, 95, 70, 90, 55, 70, 80, 50, 130, 120])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.cases, self.tr("Cases"))
        self.tabs.addTab(self.declarations, self.tr("Declarations"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.search.textChanged.connect(self._debounce.start)
        self.hs.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self._debounce.start)
        self._stale: set[int] = set()
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.cases.record_activated.connect(self.open_case_requested)
        self.cases.count_changed.connect(self._on_count_changed)

    def filters(self) -> tuple[str, str, str]:
        return self.search.text().strip(), self.status.currentData() or "", self.hs.text().strip()

    def refresh(self) -> None:
        """Re-query the visible table now; the other when it is next shown."""
        self._stale = {0, 1}
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def _on_tabs_current_changed(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            (self.cases if index == 0 else self.declarations).refresh()

    def _on_debounce_timeout(self) -> None:
        self.filters_changed.emit(*self.filters())
        self.refresh()

    def _on_count_changed(self, n: int) -> None:
        self.count.setText(self.tr("%n case(s)", "", n))
