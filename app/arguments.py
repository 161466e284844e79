"""Argument types of the command line: each refuses a bad value with a sentence saying what it
expects (argparse prefixes the option's name)."""

from __future__ import annotations

import argparse
import datetime as dt
import math
from pathlib import Path


class UsageError(Exception):
    """A command line that cannot run as written; ``str`` is the one-line message (exit 2)."""


def _bad(what: str, text: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(f"must be {what}, found {text!r}")


def positive_int(text: str) -> int:
    """A whole number of 1 or more (``--hops``, party ids)."""
    try:
        value = int(text)
    except ValueError:
        raise _bad("a whole number of 1 or more", text) from None
    if value < 1:
        raise _bad("a whole number of 1 or more", text)
    return value


def fraction(text: str) -> float:
    """A score between 0 and 1."""
    try:
        value = float(text)
    except ValueError:
        raise _bad("a number between 0 and 1", text) from None
    if not 0 <= value <= 1:  # NaN fails too
        raise _bad("a number between 0 and 1", text)
    return value


def positive_kg(text: str) -> float:
    """A weight in kilograms, more than 0 and finite."""
    try:
        value = float(text)
    except ValueError:
        raise _bad("a weight in kilograms greater than 0", text) from None
    if not (math.isfinite(value) and value > 0):
        raise _bad("a weight in kilograms greater than 0", text)
    return value


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _bad("a date written YYYY-MM-DD", text) from None


def hs_prefix(text: str) -> str:
    code = text.replace(".", "").replace(" ", "")
    if not (code.isdigit() and code.isascii() and 2 <= len(code) <= 14):
        raise _bad("an HS code or its first digits (2 to 14 digits, e.g. 3915)", text)
    return code


def country(text: str) -> str:
    """A country name or ISO code, as its ISO alpha-3 code; a typo gets a suggestion."""
    from casedb.normalize import country_iso3

    try:
        code = country_iso3(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{exc}; write a country name or its ISO code") from None
    if code is None:
        raise _bad("a country name or ISO code", text)
    return code


def port(text: str) -> str:
    """A port name or UN/LOCODE, as its UN/LOCODE."""
    from casedb.normalize import port_locode

    try:
        code = port_locode(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{exc}; write a port name or its UN/LOCODE "
                                         "(e.g. MYPKG)") from None
    if code is None:
        raise _bad("a port name or UN/LOCODE", text)
    return code


def existing_file(text: str) -> Path:
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file; name the file")
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{text}: no such file; check the name and folder")
    return path


def output_file(text: str) -> Path:
    """A file to write: not a folder, in a folder that exists."""
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder; name the file to write in it")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"the folder {str(path.parent)!r} does not exist; "
                                         "create it or write elsewhere")
    return path


def new_file(text: str) -> Path:
    """A file to create, which must not exist yet (backups)."""
    path = output_file(text)
    if path.exists():
        raise argparse.ArgumentTypeError(f"{text} exists already; name a new file")
    return path
