"""Declarative base, naming convention and shared column types."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, MetaData, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict: JSON, list: JSON}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def max_length(column) -> int | None:
    """The length a String column holds, as its model declares it (``Party.name``), so that
    no limit is written twice."""
    return column.type.length


def clip(text, column):
    """``text`` cut to what ``column`` holds (None stays None)."""
    return None if text is None else str(text)[:max_length(column)]


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now()
    )
