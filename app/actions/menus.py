"""The Edit and Case menus: undo and redo of case edits, copy, select all and find (the usual
desktop keys), a new case, the open case edited or merged."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from widgets.table_menu import copy_rows

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

def _action(window, menu, text: str, slot, shortcut=None) -> QAction:
    act = QAction(text, window)
    if shortcut is not None:
        act.setShortcut(shortcut)
    act.triggered.connect(lambda _checked=False: slot())
    menu.addAction(act)
    return act


def add_menus(window, manager, search) -> None:
    """The Edit and Case menus of ``window`` (``manager``: its CaseManagement, ``search``: what
    Ctrl+F calls)."""
    edit = window.menuBar().addMenu(translate("MainWindow", "&Edit"))
    undo = manager.undo_stack.createUndoAction(window, translate("MainWindow", "&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = manager.undo_stack.createRedoAction(window, translate("MainWindow", "&Redo"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    edit.addActions([undo, redo])
    edit.addSeparator()
    keys = QKeySequence.StandardKey
    _action(window, edit, translate("MainWindow", "&Copy"), copy_focused, keys.Copy)
    _action(window, edit, translate("MainWindow", "Select &all"), select_all_focused,
            keys.SelectAll)
    edit.addSeparator()
    _action(window, edit, translate("MainWindow", "&Find…"), search, keys.Find)
    case = window.menuBar().addMenu(translate("MainWindow", "&Case"))
    _action(window, case, translate("MainWindow", "&New case…"), manager.new_case,
            QKeySequence("Ctrl+Shift+N"))
    _action(window, case, translate("MainWindow", "&Edit the open case…"), manager.edit_case)
    _action(window, case, translate("MainWindow", "&Merge another case into the open case…"),
            manager.merge_into_open_case)
    window.edit_menu, window.case_menu = edit, case


def copy_focused() -> str:
    """Copy from the widget with the focus: a table's selected rows, a text's selection."""
    w = QApplication.focusWidget()
    while w is not None and not isinstance(w, (QAbstractItemView, QLineEdit, QTextEdit,
                                               QPlainTextEdit)):
        w = w.parentWidget()
    if isinstance(w, QAbstractItemView):
        return copy_rows(w)
    if w is not None:
        w.copy()
        return QApplication.clipboard().text()
    return ""


def select_all_focused() -> None:
    w = QApplication.focusWidget()
    if w is not None and hasattr(w, "selectAll"):
        w.selectAll()
