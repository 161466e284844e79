"""Optional values read as far as they go: what cannot be read exactly is kept as written,
with the reason, instead of refusing the row (a port with no UN/LOCODE keeps its name; a cell
of containers keeps the numbers that check out)."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Declaration
from ..models.base import max_length
from ..normalize import port_locode, split_containers
from ..normalize.containers import SEPARATORS as CONTAINER_SEPARATORS
from ..normalize.containers import normalize_container
from .reasons import Reason, reason_of
from .rows import text_value

PLACE_NAME_LIMIT = max_length(Declaration.port_of_loading)


@dataclass(frozen=True)
class Kept:
    """A value stored with a warning: the best reading and why it is not the exact one."""

    value: object
    reason: str


def lenient_port(raw):
    """The UN/LOCODE of a port, or its name as written (an inland place, an airport, a port
    our gazetteer does not know) with a warning."""
    try:
        return port_locode(raw)
    except ValueError as exc:
        name = text_value(raw)
        if not name:
            return None
        return Kept(name[:PLACE_NAME_LIMIT], Reason.of("kept_as_written", why=reason_of(exc)))


def lenient_containers(raw):
    """The container numbers of a cell; numbers that fail their check are left out, with a
    warning naming them."""
    try:
        return split_containers(raw)
    except ValueError as exc:
        text = text_value(raw) or ""
        good, bad = [], []
        for part in CONTAINER_SEPARATORS.split(text):  # as split_containers cuts a cell
            part = part.strip()
            if not part:
                continue
            try:
                good.append(normalize_container(part))
            except ValueError:
                bad.append(part)
        if len(bad) <= 1 and not good:
            raise
        reason = (Reason.of("not_containers", numbers=", ".join(bad)) if bad
                  else reason_of(exc))
        return Kept(list(dict.fromkeys(good)), reason)
