"""``wasteintel FILE...`` (what a file manager runs for ``Exec=wasteintel %F``)."""

from __future__ import annotations

from app.cli import _command_names, _opened_files, build_parser, main


def test_spreadsheets_on_the_command_line_are_told_apart(tmp_path):
    sheet = tmp_path / "seizures.xlsx"
    sheet.write_bytes(b"PK")
    commands = _command_names(build_parser())
    files, rest = _opened_files(["--db", "x.db", str(sheet), str(tmp_path / "missing.csv")],
                                commands)
    assert files == [str(sheet)]
    assert rest == ["--db", "x.db", str(tmp_path / "missing.csv")]
    # After a command, files are that command's arguments.
    assert _opened_files(["import", str(sheet)], commands) == ([], ["import", str(sheet)])


def test_a_file_given_to_a_command_still_reaches_it(tmp_path, capsys):
    sheet = tmp_path / "seizures.csv"
    sheet.write_text("Declaration No.,Declaration Date,Gross Weight (kg)\nA1,2023-01-02,5 t\n")
    assert main(["import", str(sheet), "--db", str(tmp_path / "c.db"), "--json"]) == 0
    assert '"imported": 1' in capsys.readouterr().out
