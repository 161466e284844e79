"""A file whose weights write a decimal comma may write its values with a decimal point: each
column keeps the mark its own values show, and nothing is read 100 times too large."""

from __future__ import annotations

from sqlalchemy import select

from casedb.importing.pipeline import import_file
from casedb.models import Declaration
from tests.writers import write_csv


def test_values_with_a_point_beside_weights_with_a_comma(sqlite_db, tmp_path):
    path = write_csv(tmp_path / "s.csv", [
        ["Declaration No.", "Declaration Date", "Gross Weight (kg)", "Net Weight (kg)",
         "Declared Value", "Currency"],
        ["A1", "02/01/2021", "23,554 t", "22732,0", "4956.28", "USD"],
        ["A2", "03/01/2021", "16,725 t", "16512,2", "3640.97", "USD"],
        ["A3", "04/01/2021", "1.250,5", "1100,25", "12.5", "USD"],
    ], delimiter=";")
    report = import_file(sqlite_db, path)
    assert report.imported == 3 and not report.warnings
    with sqlite_db.read() as s:
        got = s.execute(select(Declaration.declaration_no, Declaration.gross_weight_kg,
                               Declaration.net_weight_kg, Declaration.declared_value)
                        .order_by(Declaration.declaration_no)).all()
    assert [tuple(r) for r in got] == [("A1", 23554.0, 22732.0, 4956.28),
                                       ("A2", 16725.0, 16512.2, 3640.97),
                                       ("A3", 1250.5, 1100.25, 12.5)]
