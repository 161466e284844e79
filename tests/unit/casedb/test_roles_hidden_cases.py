"""Row-level security's gaps on a real PostgreSQL server, with real login roles: a case
reference held by a case the user may not see is refused in one sentence that says nothing
of that case, whether the user creates the case by hand, from the command line or from a
seizure register's rows (refused row by row, the other rows imported)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import select

from casedb import messages
from casedb.cases.members import case_from_declarations
from casedb.cases.records import create_case, get_case, list_cases
from casedb.errors import ConflictError
from casedb.importing.pipeline import import_file
from casedb.models import Case, Seizure
from casedb.security.references import ReferenceTaken
from tests.unit.casedb.test_roles import _as, world  # noqa: F401 - the fixture, shared
from tests.writers import write_csv

HIDDEN_DETAILS = ("case B-1", "RESTRICTED", "team", "uq_case_case_ref", "Key (", "duplicate",
                  "DETAIL")


def _says_nothing_of_the_hidden_case(text: str) -> None:
    assert "'B-1'" in text and "choose another reference" in text
    for detail in HIDDEN_DETAILS:
        assert detail not in text, detail
    assert "\n" not in text.strip()


def test_a_reference_held_by_a_hidden_case_is_refused_in_one_sentence(world):  # noqa: F811
    a = _as(world, world.analyst_a)
    with pytest.raises(ReferenceTaken) as raised:
        create_case(a, "B-1", "my own case")
    _says_nothing_of_the_hidden_case(str(raised.value))
    assert messages.text(raised.value, "zh-TW") == (  # the workstation's words in zh-TW
        "案號 B-1 已由另一件案件使用（可能是您無權檢視的案件）：請另選案號")
    with pytest.raises(ReferenceTaken):  # the same from declarations (the case menu's way)
        case_from_declarations(a, "B-1", "my own case", [])
    # nothing was written, the hidden case untouched, and the connection still works
    assert [c.case_ref for c in list_cases(a)] == ["A-1", "OPEN-1"]
    assert get_case(world.owner, "B-1").title == "case B-1"
    create_case(a, "A-2", "free reference")
    # a case the user sees keeps its own message
    with pytest.raises(ConflictError, match="exists already"):
        create_case(a, "A-1")


def test_the_command_line_refuses_a_hidden_reference_with_exit_1(world):  # noqa: F811
    url = world.connect(world.analyst_a).url
    run = subprocess.run([sys.executable, "-m", "app.cli", "case", "new", "B-1", "--db", url],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    _says_nothing_of_the_hidden_case(run.stderr)


def test_seizures_for_a_hidden_case_are_refused_row_by_row(world, tmp_path):  # noqa: F811
    path = write_csv(tmp_path / "register.csv", [
        ["Case No.", "Declaration No.", "Declaration Date", "Seizure Date", "Gross Weight (kg)",
         "Offence"],
        ["A-1", "S1", "2024-03-01", "2024-03-05", "12000", "no PIC"],
        ["B-1", "S2", "2024-03-02", "2024-03-06", "9000", "no PIC"],
        ["NEW-1", "S3", "2024-03-03", "2024-03-07", "8000", "no PIC"],
        ["B-1", "S4", "2024-03-04", "2024-03-08", "7000", "no PIC"],
    ])
    a = _as(world, world.analyst_a)
    report = import_file(a, path)
    assert report.status == "partly imported"
    assert [(r.row, r.column) for r in report.refused] == [(3, "Case No."), (5, "Case No.")]
    for refusal in report.refused:
        _says_nothing_of_the_hidden_case(refusal.reason)
    assert report.imported == 2
    with world.owner.read() as s:  # the server's own view: B-1 got nothing
        seizures = {ref for (ref,) in s.execute(
            select(Case.case_ref).join(Seizure, Seizure.case_id == Case.id))}
    assert seizures == {"A-1", "NEW-1"}
    assert [c.case_ref for c in list_cases(a)] == ["A-1", "NEW-1", "OPEN-1"]
