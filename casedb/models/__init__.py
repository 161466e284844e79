"""The case database schema (SQLAlchemy 2 typed models)."""

from .alerts import ALERT_STATUSES, WATCH_KINDS, Alert, RiskScore, Watchlist
from .base import Base
from .case import CASE_STATUSES, Attachment, Case, Note, Seizure
from .chart import LinkChartState
from .declaration import (
    DIRECTIONS,
    RECORD_KINDS,
    Declaration,
    DeclarationContainer,
    DeclarationItem,
)
from .evidence import RawRow, RawSheet, SourceCopy
from .findings import DISCREPANCY_STATUSES, Discrepancy, ImportWarning
from .party import (
    IDENTIFIER_KINDS,
    ROLES,
    DeclarationParty,
    MatchDecision,
    Party,
    PartyIdentifier,
    PartyName,
)
from .provenance import AuditEntry, ImportRun, RowProvenance, Setting, SourceFile
from .teams import CLASSIFICATIONS, CaseMarking, Clearance, SourceGrade, Team, TeamMember
from .trade import TradeFlow

__all__ = [
    "Base", "CASE_STATUSES", "Attachment", "Case", "Note", "Seizure", "DIRECTIONS", "Declaration",
    "DeclarationContainer", "DeclarationItem", "RECORD_KINDS", "DISCREPANCY_STATUSES",
    "Discrepancy", "ImportWarning", "IDENTIFIER_KINDS", "ROLES", "DeclarationParty", "MatchDecision",
    "Party", "PartyIdentifier", "PartyName", "AuditEntry", "ImportRun", "RowProvenance", "Setting",
    "SourceFile", "TradeFlow", "ALERT_STATUSES", "WATCH_KINDS", "Alert", "RiskScore", "Watchlist",
    "RawRow", "RawSheet", "SourceCopy",
    "CLASSIFICATIONS", "CaseMarking", "Clearance", "SourceGrade", "Team", "TeamMember",
    "LinkChartState",
]
