"""The layouts of trade statistics we recognise by their columns, and what each one's cells mean.

Each layout lists, for every field, the headers its publisher writes (compared as
:func:`parsing.key`: lower case, letters and digits only; a candidate starting with ``~`` is a
regular expression searched in that key), the fields that identify it, and its constants: who
reports, the currency and scale of values, the unit of the net mass. Sources of the headers: CEPII's
BACI documentation; UN Comtrade's legacy bulk CSV and its current API (comtradeapicall); HMRC's
uktradeinfo OTS data (``Cn8, Hs2, Hs4, Hs6, Description, Year, FlowType, Country, Value, NetMass,
SuppUnit``, monthly ``MonthId``); Eurostat Comext bulk files (``DECLARANT, PARTNER, PRODUCT_NC,
FLOW, PERIOD, VALUE_IN_EUROS, QUANTITY_IN_KG`` and the v2 names); USA Trade Online exports
(``Commodity, Country, Time`` and value and weight columns); Taiwan customs' trade statistics
portal (``貨品號列, 國家, 重量(公斤), 價值(新臺幣千元)``); and reporter totals (Our World in Data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .parsing import key

FIELDS = ("reporter", "partner", "exporter", "importer", "flow", "year", "month", "period",
          "code", "net_mass", "net_mass_unit", "value", "currency", "supp_quantity",
          "supp_unit", "import_mass", "export_mass")


@dataclass(frozen=True)
class Layout:
    name: str
    headers: dict[str, tuple[str, ...]]
    required: tuple[str, ...]  # "a|b": either
    constants: dict = field(default_factory=dict)  # reporter, currency, value_scale, mass_unit…
    flows: dict = field(default_factory=dict)  # the layout's own flow codes -> import/export
    countries: str = "comtrade"  # how numeric country codes read ("comtrade" or "none")
    reconciled: bool = False  # exporter and importer, no reporter (BACI)
    keep_odd_codes: bool = False  # Taiwan's 11-digit CCC codes

    def match(self, columns: list[str]) -> dict[str, str]:
        """field -> the file's column, for the fields this layout finds."""
        keys = {key(c): c for c in columns}
        found = {}
        for name, candidates in self.headers.items():
            for cand in candidates:
                hit = _find(cand, keys)
                if hit is not None:
                    found[name] = hit
                    break
        return found

    def alternatives(self, columns: list[str], name: str) -> list[str]:
        """Every column holding ``name`` in some form (an ISO code, then a name), in order."""
        keys = {key(c): c for c in columns}
        hits = [_find(cand, keys) for cand in self.headers.get(name, ())]
        return list(dict.fromkeys(h for h in hits if h is not None))

    def missing(self, found: dict[str, str]) -> list[str]:
        return [r for r in self.required if not any(a in found for a in r.split("|"))]


def _find(candidate: str, keys: dict[str, str]) -> str | None:
    if candidate.startswith("~"):
        rx = re.compile(candidate[1:])
        return next((col for k, col in keys.items() if rx.search(k)), None)
    return keys.get(candidate)


COMTRADE_FLOWS = {"1": "import", "2": "export", "3": "skip", "4": "skip"}
HMRC_FLOWS = {"1": "import", "2": "export", "3": "import", "4": "export"}
COMEXT_FLOWS = {"1": "import", "2": "export"}

LAYOUTS = (
    Layout("BACI", {"year": ("t",), "code": ("k",), "value": ("v",), "net_mass": ("q",),
                    "exporter": ("i", "exporter"), "importer": ("j", "importer")},
           ("year", "code", "value", "net_mass", "exporter", "importer"),
           {"currency": "USD", "value_scale": 1000.0, "mass_unit": "t"}, reconciled=True),
    Layout("BACI-long", {"year": ("year",), "exporter": ("exporteriso3",),
                         "importer": ("importeriso3",),
                         "net_mass": ("quantitymetrictonnes",)},
           ("year", "exporter", "importer", "net_mass"),
           {"mass_unit": "t", "code": "3915"}, reconciled=True),
    Layout("UK HMRC OTS",
           {"code": ("cn8", "cn8code", "comcode", "commodityid"),
            "period": ("monthid", "period"), "year": ("year",), "month": ("month",),
            "flow": ("flowtype", "flowtypedescription", "flowtypeid"),
            "partner": ("countrycodealpha", "country", "countryname", "countrydescription",
                        "countryid"),
            "value": ("value", "valuegbp"), "net_mass": ("netmass", "netmasskg"),
            "supp_quantity": ("suppunit", "suppunits")},
           ("code", "flow", "partner", "net_mass", "year|period"),
           {"reporter": "GBR", "currency": "GBP", "mass_unit": "kg"}, HMRC_FLOWS, "none"),
    Layout("Eurostat Comext",
           {"reporter": ("declarantiso", "reporteriso", "declarant", "reporter"),
            "partner": ("partneriso", "partner"), "code": ("productnc", "product", "productcn"),
            "flow": ("flow",), "period": ("period", "timeperiod"),
            "value": ("valueineuros", "valueeur", "valueineur"),
            "net_mass": ("quantityinkg", "quantitykg", "quantityin100kg"),
            "supp_quantity": ("supquantity", "quantitysupplunit", "quantityinsuppunits"),
            "supp_unit": ("suppunit", "supplunit")},
           ("reporter", "partner", "flow", "period", "value|net_mass"),
           {"currency": "EUR"}, COMEXT_FLOWS, "eurostat"),
    Layout("US Census (USA Trade Online)",
           {"code": ("commodity", "hscode", "ecommodity", "icommodity"),
            "partner": ("country", "ctyname"), "period": ("time",),
            "value": ("~^total.*value", "~^customs.*value", "~^(general|gen).*value",
                      "allvalmo", "genvalmo", "~value.*(us|usd)$", "~value"),
            "net_mass": ("~^total.*(swt|shippingweight)", "shippingweightkg",
                         "~(swt|shippingweight).*kg", "~weight.*kg"),
            "supp_quantity": ("~quantity1$", "~^quantity$", "qty1mo", "genqy1mo"),
            "supp_unit": ("~unitofquantity1?$", "unitqy1")},
           ("code", "partner", "period", "value"),
           {"reporter": "USA", "currency": "USD", "mass_unit": "kg"}, {}, "none"),
    Layout("Taiwan customs",
           {"code": ("貨品號列", "貨品分類號列", "稅則號別", "ccccode", "號列"),
            "partner": ("國家", "國家名稱", "國別", "country", "countryname"),
            "period": ("日期", "年月", "期間", "統計期間", "時間", "date", "period", "年"),
            "flow": ("進出口別", "貿易別", "importexport", "flow"),
            "net_mass": ("重量公斤", "~^重量(?!單位)", "~^weight(?!unit)"),
            "net_mass_unit": ("重量單位", "weightunit"),
            "value": ("~^價值", "~^金額", "~^value", "~^(新臺幣|新台幣|美元)"),
            "supp_quantity": ("數量", "quantity"), "supp_unit": ("數量單位", "單位", "unit")},
           ("code", "period", "value|net_mass"),
           {"reporter": "TWN"}, {}, "none", keep_odd_codes=True),
    Layout("Comtrade",
           {"period": ("period",), "year": ("refyear", "year"), "month": ("refmonth", "month"),
            "reporter": ("reporteriso", "reporter", "reporterdesc", "reportercode"),
            "partner": ("partneriso", "partner", "partnerdesc", "partnercode"),
            "flow": ("flowcode", "tradeflowcode", "rgcode", "tradeflow", "flow", "flowdesc",
                     "rgdesc"),
            "code": ("cmdcode", "commoditycode", "hscode", "hs", "cmd"),
            "net_mass": ("netwgt", "netweightkg", "netweight"),
            "value": ("primaryvalue", "tradevalueus", "tradevalueusd"),
            "supp_quantity": ("qty",), "supp_unit": ("qtyunitabbr", "qtyunit")},
           ("year|period", "reporter", "flow", "net_mass|value"),
           {"currency": "USD", "mass_unit": "kg"}, COMTRADE_FLOWS),
    Layout("reporter totals",
           {"reporter": ("entity", "country", "reporter", "countryname", "國家", "economy"),
            "year": ("year", "refyear", "年"),
            "import_mass": ("~(?<!re)imports?(kg|t|tonnes|tons)?$",),
            "export_mass": ("~(?<!re)exports?(kg|t|tonnes|tons)?$",)},
           ("reporter", "year", "import_mass|export_mass")),
)
BY_NAME = {lay.name.lower(): lay for lay in LAYOUTS}
# Our World in Data's plastic-waste table gives tonnes (its datapackage.json says so)
OWID_TONNES = re.compile(r"^plasticwaste(im|ex)ports$")


WORDS = {"reporter": "a reporter", "partner": "a partner", "exporter": "an exporter",
         "importer": "an importer", "flow": "a flow (import/export)", "year": "a year",
         "period": "a period", "code": "a commodity code", "net_mass": "a net mass",
         "value": "a value", "import_mass": "imports", "export_mass": "exports"}


def closest(columns: list[str]) -> tuple[Layout, list[str]]:
    """The layout that finds the largest part of its required fields, and what it lacks (in
    words: "a year or a period")."""
    def found(lay: Layout) -> tuple[float, int]:
        n = len(lay.required) - len(lay.missing(lay.match(columns)))
        return n / len(lay.required), n

    best = max(LAYOUTS, key=found)
    return best, [" or ".join(WORDS.get(a, a) for a in r.split("|"))
                  for r in best.missing(best.match(columns))]


def detect(columns: list[str]) -> tuple[Layout, dict[str, str]] | None:
    for lay in LAYOUTS:
        found = lay.match(columns)
        if not lay.missing(found):
            return lay, found
    return None


def is_header(cells: list[str]) -> bool:
    return len([c for c in cells if c]) >= 3 and detect(cells) is not None
