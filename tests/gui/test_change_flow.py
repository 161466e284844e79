"""One change flow: after an import through the wizard, a case edit and an entity merge, the
route chart, the split view and the open case show the new data without anyone pressing
anything (every write publishes a ChangeSet; each view reloads what it touches)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableWidget, QTreeWidget
from sqlalchemy import select

from casedb.cases import members
from casedb.importing.pipeline import import_files
from casedb.models import Party
from casedb.store import migrate
from casedb.store.database import Database
from tests.gui.test_workflows import _wizard_to_mapping_page
from tests.writers import write_csv, write_xlsx

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)",
          "Container No(s).", "Port of Loading", "Port of Discharge", "Shipper", "Consignee",
          "Country of Destination"]
WEIGHTS = [24_100, 23_350, 24_870, 23_900, 24_450, 23_120, 24_760, 23_610, 24_300, 23_980, 24_620]


def _regular(i: int, container: str = "") -> list:
    return [f"B{i:03d}", f"2023-{1 + i:02d}-05", "3915.10", "12000", container, "Felixstowe",
            "TRMER", "Regular Recycling plc", "Mersin Plastik", "Turkey"]


def _ring() -> list[list]:
    """Eleven loads just under 25 t from three shells to one buyer in 23 days."""
    start = dt.date(2023, 3, 1)
    return [[f"R{i:03d}", (start + dt.timedelta(days=round(i * 2.3))).isoformat(), "3915.90",
             str(w), "", "Felixstowe", ("MYPKG", "MYPEN", "MYTPP")[i % 3], f"Shell {i % 3} Ltd",
             "Klang Polymer Sdn Bhd", "Malaysia"] for i, w in enumerate(WEIGHTS)]


def _texts(page) -> set[str]:
    out = set()
    for table in [page, *page.findChildren(QTableWidget)]:
        if isinstance(table, QTableWidget):
            out |= {table.item(r, c).text() for r in range(table.rowCount())
                    for c in range(table.columnCount()) if table.item(r, c)}
    for tree in [page, *page.findChildren(QTreeWidget)]:
        if isinstance(tree, QTreeWidget):
            out |= {tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())}
    return out


def _case_texts(window, tab: int) -> set[str]:
    return _texts(window.case_view.tabs.widget(tab))


def _routes(window) -> set[str]:
    table = window.analysis.routes.table
    return {s.route for s in table.series} if table is not None else set()


@pytest.fixture
def world(qtbot, tmp_path):
    db = Database(tmp_path / "cases.db", user="tester")
    migrate.upgrade(db)
    import_files(db, [write_csv(tmp_path / "regular.csv", [HEADER] + [_regular(i)
                                                                       for i in range(6)])])
    with db.read() as s:
        from casedb.models import Declaration

        b0 = s.scalar(select(Declaration.id).where(Declaration.declaration_no == "B000"))
    members.case_from_declarations(db, "C-1", "Mersin loads", [b0])
    from app.main_window import MainWindow
    from app.settings import Settings

    w = MainWindow(db, Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.analysis_built, timeout=30_000)
    w.open_case("C-1")
    qtbot.waitUntil(lambda: _routes(w) == {"TUR"}, timeout=30_000)
    qtbot.waitUntil(lambda: not w.jobs.active(), timeout=30_000)
    assert w.analysis.splits.ring_count() == 0
    yield w
    w.jobs.cancel_all()
    assert w.jobs.wait(30_000)
    db.dispose()


def test_views_follow_an_import_a_case_edit_and_an_entity_merge(qtbot, world, tmp_path):
    window, panel = world, world.analysis
    assert "MSCU1234566" not in _case_texts(window, 1)
    # 1. An import through the wizard: eleven ring loads to Malaysia, and the case's own
    # declaration again, now with its container.
    sheet = write_xlsx(tmp_path / "register.xlsx", {"Register": [HEADER] + _ring()
                                                    + [_regular(0, "MSCU1234566")]})
    flow = _wizard_to_mapping_page(qtbot, window, [sheet])
    flow.wizard.next()
    qtbot.waitUntil(lambda: flow.wizard.run_page.isComplete(), timeout=30_000)
    assert "11 imported" in flow.wizard.run_page.status.text()
    qtbot.waitUntil(lambda: _routes(window) == {"TUR", "MYS"}, timeout=30_000)
    qtbot.waitUntil(lambda: panel.splits.ring_count() == 1, timeout=30_000)
    assert set(panel.shown_rings[0].shipper_names) == {"Shell 0 Ltd", "Shell 1 Ltd", "Shell 2 Ltd"}
    qtbot.waitUntil(lambda: "MSCU1234566" in _case_texts(window, 1), timeout=30_000)

    # 2. A case edit: the ring added to the open case.
    window.analysis_actions.add_ring_to_case(0, "C-1")
    qtbot.waitUntil(lambda: "R000" in _case_texts(window, 1), timeout=30_000)
    assert {"Shell 0 Ltd", "Shell 1 Ltd", "Shell 2 Ltd"} <= _case_texts(window, 2)

    # 3. An entity merge in the review queue: Shell 0 is Shell 1.
    from app.actions.entity_review import open_entity_review

    review = open_entity_review(window)
    qtbot.addWidget(review.dialog)
    with window.db.read() as s:
        ids = dict(s.execute(select(Party.display_name, Party.id)).all())
    review.review.merge_requested.emit(ids["Shell 1 Ltd"], ids["Shell 0 Ltd"], "same phone")
    qtbot.waitUntil(lambda: "Shell 0 Ltd" not in _case_texts(window, 2), timeout=30_000)
    assert "Shell 1 Ltd" in _case_texts(window, 2)
    qtbot.waitUntil(lambda: all("Shell 0 Ltd" not in r.shipper_names for r in panel.shown_rings),
                    timeout=30_000)
    assert panel.splits.ring_count() == len(panel.shown_rings)  # the list shows the new rings
    review.dialog.close()


def test_f5_reloads_every_view_after_another_writer(qtbot, world, tmp_path):
    """Declarations stored by someone else (another workstation, the command line) show in the
    route chart and the split view after F5."""
    window, panel = world, world.analysis
    import_files(window.db, [write_csv(tmp_path / "theirs.csv", [HEADER] + _ring())])
    qtbot.wait(300)
    assert _routes(window) == {"TUR"}  # nobody told the views
    refresh = next(a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence.Refresh)
    refresh.trigger()
    qtbot.waitUntil(lambda: _routes(window) == {"TUR", "MYS"}, timeout=30_000)
    qtbot.waitUntil(lambda: panel.splits.ring_count() == 1, timeout=30_000)
