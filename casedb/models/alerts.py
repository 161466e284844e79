"""Watchlists (saved rules run after every import), the alerts they raise, and the explainable
risk score of each declaration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow

# What a rule watches: a party (by id), an identifier, a container, a vessel (IMO or name), a
# route ("GBR>MYPKG": export country, transit and discharge ports), an HS code prefix, or a
# detector with its parameters (casedb.alerts.DETECTORS).
WATCH_KINDS = ("party", "phone", "address", "email", "tax_id", "container", "vessel", "route",
               "hs", "detector")
ALERT_STATUSES = ("new", "reviewed", "dismissed")


class Watchlist(Base):
    __tablename__ = "watchlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(400), default="")
    params: Mapped[dict] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Alert(Base):
    """A hit of a rule on a declaration, kept until an investigator reviews it."""

    __tablename__ = "alert"
    __table_args__ = (UniqueConstraint("watchlist_id", "declaration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    watchlist_id: Mapped[int] = mapped_column(ForeignKey("watchlist.id", ondelete="CASCADE"),
                                              index=True)
    declaration_id: Mapped[int] = mapped_column(ForeignKey("declaration.id", ondelete="CASCADE"),
                                                index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reviewed_by: Mapped[str | None] = mapped_column(String(120))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class RiskScore(Base):
    """The last computed risk of a declaration: its score (0..1) and the signals behind it
    (a list of {"kind", "weight", "reason"}), for sorting and filtering by risk."""

    __tablename__ = "risk_score"

    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declaration.id", ondelete="CASCADE"), primary_key=True)
    score: Mapped[float] = mapped_column(Float, index=True)
    signals: Mapped[list] = mapped_column(default=list)
    computed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
