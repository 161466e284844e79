"""``wasteintel export table``: the browser's tables to CSV and XLSX, neutralised."""

from __future__ import annotations

import csv

from app.cli import main
from tests.writers import write_csv


def test_export_table_csv_and_xlsx_neutralised(tmp_path, capsys):
    sheet = write_csv(tmp_path / "reg.csv", [
        ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "B/L No."],
        ["A1", "2023-01-02", "3915.10", "5 t", '=HYPERLINK("http://x.example","go")'],
        ["A2", "2023-02-03", "8548.10", "7 t", "BL-2"],
    ])
    db = str(tmp_path / "c.db")
    assert main(["import", str(sheet), "--db", db]) == 0
    out = tmp_path / "decl.csv"
    assert main(["export", "table", "declarations", "-o", str(out), "--hs", "3915",
                 "--db", db]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][0] == "declaration_no" and [r[0] for r in rows[1:]] == ["A1"]
    assert rows[1][rows[0].index("bl_no")] == "'=HYPERLINK(\"http://x.example\",\"go\")"
    xlsx = tmp_path / "decl.xlsx"
    assert main(["export", "table", "declarations", "-o", str(xlsx), "--db", db]) == 0
    from python_calamine import CalamineWorkbook

    cells = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("export").to_python()
    assert len(cells) == 3 and not any(str(c).startswith("=") for r in cells for c in r)
    assert "'=HYPERLINK(\"http://x.example\",\"go\")" in {c for r in cells for c in r}
    assert "written to" in capsys.readouterr().out
