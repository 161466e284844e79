"""Reading a case bundle: the file checked whole (size, encoding, JSON, schema) before anything is
written, then merged into the database in one transaction (casedb.exchange.merge)."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from casedb.store.database import Database

from ..changes import DECLARATIONS, NOTES, PARTIES, ChangeSet
from ..errors import CaseDbError
from .schema import BundleError, NonFinite, Problem
from .validate import validate

log = logging.getLogger(__name__)
MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class BundleImport:
    """What importing a bundle did."""

    file: str
    case_ref: str
    redacted: bool
    case_created: bool = False
    declarations_added: int = 0
    declarations_merged: int = 0  # known declarations that gained missing values
    declarations_unchanged: int = 0
    parties_created: int = 0
    notes_added: int = 0
    items_added: int = 0  # lines of declarations (box 32)
    values_filled: int = 0  # seizures and items that gained a value they lacked
    links_added: int = 0  # containers and parties newly tied to known declarations
    warnings: tuple[str, ...] = field(default=())

    @property
    def changes(self) -> ChangeSet:
        """What the views showing this case, its declarations and parties must refresh."""
        if self.unchanged:
            return ChangeSet()
        return ChangeSet.of_case(self.case_ref, DECLARATIONS, PARTIES, NOTES)

    @property
    def unchanged(self) -> bool:
        return not (self.case_created or self.declarations_added or self.declarations_merged
                    or self.parties_created or self.notes_added or self.items_added
                    or self.values_filled or self.links_added)

    def to_json(self) -> dict:
        return {"file": self.file, "case_ref": self.case_ref, "redacted": self.redacted,
                "case_created": self.case_created, "declarations_added": self.declarations_added,
                "declarations_merged": self.declarations_merged,
                "declarations_unchanged": self.declarations_unchanged,
                "parties_created": self.parties_created, "notes_added": self.notes_added,
                "items_added": self.items_added, "values_filled": self.values_filled,
                "links_added": self.links_added,
                "unchanged": self.unchanged, "warnings": list(self.warnings)}


def parse_bundle_text(text: str):
    """JSON as a bundle holds it; NaN and Infinity are kept as markers for validation to name."""
    return json.loads(text, parse_constant=NonFinite)


def read_bundle(path) -> tuple[dict, str]:
    """The validated bundle in ``path`` and the SHA-256 of its bytes; CaseDbError (BundleError
    for a bundle that parses) with one sentence otherwise."""
    raw = _bytes(Path(path))
    try:
        data = parse_bundle_text(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise CaseDbError(f"{path}: is not UTF-8 text (byte {exc.start}); a case bundle is a "
                          "JSON file written by WasteIntel") from exc
    except json.JSONDecodeError as exc:
        raise CaseDbError(f"{path}: is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                          f"{exc.msg}); a case bundle is a JSON file written by WasteIntel"
                          ) from exc
    except RecursionError as exc:
        raise CaseDbError(f"{path}: nests lists or objects too deeply to be a case bundle"
                          ) from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise CaseDbError(f"{path}: is not a JSON file WasteIntel can read ({exc})") from exc
    problems = validate(data)
    if problems:
        raise BundleError(path, problems)
    return data, hashlib.sha256(raw).hexdigest()


def _bytes(path: Path) -> bytes:
    """The file's bytes, never more than a bundle may hold, whatever the file claims."""
    if path.is_dir():
        raise CaseDbError(f"{path}: is a folder, not a bundle; name the bundle's .json file")
    if not path.exists():
        raise CaseDbError(f"{path}: no such file; check the name and folder")
    if not path.is_file():
        raise CaseDbError(f"{path}: is not a regular file (a device or a pipe); name the "
                          "bundle's .json file")
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CaseDbError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if len(raw) > MAX_BYTES:
        raise CaseDbError(f"{path}: is more than a bundle may hold ({MAX_BYTES // 2**20} MB); "
                          "ask for the case in smaller bundles")
    return raw


def check_bundle(path) -> list[Problem]:
    """The problems of a bundle file (empty when it can be imported); nothing is written."""
    try:
        read_bundle(path)
    except BundleError as exc:
        return exc.problems
    except CaseDbError as exc:
        return [Problem("$", str(exc).removeprefix(f"{path}: "))]
    return []


def load_bundle(db: Database, path, *, as_ref: str | None = None) -> BundleImport:
    """Import a bundle: its case created (or merged into the same case), its parties resolved
    against the database as an import does, its declarations added or merged. Re-importing
    the same bundle changes nothing. Nothing is written when anything is refused."""
    from .merge import BundleWriter

    data, sha = read_bundle(path)
    if as_ref is not None:
        problems = validate({**data, "case": {**data["case"], "case_ref": as_ref}})
        if problems:
            raise CaseDbError(f"--as {as_ref!r}: {problems[0].what}")
        data["case"]["case_ref"] = as_ref
    with db.begin() as s:
        result = BundleImport(file=str(path),
                              **BundleWriter(s, db, Path(path).name, sha).write(data))
    log.info("case bundle imported: %d declarations added, %d merged, unchanged=%s",
             result.declarations_added, result.declarations_merged, result.unchanged)
    return result


def import_bundle(db: Database, path, *, as_ref: str | None = None) -> str:
    """Import a bundle (see load_bundle); returns the case reference."""
    return load_bundle(db, path, as_ref=as_ref).case_ref
