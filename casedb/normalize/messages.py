"""The wording of a value that cannot be read: quoted short, with the closest known value.

Looking for the closest known value costs a fuzzy comparison with every known name; the content
scorer tries thousands of values it only wants a yes or no for. So an unknown value is raised as
an ``UnknownValue`` (a ValueError) whose message, with its suggestion, is worded only when read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

SHOWN = 60  # characters of a bad value quoted in a message


def shown(text) -> str:
    """``text`` quoted for a message, cut to a readable length (escapes counted: a cell of
    control characters quotes ten characters for each)."""
    text, keep = str(text), SHOWN
    while True:
        quoted = repr(text if len(text) <= keep else text[:keep - 1] + "…")
        if len(quoted) <= 2 * SHOWN or keep <= 2:
            return quoted
        keep //= 2


def closest(key: str, choices: Mapping[str, str], cutoff: float = 82) -> str | None:
    """The value of the choice whose key is closest to ``key``, or None when none is close."""
    if not key or len(key) > SHOWN:
        return None
    hit = process.extractOne(key, choices.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
    return choices[hit[0]] if hit else None


@dataclass(frozen=True)
class Unknown:
    """Why a value is unknown: ``kind`` ("country", "port"), the value, its folded key, and
    where to look for a suggestion (a function giving folded names -> how to show them)."""

    kind: str
    text: str
    key: str = ""
    choices: Callable[[], Mapping[str, str]] | None = None
    hint: str = ""

    def message(self) -> str:
        return _message(self)

    def parts(self) -> tuple[str, dict]:
        """The message as a key and its values (casedb.importing.reason_table words it in
        each language): "unknown_suggested", "unknown_hinted" or "unknown"."""
        return _parts(self)


class UnknownValue(ValueError):
    """A ValueError whose message (with 'did you mean') is worded when it is read."""

    def __init__(self, unknown: Unknown):
        super().__init__(unknown)  # the one argument: pickled and rebuilt across processes
        self.unknown = unknown

    def __str__(self) -> str:
        return self.unknown.message()


def refusal(error: str | Unknown) -> ValueError:
    """The exception to raise for an error kept as a message or as an ``Unknown``."""
    return UnknownValue(error) if isinstance(error, Unknown) else ValueError(error)


@lru_cache(maxsize=4096)
def _parts(unknown: Unknown) -> tuple[str, dict]:
    suggestion = closest(unknown.key, unknown.choices()) if unknown.choices else None
    values = {"kind": unknown.kind, "value": shown(unknown.text)}
    if suggestion:
        return "unknown_suggested", {**values, "suggestion": suggestion}
    if unknown.hint:
        return "unknown_hinted", {**values, "hint": unknown.hint}
    return "unknown", values


_ENGLISH = {"unknown_suggested": "unknown {kind} {value} (did you mean {suggestion}?)",
            "unknown_hinted": "unknown {kind} {value} ({hint})", "unknown": "unknown {kind} {value}"}


@lru_cache(maxsize=4096)
def _message(unknown: Unknown) -> str:
    """'unknown country 'Malaysai' (did you mean Malaysia?)'."""
    key, values = _parts(unknown)
    return _ENGLISH[key].format(**values)


def unknown(kind: str, text: str, hint: str = "") -> str:
    """The message for an unknown value with no suggestion to look for."""
    return Unknown(kind, text, hint=hint).message()
