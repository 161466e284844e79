"""Case attachments: stored with their hash, saved back byte for byte, size-limited, removal
audited; on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from casedb.cases import attachments
from casedb.cases.attachments import (
    MAX_ATTACHMENT_BYTES,
    add_attachment,
    list_attachments,
    remove_attachment,
    save_attachment,
)
from casedb.cases.casefile import load_case_file
from casedb.cases.records import create_case
from casedb.errors import CaseDbError, NotFound, ReadError
from casedb.models import Attachment, AuditEntry
from casedb.store import audit

# Every byte value, a NUL and invalid UTF-8: what a text column would mangle.
CONTENT = bytes(range(256)) * 40 + b"\x00\xff\xfe end"


@pytest.fixture
def scan(tmp_path):
    path = tmp_path / "bill of lading 2019-07.pdf"
    path.write_bytes(CONTENT)
    return path


def _count(db, model=Attachment) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_add_then_list_shows_name_size_and_hash(db, scan):
    create_case(db, "TW-1", "plastic scrap")
    create_case(db, "TW-2", "other case")
    aid = add_attachment(db, "TW-1", scan, "B/L from the shipping line")
    [info] = list_attachments(db, "TW-1")
    assert info.id == aid
    assert info.file_name == "bill of lading 2019-07.pdf"
    assert info.size == len(CONTENT)
    assert info.sha256 == hashlib.sha256(CONTENT).hexdigest()
    assert info.media_type == "application/pdf"
    assert info.added_by == db.user  # the OS user on SQLite, the database role on PostgreSQL
    assert info.added_at is not None
    assert info.description == "B/L from the shipping line"
    assert not hasattr(info, "content")
    assert list_attachments(db, "TW-2") == []
    assert load_case_file(db, "TW-1").attachments == (info,)
    with db.read() as s:
        [entry] = audit.entries(s, entity="attachment")
    assert (entry.action, entry.entity_id, entry.user) == ("add", aid, db.user)
    assert info.sha256 in entry.new_value and "TW-1" in entry.new_value


def test_unknown_media_type_falls_back_to_octet_stream(db, tmp_path):
    create_case(db, "TW-1")
    path = tmp_path / "dump.qqzz"
    path.write_bytes(b"")
    add_attachment(db, "TW-1", path)
    [info] = list_attachments(db, "TW-1")
    assert (info.media_type, info.size) == ("application/octet-stream", 0)


def test_save_round_trips_the_bytes(db, scan, tmp_path):
    create_case(db, "TW-1")
    aid = add_attachment(db, "TW-1", scan)
    out = tmp_path / "out" / "copy.pdf"
    out.parent.mkdir()
    out.write_bytes(b"an older file that must be replaced")
    assert save_attachment(db, aid, str(out)) == out
    assert out.read_bytes() == CONTENT
    assert sorted(p.name for p in out.parent.iterdir()) == ["copy.pdf"]  # no temporary left


def test_save_refuses_a_damaged_attachment(db, scan, tmp_path):
    create_case(db, "TW-1")
    aid = add_attachment(db, "TW-1", scan)
    with db.begin() as s:
        s.get(Attachment, aid).content = CONTENT[:-1] + b"X"
    out = tmp_path / "copy.pdf"
    with pytest.raises(CaseDbError, match="damaged"):
        save_attachment(db, aid, out)
    assert not out.exists()


def test_too_large_is_refused_and_nothing_written(db, tmp_path):
    create_case(db, "TW-1")
    big = tmp_path / "huge.bin"
    with big.open("wb") as f:
        f.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: refused before it is read
    with pytest.raises(CaseDbError, match="too large"):
        add_attachment(db, "TW-1", big)
    small = tmp_path / "small.bin"
    small.write_bytes(b"x" * 11)
    with pytest.raises(CaseDbError, match="too large"):
        add_attachment(db, "TW-1", small, max_bytes=10)
    assert _count(db) == 0
    assert _count(db, AuditEntry) == 1  # the case's creation only


def test_the_limit_is_the_module_setting(db, tmp_path, monkeypatch):
    create_case(db, "TW-1")
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 10)
    path = tmp_path / "eleven.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(CaseDbError):
        add_attachment(db, "TW-1", path)
    path.write_bytes(b"x" * 10)
    add_attachment(db, "TW-1", path)
    assert _count(db) == 1


def test_remove_is_audited_with_name_and_hash(db, scan):
    create_case(db, "TW-1")
    aid = add_attachment(db, "TW-1", scan)
    sha = hashlib.sha256(CONTENT).hexdigest()
    with pytest.raises(CaseDbError, match="reason"):
        remove_attachment(db, aid, "  ")
    assert _count(db) == 1
    remove_attachment(db, aid, "attached to the wrong case")
    assert list_attachments(db, "TW-1") == []
    assert _count(db) == 0
    with db.read() as s:
        removed = [e for e in audit.entries(s, entity="attachment") if e.action == "delete"]
    assert len(removed) == 1
    entry = removed[0]
    assert (entry.entity_id, entry.field, entry.user, entry.reason) == (
        aid, "file", db.user, "attached to the wrong case")
    assert "bill of lading 2019-07.pdf" in entry.old_value and sha in entry.old_value
    with pytest.raises(NotFound):
        remove_attachment(db, aid, "twice")


def test_unknown_case_or_attachment_is_not_found(db, scan, tmp_path):
    with pytest.raises(NotFound):
        add_attachment(db, "NO-SUCH-CASE", scan)
    with pytest.raises(NotFound):
        list_attachments(db, "NO-SUCH-CASE")
    with pytest.raises(NotFound):
        save_attachment(db, 12345, tmp_path / "x.bin")
    assert not (tmp_path / "x.bin").exists()
    assert _count(db) == 0


def test_missing_file_is_a_read_error(db, tmp_path):
    create_case(db, "TW-1")
    with pytest.raises(ReadError):
        add_attachment(db, "TW-1", tmp_path / "gone.pdf")
    assert _count(db) == 0
