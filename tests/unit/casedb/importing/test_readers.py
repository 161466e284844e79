"""Reading workbooks: several sheets read two at a time come back whole and in order."""

from __future__ import annotations

from casedb.importing import readers
from tests.writers import write_xlsx


def test_sheets_read_side_by_side_come_back_in_the_workbook_order(tmp_path, monkeypatch):
    sheets = {f"S{k}": [["Declaration No.", "Gross Weight"]]
              + [[f"D{k}-{i}", f"{i} kg"] for i in range(300 * (k + 1))] for k in range(5)}
    path = write_xlsx(tmp_path / "five.xlsx", sheets)
    side_by_side = readers.read_workbook(path)
    monkeypatch.setattr(readers, "SHEET_READERS", 1)
    one_by_one = readers.read_workbook(path)
    assert [s.name for s in side_by_side] == ["S0", "S1", "S2", "S3", "S4"]
    assert [(s.name, s.rows) for s in side_by_side] == [(s.name, s.rows) for s in one_by_one]
    assert side_by_side[4].rows[-1] == ["D4-1499", "1499 kg"]
    assert [len(s.rows) for s in side_by_side] == [301, 601, 901, 1201, 1501]
