"""Parties (resolved companies or persons), the raw names they appeared under, identifiers,
their roles on declarations, and investigators' entity-resolution decisions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, utcnow

ROLES = ("shipper", "consignee", "broker", "forwarder", "notify")
IDENTIFIER_KINDS = ("address", "phone", "email", "tax_id")


class Party(Timestamped, Base):
    __tablename__ = "party"

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    country: Mapped[str | None] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(16), default="company")
    version: Mapped[int] = mapped_column(Integer, default=1)

    names: Mapped[list[PartyName]] = relationship(back_populates="party")
    identifiers: Mapped[list[PartyIdentifier]] = relationship(back_populates="party")

    __mapper_args__ = {"version_id_col": version}


class PartyName(Base):
    """A raw name exactly as it appeared in a source row (per country)."""

    __tablename__ = "party_name"
    __table_args__ = (UniqueConstraint("raw_name", "country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    raw_name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    country: Mapped[str] = mapped_column(String(3), default="")

    party: Mapped[Party] = relationship(back_populates="names")


class PartyIdentifier(Base):
    __tablename__ = "party_identifier"
    __table_args__ = (
        UniqueConstraint("party_id", "kind", "value_key"),
        Index("ix_party_identifier_kind_value", "kind", "value_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(400))
    value_key: Mapped[str] = mapped_column(String(400))

    party: Mapped[Party] = relationship(back_populates="identifiers")


class DeclarationParty(Base):
    __tablename__ = "declaration_party"
    # As declaration_container: on SQLite the rows live in the primary key's B-tree.
    __table_args__ = (Index("ix_declaration_party_party_role", "party_id", "role"),
                      {"sqlite_with_rowid": False})

    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    party_name_id: Mapped[int | None] = mapped_column(ForeignKey("party_name.id"))


class MatchDecision(Base):
    """An investigator's decision on two raw names: keyed by name keys so it survives re-imports."""

    __tablename__ = "match_decision"
    __table_args__ = (UniqueConstraint("left_key", "right_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    left_key: Mapped[str] = mapped_column(String(300))
    right_key: Mapped[str] = mapped_column(String(300))
    decision: Mapped[str] = mapped_column(String(16))  # confirmed | rejected
    score: Mapped[float | None] = mapped_column(Float)
    evidence: Mapped[dict] = mapped_column(default=dict)
    decided_by: Mapped[str] = mapped_column(String(120))
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")
