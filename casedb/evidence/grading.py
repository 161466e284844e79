"""Source grading: how reliable a source is and how credible what it gave, in the scheme the
administration chooses.

- ``admiralty`` (default): the Admiralty / NATO 6x6 system (STANAG 2511, AJP-2.1): source
  reliability A (completely reliable) to F (cannot be judged), information credibility 1
  (confirmed by other sources) to 6 (cannot be judged); written ``B2``.
- ``uk325``: the UK 3x5x2 intelligence report grading (College of Policing, APP on intelligence
  management): source evaluation 1-3, intelligence assessment A-E, handling code P or C;
  written ``1AP``.
- ``europol``: Europol's 4x4 system: source A (no doubt), B (mostly reliable), C (mostly not
  reliable), X (cannot be assessed); information 1 (known to be true without reservation) to
  4 (cannot be judged); written ``B2``.

An import's source file, a note and an attachment each carry at most one grade (table
``source_grade``); setting it is audited. The scheme in force is a database setting
(``grading_scheme``); a grade keeps the scheme it was given in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from casedb.errors import ConfigError, NotFound
from casedb.models import Attachment, Note, Setting, SourceFile, SourceGrade
from casedb.models.teams import GRADED as GRADED_ENTITIES
from casedb.store import audit
from casedb.store.database import Database


@dataclass(frozen=True)
class Scheme:
    name: str
    title: str
    parts: tuple[dict[str, str], ...]  # each position's letters or digits -> meaning


SCHEMES = {s.name: s for s in (
    Scheme("admiralty", "Admiralty/NATO 6x6", (
        {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
         "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"},
        {"1": "confirmed by other sources", "2": "probably true", "3": "possibly true",
         "4": "doubtful", "5": "improbable", "6": "truth cannot be judged"})),
    Scheme("uk325", "UK 3x5x2", (
        {"1": "reliable source", "2": "untested source", "3": "not reliable source"},
        {"A": "known directly to the source", "B": "known indirectly, corroborated",
         "C": "known indirectly", "D": "not known", "E": "suspected to be false"},
        {"P": "lawful sharing permitted", "C": "lawful sharing with conditions"})),
    Scheme("europol", "Europol 4x4", (
        {"A": "no doubt about the source", "B": "source mostly reliable",
         "C": "source mostly not reliable", "X": "source cannot be assessed"},
        {"1": "known to be true without reservation", "2": "known personally to the source",
         "3": "not known personally to the source, corroborated",
         "4": "cannot be judged"})),
)}
DEFAULT_SCHEME = "admiralty"
SETTING = "grading_scheme"
_SEPARATORS = re.compile(r"[\s/\-.,]+")
_HEX = re.compile(r"[0-9a-f]+")

# The same in Traditional Chinese, for the workstation and the dossier in zh-TW: each scheme's
# title and the meaning of each letter or digit.
ZH_TW = {
    "admiralty": ("Admiralty／北約 6x6", (
        {"A": "完全可靠", "B": "通常可靠", "C": "尚稱可靠", "D": "通常不可靠", "E": "不可靠",
         "F": "可靠性無法判斷"},
        {"1": "經其他來源證實", "2": "可能屬實", "3": "或許屬實", "4": "可疑",
         "5": "不太可能屬實", "6": "真實性無法判斷"})),
    "uk325": ("英國 3x5x2", (
        {"1": "可靠來源", "2": "未經驗證的來源", "3": "不可靠來源"},
        {"A": "來源直接知悉", "B": "間接知悉，已獲佐證", "C": "間接知悉", "D": "無從得知",
         "E": "疑為不實"},
        {"P": "可依法分享", "C": "可依法附條件分享"})),
    "europol": ("Europol 4x4", (
        {"A": "來源無疑義", "B": "來源大致可靠", "C": "來源大多不可靠", "X": "來源無法評估"},
        {"1": "確知屬實，毫無保留", "2": "來源親身知悉", "3": "非來源親身知悉，已獲佐證",
         "4": "無法判斷"})),
}


@dataclass(frozen=True)
class Grade:
    scheme: str
    grade: str

    @property
    def meaning(self) -> str:
        return self.meaning_in("en")

    def meaning_in(self, lang: str) -> str:
        """What each letter or digit says, in ``lang`` ("en" or "zh-TW")."""
        parts = meanings(self.scheme, lang)
        return ("；" if lang == "zh-TW" else "; ").join(
            p[c] for p, c in zip(parts, self.grade, strict=True))

    def text(self, lang: str = "en") -> str:
        """'B2 (Admiralty/NATO 6x6: usually reliable; probably true)', in ``lang``."""
        if lang == "zh-TW":
            return f"{self.grade}（{title(self.scheme, lang)}：{self.meaning_in(lang)}）"
        return f"{self.grade} ({title(self.scheme)}: {self.meaning})"

    def __str__(self) -> str:
        return self.text()

    def to_json(self) -> dict:
        return {"scheme": self.scheme, "grade": self.grade}


def scheme(name: str) -> Scheme:
    found = SCHEMES.get((name or "").strip().lower())
    if found is None:
        raise ConfigError(f"unknown grading scheme {name!r}: one of {', '.join(SCHEMES)}")
    return found


def title(name: str, lang: str = "en") -> str:
    """A scheme's name as shown ("Admiralty/NATO 6x6"), in ``lang`` ("en" or "zh-TW")."""
    s = scheme(name)
    return ZH_TW[s.name][0] if lang == "zh-TW" else s.title


def meanings(name: str, lang: str = "en") -> tuple[dict[str, str], ...]:
    """Each position of a scheme's grades: its letters or digits -> meaning, in ``lang``."""
    s = scheme(name)
    return ZH_TW[s.name][1] if lang == "zh-TW" else s.parts


def parse(grade: str, scheme_name: str) -> Grade:
    """``grade`` as written ('b2', 'B-2', '1 A P') checked against the scheme, normalised."""
    s = scheme(scheme_name)
    text = _SEPARATORS.sub("", str(grade or "")).upper()
    if len(text) != len(s.parts) or any(c not in p for c, p in zip(text, s.parts, strict=False)):
        example = "".join(next(iter(p)) for p in s.parts)
        choices = " then ".join("/".join(p) for p in s.parts)
        raise ConfigError(f"grade {grade!r} does not fit the {s.title} scheme: write "
                          f"{choices} (e.g. {example})")
    return Grade(s.name, text)


def default_scheme(db: Database) -> str:
    with db.read() as s:
        row = s.get(Setting, SETTING)
    return (row.value or {}).get("scheme", DEFAULT_SCHEME) if row else DEFAULT_SCHEME


def set_default_scheme(db: Database, name: str) -> str:
    """Choose the scheme new grades are given in (existing grades keep theirs)."""
    chosen = scheme(name).name
    with db.begin() as s:
        row = s.get(Setting, SETTING)
        old = (row.value or {}).get("scheme") if row else None
        if row is None:
            s.add(Setting(key=SETTING, value={"scheme": chosen}))
        else:
            row.value = {"scheme": chosen}
        audit.record(s, db.user, "update", "setting", None, field=SETTING, old=old, new=chosen)
    return chosen


def set_grade(db: Database, entity: str, entity_id: int, grade: str,
              scheme_name: str | None = None) -> Grade:
    """Grade one source file, note or attachment (in the default scheme unless named)."""
    if entity not in GRADED_ENTITIES:
        raise ConfigError(f"cannot grade {entity!r}: one of {', '.join(GRADED_ENTITIES)}")
    g = parse(grade, scheme_name or default_scheme(db))
    with db.begin() as s:
        if s.get(_MODELS[entity], entity_id) is None:
            raise NotFound(f"no {entity.replace('_', ' ')} {entity_id}")
        store_grade(s, db.user, entity, entity_id, g)
    return g


def set_source_grade(db: Database, sha256_or_id, grade: str,
                     scheme_name: str | None = None) -> Grade:
    """Grade an imported file, named by its SHA-256 (or the start of it, 8 characters at
    least, when only one file starts so) or by its id."""
    return set_grade(db, "source_file", source_file_id(db, sha256_or_id), grade, scheme_name)


def source_file_id(db: Database, sha256_or_id) -> int:
    key = str(sha256_or_id).strip().lower()
    by_id, by_sha = key.isdigit() and len(key) < 12, len(key) >= 8 and _HEX.fullmatch(key)
    if not by_id and not by_sha:
        raise ConfigError(f"{sha256_or_id!r}: name a source file by its SHA-256 (8 "
                          "characters at least) or its id")
    found: set[int] = set()
    with db.read() as s:
        if by_id and s.get(SourceFile, int(key)) is not None:
            found.add(int(key))
        if by_sha:  # a SHA-256 may start with digits only
            found.update(s.scalars(select(SourceFile.id).where(
                SourceFile.sha256.startswith(key)).limit(2)))
    if len(found) != 1:
        raise NotFound(f"{sha256_or_id!r}: " + ("no imported file has this SHA-256 or id"
                       if not found else "several files match; give more of the SHA-256"))
    return found.pop()


def store_grade(session: Session, user: str, entity: str, entity_id: int, g: Grade) -> None:
    """Set (or change) a record's grade inside the caller's transaction, audited."""
    row = session.scalar(select(SourceGrade).where(SourceGrade.entity == entity,
                                                   SourceGrade.entity_id == entity_id))
    old = f"{row.grade} ({row.scheme})" if row else None
    if row is None:
        session.add(SourceGrade(entity=entity, entity_id=entity_id, scheme=g.scheme,
                                grade=g.grade, set_by=user))
    elif (row.scheme, row.grade) == (g.scheme, g.grade):
        return
    else:
        row.scheme, row.grade, row.set_by = g.scheme, g.grade, user
    audit.record(session, user, "grade", entity, entity_id, field="grade", old=old,
                 new=f"{g.grade} ({g.scheme})")


def grades(session: Session, entity: str, ids) -> dict[int, Grade]:
    """The grades of some records of one kind, by id (records without one left out)."""
    ids = list(ids)
    if not ids:
        return {}
    return {i: Grade(sc, gr) for i, sc, gr in session.execute(
        select(SourceGrade.entity_id, SourceGrade.scheme, SourceGrade.grade).where(
            SourceGrade.entity == entity, SourceGrade.entity_id.in_(ids)))}


def source_grades(session: Session, sha256s) -> dict[str, Grade]:
    """The grades of source files, by SHA-256."""
    ids = dict(session.execute(select(SourceFile.id, SourceFile.sha256).where(
        SourceFile.sha256.in_(list(sha256s)))).all())
    return {ids[i]: g for i, g in grades(session, "source_file", ids).items()}


_MODELS = {"source_file": SourceFile, "note": Note, "attachment": Attachment}


def case_grades(session: Session, case_file) -> dict[tuple[str, object], Grade]:
    """The grades of a case file's evidence, to show beside it: ("note", id),
    ("attachment", id) and ("source_file", sha256) -> Grade."""
    out: dict[tuple[str, object], Grade] = {}
    for entity, ids in (("note", [n.id for n in case_file.case.notes]),
                        ("attachment", [a.id for a in case_file.attachments])):
        out.update({(entity, i): g for i, g in grades(session, entity, ids).items()})
    shas = {p.sha256 for p in case_file.provenance}
    out.update({("source_file", sha): g for sha, g in source_grades(session, shas).items()})
    return out


def bundle_grades(found: dict, case_file, *, redacted: bool) -> list[dict]:
    """The grades a case bundle carries (``found``: case_grades): its notes' by their place
    in the bundle's list of notes (the case's notes in order), its sources' by SHA-256 and
    file name. A redacted bundle drops the notes, so their grades, and the file names."""
    out = []
    if not redacted:
        for i, n in enumerate(case_file.case.notes):
            g = found.get(("note", n.id))
            if g is not None:
                out.append({"of": "note", "note": i, **g.to_json()})
    names = {p.sha256: p.file_name for p in case_file.provenance}
    for (entity, key), g in sorted(found.items(), key=lambda kv: str(kv[0])):
        if entity == "source_file":
            out.append({"of": "source_file", "sha256": key,
                        "file_name": "" if redacted else names[key], **g.to_json()})
    return out


def apply_bundle_grades(session: Session, user: str, case_id: int, notes: list[str],
                        items: list[dict]) -> int:
    """Give the grades of a received bundle to its notes (found in the case by their text)
    and source files (by SHA-256; a file this database never imported is recorded by its
    hash and name, size 0, so that its grade is kept). A record graded here already keeps its
    own grade: the sender's is audited beside it as not applied. Returns the grades set."""
    session.flush()  # the bundle's notes, just added
    done = 0
    for item in items:
        g = parse(item["grade"], item["scheme"])
        entity, entity_id = _bundle_target(session, case_id, notes, item)
        if entity_id is None:
            continue
        have = grades(session, entity, [entity_id]).get(entity_id)
        if have is None:
            store_grade(session, user, entity, entity_id, g)
            done += 1
        elif have != g:
            audit.record(session, user, "grade", entity, entity_id, field="grade",
                         old=f"{have.grade} ({have.scheme})", new=f"{g.grade} ({g.scheme})",
                         reason="graded differently in a received bundle: local grade kept")
    return done


def _bundle_target(session: Session, case_id: int, notes: list[str], item: dict):
    if item["of"] == "note":
        body = notes[item["note"]] if 0 <= item["note"] < len(notes) else None
        return "note", session.scalar(select(Note.id).where(
            Note.case_id == case_id, Note.body == body).order_by(Note.id).limit(1))
    sid = session.scalar(select(SourceFile.id).where(SourceFile.sha256 == item["sha256"]))
    if sid is None:
        source = SourceFile(sha256=item["sha256"], file_name=item.get("file_name") or "",
                            size=0)
        session.add(source)
        session.flush()
        sid = source.id
    return "source_file", sid
