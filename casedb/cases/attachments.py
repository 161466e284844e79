"""Files attached to a case (scans, photos, letters): stored in the database with their SHA-256,
listed without their content, saved back out verified, removed only with a reason; audited."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from casedb import messages
from casedb.cases.records import case_id
from casedb.changes import ATTACHMENTS, ChangeSet
from casedb.errors import CaseDbError, NotFound, ReadError
from casedb.models import Attachment, Case
from casedb.store import audit
from casedb.store.database import Database
from casedb.store.export_file import export_file

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
DEFAULT_MEDIA_TYPE = "application/octet-stream"
_NAME_MAX = 400  # Attachment.file_name


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment without its content."""

    id: int
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: dt.datetime
    description: str


_INFO_COLUMNS = (Attachment.id, Attachment.file_name, Attachment.media_type, Attachment.size,
                 Attachment.sha256, Attachment.added_by, Attachment.added_at,
                 Attachment.description)


def attachment_infos(session: Session, cid: int) -> tuple[AttachmentInfo, ...]:
    """The attachments of the case with id ``cid``, oldest first (for ``load_case_file``)."""
    q = select(*_INFO_COLUMNS).where(Attachment.case_id == cid).order_by(
        Attachment.added_at, Attachment.id)
    return tuple(AttachmentInfo(*row) for row in session.execute(q))


def _label(case_ref: str, file_name: str, sha256: str) -> str:
    """How an attachment appears in the audit log."""
    return f"{case_ref}: {file_name} (sha256 {sha256})"


def _read_limited(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_large(path, size, limit)
        with path.open("rb") as f:
            data = f.read(limit + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise ReadError(str(path), exc.strerror or str(exc)) from exc
    if len(data) > limit:
        raise _too_large(path, len(data), limit)
    return data


class AttachmentTooLarge(CaseDbError):
    """A file over the size limit for attachments."""

    def __init__(self, file_name: str, size: int, limit: int):
        super().__init__(f"{file_name} is too large to attach ({size:,} bytes; the limit is "
                         f"{limit:,} bytes)")
        self.file_name = file_name
        self.size = size
        self.limit = limit


def _too_large(path: Path, size: int, limit: int) -> AttachmentTooLarge:
    return AttachmentTooLarge(path.name, size, limit)


def add_attachment(db: Database, case_ref: str, path, description: str = "", *,
                   reason: str = "", max_bytes: int | None = None) -> int:
    """Store the file at ``path`` with the case; returns the attachment id. Files over
    ``max_bytes`` (default MAX_ATTACHMENT_BYTES) are refused with CaseDbError."""
    path = Path(path)
    limit = MAX_ATTACHMENT_BYTES if max_bytes is None else max_bytes
    with db.read() as s:
        case_id(s, case_ref)  # an unknown case fails before the file is read
    data = _read_limited(path, limit)
    name = path.name[-_NAME_MAX:]
    sha = hashlib.sha256(data).hexdigest()
    media_type = mimetypes.guess_type(name)[0] or DEFAULT_MEDIA_TYPE
    with db.begin() as s:
        att = Attachment(case_id=case_id(s, case_ref), file_name=name, media_type=media_type,
                         sha256=sha, size=len(data), content=data, added_by=db.user,
                         description=description or "")
        s.add(att)
        s.flush()
        audit.record(s, db.user, "add", "attachment", att.id, field="file",
                     new=_label(case_ref, name, sha), reason=reason)
        log.info("attached %s (%d bytes) to %s", name, len(data), case_ref)
        return att.id


def list_attachments(db: Database, case_ref: str) -> list[AttachmentInfo]:
    with db.read() as s:
        return list(attachment_infos(s, case_id(s, case_ref)))


def save_attachment(db: Database, attachment_id: int, dest_path) -> Path:
    """Write the attachment's content to ``dest_path`` (replacing it) after checking it against
    its SHA-256; a damaged attachment raises CaseDbError and writes nothing. Audited before it
    is in place (casedb.store.export_file)."""
    with db.read() as s:
        row = s.execute(select(Attachment.file_name, Attachment.sha256, Attachment.content)
                        .where(Attachment.id == attachment_id)).first()
    if row is None:
        raise messages.error(NotFound, "no_attachment", attachment=attachment_id)
    name, sha, content = row
    if hashlib.sha256(content).hexdigest() != sha:
        raise messages.error(CaseDbError, "attachment_damaged", name=name, sha=sha)
    dest = Path(dest_path)
    with export_file(dest, db, "attachment", entity=("attachment", attachment_id),
                     detail=f"{name} (SHA-256 {sha})") as out:  # whole and audited, or nothing
        out.path.write_bytes(content)
    log.info("saved attachment %s to %s", name, dest)
    return dest


def remove_attachment(db: Database, attachment_id: int, reason: str) -> ChangeSet:
    """Delete an attachment; a reason is required and goes to the audit log with the file's name
    and hash as the old value."""
    if not reason or not reason.strip():
        raise messages.error(CaseDbError, "attachment_reason")
    with db.begin() as s:
        row = s.execute(select(Attachment.file_name, Attachment.sha256, Case.case_ref)
                        .join(Case, Case.id == Attachment.case_id)
                        .where(Attachment.id == attachment_id)).first()
        if row is None:
            raise messages.error(NotFound, "no_attachment", attachment=attachment_id)
        name, sha, case_ref = row
        if s.execute(delete(Attachment).where(Attachment.id == attachment_id)).rowcount != 1:
            raise messages.error(NotFound, "no_attachment",  # removed meanwhile: roll back
                                 attachment=attachment_id)
        audit.record(s, db.user, "delete", "attachment", attachment_id, field="file",
                     old=_label(case_ref, name, sha), reason=reason.strip())
    log.info("removed attachment %s from %s", name, case_ref)
    return ChangeSet.of_case(case_ref, ATTACHMENTS)
