"""Aggregate trade statistics (BACI, UN Comtrade, national statistics): import, datasets,
shares, mirrors. See docs/trade.md."""

from .analysis import TradeQuery, TradeQueryError, TradeShareTable, trade_shares
from .datasets import DatasetInfo, list_datasets, remove_dataset
from .importer import TradeReport, import_trade, load_bundled_baci
from .mirror import MirrorGap, mirror_discrepancies
from .spec import check_spec, load_trade_spec

__all__ = ["DatasetInfo", "MirrorGap", "TradeQuery", "TradeQueryError", "TradeReport",
           "TradeShareTable", "check_spec", "import_trade", "list_datasets",
           "load_bundled_baci", "load_trade_spec", "mirror_discrepancies", "remove_dataset",
           "trade_shares"]
