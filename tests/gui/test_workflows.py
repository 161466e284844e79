"""Everyday workflows driven through the real widgets: the import wizard end to end, a cancelled
import, the entity review queue and the event loop staying responsive during a big import."""

from __future__ import annotations

import csv
import multiprocessing
import shutil
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QLocale, Qt, QTimer
from sqlalchemy import func, select

from casedb.importing import pipeline
from casedb.models import AuditEntry, Declaration, ImportRun, RowProvenance, SourceFile
from casedb.store import migrate
from casedb.store.database import Database
from tests.writers import write_csv, write_xlsx

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)",
          "Container No(s).", "Port of Loading", "Port of Discharge", "Shipper", "Consignee",
          "Remarks"]


def _row(i: int, weight="12,500 kg") -> list:
    return [f"KH{i:07d}", f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", "3915.10", weight,
            "MSCU1234566", "Felixstowe", "MYPKG", f"Shipper {i % 50} Ltd", "Klang Polymer Sdn Bhd",
            f"note {i}"]


def _counts(db: Database) -> dict:
    with db.read() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t))
                for t in (Declaration, RowProvenance, SourceFile, ImportRun)}


def _window(qtbot, db: Database):
    from app.main_window import MainWindow
    from app.settings import Settings

    w = MainWindow(db, Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _close(w) -> None:
    w.jobs.cancel_all()
    assert w.jobs.wait(30000)


@pytest.fixture
def empty_window(qtbot, tmp_path):
    db = Database(tmp_path / "cases.db", user="tester")
    migrate.upgrade(db)
    w = _window(qtbot, db)
    # The analysis dock is built once its modules are imported; done before the test starts.
    qtbot.waitUntil(lambda: w.analysis_built, timeout=30_000)
    yield w
    _close(w)
    db.dispose()


def _wizard_to_mapping_page(qtbot, window, paths):
    from app.actions.importing import open_import_wizard

    flow = open_import_wizard(window, [str(p) for p in paths])
    qtbot.addWidget(flow.wizard)
    assert flow.wizard.currentPage() is flow.wizard.files_page
    assert flow.wizard.button(flow.wizard.WizardButton.NextButton).isEnabled()
    flow.wizard.next()
    assert flow.wizard.currentPage() is flow.wizard.mapping_page
    next_button = flow.wizard.button(flow.wizard.WizardButton.NextButton)
    qtbot.waitUntil(next_button.isEnabled, timeout=30000)  # the preview is read in a job
    return flow


def test_import_wizard_on_a_real_xlsx_end_to_end(qtbot, empty_window, tmp_path):
    path = write_xlsx(tmp_path / "register.xlsx", {"Register": [
        ["Kaohsiung Customs: declarations"], [],
        HEADER,
        _row(1), _row(2), _row(3, weight="-5 kg"), ["", "2023-02-02", "3915.10", "1 t"], _row(4),
    ]})
    flow = _wizard_to_mapping_page(qtbot, empty_window, [path])
    page = flow.wizard.mapping_page
    assert "row 3" in page.header.text()
    fields = {m.header: combo.currentData() for m, combo in zip(page.sheet.mappings, page.combos, strict=True)}
    assert fields["Declaration No."] == "declaration_no"
    assert fields["Gross Weight (kg)"] == "gross_weight_kg"
    assert page.table.item(0, 3).text().endswith("%")
    assert "values fit" in page.table.item(0, 4).text()  # the evidence beside the confidence
    assert page.written.rowCount() == 5
    assert page.preview.rowCount() == 3  # as it will be stored: the two rows refused are not
    stored = [page.preview.horizontalHeaderItem(c).text() for c in range(page.preview.columnCount())]
    weight = page.preview.item(0, stored.index("Gross weight (kg)")).text()  # field in words
    assert float(weight) > 0  # as it will be stored: kilograms, not the text written
    # The investigator keeps the remarks as the goods description.
    remarks = [m.header for m in page.sheet.mappings].index("Remarks")
    page.combos[remarks].setCurrentIndex(page.combos[remarks].findData("goods_description"))

    run = flow.wizard.run_page
    busy = []  # once every row is written the bar turns busy while indexes build and it saves
    original = flow.wizard.set_progress
    flow.wizard.set_progress = lambda done, total: (
        original(done, total), busy.append((run.bar.maximum(), run.status.text())))
    flow.wizard.next()
    qtbot.waitUntil(lambda: run.isComplete(), timeout=30000)
    assert (0, flow.wizard.tr("Building indexes and saving…")) in busy
    assert run.bar.maximum() == 1 and run.bar.value() == 1  # not left busy
    assert "3 imported" in run.status.text() and "2 refused" in run.status.text()
    refused = {(run.report.item(r, 2).text(), run.report.item(r, 3).text())
               for r in range(run.report.rowCount()) if run.report.item(r, 0).text() == "refused"}
    assert refused == {("6", "Gross Weight (kg)"), ("7", "Declaration No.")}
    with empty_window.db.read() as s:
        rows = s.execute(select(Declaration.declaration_no, Declaration.goods_description)
                         .order_by(Declaration.declaration_no)).all()
    assert [tuple(r) for r in rows] == [("KH0000001", "note 1"), ("KH0000002", "note 2"),
                                        ("KH0000004", "note 4")]
    # The refusal report exports, neutralised, for the clerk who sent the file.
    out = tmp_path / "refused.csv"
    flow.wizard.export_report_requested.emit(str(out))
    lines = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert lines[0] == ["file", "kind", "sheet", "row", "column", "value", "reason"]
    assert len(lines) == 3
    # The browser shows what came in.
    empty_window.browser.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: empty_window.browser.declarations.model.rowCount() == 3,
                    timeout=10_000)


@pytest.mark.parametrize("reading", ["here", "process"])
def test_cancelled_import_leaves_the_database_unchanged(qtbot, empty_window, tmp_path,
                                                        monkeypatch, reading):
    if reading == "process":  # as a large file: read by a process spawned from the job's thread
        monkeypatch.setattr(pipeline, "MIN_PROCESS_BYTES", 0)
    first = write_csv(tmp_path / "first.csv", [HEADER] + [_row(i) for i in range(5)])
    flow = _wizard_to_mapping_page(qtbot, empty_window, [first])
    flow.wizard.next()
    qtbot.waitUntil(flow.wizard.run_page.isComplete, timeout=30000)
    before = _counts(empty_window.db)
    assert before["declaration"] == 5

    big = write_csv(tmp_path / "big.csv", [HEADER] + [_row(i) for i in range(10, 60010)])
    flow = _wizard_to_mapping_page(qtbot, empty_window, [big])
    flow.wizard.next()
    bar = flow.wizard.run_page.bar
    qtbot.waitUntil(lambda: 0 < bar.value() < bar.maximum(), timeout=30000)
    qtbot.mouseClick(flow.wizard.run_page.cancel, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(flow.job.signals.finished, timeout=30000):
        pass
    assert "Cancelled" in flow.wizard.run_page.status.text()
    assert _counts(empty_window.db) == before
    assert not multiprocessing.active_children()


def test_confirming_an_entity_match_is_audited(qtbot, demo_db, tmp_path):
    from app.actions.entity_review import open_entity_review

    shutil.copy(demo_db.sqlite_path, tmp_path / "demo.db")
    db = Database(tmp_path / "demo.db", user="officer.chen")
    window = _window(qtbot, db)
    try:
        flow = open_entity_review(window)
        review = flow.review
        qtbot.waitUntil(lambda: review.table.rowCount() > 0, timeout=30000)
        first = review.current()
        review.reason.setText("same tax id on both invoices")
        qtbot.mouseClick(review.merge_button, Qt.MouseButton.LeftButton)

        def audited():
            with db.read() as s:
                return s.scalars(select(AuditEntry).where(
                    AuditEntry.reason == "same tax id on both invoices")).all()

        qtbot.waitUntil(lambda: len(audited()) > 0, timeout=30000)
        entries = audited()
        assert {e.actor for e in entries} == {"officer.chen"}
        assert any(e.entity == "party" and e.entity_id in (first.left_id, first.right_id)
                   for e in entries)
        qtbot.waitUntil(lambda: all((c.left_id, c.right_id) != (first.left_id, first.right_id)
                                    for c in review._candidates), timeout=60_000)
        # The merged party now carries both names; one is split out again, also audited.
        review.table.clearSelection()
        review.request_names([first.left_id])
        qtbot.waitUntil(lambda: review.names.count() >= 2, timeout=60_000)
        review.names.setCurrentRow(review.names.count() - 1)
        _, split_name = review.names.currentItem().data(Qt.ItemDataRole.UserRole)
        review.reason.setText("different director on the second invoice")
        qtbot.mouseClick(review.split_button, Qt.MouseButton.LeftButton)

        def split_entries():
            with db.read() as s:
                return s.scalars(select(AuditEntry).where(AuditEntry.action == "split")).all()

        qtbot.waitUntil(lambda: len(split_entries()) == 1, timeout=30000)
        assert split_entries()[0].old_value == split_name
        assert split_entries()[0].reason == "different director on the second invoice"
    finally:
        _close(window)
        db.dispose()


def _write_200k(path) -> None:
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            w.writerows(_row(i) for i in range(200_000))
        return
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Declarations")
    ws.write_row(0, 0, HEADER)
    for i in range(200_000):
        ws.write_row(i + 1, 0, _row(i))
    wb.close()


@pytest.mark.alone  # measures time: run by make test after the parallel suite, not beside it
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_event_loop_stays_responsive_during_a_200k_row_import(qtbot, empty_window, tmp_path,
                                                              suffix):
    path = tmp_path / f"200k{suffix}"
    _write_200k(path)
    flow = _wizard_to_mapping_page(qtbot, empty_window, [path])
    gaps: list[float] = []
    where: list[str] = []  # the progress when each gap ended, to say where a stall happened
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    bar = flow.wizard.run_page.bar

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        where.append(f"{bar.value()}/{bar.maximum()}")
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    t0 = time.perf_counter()
    flow.wizard.next()
    qtbot.waitUntil(flow.wizard.run_page.isComplete, timeout=300_000)
    timer.stop()
    elapsed = time.perf_counter() - t0
    assert f"{QLocale().toString(200_000)} imported" in flow.wizard.run_page.status.text()
    assert len(gaps) > elapsed * 20  # the timer really ran throughout
    worst = sorted(range(len(gaps)), key=gaps.__getitem__)[-3:]
    assert gaps[worst[-1]] <= 100, "event loop blocked during the import: " + ", ".join(
        f"{gaps[i]} ms at {where[i]}" for i in worst)


def test_wizard_blocks_until_the_unit_of_an_implausible_weight_is_chosen(qtbot, empty_window,
                                                                        tmp_path):
    path = write_csv(tmp_path / "tonnes.csv", [
        ["Declaration No.", "Date", "Container No.", "Weight", "HS Code"],
        *[[f"T{i}", f"2023-01-0{i}", "MSCU1234566", w, "391510"]
          for i, w in enumerate((18.5, 21.2, 19.9, 20.1), start=1)]])
    from app.actions.importing import open_import_wizard

    flow = open_import_wizard(empty_window, [str(path)])
    qtbot.addWidget(flow.wizard)
    flow.wizard.next()
    page = flow.wizard.mapping_page
    qtbot.waitUntil(lambda: page.sheet is not None, timeout=30_000)
    next_button = flow.wizard.button(flow.wizard.WizardButton.NextButton)
    assert page.questions.isVisible() and "Weight" in page.questions.text()
    assert not next_button.isEnabled()  # the import will not guess: it asks
    row = [m.header for m in page.sheet.mappings].index("Weight")
    assert page.table.item(row, 0).background().color().name() == "#f4b6b6"  # highlighted
    units = page.unit_combos[row]
    units.setCurrentIndex(units.findData("t"))
    qtbot.waitUntil(next_button.isEnabled, timeout=30_000)
    assert not page.questions.isVisible()
    flow.wizard.next()
    qtbot.waitUntil(flow.wizard.run_page.isComplete, timeout=30_000)
    with empty_window.db.read() as s:
        weights = s.scalars(select(Declaration.gross_weight_kg)
                            .order_by(Declaration.declaration_no)).all()
    assert weights == [18500.0, 21200.0, 19900.0, 20100.0]
