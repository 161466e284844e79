"""Entity-resolution decisions (merge, rejection, split) on the window's undo stack, beside the
case edits: Edit > Undo reverts the decision (casedb.cases.undo.undo_last on the party), Edit >
Redo makes it again (casedb.parties.redo.redo_last_decision); both audited, run as write jobs,
what they changed published to every view."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from casedb.cases.undo import undo_last
from casedb.parties.redo import redo_last_decision

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class Decision(QUndoCommand):
    """A decision already written on ``party_id`` (the party its audit entries name: the one
    kept by a merge, the first of a rejection, the one a name was split from). Qt calls redo when
    it is pushed: that first redo is the decision already made. ``undone``: the command is the
    undo of a decision (the company view's button): undo makes the decision again."""

    def __init__(self, manager, text: str, party_id: int, *, undone: bool = False):
        super().__init__(text)
        self.manager, self.party_id = manager, party_id
        self._done = True
        self._forward, self._back = (_undo, _redo) if undone else (_redo, _undo)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.manager.run(self._forward, self.party_id, done=translate(
            "EntityUndo", "Redone: %1").replace("%1", self.text()))

    def undo(self) -> None:
        self.manager.run(self._back, self.party_id, done=translate(
            "EntityUndo", "Undone: %1").replace("%1", self.text()))


def push(window, kind: str, party_id: int, names: tuple[str, ...] = ()) -> Decision:
    """Put a decision just written on ``window``'s undo stack (``kind``: merge, reject, split;
    ``names``: the parties' or the split name's, for the Edit menu's text)."""
    shown = " / ".join(n for n in names if n) or str(party_id)
    texts = {"merge": translate("EntityUndo", "Merge parties %1"),
             "reject": translate("EntityUndo", "Different parties %1"),
             "split": translate("EntityUndo", "Split %1 out")}
    manager = window.case_management
    command = Decision(manager, texts[kind].replace("%1", shown), party_id)
    manager.undo_stack.push(command)
    return command


def push_undone(window, party_id: int, name: str = "") -> Decision:
    """The undo of a party's last decision, done outside the Edit menu (the company view's
    button), on the stack too: Edit > Undo then makes the decision again."""
    manager = window.case_management
    text = translate("EntityUndo", "Undo the last decision of %1").replace(
        "%1", name or str(party_id))
    command = Decision(manager, text, party_id, undone=True)
    manager.undo_stack.push(command)
    return command


def _undo(db, party_id: int):
    return undo_last(db, "party", party_id)


def _redo(db, party_id: int):
    return redo_last_decision(db, party_id)
