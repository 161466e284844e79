"""The evidence trail (0007): each imported row's cells as written, each sheet's header, and
optionally each imported file's bytes, kept by its SHA-256."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class RawSheet(Base):
    """The header of a sheet as written (the cells of its header row)."""

    __tablename__ = "raw_sheet"

    source_file_id: Mapped[int] = mapped_column(ForeignKey("source_file.id"), primary_key=True)
    sheet: Mapped[str] = mapped_column(String(200), primary_key=True)
    headers: Mapped[list] = mapped_column(default=list)


class RawRow(Base):
    """One imported row's cells as written, in column order: a JSON array (text, numbers, ISO
    dates; trailing empty cells left off), serialised once by the import, not per value."""

    __tablename__ = "raw_row"
    # The key is the only key: on SQLite the rows live in the primary key's B-tree.
    __table_args__ = {"sqlite_with_rowid": False}

    source_file_id: Mapped[int] = mapped_column(ForeignKey("source_file.id"), primary_key=True)
    sheet: Mapped[str] = mapped_column(String(200), primary_key=True)
    row_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    cells: Mapped[str] = mapped_column(Text)


class SourceCopy(Base):
    """A copy of an imported file, content-addressed: kept only when the team asks for it."""

    __tablename__ = "source_copy"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
