"""A case's saved link chart (casedb.links.chart_state reads and writes it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class LinkChartState(Base):
    """One per case: the chart as the analyst left it (JSON, see widgets/link_menu.state)."""

    __tablename__ = "link_chart"
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"),
                                         primary_key=True)
    state: Mapped[dict]
    saved_by: Mapped[str] = mapped_column(String(120))
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
