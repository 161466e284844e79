"""Aggregate trade statistics (BACI, UN Comtrade, national statistics): import, shares, mirrors."""

from .analysis import MirrorGap, mirror_discrepancies, trade_shares
from .importer import TradeReport, import_trade, load_bundled_baci

__all__ = ["MirrorGap", "TradeReport", "import_trade", "load_bundled_baci", "mirror_discrepancies",
           "trade_shares"]
