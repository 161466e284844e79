"""The synthetic world: declarations as canonical records, seizure cases, and the planted truth.

Everything is drawn from one seeded ``random.Random``, so a seed gives the same world."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .entities import Company, Factory, vessels

START, END = dt.date(2016, 1, 1), dt.date(2024, 12, 31)
ENFORCEMENT = dt.date(2018, 1, 1)  # China's National Sword import ban
SECOND_WAVE = dt.date(2018, 7, 1)  # Malaysia, Thailand, Viet Nam restrict imports
EXPORTERS = ("GBR", "USA", "JPN", "DEU", "NLD", "AUS", "TWN")
IMPORTERS = ("CHN", "HKG", "MYS", "VNM", "THA", "IDN", "TUR", "IND")
PORTS = {"GBR": ("GBFXT", "GBSOU"), "USA": ("USLAX", "USOAK"), "JPN": ("JPYOK", "JPTYO"),
         "DEU": ("DEHAM",), "NLD": ("NLRTM",), "AUS": ("AUMEL",), "TWN": ("TWKHH", "TWKEL"),
         "CHN": ("CNNGB", "CNSHA", "CNYTN"), "HKG": ("HKHKG",), "MYS": ("MYPKG", "MYPEN"),
         "VNM": ("VNHPH", "VNSGN"), "THA": ("THLCH",), "IDN": ("IDJKT", "IDSUB"),
         "TUR": ("TRMER", "TRAMR"), "IND": ("INNSA", "INMUN")}
SHARE_BEFORE = {"CHN": 55, "HKG": 20, "MYS": 5, "VNM": 6, "THA": 5, "IDN": 3, "TUR": 2, "IND": 4}
SHARE_BAN = {"CHN": 4, "HKG": 10, "MYS": 32, "VNM": 20, "THA": 16, "IDN": 8, "TUR": 6, "IND": 4}
SHARE_AFTER = {"CHN": 2, "HKG": 5, "MYS": 18, "VNM": 8, "THA": 5, "IDN": 24, "TUR": 22, "IND": 16}
GOODS = (("391590", "Plastic scrap, mixed"), ("391510", "PE film scrap, baled"),
         ("391520", "PS scrap"), ("391530", "PVC scrap"), ("720449", "Ferrous scrap, HMS 1&2"),
         ("740400", "Copper scrap"), ("760200", "Aluminium scrap, UBC"),
         ("470790", "Recovered paper, mixed"))
BROKERS_TW = ("Kaohsiung Harbour Customs Brokerage Co., Ltd.", "Formosa Customs Agency Co., Ltd.",
              "Southern Star Declarations Co., Ltd.")


@dataclass
class World:
    records: list[dict] = field(default_factory=list)  # canonical field -> value
    truth: dict = field(default_factory=dict)


class Builder:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.f = Factory(self.rng)
        self.vessels = vessels(self.rng)
        self.world = World(truth={"seed": seed, "rings": [], "decoys": [], "linked_pairs": [],
                                  "weak_pairs": [], "name_variants": [], "route_shift": {}})
        self.exporters = {c: [self.f.company(c) for _ in range(5)] for c in EXPORTERS}
        self.importers = {c: [self.f.company(c) for _ in range(4)] for c in IMPORTERS}
        self._seq = 0

    # -- declarations ------------------------------------------------------------------------
    def next_no(self, year: int) -> str:
        self._seq += 1
        return f"BE/{year % 100:02d}/{self._seq:06d}"

    def declaration(self, date: dt.date, shipper: Company, consignee: Company,
                    goods: tuple[str, str], kg: float, **extra) -> dict:
        """A declaration record; ``extra`` may set pod, transit or any canonical field."""
        r = self.rng
        hs, goods_text = goods
        pod, transit = extra.pop("pod", None), extra.pop("transit", None)
        vessel, imo = r.choice(self.vessels)
        rec = {
            "declaration_no": self.next_no(date.year), "declaration_date": date,
            "direction": "export", "hs_code": hs, "goods_description": goods_text,
            "gross_weight_kg": float(round(kg)),
            "net_weight_kg": round(kg * r.uniform(0.96, 0.99), 1),
            "declared_value": round(kg * r.uniform(0.05, 0.3), 2), "currency": "USD",
            "bl_no": f"KHH{date.year}{r.randint(100000, 999999)}", "vessel_name": vessel,
            "vessel_imo": imo, "voyage_no": f"{r.randint(100, 999)}{r.choice('EWNS')}",
            "port_of_loading": r.choice(PORTS[shipper.country]),
            "port_of_transshipment": transit,
            "port_of_discharge": pod or r.choice(PORTS[consignee.country]),
            "country_of_origin": shipper.country, "country_of_export": shipper.country,
            "country_of_destination": consignee.country,
            "containers": [self.f.container() for _ in range(max(1, round(kg / 22_000)))][:6],
            "shipper": shipper, "consignee": consignee, "broker": r.choice(BROKERS_TW),
        }
        rec.update(extra)
        self.world.records.append(rec)
        return rec

    def legit_trade(self, per_month: int) -> None:
        r = self.rng
        month = START
        while month <= END:
            shares = SHARE_BEFORE if month < ENFORCEMENT else (
                SHARE_BAN if month < SECOND_WAVE else SHARE_AFTER)
            for _ in range(per_month):
                dest = r.choices(list(shares), weights=list(shares.values()))[0]
                exp = r.choice(EXPORTERS)
                goods = r.choice(GOODS)
                transit = r.choice(("SGSIN", "HKHKG", "TWKHH")) if (
                    month >= ENFORCEMENT and r.random() < 0.25) else None
                day = month + dt.timedelta(days=r.randint(0, 27))
                self.declaration(day, r.choice(self.exporters[exp]), r.choice(self.importers[dest]),
                                 goods, r.uniform(8_000, 26_000), transit=transit)
            month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        self.world.truth["route_shift"] = {
            "event": ENFORCEMENT.isoformat(), "hs": "3915",
            "before": "most plastic scrap to CHN and HKG",
            "after": "to MYS, VNM and THA in 2018 H1, then IDN, TUR and IND",
            "transit_ports_after": ["SGSIN", "HKHKG", "TWKHH"]}
