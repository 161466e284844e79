"""Aggregate trade statistics (BACI, UN Comtrade, national statistics)."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class TradeFlow(Base):
    __tablename__ = "trade_flow"
    __table_args__ = (
        Index("ix_trade_flow_hs_year", "hs_code", "year"),
        Index("ix_trade_flow_pair", "exporter", "importer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset: Mapped[str] = mapped_column(String(64), index=True)  # e.g. BACI-HS92-V202001
    reporter: Mapped[str | None] = mapped_column(String(3))  # None for reconciled data (BACI)
    flow: Mapped[str] = mapped_column(String(8))  # import | export
    exporter: Mapped[str] = mapped_column(String(3))
    importer: Mapped[str] = mapped_column(String(3))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)
    hs_code: Mapped[str] = mapped_column(String(10))
    net_weight_kg: Mapped[float | None] = mapped_column(Float)
    value_usd: Mapped[float | None] = mapped_column(Float)
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("source_file.id"), index=True)
