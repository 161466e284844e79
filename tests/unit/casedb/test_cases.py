"""Cases: create, list, edit with optimistic locking, notes; every change audited."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap

import pytest

from casedb.cases.records import add_note, create_case, edit_note, get_case, list_cases, update_case
from casedb.errors import CaseDbError, ConflictError, NotFound
from casedb.store import audit


def test_create_and_list(db):
    create_case(db, "TW-2024-001", "Plastic scrap via Port Klang", status="open",
                opened_on=dt.date(2024, 3, 1), tags=["plastic", "split"])
    create_case(db, "TW-2024-002", "E-waste")
    cases = list_cases(db)
    assert [c.case_ref for c in cases] == ["TW-2024-001", "TW-2024-002"]
    assert cases[0].to_json() == {"case_ref": "TW-2024-001", "title": "Plastic scrap via Port Klang",
                                  "status": "open", "opened_on": "2024-03-01", "seizures": 0,
                                  "declarations": 0}
    assert get_case(db, "TW-2024-001").tags == ("plastic", "split")
    with pytest.raises(ConflictError):
        create_case(db, "TW-2024-001")
    with pytest.raises(NotFound):
        get_case(db, "nope")


def test_update_is_audited_and_versioned(db):
    create_case(db, "C-1", "old title")
    v = get_case(db, "C-1").version
    v2 = update_case(db, "C-1", v, {"title": "new title", "status": "referred"}, reason="review")
    assert v2 == v + 1
    with db.read() as s:
        rows = [r for r in audit.entries(s, entity="case") if r.action == "update"]
    assert {(r.field, r.old_value, r.new_value, r.reason, r.user) for r in rows} == {
        ("title", "old title", "new title", "review", db.user),  # PostgreSQL: the role
        ("status", "open", "referred", "review", db.user),
    }
    with pytest.raises(CaseDbError, match="unknown case status"):
        update_case(db, "C-1", v2, {"status": "banana"})


def test_stale_writer_gets_conflict_not_overwrite(db):
    create_case(db, "C-1", "t")
    seen = get_case(db, "C-1").version  # both investigators opened version `seen`
    update_case(db, "C-1", seen, {"summary": "first writer"})
    with pytest.raises(ConflictError, match="changed by someone else"):
        update_case(db, "C-1", seen, {"summary": "second writer"})
    assert get_case(db, "C-1").summary == "first writer"


def test_two_processes_editing_the_same_case(db):
    """A second process writes between our read and our write: we must get a conflict."""
    create_case(db, "C-9", "t")
    seen = get_case(db, "C-9").version
    script = textwrap.dedent(f"""
        from casedb.store.database import Database
        from casedb.cases.records import update_case
        db = Database({db.url!r}, user="bob")
        update_case(db, "C-9", {seen}, {{"summary": "bob was here"}}, reason="bob's edit")
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    with pytest.raises(ConflictError):
        update_case(db, "C-9", seen, {"summary": "alice was here"}, reason="alice's edit")
    assert get_case(db, "C-9").summary == "bob was here"
    with db.read() as s:
        rows = [(r.user, r.new_value) for r in audit.entries(s, entity="case")
                if r.field == "summary"]
    assert rows == [("bob" if db.is_sqlite else db.user, "bob was here")]  # PG: the role


def test_notes_are_audited_and_locked(db):
    create_case(db, "C-1", "t")
    nid = add_note(db, "C-1", "first look")
    (note,) = get_case(db, "C-1").notes
    edit_note(db, nid, note.version, "second look", reason="more facts")
    with pytest.raises(ConflictError):
        edit_note(db, nid, note.version, "stale edit")
    assert get_case(db, "C-1").notes[0].body == "second look"
    with db.read() as s:
        rows = [(r.action, r.old_value, r.new_value) for r in audit.entries(s, entity="note")]
    assert rows == [("create", None, "first look"), ("update", "first look", "second look")]
