"""The risk engine: every detector's signals combined into one explainable score per
declaration (casedb.risk.score), kept for sorting and filtering (casedb.risk.store)."""

from .score import RiskRow, Signal, combine, risk_scores
from .store import store_scores, stored_scores

__all__ = ["RiskRow", "Signal", "combine", "risk_scores", "store_scores", "stored_scores"]
