"""Errors raised by casedb. Each carries facts; the UI phrases them for the user."""

from __future__ import annotations


class CaseDbError(Exception):
    """Base class of every expected casedb failure."""


class ConfigError(CaseDbError):
    """A database URL or setting that cannot be used."""


class SchemaError(CaseDbError):
    """The database schema is missing, outdated or damaged."""


class NotFound(CaseDbError):
    """A case, party or declaration that does not exist."""


class ConflictError(CaseDbError):
    """Another writer changed the record since it was read (optimistic locking)."""


class ReadError(CaseDbError):
    """A file that cannot be read at all (corrupt, truncated, hostile, unsupported)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SpecError(CaseDbError):
    """An import spec that is malformed or names unknown fields."""


class NotDeclarations(ReadError):
    """A readable file that holds no declarations: trade statistics, a list of something else."""


class NeedsDecision(ReadError):
    """A file the import will not guess about: a required column missing or ambiguous, a weight
    whose unit is unknown and implausible as kilograms. ``questions`` say what to settle
    (an import spec, ``--set``, ``--unit``, or the wizard); nothing was written."""

    def __init__(self, path: str, reason: str, questions: tuple = ()):
        super().__init__(path, reason)
        self.questions = questions
