"""``wasteintel FILE...`` (what a file manager runs for ``Exec=wasteintel %F``)."""

from __future__ import annotations

import pytest

from app.cli import _opened_files, main


def test_spreadsheets_on_the_command_line_are_told_apart(tmp_path):
    sheet = tmp_path / "seizures.xlsx"
    sheet.write_bytes(b"PK")
    files, rest = _opened_files(["--db", "x.db", str(sheet), str(tmp_path / "missing.csv")])
    assert files == [str(sheet)]
    assert rest == ["--db", "x.db", str(tmp_path / "missing.csv")]


def test_a_file_before_a_command_is_refused(tmp_path, capsys):
    sheet = tmp_path / "seizures.csv"
    sheet.write_text("a,b\n")
    with pytest.raises(SystemExit) as exc:
        main([str(sheet), "cases"])
    assert exc.value.code == 2
    assert "commands take files after their name" in capsys.readouterr().err
