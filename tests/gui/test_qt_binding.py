"""The Qt binding itself: a defect of PySide6 6.12.0 aborts the app, so any upgrade must pass."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt


class _Blank(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 4

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        return None


def test_overrides_returning_none_keep_nones_references(qapp):
    """PySide6 6.12.0 dropped a reference to None on each such call from C++; on Python 3.11
    (None not immortal) the process then aborts with 'none_dealloc' after enough repaints."""
    source = _Blank()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    index = proxy.index(1, 1)
    before = sys.getrefcount(None)
    for _ in range(2000):
        proxy.data(index)
        proxy.headerData(0, Qt.Orientation.Horizontal)
    assert sys.getrefcount(None) - before > -100


def test_signals_keep_references_to_the_singletons(qapp):
    """6.12.0 also lost a reference to True on each Python emit() and to None on each Python
    slot called from C++ (found by the link chart, aborting within seconds)."""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(object)

    calls = []
    emitter = Emitter()
    emitter.fired.connect(calls.append)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        emitter.fired.emit(1)
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert len(calls) == 2000
    assert after[0] - before[0] > -100 and after[1] - before[1] > -100
