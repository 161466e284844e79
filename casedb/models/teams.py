"""Teams, clearances, case markings and source grades (schema 0008).

Members are database roles (PostgreSQL's ``session_user``): who may see a case is decided by
the server's row-level security (casedb.roles), not by the application. A case without a
marking is OFFICIAL and belongs to no team. Grades sit in a table of their own, one per graded
record (an import's source file, a note, an attachment).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow

# Lowest to highest; a member sees a case whose classification is at most their clearance.
CLASSIFICATIONS = ("OFFICIAL", "RESTRICTED", "CONFIDENTIAL", "SECRET")
GRADED = ("source_file", "note", "attachment")


class Team(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TeamMember(Base):
    __tablename__ = "team_member"

    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"),
                                         primary_key=True)
    member: Mapped[str] = mapped_column(String(120), primary_key=True, index=True)


class Clearance(Base):
    """A member's clearance; a member not listed is cleared for OFFICIAL only."""

    __tablename__ = "clearance"

    member: Mapped[str] = mapped_column(String(120), primary_key=True)
    level: Mapped[str] = mapped_column(String(16), default="OFFICIAL")


class CaseMarking(Base):
    __tablename__ = "case_marking"

    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"),
                                         primary_key=True)
    classification: Mapped[str] = mapped_column(String(16), default="OFFICIAL")
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    set_by: Mapped[str] = mapped_column(String(120))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SourceGrade(Base):
    """The grade of one record's source in one grading scheme (casedb.evidence.grading)."""

    __tablename__ = "source_grade"
    __table_args__ = (UniqueConstraint("entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))  # source_file | note | attachment
    entity_id: Mapped[int] = mapped_column(Integer)
    scheme: Mapped[str] = mapped_column(String(16))
    grade: Mapped[str] = mapped_column(String(8))
    set_by: Mapped[str] = mapped_column(String(120))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
