"""``wasteintel entities undo|redo PARTY_ID``: a merge made on the command line undone and made
again, as the workstation's Edit menu does; nothing to redo is a refusal (exit 1) naming the
party. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import select

from casedb.models import Party
from tests import factories

pytestmark = pytest.mark.slow  # each command a new process


def run(*args, code=0):
    out = subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == code, out.stderr
    return out


def _parties(db) -> set[int]:
    with db.read() as s:
        return set(s.scalars(select(Party.id)))


def test_a_merge_undone_and_redone_from_the_command_line(db):
    with db.begin() as s:
        a = factories.party(s, "Harbour Metals Ltd", "MYS", phone="+60 3 1234 5678")
        b = factories.party(s, "Harbor Metals Limited", "MYS", phone="+60 3 1234 5678")
        factories.declaration(s, parties={"shipper": b})
    url = db.url
    run("entities", "merge", str(a), str(b), "--reason", "same phone", "--db", url)
    assert _parties(db) == {a}
    undone = json.loads(run("entities", "undo", str(a), "--db", url, "--json").stdout)
    assert undone["ok"] and set(undone["parties"]) == {a, b}
    assert _parties(db) == {a, b}
    redone = json.loads(run("entities", "redo", str(a), "--db", url, "--json").stdout)
    assert redone["decision"] == "merge" and _parties(db) == {a}
    refused = run("entities", "redo", str(a), "--db", url, code=1)
    assert f"nothing of party {a} to redo" in refused.stderr
