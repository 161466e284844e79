"""Ports that are one port area: a city's UN/LOCODE and the codes of its port's terminals.

Systems name the same call differently: a declaration says INBOM (Mumbai), the bill of lading
INNSA (Jawaharlal Nehru Port, Nhava Sheva); one says USNYC, another USEWR (Newark). Two values
name the same port when they are equal, when their codes belong to one area below, or, for places
kept by name (no UN/LOCODE), when the names are equal ignoring case, spaces and punctuation or
name a port of the same area.

Every code here is in the port gazetteer (casedb.normalize.ports); areas are kept to places one
port authority or one customs office serves, never neighbouring ports that compete.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .ports import _fold, port_info, port_locode

AREAS: dict[str, tuple[str, ...]] = {
    "INBOM": ("INBOM", "INNSA"),  # Mumbai; Jawaharlal Nehru Port (Nhava Sheva)
    "USNYC": ("USNYC", "USEWR", "USPNJ", "USELZ"),  # New York; Newark, Port Newark, Elizabeth
    "USLAX": ("USLAX", "USLGB"),  # the San Pedro Bay ports: Los Angeles, Long Beach
    "VNSGN": ("VNSGN", "VNTCG"),  # Ho Chi Minh City; Tan Cang (Cat Lai)
    "VNVUT": ("VNVUT", "VNCMT"),  # Vung Tau; Cai Mep
    "IDJKT": ("IDJKT", "IDTPP"),  # Jakarta; Tanjung Priok
    "TRIST": ("TRIST", "TRAMR", "TRHAY", "TRKMX"),  # Istanbul; Ambarli, Haydarpasa, Kumport
    "HKHKG": ("HKHKG", "CNHKG"),  # Hong Kong, also under a Chinese prefix in the gazetteer
    "CNSZX": ("CNSZX", "CNSHK", "CNCWN", "CNMWN", "CNYTN", "CNDCB"),  # Shenzhen; Shekou,
    # Chiwan, Mawan, Yantian, Da Chan Bay
    "CNCAN": ("CNCAN", "CNHUA", "CNNSA"),  # Guangzhou; Huangpu, Nansha
    "CNTSN": ("CNTSN", "CNXIP", "CNTGU"),  # Tianjin; Xingang, Tanggu
    "GBLON": ("GBLON", "GBTIL", "GBLGP"),  # London; Tilbury, London Gateway
    "NLRTM": ("NLRTM", "NLEUR"),  # Rotterdam; Europoort
    "DEBRE": ("DEBRE", "DEBRV"),  # Bremen; Bremerhaven
    "SGSIN": ("SGSIN", "SGJUR"),  # Singapore; Jurong
}
_AREA_OF = {code: area for area, codes in AREAS.items() for code in codes}
_CODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")


def port_area(code: str) -> str:
    """The code naming the area ``code`` belongs to (the city's), or ``code`` itself."""
    return _AREA_OF.get(code, code)


def same_port(a: str | None, b: str | None) -> bool:
    """Whether two stored port values (UN/LOCODEs, or places kept by name) name one port."""
    if a == b:
        return True
    if not a or not b:
        return False
    return _place(a) == _place(b)


@lru_cache(maxsize=4096)
def _place(value: str) -> str:
    """A UN/LOCODE's area; a name's port area when the gazetteer knows it, else its folded
    spelling (case, spaces and punctuation ignored)."""
    if _CODE.match(value) and (port_info(value) or value in _AREA_OF):
        return port_area(value)
    try:
        return port_area(port_locode(value))
    except ValueError:
        return "name:" + "".join(c for c in _fold(value) if c.isalnum())
