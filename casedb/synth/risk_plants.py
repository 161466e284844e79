"""The typologies planted in the risk world, and the decoys that must not be flagged.

Each planted row carries ``tag`` ("illicit:<typology>" or "decoy:<kind>") and ``instance`` (one
ring, one switch...). Typologies share the illicit budget equally, at least one instance each:

- scatter-gather: 3-5 shells (half of the rings share a phone; the others share nothing) spread
  one consignment over 6-12 declarations kept under a threshold, converging on one consignee;
- fan-in: several shippers, some of them established, declare under a threshold to one new
  notify party or broker within weeks, to different consignees;
- fan-out: one new shipper spreads sub-threshold loads over many new consignees;
- stack: a shell ships to a forwarder, which ships the same load on to another, then to the
  buyer (same weight within 2%, days apart);
- hs-switch: after an enforcement date an established plastic-scrap shipper declares the same
  goods as film (3920) or primary polyethylene (3901) at scrap prices;
- unit-value: a declaration priced far outside its code's usual range (under- or over-invoiced);
- transshipment: after an enforcement date a shipper's loads call at a hub off their way and
  hop between discharge countries.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from .risk_geo import out_of_the_way
from .risk_legit import BASEL_PLASTICS, CHINA_BAN, END, EXPORTERS, IMPORTERS, PRICES, START, Parties

TYPOLOGIES = ("scatter-gather", "fan-in", "fan-out", "stack", "hs-switch", "unit-value",
              "transshipment")
THRESHOLDS = (5_000.0, 7_500.0, 10_000.0, 17_000.0, 20_000.0, 25_000.0)
WASTE = ("391590", "391510", "854900", "262019", "391520")
SPAN = (END - START).days


class Planter:
    def __init__(self, parties: Parties, legit: pl.DataFrame, rng: np.random.Generator):
        self.parties, self.legit, self.rng = parties, legit, rng
        self.rows: list[dict] = []
        self.instances = 0
        self.brokers = legit["broker"].unique().sort().to_numpy()

    def row(self, day: int, shipper: int, consignee: int, hs: str, kg: float, **extra) -> dict:
        p = self.parties.rows
        origin = extra.pop("origin", p[shipper]["country"])
        dest = extra.pop("dest", p[consignee]["country"])
        price = extra.pop("price", PRICES[hs][0] * float(self.rng.lognormal(0, 0.1)))
        r = {"day": int(day), "hs_code": hs, "gross_weight_kg": float(round(kg)),
             "declared_value": round(kg * price, 2), "currency": "USD",
             "port_of_loading": extra.pop("pol", _port(EXPORTERS, IMPORTERS, origin, 0)),
             "port_of_discharge": extra.pop("pod", _port(IMPORTERS, EXPORTERS, dest, day)),
             "port_of_transshipment": None, "country_of_origin": origin,
             "country_of_export": origin, "country_of_destination": dest,
             "shipper": shipper, "consignee": consignee, "notify": -1,
             "broker": int(self.rng.choice(self.brokers))}
        r.update(extra)
        self.rows.append(r)
        return r

    def start(self, after=None, length: int = 60) -> int:
        first = (after - START).days if after else 365
        return int(self.rng.integers(first, SPAN - length))

    def new_instance(self) -> str:
        self.instances += 1
        return f"P{self.instances:05d}"

    def established(self, hs_prefix: str = "3915", before=CHINA_BAN) -> tuple[int, int, str]:
        """A legitimate shipper of these goods before the date, its consignee and code."""
        f = self.legit.filter(pl.col("hs_code").str.starts_with(hs_prefix)
                              & (pl.col("day") < (before - START).days))
        r = f.row(int(self.rng.integers(0, f.height)), named=True)
        return r["shipper"], r["consignee"], r["hs_code"]


def _port(table: dict, other: dict, country: str, salt: int) -> str:
    ports = table.get(country) or other.get(country)
    return ports[int(salt) % len(ports)]


def _under(p: Planter, threshold: float, n: int) -> np.ndarray:
    return threshold * p.rng.uniform(0.88, 0.995, n)


def scatter_gather(p: Planter) -> int:
    r = p.rng
    n, k, t = int(r.integers(6, 13)), int(r.integers(3, 6)), float(r.choice(THRESHOLDS))
    origin, dest = str(r.choice(list(EXPORTERS))), str(r.choice(["MYS", "VNM", "IDN", "TUR"]))
    shared = f"+44 161 555 {int(r.integers(1000, 9999))}" if r.random() < 0.5 else None
    shells = [p.parties.add(origin, phone=shared) for _ in range(k)]
    buyer = p.parties.add(dest)
    day0, days, hs, tag = p.start(), int(r.integers(20, 60)), str(r.choice(WASTE)), p.new_instance()
    pods = IMPORTERS[dest]
    for i, kg in enumerate(_under(p, t, n)):
        p.row(day0 + round(i * days / (n - 1)), shells[i % k], buyer, hs, kg,
              pod=pods[i % len(pods)], tag="illicit:scatter-gather", instance=tag)
    return n


def fan_in(p: Planter) -> int:
    r = p.rng
    n, t = int(r.integers(6, 13)), float(r.choice(THRESHOLDS))
    dest = str(r.choice(["MYS", "VNM", "IDN", "THA"]))
    hub_role = "notify" if r.random() < 0.5 else "broker"
    hub = p.parties.add(dest if hub_role == "notify" else "TWN", role=hub_role)
    senders = [p.parties.add(str(r.choice(list(EXPORTERS)))) for _ in range(3)]
    senders += [p.established()[0] for _ in range(2)]
    buyers = [p.parties.add(dest) for _ in range(int(r.integers(3, 6)))]
    day0, days, hs, tag = p.start(), int(r.integers(15, 45)), str(r.choice(WASTE)), p.new_instance()
    for i, kg in enumerate(_under(p, t, n)):
        extra = {"notify": hub} if hub_role == "notify" else {"broker": hub}
        p.row(day0 + round(i * days / (n - 1)), senders[i % len(senders)],
              buyers[i % len(buyers)], hs, kg, tag="illicit:fan-in", instance=tag, **extra)
    return n


def fan_out(p: Planter) -> int:
    r = p.rng
    n, t = int(r.integers(6, 11)), float(r.choice(THRESHOLDS))
    origin, dest = str(r.choice(list(EXPORTERS))), str(r.choice(["MYS", "VNM", "IDN", "IND"]))
    shipper = p.parties.add(origin)
    buyers = [p.parties.add(dest) for _ in range(n)]
    day0, days, hs, tag = p.start(), int(r.integers(15, 40)), str(r.choice(WASTE)), p.new_instance()
    for i, kg in enumerate(_under(p, t, n)):
        p.row(day0 + round(i * days / (n - 1)), shipper, buyers[i], hs, kg,
              tag="illicit:fan-out", instance=tag)
    return n


def stack(p: Planter) -> int:
    r = p.rng
    origin, dest = str(r.choice(list(EXPORTERS))), str(r.choice(["VNM", "IDN", "THA"]))
    shell, f1, f2 = p.parties.add(origin), p.parties.add("HKG"), p.parties.add("MYS")
    buyer = p.parties.add(dest)
    hs, tag, n = str(r.choice(WASTE)), p.new_instance(), 0
    day = p.start(length=120)
    for _ in range(int(r.integers(2, 4))):
        kg, d = float(r.uniform(8_000, 24_000)), day
        for a, b in ((shell, f1), (f1, f2), (f2, buyer)):
            p.row(d, a, b, hs, kg * float(r.uniform(0.99, 1.01)), tag="illicit:stack",
                  instance=tag)
            d += int(r.integers(3, 15))
            n += 1
        day += int(r.integers(10, 30))
    return n


def hs_switch(p: Planter) -> int:
    r = p.rng
    event = CHINA_BAN if r.random() < 0.5 else BASEL_PLASTICS
    shipper, buyer, _ = p.established("3915", event)
    code = str(r.choice(["392010", "390110"]))
    tag, n = p.new_instance(), int(r.integers(4, 9))
    day0 = (event - START).days + int(r.integers(10, 200))
    for i in range(n):
        p.row(min(day0 + i * int(r.integers(7, 30)), SPAN), shipper, buyer, code,
              float(r.uniform(10_000, 24_000)), price=float(r.uniform(0.12, 0.32)),
              tag="illicit:hs-switch", instance=tag)
    return n


def unit_value(p: Planter) -> int:
    r = p.rng
    f = p.legit.filter(pl.col("day") > 400)
    x = f.row(int(r.integers(0, f.height)), named=True)
    factor = float(r.choice([0.12, 0.2, 5.0, 8.0]))
    usual = x["declared_value"] / x["gross_weight_kg"]
    p.row(x["day"] + int(r.integers(0, 20)), x["shipper"], x["consignee"], x["hs_code"],
          x["gross_weight_kg"], price=usual * factor, pol=x["port_of_loading"],
          pod=x["port_of_discharge"], tag="illicit:unit-value", instance=p.new_instance())
    return 1


def transshipment(p: Planter) -> int:
    r = p.rng
    shipper, _, hs = p.established("3915", CHINA_BAN)
    origin = p.parties.rows[shipper]["country"]
    pol = EXPORTERS[origin][shipper % len(EXPORTERS[origin])]
    tag, n, day = p.new_instance(), int(r.integers(4, 9)), (CHINA_BAN - START).days + \
        int(r.integers(30, 900))
    for i in range(n):
        dest = str(r.choice(["MYS", "VNM", "IDN", "THA", "TUR", "IND"]))
        pod = IMPORTERS[dest][i % len(IMPORTERS[dest])]
        hubs = out_of_the_way(pol, pod)
        buyer = p.parties.add(dest)
        p.row(min(day, SPAN), shipper, buyer, hs, float(r.uniform(8_000, 24_000)), pol=pol,
              pod=pod, port_of_transshipment=hubs[0] if hubs else None,
              tag="illicit:transshipment", instance=tag)
        day += int(r.integers(10, 40))
    return n


PLANTS = {"scatter-gather": scatter_gather, "fan-in": fan_in, "fan-out": fan_out,
          "stack": stack, "hs-switch": hs_switch, "unit-value": unit_value,
          "transshipment": transshipment}


def decoys(p: Planter) -> None:
    """What a careless detector would flag: a regular weekly shipper just under 24 t, a one-off
    260 t consignment, a big trader's burst of ordinary loads, an honest switch to film sold at
    film prices."""
    r = p.rng
    weekly, buyer = p.parties.add("GBR"), p.parties.add("MYS")
    for day in range(400, min(400 + 7 * 104, SPAN), 7):
        p.row(day, weekly, buyer, "391510", float(r.uniform(22_000, 24_000)),
              tag="decoy:regular weekly shipper", instance="D1")
    big, big_buyer = p.parties.add("USA"), p.parties.add("TUR")
    p.row(SPAN // 2, big, big_buyer, "720449", 260_000.0, tag="decoy:one-off large consignment",
          instance="D2")
    trader, trader_buyer = p.parties.add("JPN"), p.parties.add("VNM")
    for year in range(6):
        p.row(60 + 365 * year, trader, trader_buyer, "760200", float(r.uniform(15_000, 24_000)),
              tag="decoy:big trader's burst", instance="D3")
    for i in range(14):
        p.row(SPAN // 3 + i + i // 2, trader, trader_buyer, "760200",
              float(r.uniform(6_000, 26_000)), tag="decoy:big trader's burst", instance="D3")
    honest, honest_buyer, _ = p.established("3915", BASEL_PLASTICS)
    for i in range(6):
        p.row((BASEL_PLASTICS - START).days + 20 + 30 * i, honest, honest_buyer, "392010",
              float(r.uniform(10_000, 20_000)), tag="decoy:honest switch to film",
              instance="D4")


def plant_all(world, parties: Parties, legit: pl.DataFrame, rng: np.random.Generator, *,
              budget: int) -> pl.DataFrame:
    p = Planter(parties, legit, rng)
    share = max(1, budget // len(PLANTS))
    for name, plant in PLANTS.items():
        done, first = 0, p.instances
        while done < share:
            done += plant(p)
        world.truth["instances"].append({"typology": name, "count": p.instances - first})
    decoys(p)
    return pl.DataFrame(p.rows, infer_schema_length=None)
