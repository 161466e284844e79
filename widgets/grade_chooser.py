"""Choosing a source grade in a grading scheme (casedb.evidence.grading): one list per position
of the grade (the Admiralty/NATO 6x6 source's reliability then the information's credibility;
the UK 3x5x2's three; Europol's two), each letter or digit beside its meaning in the user's
language. Used by the import wizard (grade the files imported) and the case view (grade a
source file, note or attachment)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from casedb.errors import ConfigError
from casedb.evidence import grading

from .case_words import language


class GradeChooser(QWidget):
    """``grade()`` is the grade chosen ("B2"), or None while a position is not chosen (each list
    starts on "—": not graded). ``changed`` fires at every choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.combos: list[QComboBox] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.title)
        self._row.addStretch(1)
        self._scheme = ""
        self.set_scheme(grading.DEFAULT_SCHEME)

    def scheme(self) -> str:
        return self._scheme

    def set_scheme(self, name: str, grade: str | None = None) -> None:
        """Offer the positions of scheme ``name``, set to ``grade`` when it is one of it."""
        if name == self._scheme and grade is None:
            return
        lang = language()
        for combo in self.combos:
            self._row.removeWidget(combo)
            combo.deleteLater()
        self._scheme = grading.scheme(name).name
        self.title.setText(grading.title(self._scheme, lang))
        self.combos = []
        for i, part in enumerate(grading.meanings(self._scheme, lang)):
            combo = QComboBox(self)
            combo.addItem("—", None)
            for code, meaning in part.items():
                combo.addItem(f"{code} — {meaning}", code)
            combo.currentIndexChanged.connect(self.changed)
            self._row.insertWidget(1 + i, combo)
            self.combos.append(combo)
        self.set_grade(grade)

    def set_grade(self, grade: str | None) -> None:
        """Show ``grade`` (as written: 'b2', 'B-2'); None or a grade of another scheme: '—'."""
        codes: str | None = None
        if grade:
            try:
                codes = grading.parse(grade, self._scheme).grade
            except ConfigError:
                codes = None
        for i, combo in enumerate(self.combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(codes[i])) if codes else 0)
            combo.blockSignals(False)
        self.changed.emit()

    def grade(self) -> str | None:
        codes = [combo.currentData() for combo in self.combos]
        return "".join(codes) if codes and all(codes) else None

    def is_partial(self) -> bool:
        """Some positions chosen, not all: not a grade yet, nor none."""
        chosen = [combo.currentData() is not None for combo in self.combos]
        return any(chosen) and not all(chosen)
