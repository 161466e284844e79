"""Legitimate trade of the risk world (casedb.synth.risk_world): ports, prices, seasonal routes
before and after China's ban and the Basel plastic amendments, shippers with their own habits;
drawn in columns (numpy), so a million declarations cost seconds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import polars as pl

START, END = dt.date(2016, 1, 1), dt.date(2021, 12, 31)
CHINA_BAN, BASEL_PLASTICS = dt.date(2018, 1, 1), dt.date(2021, 1, 1)
EXPORTERS = {"GBR": ("GBFXT", "GBSOU"), "USA": ("USLAX", "USOAK"), "JPN": ("JPYOK", "JPTYO"),
             "DEU": ("DEHAM",), "NLD": ("NLRTM",), "AUS": ("AUMEL",), "TWN": ("TWKHH", "TWKEL")}
IMPORTERS = {"CHN": ("CNNGB", "CNSHA", "CNYTN"), "HKG": ("HKHKG",), "MYS": ("MYPKG", "MYPEN"),
             "VNM": ("VNHPH", "VNSGN"), "THA": ("THLCH",), "IDN": ("IDJKT", "IDSUB"),
             "TUR": ("TRMER", "TRAMR"), "IND": ("INNSA", "INMUN")}
SHARES = ({"CHN": 55, "HKG": 20, "MYS": 5, "VNM": 6, "THA": 5, "IDN": 3, "TUR": 2, "IND": 4},
          {"CHN": 3, "HKG": 8, "MYS": 30, "VNM": 18, "THA": 14, "IDN": 12, "TUR": 8, "IND": 7},
          {"CHN": 2, "HKG": 5, "MYS": 16, "VNM": 8, "THA": 5, "IDN": 24, "TUR": 22, "IND": 18})
# HS6: (USD per kg, description); waste codes and the product codes they hide under
PRICES = {"391510": (0.30, "PE scrap"), "391520": (0.25, "PS scrap"),
          "391530": (0.20, "PVC scrap"), "391590": (0.15, "Plastic scrap, mixed"),
          "390110": (1.20, "Polyethylene, primary forms"), "392010": (2.10, "PE film and sheet"),
          "720449": (0.35, "Ferrous scrap"), "740400": (6.00, "Copper scrap"),
          "760200": (1.40, "Aluminium scrap"), "470790": (0.12, "Recovered paper, mixed"),
          "854900": (0.90, "E-waste"), "847330": (12.0, "Computer parts"),
          "262019": (0.20, "Zinc ash")}
LEGIT_GOODS = ("391510", "391520", "391530", "391590", "720449", "740400", "760200", "470790",
               "854900", "262019", "390110", "392010")
TRANSIT_HUBS = ("SGSIN", "HKHKG", "TWKHH", "LKCMB", "AEJEA", "KRPUS", "MTMAR", "ESALG")
EUR_PER_USD = 0.9
LEGAL = {"GBR": "Ltd", "USA": "Inc.", "JPN": "Co., Ltd.", "DEU": "GmbH", "NLD": "B.V.",
         "AUS": "Pty Ltd", "TWN": "Co., Ltd.", "MYS": "Sdn Bhd", "VNM": "Co., Ltd.",
         "THA": "Co., Ltd.", "IDN": "Tbk", "TUR": "A.S.", "IND": "Pvt Ltd", "CHN": "Co., Ltd.",
         "HKG": "Limited", "SGP": "Pte Ltd"}
WORDS = ("Northern", "Pacific", "Green", "Golden", "United", "Harbour", "Orient", "Prime",
         "Delta", "Phoenix", "Summit", "Eastern", "Silver", "Apex", "Coastal", "Sunrise")
TRADES = ("Polymer", "Recycling", "Resources", "Materials", "Metals", "Trading", "Eco")


@dataclass
class RiskWorld:
    parties: list[dict] = field(default_factory=list)  # name, country, address, phone, ...
    declarations: pl.DataFrame | None = None
    truth: dict = field(default_factory=dict)


class Parties:
    """Companies of the world, by index; shells may share a phone or an address."""

    def __init__(self, rng: np.random.Generator):
        self.rng, self.rows = rng, []

    def add(self, country: str, *, phone: str | None = None, address: str | None = None,
            role: str = "trader") -> int:
        i = len(self.rows)
        r = self.rng
        name = f"{WORDS[i % len(WORDS)]} {TRADES[i // 16 % len(TRADES)]} {i:06d} {LEGAL[country]}"
        self.rows.append({
            "name": name, "country": country, "role": role,
            "address": address or f"No. {r.integers(1, 400)}, Unit {i}, Harbour Road, {country}",
            "phone": phone or f"+{r.integers(10, 99)} {r.integers(2, 9)} {i:07d}",
            "email": f"office{i}@firm{i}.example", "tax_id": f"{country[:2]}{10_000_000 + i}"})
        return i


def _period(days: np.ndarray) -> np.ndarray:
    base = START.toordinal()
    cuts = np.array([CHINA_BAN.toordinal() - base, dt.date(2018, 7, 1).toordinal() - base])
    return np.searchsorted(cuts, days, side="right")


def _price(hs: np.ndarray, origin: np.ndarray, days: np.ndarray, rng) -> np.ndarray:
    base = np.array([PRICES[h][0] for h in hs])
    factor = {c: 0.85 + 0.05 * i for i, c in enumerate(EXPORTERS)}
    drift = 1.0 + 0.04 * days / 365.0  # prices drift up slowly
    return base * np.array([factor[c] for c in origin]) * drift * rng.lognormal(0, 0.15, len(hs))


def legit_trade(n: int, parties: Parties, rng: np.random.Generator) -> pl.DataFrame:
    """``n`` declarations of regular traders, in columns."""
    n_ship, n_cons = max(40, n // 80), max(30, n // 100)
    countries = list(EXPORTERS)
    ship_country = rng.choice(countries, n_ship)
    shippers = np.array([parties.add(c) for c in ship_country])
    dests = list(IMPORTERS)
    cons_country = np.array(dests * (n_cons // len(dests) + 1))[:n_cons]
    consignees = np.array([parties.add(c) for c in cons_country])
    brokers = np.array([parties.add("TWN", role="broker") for _ in range(max(5, n // 4000))])
    forwarders = np.array([parties.add("HKG", role="forwarder") for _ in range(max(5, n // 3000))])
    activity = rng.pareto(1.5, n_ship) + 0.2
    s = rng.choice(n_ship, n, p=activity / activity.sum())
    goods = rng.choice(LEGIT_GOODS, (n_ship, 2))
    hs = goods[s, rng.integers(0, 2, n)]
    mean_kg = rng.uniform(6_000, 24_000, n_ship)
    kg = np.clip(rng.normal(mean_kg[s], mean_kg[s] * 0.12), 500, 28_000).round()
    days = rng.integers(0, (END - START).days + 1, n)
    period = _period(days)
    dest = np.empty(n, dtype=object)
    for p, shares in enumerate(SHARES):
        idx = np.flatnonzero(period == p)
        w = np.array(list(shares.values()), dtype=float)
        dest[idx] = rng.choice(dests, len(idx), p=w / w.sum())
    origin = ship_country[s]
    cons, pol, pod = np.zeros(n, dtype=np.int64), np.empty(n, dtype=object), dest.copy()
    for c in dests:
        idx = np.flatnonzero(dest == c)
        cons[idx] = rng.choice(consignees[cons_country == c], len(idx))
        pod[idx] = rng.choice(IMPORTERS[c], len(idx))
    for c, ports in EXPORTERS.items():
        idx = np.flatnonzero(origin == c)
        pol[idx] = np.array(ports)[shippers[s[idx]] % len(ports)]  # a shipper's home port
    price = _price(hs, origin, days, rng)
    return pl.DataFrame({
        "day": days, "hs_code": hs, "gross_weight_kg": kg, "declared_value": (kg * price).round(2),
        "currency": "USD", "port_of_loading": pol.astype(str), "port_of_discharge": pod.astype(str),
        "port_of_transshipment": pl.Series(_legit_transit(pol, pod.astype(str), period, rng).tolist(), dtype=pl.Utf8),
        "country_of_origin": origin, "country_of_export": origin,
        "country_of_destination": dest.astype(str), "shipper": shippers[s], "consignee": cons,
        "broker": rng.choice(brokers, n),
        "notify": np.where(rng.random(n) < 0.3, rng.choice(forwarders, n), -1)})


def _legit_transit(pol: np.ndarray, pod: np.ndarray, period: np.ndarray, rng) -> np.ndarray:
    """A quarter of the sailings after the ban call at a hub on their way (a detour of 15% at
    most over the great circle), as liner services do."""
    from .risk_geo import on_the_way

    out = np.full(len(pol), None, dtype=object)
    pick = np.flatnonzero((period >= 1) & (rng.random(len(pol)) < 0.25))
    for i in pick:
        hubs = on_the_way(str(pol[i]), str(pod[i]))
        if hubs:
            out[i] = hubs[int(rng.integers(0, len(hubs)))]
    return out
