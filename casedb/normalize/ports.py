"""Ports as UN/LOCODEs, from codes and names as declarations, manifests and vendors write them,
with an offline gazetteer (UN/LOCODE, name, country, coordinates) from searoute's port data.

Read: a UN/LOCODE ("CNSHA", "CN SHA"); a code with its name ("CNSHA - SHANGHAI", "SHANGHAI
(CNSHA)"); a name after a US Schedule D or Schedule K number ("2704, Los Angeles, California",
"53306, MUNDRA"); a name followed by its state or country ("Kaohsiung, Taiwan", which must agree
with the port's); an Indian ICEGATE location code (INNSA1: the seaport INNSA; INBOM4, an air
cargo complex, is no seaport). Never guessed: a name two countries' ports share with no country to settle it,
an airport or inland depot, a five-letter word the gazetteer does not know ("PARIS", "SCRAP").
``port_or_place`` keeps the name of such a place so that nothing is turned into a wrong port.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .countries import country_iso3, iso2_to_iso3
from .messages import Unknown, refusal, shown, unknown
from .port_names import ALIASES, BY_STATE, CA_PROVINCES, NOT_SEAPORTS, SCHEDULE_D, US_STATES

PLACE_LIMIT = 64  # characters of a place name kept as written
LONGEST = 160  # characters: anything longer is no port
_CODE = re.compile(r"^([A-Z]{2})([\s-]?)([A-Z2-9]{3})$")
_ICEGATE = re.compile(r"^(IN[A-Z2-9]{3})([0-9])$")  # India's customs locations: INNSA1 a seaport
_CODE_TEXT = r"(?P<code>[A-Z]{2} ?[A-Z2-9]{3})"
_SEP = r"\s*[-–—:|/,;]\s*"
_WITH_CODE = (re.compile(rf"^{_CODE_TEXT}{_SEP}(?P<name>.+)$"),  # CNSHA - SHANGHAI
              re.compile(rf"^(?P<name>.+?)\s*[(\[]\s*{_CODE_TEXT}\s*[)\]]$"),  # SHANGHAI (CNSHA)
              re.compile(rf"^(?P<name>.+?){_SEP}{_CODE_TEXT}$"))  # SHANGHAI - CNSHA
_NUMBERED = (re.compile(r"^(?P<digits>\d{2,5})\s*[-–—:|/,.;]?\s*(?P<name>[^\W\d_].*)$"),
             re.compile(r"^(?P<name>.*[^\W\d_])\s*[-–—:|/,;(]\s*(?P<digits>\d{2,5})\)?$"))
_PAREN = re.compile(r"^(?P<name>.+?)\s*\((?P<rest>[^()]+)\)$")
_PREFIXES = ("port of ", "puerto de ", "porto de ", "port ", "puerto ", "porto ")
_SUFFIXES = (" port", " seaport", " harbour", " harbor", " terminal", "港")


@dataclass(frozen=True)
class Port:
    locode: str
    name: str
    country_iso3: str
    lat: float
    lon: float


@dataclass(frozen=True)
class _Reading:
    code: str | None
    name: str  # the place as written, codes taken off
    error: str | Unknown | None  # why there is no code


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@cache
def _gazetteer() -> tuple[dict[str, Port], dict[str, str]]:
    """The ports by code, and each name's code (a principal port when two share a name)."""
    by_code, names = _gazetteer_names()
    return by_code, {key: codes[0] for key, codes in names.items()}


@cache
def _gazetteer_names() -> tuple[dict[str, Port], dict[str, tuple[str, ...]]]:
    """The ports by code, and every code each folded name stands for, principal ports first
    (a name is also indexed without its parenthesis or what follows a comma)."""
    from searoute.data.ports_dict import node_list

    by_code: dict[str, Port] = {}
    names: dict[str, list[str]] = {}
    for (x, y), info in node_list.items():
        code = info.get("port")
        if not code or code in by_code:
            continue
        name = info.get("name") or code
        by_code[code] = Port(code, name, iso2_to_iso3(code[:2]) or code[:2], float(y), float(x))
        # "Seattle (Wa)" and "Semarang, Java" are also found as "seattle" and "semarang"
        for key in {_fold(name), _fold(re.sub(r"\(.*?\)", " ", name)), _fold(name.split(",")[0])}:
            if key:
                codes = names.setdefault(key, [])
                codes.insert(0, code) if info.get("t") else codes.append(code)
    return by_code, {key: tuple(codes) for key, codes in names.items()}


@cache
def _aliases() -> dict[str, str]:
    return {_fold(name): code for name, code in ALIASES.items()}


@cache
def _suggestions() -> dict[str, str]:
    """Folded names -> how to show the port, for 'did you mean'."""
    by_code, names = _gazetteer_names()
    out = {key: f"{by_code[codes[0]].name} ({codes[0]})" for key, codes in names.items()}
    out.update({key: f"{port_name(code)} ({code})" for key, code in _aliases().items()})
    return out


def port_info(locode: str) -> Port | None:
    return _gazetteer()[0].get(locode)


def port_name(locode: str | None, lang: str = "en") -> str:
    """The name a reader of ``lang`` knows the port by: in Chinese ("zh", "zh-TW"), the
    Traditional Chinese name when the alias table has one (高雄港, 巴生港, 鹿特丹); otherwise the
    gazetteer's English name, or the code itself."""
    if not locode:
        return "?"
    if lang.lower().startswith("zh") and (chinese := _chinese_names().get(locode)):
        return chinese
    info = port_info(locode)
    return info.name if info else locode


@cache
def _chinese_names() -> dict[str, str]:
    """UN/LOCODE -> its Chinese alias: one ending in 港 (port) if there is one, else the first.
    The table lists the Traditional spelling before the Simplified one."""
    names: dict[str, str] = {}
    for alias, code in ALIASES.items():
        if not any("\u4e00" <= c <= "\u9fff" for c in alias):
            continue
        if code not in names or (alias.endswith("港") and not names[code].endswith("港")):
            names[code] = alias
    return names


def ports() -> list[Port]:
    return list(_gazetteer()[0].values())


def port_locode(value) -> str | None:
    """The UN/LOCODE of a port cell (None when blank); ValueError, one sentence naming the value,
    when it names no port the gazetteer knows, or names one ambiguously."""
    reading = _reading_of(value)
    if reading is None:
        return None
    if reading.error:
        raise refusal(reading.error)
    return reading.code


def port_or_place(value) -> tuple[str | None, str]:
    """(UN/LOCODE or None, the place as written without its codes, at most 64 characters).
    Never raises: an airport, an inland place or an unknown or ambiguous name gives (None, name),
    so the name can be kept where no code can be trusted."""
    try:
        reading = _reading_of(value)
    except ValueError:  # a value that is no text at all (a bool)
        return None, str(value)[:PLACE_LIMIT]
    if reading is None:
        return None, ""
    return (None if reading.error else reading.code), reading.name[:PLACE_LIMIT].strip()


def _reading_of(value) -> _Reading | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"unknown port {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return _read(text) if text else None


@lru_cache(maxsize=8192)
def _read(text: str) -> _Reading:
    text = unicodedata.normalize("NFKC", text).strip(" ,;:-–—/|.")
    if not text or len(text) > LONGEST:
        return _Reading(None, text, unknown("port", text))
    if reading := _icegate(text):
        return reading
    if m := _CODE.match(text.upper()):
        if reading := _bare_code(text, m):
            return reading
    for pattern in _WITH_CODE:
        if (m := pattern.match(text)) and _is_code(m["code"]):
            return _coded(text, m["code"].replace(" ", ""), m["name"].strip())
    digits, name = None, text
    if text.isdigit():
        code = SCHEDULE_D.get(text.zfill(4))
        return _Reading(code, text, None if code else unknown("port", text, hint="a port number "
                                                              "that is not a US Schedule D code"))
    for pattern in _NUMBERED:
        if m := pattern.match(text):
            digits, name = m["digits"], m["name"].strip(" ,;:-–—/|")
            break
    return _named(text, name, SCHEDULE_D.get(digits.zfill(4)) if digits else None)


def _icegate(text: str) -> _Reading | None:
    """An Indian ICEGATE location (a UN/LOCODE and a digit) whose port the gazetteer has: 1 the
    seaport; 4 an air cargo complex, 6 an inland container depot: no seaport."""
    m = _ICEGATE.match(text.upper())
    if not m or m[1] not in _gazetteer()[0]:
        return None
    if m[2] == "1":
        return _Reading(m[1], text, None)
    return _Reading(None, text, f"{shown(text)} is an airport or inland depot, not a seaport")


def _bare_code(text: str, m: re.Match) -> _Reading | None:
    """A value shaped like a UN/LOCODE: one the gazetteer has; a name that looks like one
    (TOKYO); or a code the gazetteer lacks when written as one ("IN TKD"): else None."""
    code = m[1] + m[3]
    if code in _gazetteer()[0]:
        return _Reading(code, text, None)
    found = _by_name(text)
    if found.code or found.error:
        return found
    if m[2] and text.isupper() and iso2_to_iso3(m[1]):
        return _Reading(code, text, None)
    return None


@lru_cache(maxsize=4096)
def _is_code(text: str) -> bool:
    """Whether five letters beside a name are a UN/LOCODE: one the gazetteer has, or one whose
    first two letters are a country's and that is no country or place name ("CHINA", "GHANA" in
    "Qingdao, CHINA" are the country)."""
    code = text.replace(" ", "")
    if code in _gazetteer()[0]:
        return True
    if not iso2_to_iso3(code[:2]) or _countries_of(text) or _by_name(text).code:
        return False
    return True


def _coded(text: str, code: str, name: str) -> _Reading:
    """A code written with a name: the code, unless the name is a port of another country."""
    named = _by_name(name)
    if named.code and named.code[:2] != code[:2]:
        return _Reading(None, name, f"port {shown(text)} names two places "
                                    f"({code} and {named.code}); write one")
    return _Reading(code, name, None)


def _named(text: str, name: str, numbered: str | None) -> _Reading:
    """A port by name (what a number before or after it says, when the name says nothing)."""
    if _not_seaport(name):
        return _Reading(None, name, f"{shown(text)} is an airport or inland depot, not a seaport")
    found = _by_name(name)
    if found.code or found.error:
        return found
    if numbered:
        return _Reading(numbered, name, None)
    return _Reading(None, name, Unknown("port", text, _fold(name), _suggestions))


def _not_seaport(name: str) -> bool:
    words = f" {_fold(name)} "
    return any(f" {w} " in words or (not w.isascii() and w in name) for w in NOT_SEAPORTS)


def _by_name(name: str) -> _Reading:
    """A port by its name and what follows it: "Kaohsiung, Taiwan", "Portland (OR)",
    "LOS ANGELES CA"."""
    base, qualifiers = _split(name)
    if qualifiers and (code := BY_STATE.get((_fold(base), _fold(qualifiers[0])))):
        return _Reading(code, name, None)
    for key, wanted in ((_fold(name), None), (_fold(base), qualifiers)):
        for candidate in _variants(key):
            found = _candidates(candidate, _countries(wanted) if wanted else None)
            if found:
                return _settled(name, found)
    return _Reading(None, name, None)


def _split(name: str) -> tuple[str, list[str]]:
    """A place and what is written after it (state, country): by commas, a parenthesis, or a
    last word of two letters."""
    if m := _PAREN.match(name):
        return m["name"], [m["rest"], *[p for p in m["name"].split(",")[1:]]]
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if len(parts) > 1:
        return parts[0], parts[1:]
    words = name.split()
    if len(words) > 1 and len(words[-1]) == 2 and words[-1].isalpha():
        return " ".join(words[:-1]), [words[-1]]
    return name, []


def _variants(key: str) -> list[str]:
    """A folded name, then without "port of", "puerto", "harbour" and the like."""
    out = [key]
    out += [key[len(p):] for p in _PREFIXES if key.startswith(p) and len(key) > len(p) + 2]
    out += [key[:-len(s)].strip() for s in _SUFFIXES if key.endswith(s) and len(key) > len(s) + 2]
    return out


def _candidates(key: str, countries: set[str] | None) -> tuple[str, ...]:
    """The codes a folded name may stand for, kept to ``countries`` when the value names one."""
    alias = _aliases().get(key)
    if countries is None:
        return (alias,) if alias else _gazetteer_names()[1].get(key, ())
    if alias and _country_of(alias) in countries:
        return (alias,)
    return tuple(c for c in _gazetteer_names()[1].get(key, ()) if _country_of(c) in countries)


def _settled(name: str, codes: tuple[str, ...]) -> _Reading:
    if len({c[:2] for c in codes}) > 1:
        return _Reading(None, name, f"port {shown(name)} is in more than one country "
                                    f"({', '.join(codes[:4])}): add the country")
    return _Reading(codes[0], name, None)


def _country_of(code: str) -> str:
    info = port_info(code)
    return info.country_iso3 if info else (iso2_to_iso3(code[:2]) or "")


@lru_cache(maxsize=1024)
def _countries_of(qualifier: str) -> frozenset[str]:
    """The countries a state, province or country written after a place may mean ("CA":
    California or Canada; "China": also Hong Kong and Macao)."""
    key = _fold(qualifier)
    out = set()
    if key in US_STATES or key in US_STATES.values():
        out.add("USA")
    if key in CA_PROVINCES or key in CA_PROVINCES.values():
        out.add("CAN")
    try:
        country = country_iso3(qualifier)
    except ValueError:
        country = None
    if country:
        out.update(("CHN", "HKG", "MAC") if country == "CHN" else (country,))
    return frozenset(out)


def _countries(qualifiers: list[str]) -> set[str] | None:
    """The countries the words after a place allow, or None when none of them is a place."""
    out: set[str] = set()
    for qualifier in qualifiers:
        out |= _countries_of(qualifier)
    return out or None
