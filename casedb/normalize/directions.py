"""The direction of a declaration ("import", "export" or "transit") as systems write it.

Words in English, Spanish, Portuguese, Russian, Chinese and the languages of the main
waste-receiving countries, their abbreviations (IM/EX, IMP/EXP, I/E, ИМ/ЭК/ТТ), and declaration
types: box 1 of the Single Administrative Document ("IM4", "EX 1", "IM A") and the EAEU's
customs procedures ("ИМ 40", "ЭК 10"), and the transit documents T1, T2, T2F.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .messages import shown

WORDS = {
    "import": (
        "import", "imports", "imported", "imp", "im", "i", "in", "inbound", "inward", "re-import",
        "reimport", "importación", "importacion", "importaciones", "importação", "importacao",
        "importações", "importacoes", "ingreso", "entrada", "импорт", "им", "ввоз", "реимпорт",
        "進口", "进口", "輸入", "输入", "進境", "进境", "nhập khẩu", "nhap khau", "impor",
        "ithalat", "นำเข้า",
    ),
    "export": (
        "export", "exports", "exported", "exp", "ex", "e", "out", "outbound", "outward",
        "re-export", "reexport", "exportación", "exportacion", "exportaciones", "exportação",
        "exportacao", "exportações", "exportacoes", "salida", "saída", "saida", "экспорт", "эк",
        "вывоз", "реэкспорт", "出口", "輸出", "输出", "出境", "xuất khẩu", "xuat khau", "ekspor",
        "eksport", "ihracat", "ส่งออก",
    ),
    "transit": (
        "transit", "in transit", "t", "tt", "transshipment", "transhipment", "trans-shipment", "tránsito",
        "transito", "trânsito", "transbordo", "транзит", "тт", "轉運", "转运", "轉口", "转口",
        "過境", "过境", "quá cảnh", "qua canh",
    ),
}
# A declaration type: SAD box 1 (IM/EX, then a procedure digit or a letter), EAEU procedures
# (ИМ 40, ЭК 10), transit documents (T1, T2, T2F).
_DECLARATION_TYPE = re.compile(
    r"^(?P<kind>im|ex|tt|им|эк|тт)\s*[-/]?\s*(?:\d{1,2}|[a-fxyz])?$|^(?P<transit>t[12]f?)$")
_REGIME_CODE = re.compile(r"^\d{1,3}\s*[-–—:.)]?\s*")  # "10 - ", "40: "
_TYPE_HEAD = re.compile(r"^\S+(?:\s+\d{1,2}(?=\s|$))?")  # "ИМ 40" of "ИМ 40 - выпуск ..."
_TYPE_DIRECTION = {"im": "import", "им": "import", "ex": "export", "эк": "export",
                   "tt": "transit", "тт": "transit"}


def normalize_direction(value) -> str | None:
    """'import', 'export' or 'transit' for a direction cell (None when blank); ValueError naming
    the value otherwise."""
    if value is None:
        return None
    if isinstance(value, str):
        text = " ".join(value.split())
        if not text:
            return None
        found = _direction(text)
        if found:
            return found
    raise ValueError(f"unknown direction {shown(value)} (import, export or transit)")


def direction_words() -> frozenset[str]:
    """Every lowercase word read as a direction, as written and without accents."""
    return frozenset(_table())


@cache
def _table() -> dict[str, str]:
    table = {}
    for direction, words in WORDS.items():
        for word in words:
            table[word] = direction
            table.setdefault(_fold(word), direction)
    return table


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=1024)
def _direction(text: str) -> str | None:
    low = unicodedata.normalize("NFKC", text).casefold().strip(" .,;:")
    table = _table()
    found = table.get(low) or table.get(_fold(low))
    if found:
        return found
    if m := _DECLARATION_TYPE.match(low):
        return "transit" if m["transit"] else _TYPE_DIRECTION[m["kind"]]
    return _leading(low)


def _leading(low: str) -> str | None:
    """A customs regime named by a code and words ("10 - IMPORTACION PARA EL CONSUMO",
    "ИМ 40 - выпуск для внутреннего потребления", "進口報單"): its first word, or the declaration
    type before the words, when it is a direction word of four letters or more (or Chinese)."""
    rest = _REGIME_CODE.sub("", low)
    head, _, tail = rest.partition(" ")
    head = head.strip("-–—:,.;/")
    table = _table()
    if tail and len(head) >= 4 and (found := table.get(head) or table.get(_fold(head))):
        return found
    if m := _DECLARATION_TYPE.match(_TYPE_HEAD.match(low)[0].strip(" -–—:") if tail else ""):
        return "transit" if m["transit"] else _TYPE_DIRECTION[m["kind"]]
    chinese = next((w for w in table if len(w) == 2 and rest.startswith(w) and not w.isascii()), None)
    return table[chinese] if chinese and len(rest) > 2 else None
