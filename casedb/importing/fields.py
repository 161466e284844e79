"""The canonical fields an imported spreadsheet column can map to.

This is the shared vocabulary of the import pipeline: readers and the header mapper produce
columns mapped to these names; the loader turns them into declarations, parties and seizures.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    TEXT = "text"
    DATE = "date"
    WEIGHT = "weight"  # a quantity in kg after unit conversion
    NUMBER = "number"
    HS = "hs"
    COUNTRY = "country"  # ISO 3166 alpha-3 after normalisation
    PORT = "port"  # UN/LOCODE after normalisation
    CONTAINERS = "containers"  # list of ISO 6346 numbers
    IMO = "imo"
    PHONE = "phone"
    EMAIL = "email"
    DIRECTION = "direction"  # import | export | transit


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    group: str  # declaration | party | seizure | case


def _f(name: str, kind: Kind, group: str) -> Field:
    return Field(name, kind, group)


PARTY_ROLES = ("shipper", "consignee", "broker", "forwarder", "notify")
PARTY_ATTRS = {
    "name": Kind.TEXT,
    "address": Kind.TEXT,
    "phone": Kind.PHONE,
    "email": Kind.EMAIL,
    "tax_id": Kind.TEXT,
    "country": Kind.COUNTRY,
}

_DECLARATION = [
    _f("authority", Kind.TEXT, "declaration"),  # issuing customs authority / office
    _f("declaration_no", Kind.TEXT, "declaration"),
    _f("declaration_date", Kind.DATE, "declaration"),
    _f("item_no", Kind.TEXT, "declaration"),  # a line of a declaration with several items
    _f("direction", Kind.DIRECTION, "declaration"),
    _f("hs_code", Kind.HS, "declaration"),
    _f("goods_description", Kind.TEXT, "declaration"),
    _f("gross_weight_kg", Kind.WEIGHT, "declaration"),
    _f("net_weight_kg", Kind.WEIGHT, "declaration"),
    _f("weight_unit", Kind.TEXT, "declaration"),  # a row's weight unit (KG, LB, MT): converts
    _f("net_weight_unit", Kind.TEXT, "declaration"),  # the net weight's own, beside gross's
    _f("declared_value", Kind.NUMBER, "declaration"),
    _f("currency", Kind.TEXT, "declaration"),
    _f("permit_no", Kind.TEXT, "declaration"),
    _f("bl_no", Kind.TEXT, "declaration"),
    _f("vessel_name", Kind.TEXT, "declaration"),
    _f("vessel_imo", Kind.IMO, "declaration"),
    _f("voyage_no", Kind.TEXT, "declaration"),
    _f("port_of_loading", Kind.PORT, "declaration"),
    _f("port_of_transshipment", Kind.PORT, "declaration"),
    _f("port_of_discharge", Kind.PORT, "declaration"),
    _f("country_of_origin", Kind.COUNTRY, "declaration"),
    _f("country_of_export", Kind.COUNTRY, "declaration"),
    _f("country_of_destination", Kind.COUNTRY, "declaration"),
    _f("containers", Kind.CONTAINERS, "declaration"),
]

# China's 报关单 names its two traders by side, not by role: the domestic one (境内收发货人) ships
# an export and receives an import; the overseas one (境外收发货人) the other way round; so does
# a Mexican pedimento (Importador/Exportador with its RFC, Proveedor/Comprador). They become
# shipper and consignee by each row's direction (row_outcome.traders_by_direction).
_TRADERS = [_f(f"{side}_trader_{attr}", Kind.TEXT, "party")
            for side in ("domestic", "foreign") for attr in ("name", "tax_id")]

_PARTIES = [
    _f(f"{role}_{attr}", kind, "party") for role in PARTY_ROLES for attr, kind in PARTY_ATTRS.items()
]

_SEIZURE = [
    _f("case_ref", Kind.TEXT, "case"),
    _f("case_title", Kind.TEXT, "case"),
    _f("seizure_date", Kind.DATE, "seizure"),
    _f("quantity_seized_kg", Kind.WEIGHT, "seizure"),
    _f("waste_category", Kind.TEXT, "seizure"),
    _f("basel_code", Kind.TEXT, "seizure"),
    _f("offence", Kind.TEXT, "seizure"),
    _f("detection_method", Kind.TEXT, "seizure"),
    _f("outcome", Kind.TEXT, "seizure"),
]

FIELDS: dict[str, Field] = {f.name: f for f in (*_DECLARATION, *_PARTIES, *_TRADERS, *_SEIZURE)}


def field(name: str) -> Field:
    return FIELDS[name]
