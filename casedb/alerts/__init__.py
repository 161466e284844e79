"""Watchlists and alerts: saved rules run after every import (``run_watchlists``), their hits kept
until an investigator reviews them."""

from .rules import DETECTORS, RuleError
from .watch import (
    AlertRow,
    add_watchlist,
    list_alerts,
    list_watchlists,
    review_alerts,
    run_watchlists,
)

__all__ = ["DETECTORS", "RuleError", "AlertRow", "add_watchlist", "list_alerts",
           "list_watchlists", "review_alerts", "run_watchlists"]
