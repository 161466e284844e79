"""The wording of a value that cannot be read: quoted short, with the closest known value."""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz, process

SHOWN = 60  # characters of a bad value quoted in a message


def shown(text: str) -> str:
    """``text`` quoted for a message, cut to a readable length."""
    text = str(text)
    return repr(text if len(text) <= SHOWN else text[:SHOWN - 1] + "…")


def closest(key: str, choices: Mapping[str, str], cutoff: float = 82) -> str | None:
    """The value of the choice whose key is closest to ``key``, or None when none is close."""
    if not key or len(key) > 60:
        return None
    hit = process.extractOne(key, choices.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
    return choices[hit[0]] if hit else None


def unknown(kind: str, text: str, suggestion: str | None = None, hint: str = "") -> str:
    """'unknown country 'Malaysai' (did you mean Malaysia?)'."""
    if suggestion:
        return f"unknown {kind} {shown(text)} (did you mean {suggestion}?)"
    return f"unknown {kind} {shown(text)}{f' ({hint})' if hint else ''}"
