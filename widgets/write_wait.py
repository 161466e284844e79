"""The status bar's word while a write waits for another program to finish writing to the case
database (SQLite's one writer at a time): the seconds waited so far and a Cancel button.

The shell shows it for every write it runs in the background (``app.jobs``: each report of
``JobRunner.lock_waiting``) and hides it when the write has the lock (no report for
QUIET_MS) or has ended. Cancel emits ``cancel_requested``; the shell stops the write, which
then says that nothing was written."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class WriteWait(QWidget):
    cancel_requested = Signal()
    QUIET_MS = 1000  # the waiting write reports every 250 ms; silence means it goes on

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setToolTip(self.tr("Stop waiting: your change is not saved"))
        self.cancel.clicked.connect(self._on_cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(self.QUIET_MS)
        self._quiet.timeout.connect(self.done)
        self.hide()

    def show_waiting(self, seconds: float) -> None:
        """A write has waited ``seconds`` so far for another program's write lock."""
        self.label.setText(self.tr("Another program is writing to the case database: waiting "
                                   "for it to finish (%1 s). You can cancel.")
                           .replace("%1", QLocale().toString(int(seconds))))
        self.cancel.setEnabled(True)
        self.show()
        self._quiet.start()

    def done(self) -> None:
        """The write has the lock, or has ended."""
        self._quiet.stop()
        self.hide()

    def _on_cancel_clicked(self) -> None:
        self.cancel.setEnabled(False)  # once: the write stops at its next attempt
        self.cancel_requested.emit()
