"""In zh-TW, the case-work views of issue 20 show no English: the split rings' table (headers,
typologies, shared identifiers, cases), the picker asking the quantities of several declarations,
the Edit menu's entity decisions; and a conflict between two officers editing one case is shown
with casedb's details in Chinese (who changed which field), not in the English casedb raises."""

from __future__ import annotations

import datetime as dt

from case_window import TRUTH, WAIT_MS, close_window, copy_demo, open_case, open_window
from PySide6.QtCore import Qt
from test_zh_tw_complete import _english, _walk, zh  # noqa: F401 - zh: the fixture

from casedb.analysis.ring_rows import RingRow
from casedb.cases import records as cases

REF = TRUTH["cases"][0]


def test_the_ring_table_and_the_quantities_picker_read_in_chinese(qtbot, zh):  # noqa: F811
    from widgets.case_picker import CasePicker
    from widgets.ring_table import SHARED, TYPOLOGY, WHY, RingTable

    table = RingTable()
    qtbot.addWidget(table)
    row = RingRow(0, 0.91, "fan-in", ("Shell A Ltd", "Shell B Ltd"), ("Buyer Sdn Bhd",),
                  (("phone", "+886 2 5550 0001", 2),), 12, 57.5, ("MYPKG",),
                  dt.date(2019, 5, 1), dt.date(2019, 6, 1), (("TW-1", 3),), 9)
    table.table_model.set_rows([row], ["（理由）"], detailed=True)
    texts = [table.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(WHY + 1)]
    texts += [table.proxy.index(0, c).data(Qt.ItemDataRole.ToolTipRole) for c in range(WHY + 1)]  # tooltips
    texts += [table.proxy.index(0, c).data() for c in (TYPOLOGY, SHARED)]
    found = {t: _english(t.replace("Shell A Ltd", "").replace("Shell B Ltd", ""))
             for t in texts if t}
    assert not any(found.values()), found
    assert table.proxy.index(0, TYPOLOGY).data() == "多對一"
    picker = CasePicker(None, "t", "p", [("TW-1", "", "open")], declarations=[1, 2, 3])
    qtbot.addWidget(picker)
    picker.show_declarations([(1, "AA1", 1000.0), (2, "AA2", None), (3, "AA3", 5.0)])
    picker.quantities.item(0, 2).setText("-1")
    picker.accept()  # refused: the problem said in Chinese
    found = _walk(picker)
    found.update({f"header {c}": _english(picker.quantities.horizontalHeaderItem(c).text())
                  for c in range(3) if _english(picker.quantities.horizontalHeaderItem(c).text())})
    assert not found, found
    assert "AA1" in picker.problem.text() and "公斤" in picker.problem.text()


def test_a_conflict_is_shown_with_its_details_in_chinese(qtbot, demo_db, tmp_path, zh,  # noqa: F811
                                                         boxes):
    path = copy_demo(demo_db, tmp_path)
    mine, theirs = open_window(qtbot, path), open_window(qtbot, path, user="officer.wang")
    try:
        open_case(qtbot, mine, REF)
        open_case(qtbot, theirs, REF)
        form, other = mine.case_management.edit_case(), theirs.case_management.edit_case()
        other.title.setText("Their title")
        other.accept()
        qtbot.waitUntil(lambda: cases.get_case(mine.db, REF).title == "Their title",
                        timeout=WAIT_MS)
        form.title.setText("My title")
        form.accept()
        qtbot.waitUntil(lambda: bool(boxes.shown), timeout=WAIT_MS)
        title, text = boxes.shown[-1]
        assert "officer.wang 修改了案由" in text and "已由他人修改" in text
        assert not _english(title) and not _english(text.replace("officer.wang", "")
                                                    .replace(REF, ""))
    finally:
        close_window(theirs)
        close_window(mine)
