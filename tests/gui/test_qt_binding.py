"""The Qt binding itself: a defect of PySide6 6.12.0 aborts the app, so any upgrade must pass."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

CALLS = 8000


def _drift(call) -> tuple[int, int]:
    """How the reference counts of None and True move over CALLS calls, with the collector
    paused so that other objects dying meanwhile blur it as little as possible."""
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None), sys.getrefcount(True)
        for _ in range(CALLS):
            call()
        return sys.getrefcount(None) - before[0], sys.getrefcount(True) - before[1]
    finally:
        gc.enable()


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
    drift = _drift(lambda: (proxy.data(index), proxy.headerData(0, Qt.Orientation.Horizontal)))
    assert drift[0] > -CALLS // 4  # the defect loses 2 a round: -2 * CALLS


def test_signals_keep_references_to_the_singletons(qapp):
    """6.12.0 also lost a reference to True on each Python emit() and to None on each Python
    slot called from C++ (found by the link chart, aborting within seconds)."""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(object)

    calls = []
    emitter = Emitter()
    emitter.fired.connect(calls.append)
    drift = _drift(lambda: emitter.fired.emit(1))
    assert len(calls) == CALLS
    assert drift[0] > -CALLS // 4 and drift[1] > -CALLS // 4
