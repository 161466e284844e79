"""Normalisation of messy spreadsheet values: dates, weights, countries, ports, codes, names."""

from .containers import container_check_digit, normalize_container, split_containers
from .countries import country_iso3, country_name
from .dates import infer_date_order, parse_date
from .directions import direction_words, normalize_direction
from .hs import hs6, hs_family, normalize_hs
from .imo import normalize_imo
from .names import address_key, display_name, name_key, normalize_email, normalize_phone
from .ports import Port, port_info, port_locode, port_name, port_or_place, ports
from .weights import parse_weight_kg, unit_from_header

__all__ = [
    "container_check_digit", "normalize_container", "split_containers", "country_iso3",
    "country_name", "infer_date_order", "parse_date", "hs_family", "normalize_hs",
    "normalize_imo", "address_key", "display_name", "name_key", "normalize_email",
    "normalize_phone", "Port", "port_info", "port_locode", "port_name", "ports", "parse_weight_kg",
    "unit_from_header", "direction_words", "normalize_direction", "hs6", "port_or_place",
]
