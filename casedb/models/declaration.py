"""Declarations (one shipment each), their items and their containers.

A declaration is either a customs declaration or, for bill-of-lading import records and manifests
that carry no declaration number, a shipment keyed by its B/L (``record_kind``). A declaration of
several items (box 32 of the SAD, 項次; a manifest's containers) keeps each in
``declaration_item``; its weights and value are then the sums over its items and its HS code the
first item's."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped

DIRECTIONS = ("import", "export", "transit")
RECORD_KINDS = ("declaration", "shipment")


def _sparse(name: str, *columns: str) -> Index:
    """An index of the rows where ``columns[0]`` is known. Permits, B/L numbers, IMO numbers,
    vessel names and transshipment ports are missing from many declarations; the lookups by
    them (``=``, ``IN``) never ask for the missing ones, so leaving those rows out keeps the
    index small and an import does not build entries nobody will read."""
    known = text(f"{columns[0]} IS NOT NULL")
    return Index(name, *columns, sqlite_where=known, postgresql_where=known)


SPARSE_INDEXES = (
    _sparse("ix_declaration_permit_no", "permit_no"),
    _sparse("ix_declaration_bl_no", "bl_no"),
    _sparse("ix_declaration_port_of_transshipment", "port_of_transshipment"),
    _sparse("ix_declaration_sailing", "vessel_imo", "voyage_no"),
    _sparse("ix_declaration_vessel_name_voyage", "vessel_name", "voyage_no"),
)


class Declaration(Timestamped, Base):
    __tablename__ = "declaration"
    __table_args__ = (
        UniqueConstraint("authority", "declaration_no"),
        *SPARSE_INDEXES,
        Index("ix_declaration_route", "country_of_export", "port_of_transshipment",
              "port_of_discharge"),
        Index("ix_declaration_hs_date", "hs_code", "declaration_date"),
        Index("ix_declaration_day_route", "declaration_date", "country_of_export",  # 0010
              "country_of_destination", "port_of_transshipment", "port_of_discharge",
              "hs_code", "net_weight_kg", "gross_weight_kg"),
        # 0011: the table's first page by date, ties by id; SQLite's date index has the rowid
        Index("ix_declaration_date_id", "declaration_date", "id").ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    authority: Mapped[str] = mapped_column(String(120), default="")
    declaration_no: Mapped[str] = mapped_column(String(64))
    # declaration | shipment (a B/L record without a declaration number: "B/L <number>")
    record_kind: Mapped[str] = mapped_column(String(16), default="declaration",
                                             server_default="declaration")
    declaration_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    direction: Mapped[str | None] = mapped_column(String(16))
    hs_code: Mapped[str | None] = mapped_column(String(14))  # national lines kept whole
    goods_description: Mapped[str | None] = mapped_column(Text)
    gross_weight_kg: Mapped[float | None] = mapped_column(Float)
    net_weight_kg: Mapped[float | None] = mapped_column(Float)
    declared_value: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(3))
    permit_no: Mapped[str | None] = mapped_column(String(64))
    bl_no: Mapped[str | None] = mapped_column(String(64))
    vessel_name: Mapped[str | None] = mapped_column(String(120))
    vessel_imo: Mapped[str | None] = mapped_column(String(7))
    voyage_no: Mapped[str | None] = mapped_column(String(32))
    port_of_loading: Mapped[str | None] = mapped_column(String(64), index=True)
    port_of_transshipment: Mapped[str | None] = mapped_column(String(64))
    port_of_discharge: Mapped[str | None] = mapped_column(String(64), index=True)
    country_of_origin: Mapped[str | None] = mapped_column(String(3))
    country_of_export: Mapped[str | None] = mapped_column(String(3))
    country_of_destination: Mapped[str | None] = mapped_column(String(3), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    containers: Mapped[list[DeclarationContainer]] = relationship(
        back_populates="declaration", cascade="all, delete-orphan"
    )
    items: Mapped[list[DeclarationItem]] = relationship(
        back_populates="declaration", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class DeclarationContainer(Base):
    __tablename__ = "declaration_container"
    # A link table: its primary key is its only key, so on SQLite the rows live in that B-tree
    # (no rowid table beside it), one write less per container.
    __table_args__ = {"sqlite_with_rowid": False}

    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"), primary_key=True
    )
    container_no: Mapped[str] = mapped_column(String(11), primary_key=True, index=True)

    declaration: Mapped[Declaration] = relationship(back_populates="containers")


class DeclarationItem(Base):
    """One line of a declaration with several: an item number as the source gives it (box 32),
    or, for a manifest without one, the container number of the line."""

    __tablename__ = "declaration_item"

    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"), primary_key=True
    )
    item_no: Mapped[str] = mapped_column(String(16), primary_key=True)
    hs_code: Mapped[str | None] = mapped_column(String(14))
    goods_description: Mapped[str | None] = mapped_column(Text)
    gross_weight_kg: Mapped[float | None] = mapped_column(Float)
    net_weight_kg: Mapped[float | None] = mapped_column(Float)
    declared_value: Mapped[float | None] = mapped_column(Float)

    declaration: Mapped[Declaration] = relationship(back_populates="items")
