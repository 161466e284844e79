"""Reporters and partners as statistical offices name them, to ISO 3166 alpha-3.

Trade statistics name countries in ways declarations do not: HMRC lists the emirates one by one
and truncates long names ("Trinidad:Tobago", "Serbia-Monteneg."), Comtrade has "Areas, nes" and
"Bunkers", Eurostat writes Greece "EL", the Census Bureau "Korea, South", and old years hold
countries that no longer exist. A name resolves through the file's own table (a spec's
``partners``), then the table here, then :func:`casedb.normalize.country_iso3`. A name none of
them knows is kept as written, with a warning: never dropped, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from casedb.models import TradeFlow
from casedb.models.base import clip

from ..normalize import country_iso3, country_name

WORLD = "WLD"  # the partner of a reporter's total (all partners)

# Names of statistical offices, folded (lower case, single spaces, no trailing dot).
OFFICE_NAMES = {
    # HMRC lists the seven emirates separately (and the federation too)
    "abu dhabi": "ARE", "dubai": "ARE", "sharjah": "ARE", "ajman": "ARE", "fujairah": "ARE",
    "ras al khaimah": "ARE", "ras al-khaimah": "ARE", "umm al qaiwain": "ARE",
    "umm al quwain": "ARE", "utd. arab emirates": "ARE", "utd arab emirates": "ARE",
    "united arab emirates": "ARE",
    # HMRC's short names
    "trinidad:tobago": "TTO", "trinidad & tobago": "TTO", "serbia-monteneg": "SCG",
    "congo (dem. rep)": "COD", "congo (dem rep)": "COD", "congo (dem. rep.)": "COD",
    "congo (rep)": "COG", "bosnia-herzegovina": "BIH", "st kitts & nevis": "KNA",
    "st vincent": "VCT", "st lucia": "LCA", "st helena": "SHN", "st pierre & miquelon": "SPM",
    "turks & caicos islands": "TCA", "antigua & barbuda": "ATG", "sao tome & principe": "STP",
    "wallis & futuna": "WLF", "heard & mcdonald islands": "HMD", "papua new guinea": "PNG",
    "canary islands": "ESP", "ceuta": "ESP", "melilla": "ESP", "heligoland": "DEU",
    "occupied palestinian territories": "PSE", "occ. palestinian terr": "PSE",
    "gaza and jericho": "PSE", "west bank and gaza": "PSE", "falkland islands": "FLK",
    "kosovo": "XKX", "timor": "TLS", "macedonia": "MKD", "fyr macedonia": "MKD", "swaziland": "SWZ",
    "ivory coast": "CIV", "east timor": "TLS", "burma": "MMR", "zaire": "COD",
    "irish republic": "IRL", "sint maarten": "SXM", "holy see": "VAT", "vatican city": "VAT",
    "fs micronesia": "FSM", "canary is": "ESP", "ascension": "SHN", "tristan da cunha": "SHN",
    "south georgia": "SGS", "turks & caicos is": "TCA", "saint martin": "MAF",
    # Census Bureau
    "falkland islands (islas malvinas)": "FLK", "heard and mcdonald islands": "HMD",
    "french southern and antarctic lands": "ATF", "pitcairn islands": "PCN",
    "svalbard, jan mayen island": "SJM",
    "korea, south": "KOR", "korea, north": "PRK", "macau": "MAC", "burma (myanmar)": "MMR",
    "congo, democratic republic of the": "COD", "congo, republic of the": "COG",
    "gaza strip administered by israel": "PSE", "west bank administered by israel": "PSE",
    # Comtrade, Eurostat, Taiwan
    "other asia, nes": "TWN", "other asia, n.e.s": "TWN", "s19": "TWN", "el": "GRC",
    "uk": "GBR", "xu": "GBR", "xi": "GBR", "xk": "XKX", "xs": "SRB", "xc": "ESP", "xl": "ESP",
    "中華民國": "TWN", "中國大陸": "CHN", "大陸地區": "CHN", "香港": "HKG", "澳門": "MAC",
    "大韓民國": "KOR", "南韓": "KOR", "越南": "VNM", "泰國": "THA", "印尼": "IDN",
    "馬來西亞": "MYS", "菲律賓": "PHL", "日本": "JPN", "美國": "USA", "土耳其": "TUR",
    "印度": "IND", "阿拉伯聯合大公國": "ARE", "荷蘭": "NLD", "德國": "DEU", "英國": "GBR",
    # historical entities (codes of ISO 3166-3, or the one Comtrade uses)
    "serbia and montenegro": "SCG", "serbia & montenegro": "SCG", "yugoslavia": "YUG",
    "fmr yugoslavia": "YUG", "ussr": "SUN", "soviet union": "SUN", "fmr ussr": "SUN",
    "czechoslovakia": "CSK", "fmr czechoslovakia": "CSK", "east germany": "DDR",
    "german democratic republic": "DDR", "fmr dem. rep. of germany": "DDR",
    "west germany": "DEU", "fmr fed. rep. of germany": "DEU", "netherlands antilles": "ANT",
    "neth. antilles": "ANT", "belgium-luxembourg": "BLX", "belgium-luxembourg (...1998)": "BLX",
    "fmr sudan": "SDN", "sudan (...2011)": "SDN",
}
HISTORICAL_LABELS = {"SCG": "Serbia and Montenegro", "YUG": "Yugoslavia", "SUN": "USSR",
                     "CSK": "Czechoslovakia", "DDR": "East Germany",
                     "ANT": "Netherlands Antilles", "BLX": "Belgium-Luxembourg",
                     "XKX": "Kosovo", "WLD": "World"}
# Comtrade and BACI numeric codes that are not ISO 3166 numeric codes
COMTRADE_NUMERIC = {"842": "USA", "251": "FRA", "699": "IND", "757": "CHE", "579": "NOR",
                    "490": "TWN", "381": "ITA", "711": "ZAF", "58": "BLX", "97": "EU",
                    "530": "ANT", "891": "SCG", "736": "SDN", "0": WORLD}
# Eurostat's geonomenclature numbers of the EU declarants (Comext's DECLARANT column)
EUROSTAT_DECLARANTS = {"1": "FRA", "2": "BLX", "3": "NLD", "4": "DEU", "5": "ITA", "6": "GBR",
                       "7": "IRL", "8": "DNK", "9": "GRC", "10": "PRT", "11": "ESP",
                       "17": "BEL", "18": "LUX", "30": "SWE", "32": "FIN", "38": "AUT",
                       "46": "MLT", "53": "EST", "54": "LVA", "55": "LTU", "60": "POL",
                       "61": "CZE", "63": "SVK", "64": "HUN", "66": "ROU", "68": "BGR",
                       "91": "SVN", "92": "HRV", "600": "CYP"}
WORLD_NAMES = {"world", "wld", "w00", "total", "world total", "total for all countries",
               "all countries", "total all countries", "全部國家", "全部国家", "總計", "合計",
               "世界", "extra-eu", "world (all countries)"}
# Names that are aggregates of countries: a reporter named so is not a country of its own.
AGGREGATES = {"africa", "asia", "europe", "north america", "south america", "oceania",
              "latin america and caribbean", "european union (27)", "eu-27", "eu27_2020",
              "eu28", "eu-28", "high-income countries", "low-income countries",
              "lower-middle-income countries", "upper-middle-income countries",
              "high income", "low income", "lower middle income", "upper middle income",
              "extra_eu", "intra_eu", "extra-eu27_2020", "intra-eu27_2020",
              # the Census Bureau's country groups
              "pacific rim countries", "euro area", "opec", "usmca (nafta)", "nafta",
              "south/central america", "australia and oceania", "cafta-dr", "nato", "apec",
              "asean", "twenty latin american republics", "lafta", "central american common "
              "market", "caribbean", "middle east"}
EU_MEMBERS = {"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU",
              "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT",
              "ROU", "SVK", "SVN", "ESP", "SWE"}
# Comtrade and HMRC "partners" that are not countries: kept as written, with a warning
NOT_COUNTRIES = {"areas, nes", "bunkers", "free zones", "special categories",
                 "stores and provisions", "stores & provisions", "low value trade",
                 "country unknown", "countries and territories not specified",
                 "confidential countries", "not specified", "unknown"}


def fold(text: str) -> str:
    return " ".join(str(text).split()).lower().rstrip(".")


@dataclass
class Resolver:
    """Resolves the names of one file, remembering those it could not place."""

    table: dict[str, str] = field(default_factory=dict)  # a spec's own names
    numeric: str = "comtrade"  # how numbers read: "comtrade", "eurostat" or "none"
    unknown: dict[str, int] = field(default_factory=dict)
    aggregates: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.table = {fold(k): v for k, v in self.table.items()}

    def code(self, value) -> str | None:
        """ISO alpha-3 (or WLD, EU, a historical code); None for an aggregate or a blank."""
        if value is None:
            return None
        text = " ".join(str(value).split())
        key = fold(text)
        if not key:
            return None
        if key in self.table:
            return self.table[key]
        if key in WORLD_NAMES:
            return WORLD
        if key in AGGREGATES:
            self.aggregates.add(text)
            return None
        if key in OFFICE_NAMES:
            return OFFICE_NAMES[key]
        if key.isdigit():
            return self._number(key, text)
        return self._name(key, text)

    def _name(self, key: str, text: str) -> str:
        if key not in NOT_COUNTRIES:
            try:
                found = country_iso3(text)
            except (ValueError, LookupError):
                found = None
            if found:
                return found
        self.unknown[text] = self.unknown.get(text, 0) + 1
        return clip(text, TradeFlow.exporter)

    def _number(self, key: str, text: str) -> str:
        short = key.lstrip("0") or "0"
        if self.numeric == "eurostat" and short in EUROSTAT_DECLARANTS:
            return EUROSTAT_DECLARANTS[short]
        if self.numeric == "comtrade":
            if short in COMTRADE_NUMERIC:
                return COMTRADE_NUMERIC[short]
            try:
                found = country_iso3(short.zfill(3))
            except (ValueError, LookupError):
                found = None
            if found:
                return found
        self.unknown[text] = self.unknown.get(text, 0) + 1
        return clip(text, TradeFlow.exporter)

    def warnings(self, what: str) -> list[str]:
        out = [f"{what} {name!r} is not a country we know: kept under that name ({n} rows); "
               f"name its ISO code in the spec's \"partners\" to place it"
               for name, n in sorted(self.unknown.items())]
        if self.aggregates:
            out.append(f"rows of the aggregates {', '.join(sorted(self.aggregates))} skipped "
                       "(shares are computed from the countries)")
        return out


def label(code: str, lang: str = "en") -> str:
    """A country's name for charts and tables; a kept name is shown as it was written."""
    if code in HISTORICAL_LABELS and not lang.lower().startswith("zh"):
        return HISTORICAL_LABELS[code]
    if len(code) > 3 or not re.fullmatch(r"[A-Z]{2,3}", code):
        return code
    try:
        return country_name(code, lang)
    except (KeyError, LookupError, ValueError):
        return code
