"""A date axis (seconds since the epoch, UTC) whose ticks always say the year: days as
2019-03-05, months as 2019-03, years as 2019, whatever the zoom."""

from __future__ import annotations

import datetime as dt
import math

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

DAY = 86_400.0


class DateAxis(pg.DateAxisItem):
    def __init__(self, orientation: str = "bottom", **kwargs):
        super().__init__(orientation=orientation, utcOffset=0, **kwargs)

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        """The finest level of ticks only: each of its labels says the year, and coarser
        levels' labels would sit on top of them."""
        levels = [level for level in super().tickValues(minVal, maxVal, size) if level[1]]
        label = QFontMetricsF(self.font()).horizontalAdvance("2019-03-05") + 14
        if not levels:  # a narrow plot: pyqtgraph's months or years fall outside a short span
            return _fitting_ticks(minVal, maxVal, size, label)
        spacing, values = levels[-1]
        step = max(1, math.ceil(len(values) * label / max(size, 1.0)))
        return [(spacing * step, values[::step])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        fmt = "%Y" if spacing >= 360 * DAY else "%Y-%m" if spacing >= 28 * DAY else "%Y-%m-%d"
        out = []
        for v in values:
            try:
                out.append(dt.datetime.fromtimestamp(v, dt.UTC).strftime(fmt))
            except (OverflowError, OSError, ValueError):
                out.append("")
        return out


def _fitting_ticks(lo: float, hi: float, size: float, label: float) -> list:
    """Ticks every 1, 2, 7, 14 ... days, as many as labels fit; at least one where the span
    holds a midnight."""
    fit = max(1, int(size // label))
    for days in STEPS_DAYS:
        if (hi - lo) / (days * DAY) < fit:
            break
    step = days * DAY
    values = [v for v in (math.ceil(lo / step) * step + i * step for i in range(fit + 1))
              if v <= hi]
    if not values and math.ceil(lo / DAY) * DAY <= hi:
        values = [math.ceil(lo / DAY) * DAY]
    return [(step, values)] if values else []


STEPS_DAYS = (1, 2, 7, 14, 28, 91, 365, 730, 1826, 3652, 36524)


def timestamp(d: dt.date) -> float:
    """A date as seconds since the epoch at midnight UTC (the axis's unit)."""
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC).timestamp()
