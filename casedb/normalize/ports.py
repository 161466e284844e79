"""An offline port gazetteer (UN/LOCODE, name, country, coordinates) from searoute's port data."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .countries import iso2_to_iso3

# Names investigators use that the gazetteer spells otherwise, and Chinese names.
ALIASES = {
    "port klang": "MYPKG", "klang": "MYPKG", "port kelang": "MYPKG", "巴生": "MYPKG",
    "巴生港": "MYPKG", "penang": "MYPEN", "檳城": "MYPEN", "tanjung pelepas": "MYTPP",
    "高雄": "TWKHH", "高雄港": "TWKHH", "kaohsiung": "TWKHH", "基隆": "TWKEL", "基隆港": "TWKEL",
    "keelung": "TWKEL", "台中": "TWTXG", "臺中": "TWTXG", "台中港": "TWTXG", "臺中港": "TWTXG",
    "taichung": "TWTXG", "台北": "TWTPE", "臺北": "TWTPE", "taipei": "TWTPE", "香港": "HKHKG",
    "hong kong": "HKHKG", "新加坡": "SGSIN", "singapore": "SGSIN", "上海": "CNSHA",
    "shanghai": "CNSHA", "寧波": "CNNGB", "宁波": "CNNGB", "ningbo": "CNNGB", "深圳": "CNSZX",
    "shenzhen": "CNSZX", "鹽田": "CNYTN", "yantian": "CNYTN", "廈門": "CNXMN", "厦门": "CNXMN",
    "xiamen": "CNXMN", "青島": "CNTAO", "青岛": "CNTAO", "qingdao": "CNTAO", "天津": "CNTSN",
    "tianjin": "CNTSN", "廣州": "CNCAN", "广州": "CNCAN", "guangzhou": "CNCAN", "海防": "VNHPH",
    "haiphong": "VNHPH", "hai phong": "VNHPH", "胡志明市": "VNSGN", "ho chi minh": "VNSGN",
    "ho chi minh city": "VNSGN", "saigon": "VNSGN", "cat lai": "VNSGN", "林查班": "THLCH",
    "laem chabang": "THLCH", "曼谷": "THBKK", "bangkok": "THBKK", "雅加達": "IDJKT",
    "jakarta": "IDJKT", "tanjung priok": "IDJKT", "泗水": "IDSUB", "surabaya": "IDSUB",
    "馬尼拉": "PHMNL", "manila": "PHMNL", "釜山": "KRPUS", "busan": "KRPUS", "pusan": "KRPUS",
    "橫濱": "JPYOK", "横滨": "JPYOK", "yokohama": "JPYOK", "東京": "JPTYO", "tokyo": "JPTYO",
    "大阪": "JPOSA", "osaka": "JPOSA", "神戶": "JPUKB", "kobe": "JPUKB", "鹿特丹": "NLRTM",
    "rotterdam": "NLRTM", "漢堡": "DEHAM", "hamburg": "DEHAM", "安特衛普": "BEANR",
    "antwerp": "BEANR", "felixstowe": "GBFXT", "費利克斯托": "GBFXT", "southampton": "GBSOU",
    "london gateway": "GBLGP", "los angeles": "USLAX", "洛杉磯": "USLAX", "long beach": "USLGB",
    "oakland": "USOAK", "奧克蘭": "USOAK", "new york": "USNYC", "seattle": "USSEA",
    "tacoma": "USTIW", "mersin": "TRMER", "梅爾辛": "TRMER", "istanbul": "TRIST",
    "ambarli": "TRAMR", "nhava sheva": "INNSA", "jawaharlal nehru": "INNSA", "mundra": "INMUN",
    "chennai": "INMAA", "melbourne": "AUMEL", "墨爾本": "AUMEL", "sydney": "AUSYD",
}
_CODE = re.compile(r"^([A-Z]{2})\s?-?\s?([A-Z2-9]{3})$")


@dataclass(frozen=True)
class Port:
    locode: str
    name: str
    country_iso3: str
    lat: float
    lon: float


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@cache
def _gazetteer() -> tuple[dict[str, Port], dict[str, str]]:
    from searoute.data.ports_dict import node_list

    by_code: dict[str, Port] = {}
    by_name: dict[str, str] = {}
    for (x, y), info in node_list.items():
        code = info.get("port")
        if not code or code in by_code:
            continue
        iso3 = iso2_to_iso3(code[:2]) or code[:2]
        by_code[code] = Port(code, info.get("name") or code, iso3, float(y), float(x))
        key = _fold(info.get("name") or "")
        # Prefer a principal port ('t' set) when two share a name.
        if key and (key not in by_name or info.get("t")):
            by_name[key] = code
    return by_code, by_name


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
    if value is None:
        return None
    text = " ".join(str(value).split())
    return _lookup(text) if text else None


@lru_cache(maxsize=8192)
def _lookup(text: str) -> str:
    by_code, by_name = _gazetteer()
    upper = text.upper()
    if m := _CODE.match(upper):
        code = m[1] + m[2]
        if code in by_code or iso2_to_iso3(m[1]):
            return code
    for candidate in (text, text.split(",")[0], re.sub(r"\s*\(.*\)$", "", text)):
        key = _fold(candidate)
        hit = ALIASES.get(key) or ALIASES.get(candidate.strip()) or by_name.get(key)
        if not hit and key.startswith("port of "):
            hit = ALIASES.get(key[8:]) or by_name.get(key[8:])
        if hit:
            return hit
    raise ValueError(f"unknown port {text!r}")
