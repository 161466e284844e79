"""Context menus and copying for tables: Copy (the selected rows as tab-separated text, as a
spreadsheet pastes them) on every table, plus the actions a view adds (open, add to case,
search for this)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMenu


def selected_rows(view: QAbstractItemView) -> list[int]:
    rows = {i.row() for i in view.selectionModel().selectedIndexes()} if view.selectionModel() \
        else set()
    if not rows and view.currentIndex().isValid():
        rows = {view.currentIndex().row()}
    return sorted(rows)


MAX_COPY = 10_000  # rows copied at once (a paged table of a million rows reads each page)


def copy_rows(view: QAbstractItemView) -> str:
    """The selected rows (the first MAX_COPY) as tab-separated text, put on the clipboard;
    returns it."""
    model = view.model()
    lines = []
    for r in selected_rows(view)[:MAX_COPY]:
        cells = []
        for c in range(model.columnCount()):
            if hasattr(view, "isColumnHidden") and view.isColumnHidden(c):
                continue
            value = model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
            cells.append("" if value is None else str(value).replace("\t", " "))
        lines.append("\t".join(cells))
    text = "\n".join(lines)
    QGuiApplication.clipboard().setText(text)
    return text


class TableMenu:
    """The right-click menu of ``view``: the actions added with ``add`` (each called with the
    selected rows; ``single`` ones only when one row is selected), then Copy."""

    def __init__(self, view: QAbstractItemView):
        self.view = view
        self.actions: list[tuple[str, object, bool]] = []
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._on_menu_requested)
        view.table_menu = self  # kept alive with the view; found by the Edit menu and tests

    def add(self, text: str, slot, *, single: bool = False) -> TableMenu:
        self.actions.append((text, slot, single))
        return self

    def build(self) -> QMenu:
        menu = QMenu(self.view)
        rows = selected_rows(self.view)
        for text, slot, single in self.actions:
            act = menu.addAction(text)
            act.setEnabled(bool(rows) and (len(rows) == 1 or not single))
            act.triggered.connect(lambda _c=False, s=slot: s(selected_rows(self.view)))
        if self.actions:
            menu.addSeparator()
        copy = menu.addAction(QCoreApplication.translate("TableMenu", "Copy"))
        copy.setEnabled(bool(rows))
        copy.triggered.connect(lambda: copy_rows(self.view))
        return menu

    def trigger(self, text: str) -> None:
        """Run the action named ``text`` on the selection, as a click in the menu would."""
        for act in self.build().actions():
            if act.text() == text:
                act.trigger()
                return
        raise KeyError(text)

    def _on_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and index.row() not in selected_rows(self.view):
            self.view.selectRow(index.row())
        self.build().popup(self.view.viewport().mapToGlobal(pos))
