"""What an import found besides the rows it stored: optional values it could not read
(warnings) and two sources disagreeing about one declaration (discrepancies)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow

DISCREPANCY_STATUSES = ("open", "explained", "confirmed")


class ImportWarning(Base):
    """An optional value of a stored row that could not be normalised, kept as written."""

    __tablename__ = "import_warning"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_run_id: Mapped[int] = mapped_column(ForeignKey("import_run.id"), index=True)
    source_file_id: Mapped[int] = mapped_column(ForeignKey("source_file.id"))
    sheet: Mapped[str] = mapped_column(String(200))
    row_number: Mapped[int] = mapped_column(Integer)
    declaration_id: Mapped[int | None] = mapped_column(
        ForeignKey("declaration.id", ondelete="SET NULL"), index=True)
    field: Mapped[str] = mapped_column(String(64))  # canonical field
    column_header: Mapped[str] = mapped_column(String(200))
    raw_value: Mapped[str | None] = mapped_column(Text)  # as written
    reason: Mapped[str] = mapped_column(Text)


class Discrepancy(Base):
    """Two sources disagreeing about a declaration (or one of its items): the value stored,
    the other source's value and where that one came from. Intelligence, never thrown away."""

    __tablename__ = "discrepancy"

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"), index=True)
    item_no: Mapped[str | None] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(64))  # canonical field, e.g. gross_weight_kg
    stored_value: Mapped[str | None] = mapped_column(Text)
    other_value: Mapped[str | None] = mapped_column(Text)
    source_file_id: Mapped[int] = mapped_column(ForeignKey("source_file.id"))
    import_run_id: Mapped[int] = mapped_column(ForeignKey("import_run.id"), index=True)
    sheet: Mapped[str] = mapped_column(String(200))
    row_number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="open", server_default="open",
                                        index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
