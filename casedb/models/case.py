"""Cases, seizures, investigator notes and attachments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, utcnow

# The workflow's statuses (casedb.cases.status), then those written before it.
CASE_STATUSES = ("open", "investigating", "referred", "closed", "under investigation",
                 "prosecuted")


class Case(Timestamped, Base):
    __tablename__ = "case"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_ref: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(32), default="open", index=True)
    opened_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    lead_officer: Mapped[str | None] = mapped_column(String(120))
    summary: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list] = mapped_column(default=list)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # 0007: case management
    team: Mapped[str | None] = mapped_column(String(120))
    classification: Mapped[str | None] = mapped_column(String(64))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("case.id", ondelete="SET NULL"))

    seizures: Mapped[list[Seizure]] = relationship(back_populates="case")
    notes: Mapped[list[Note]] = relationship(back_populates="case", order_by="Note.id")

    __mapper_args__ = {"version_id_col": version}


class Seizure(Timestamped, Base):
    """Ties a declaration to a case."""

    __tablename__ = "seizure"
    __table_args__ = (UniqueConstraint("case_id", "declaration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    declaration_id: Mapped[int | None] = mapped_column(
        ForeignKey("declaration.id", ondelete="SET NULL"), index=True
    )
    seizure_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    quantity_kg: Mapped[float | None] = mapped_column(Float)
    waste_category: Mapped[str | None] = mapped_column(String(120))
    basel_code: Mapped[str | None] = mapped_column(String(16))
    offence: Mapped[str | None] = mapped_column(String(200))
    detection_method: Mapped[str | None] = mapped_column(String(120))
    outcome: Mapped[str | None] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[Case] = relationship(back_populates="seizures")

    __mapper_args__ = {"version_id_col": version}


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    body: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[Case] = relationship(back_populates="notes")

    __mapper_args__ = {"version_id_col": version}


class Attachment(Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(400))
    media_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(120))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    description: Mapped[str] = mapped_column(Text, default="")
