"""Planted patterns: split-shipment rings through shells, decoys that must not be flagged, and
seizure cases linked by containers, sailings, bills of lading and name variants."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .entities import Company
from .world import Builder

ABC_VARIANTS = ("ABC Recycling Co., Ltd.", "A.B.C. RECYCLING CO LTD",
                "Abc Recyling Company Limited")


def _shells(b: Builder, country: str, n: int, *, phone=None, address=None) -> list[Company]:
    return [b.f.company(country, phone=phone, address=address) for _ in range(n)]


@dataclass(frozen=True)
class RingPlan:
    name: str
    start: dt.date
    days: int
    n: int
    threshold: float
    hs_codes: tuple
    goods: str
    ports: tuple
    shared: str


def _ring(b: Builder, plan: RingPlan, shells: list[Company], consignees: list[Company]) -> dict:
    r = b.rng
    recs = []
    for i in range(plan.n):
        day = plan.start + dt.timedelta(days=round(i * plan.days / (plan.n - 1)))
        recs.append(b.declaration(
            day, shells[i % len(shells)], consignees[i % len(consignees)],
            (plan.hs_codes[i % len(plan.hs_codes)], plan.goods),
            plan.threshold * r.uniform(0.92, 0.998), pod=plan.ports[i % len(plan.ports)],
            planted=f"ring {plan.name}"))
    ring = {"name": plan.name, "declarations": [x["declaration_no"] for x in recs],
            "shippers": [s.name for s in shells], "consignees": [c.name for c in consignees],
            "threshold_kg": plan.threshold, "shared": plan.shared}
    b.world.truth["rings"].append(ring)
    return ring


def plant_rings(b: Builder) -> list[dict]:
    phone_a = "+44 161 555 0199"
    addr_b = "No. 88, Lane 5, Sec. 2, Zhongshan Road, Kaohsiung"
    ring_a = _ring(b, RingPlan("A", dt.date(2019, 3, 4), 23, 11, 25_000, ("391590",),
                               "Mixed plastic scrap", ("MYPKG", "MYPEN", "MYTPP"),
                               f"phone {phone_a}"),
                   _shells(b, "GBR", 3, phone=phone_a), [b.f.company("MYS")])
    ring_b = _ring(b, RingPlan("B", dt.date(2022, 9, 12), 30, 8, 10_000, ("854900", "847330"),
                               "Used computer parts", ("VNHPH", "VNSGN"), f"address {addr_b}"),
                   _shells(b, "TWN", 4, address=addr_b), [b.f.company("VNM"), b.f.company("VNM")])
    phone_c = "+81 45 555 0123"
    ring_c = _ring(b, RingPlan("C", dt.date(2023, 5, 8), 33, 9, 5_000, ("391510", "390110"),
                               "Polyethylene", ("IDJKT", "IDSUB"), f"phone {phone_c}"),
                   _shells(b, "JPN", 3, phone=phone_c), [b.f.company("IDN")])
    return [ring_a, ring_b, ring_c]


def plant_decoys(b: Builder) -> None:
    r = b.rng
    regular, buyer = b.f.company("GBR"), b.f.company("MYS")
    day, nos = dt.date(2019, 1, 7), []
    while day < dt.date(2022, 1, 1):
        nos.append(b.declaration(day, regular, buyer, ("391510", "PE film scrap"),
                                 r.uniform(22_000, 24_000), planted="decoy")["declaration_no"])
        day += dt.timedelta(days=7)
    b.world.truth["decoys"].append({"kind": "regular weekly shipper", "shipper": regular.name,
                                    "declarations": nos})
    big, big_buyer = b.f.company("USA"), b.f.company("TUR")
    one = b.declaration(dt.date(2021, 6, 15), big, big_buyer, ("720449", "HMS 1&2"), 260_000)
    b.world.truth["decoys"].append({"kind": "one-off large consignment", "shipper": big.name,
                                    "declarations": [one["declaration_no"]]})
    trader, trader_buyer = b.f.company("JPN"), b.f.company("VNM")
    ubc = ("760200", "UBC scrap")
    nos = []
    for month in range(2016, 2024):
        nos.append(b.declaration(dt.date(month, 3, 1), trader, trader_buyer, ubc,
                                 r.uniform(15_000, 24_000))["declaration_no"])
    for i in range(14):
        nos.append(b.declaration(dt.date(2020, 11, 2) + dt.timedelta(days=i * 1.5), trader,
                                 trader_buyer, ubc, r.uniform(6_000, 26_000))["declaration_no"])
    b.world.truth["decoys"].append({"kind": "legitimate burst of a big trader",
                                    "shipper": trader.name, "declarations": nos})


class Cases:
    """Seizure cases over the records, with planted links."""

    def __init__(self, b: Builder):
        self.b = b
        self.n = 0
        self.cases: dict[str, list[dict]] = {}

    def new(self, records: list[dict], **seizure) -> str:
        self.n += 1
        date = records[0]["declaration_date"]
        port = records[0]["port_of_loading"] if records[0]["country_of_export"] == "TWN" else "TWKHH"
        ref = f"{port}-{date.year}-{self.n * 7 + 100:04d}"
        first = records[0]
        title = (f"{seizure.get('offence') or 'Suspected illegal waste shipment'}: "
                 f"{first['goods_description'].lower()}, "
                 f"{first['country_of_export']} to {first['country_of_destination']}")
        for rec in records:
            rec["case_ref"] = ref
            rec["case_title"] = title
            rec["seizure_date"] = rec["declaration_date"] + dt.timedelta(days=self.b.rng.randint(3, 12))
            rec["quantity_seized_kg"] = rec["gross_weight_kg"]
            rec.update(seizure)
        self.cases[ref] = records
        return ref


def plant_cases(b: Builder, rings: list[dict]) -> None:
    r, cases, truth = b.rng, Cases(b), b.world.truth
    by_no = {x["declaration_no"]: x for x in b.world.records}
    for ring in rings:  # two cases per ring, linked through the shells' shared identifier
        decls = [by_no[n] for n in ring["declarations"]]
        a = cases.new(decls[:2], offence="Split shipment below permit threshold",
                      detection_method="Risk profiling", outcome="under investigation",
                      basel_code="Y48", waste_category="Plastic waste")
        c = cases.new(decls[-2:], offence="Undeclared hazardous waste", basel_code="A1180",
                      detection_method="Container scan", outcome="referred",
                      waste_category="E-waste" if ring["name"] == "B" else "Plastic waste")
        truth["linked_pairs"].append({"cases": [a, c], "kind": "shared " + ring["shared"].split()[0]})
    legit = [x for x in b.world.records if "case_ref" not in x and "planted" not in x
             and x["hs_code"].startswith("3915")]
    r.shuffle(legit)

    def fresh(rec: dict) -> dict:  # case parties of their own, so the planted links are the truth
        rec["shipper"] = b.f.company(rec["shipper"].country)
        rec["consignee"] = b.f.company(rec["consignee"].country)
        rec["broker"] = "Harbour Gate Customs Brokers Co., Ltd."
        return rec

    pool = (fresh(x) for x in legit)

    def pair(kind: str, tie) -> None:
        x, y = next(pool), next(pool)
        tie(x, y)
        truth["linked_pairs"].append({"cases": [cases.new([x], offence="Misdeclared goods"),
                                                cases.new([y], offence="No Basel PIC")],
                                      "kind": kind})

    pair("shared container", lambda x, y: y["containers"].append(x["containers"][0]))
    pair("shared sailing", lambda x, y: y.update(vessel_name=x["vessel_name"],
                                                 vessel_imo=x["vessel_imo"],
                                                 voyage_no=x["voyage_no"]))
    pair("shared bill of lading", lambda x, y: y.update(bl_no=x["bl_no"]))
    abc = [next(pool) for _ in range(3)]
    abc_company = b.f.company("TWN", name=ABC_VARIANTS[0])
    refs = []
    for rec, variant in zip(abc, ABC_VARIANTS, strict=True):
        rec["shipper"] = abc_company
        rec["shipper_name_as_written"] = variant
        refs.append(cases.new([rec], offence="Falsified permit"))
    truth["name_variants"].append({"party": ABC_VARIANTS[0], "variants": list(ABC_VARIANTS),
                                   "cases": refs})
    truth["linked_pairs"] += [{"cases": [refs[i], refs[j]], "kind": "shared party (name variant)"}
                              for i, j in ((0, 1), (0, 2), (1, 2))]
    broker = "Lone Harbour Customs Brokers Ltd"
    x, y = next(pool), next(pool)
    x["broker"] = y["broker"] = broker
    truth["weak_pairs"].append({"cases": [cases.new([x]), cases.new([y])], "kind": "broker only"})
    for _ in range(20):  # isolated cases
        cases.new([next(pool)], offence=r.choice(("Misdeclared goods", "No Basel PIC",
                                                  "Contaminated bales")),
                  detection_method=r.choice(("Physical inspection", "Container scan", "Tip-off")))
    truth["cases"] = sorted(cases.cases)
