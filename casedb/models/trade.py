"""Aggregate trade statistics (BACI, UN Comtrade, national statistics)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class TradeDataset(Base):
    """A named set of trade flows (one source, one or more files)."""

    __tablename__ = "trade_dataset"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    layout: Mapped[str] = mapped_column(String(64))  # e.g. UK HMRC OTS, BACI
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TradeFlow(Base):
    __tablename__ = "trade_flow"
    __table_args__ = (
        Index("ix_trade_flow_hs_year", "hs_code", "year"),
        Index("ix_trade_flow_pair", "exporter", "importer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset: Mapped[str] = mapped_column(String(64), index=True)  # TradeDataset.name
    # ISO alpha-3 (or WLD, EU, a historical code; a name no table knows is kept as written)
    reporter: Mapped[str | None] = mapped_column(String(64))  # None for reconciled data (BACI)
    flow: Mapped[str] = mapped_column(String(8))  # import | export, as the reporter reports it
    exporter: Mapped[str] = mapped_column(String(64))
    importer: Mapped[str] = mapped_column(String(64))  # WLD: the reporter's total
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)  # None: the whole year
    partial: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    hs_code: Mapped[str] = mapped_column(String(16))  # at the publisher's length (CN8, HS10…)
    hs6: Mapped[str | None] = mapped_column(String(6))
    net_weight_kg: Mapped[float | None] = mapped_column(Float)
    value: Mapped[float | None] = mapped_column(Float)  # in ``currency``, units (not thousands)
    currency: Mapped[str | None] = mapped_column(String(3))  # ISO 4217: USD, GBP, EUR, TWD…
    supp_quantity: Mapped[float | None] = mapped_column(Float)
    supp_unit: Mapped[str | None] = mapped_column(String(16))
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("source_file.id"), index=True)
