"""Companies, vessels and identifiers of the synthetic world (valid check digits throughout)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..normalize.containers import container_check_digit

OWNER_CODES = ("MSCU", "TGHU", "CMAU", "OOLU", "EGHU", "HLXU", "TCNU", "SEGU", "BMOU", "FCIU")
LOCAL_PHONE = {"GBR": "+44 {a} {b}", "USA": "+1 {a} {b}", "JPN": "+81 {a} {b}",
               "DEU": "+49 {a} {b}", "NLD": "+31 {a} {b}", "AUS": "+61 {a} {b}",
               "TWN": "+886 {a} {b}", "MYS": "+60 {a} {b}", "VNM": "+84 {a} {b}",
               "THA": "+66 {a} {b}", "IDN": "+62 {a} {b}", "TUR": "+90 {a} {b}",
               "IND": "+91 {a} {b}", "CHN": "+86 {a} {b}", "HKG": "+852 {a} {b}"}
CITIES = {"GBR": "Manchester", "USA": "Oakland", "JPN": "Yokohama", "DEU": "Hamburg",
          "NLD": "Rotterdam", "AUS": "Melbourne", "TWN": "Kaohsiung", "MYS": "Klang",
          "VNM": "Hai Phong", "THA": "Chonburi", "IDN": "Jakarta", "TUR": "Mersin",
          "IND": "Mundra", "CHN": "Ningbo", "HKG": "Kwai Chung"}
LEGAL = {"GBR": "Ltd", "USA": "Inc.", "JPN": "Co., Ltd.", "DEU": "GmbH", "NLD": "B.V.",
         "AUS": "Pty Ltd", "TWN": "Co., Ltd.", "MYS": "Sdn Bhd", "VNM": "Co., Ltd.",
         "THA": "Co., Ltd.", "IDN": "PT", "TUR": "A.S.", "IND": "Pvt Ltd", "CHN": "Co., Ltd.",
         "HKG": "Limited"}
WORDS_A = ("Northern", "Pacific", "Green", "Evergreen", "Golden", "United", "Harbour", "Orient",
           "Blue Ocean", "Prime", "Delta", "Phoenix", "Summit", "Eastern", "Silver", "Apex",
           "Coastal", "Grand", "Sunrise", "Global", "Metro", "Royal", "Jade", "Bright")
WORDS_B = ("Polymer", "Recycling", "Resources", "Materials", "Environmental", "Plastics",
           "Metals", "Scrap", "Trading", "Waste Solutions", "Eco", "Renewables")
STREETS = ("Industrial Road", "Harbour Street", "Jalan Perusahaan", "Zhongshan Road",
           "Dock Lane", "Commerce Avenue", "Port Road", "Riverside Drive")


@dataclass
class Company:
    name: str
    country: str
    address: str
    phone: str
    email: str
    tax_id: str
    variants: list[str] = field(default_factory=list)


class Factory:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self._names: set[str] = set()
        self._containers: set[str] = set()

    def phone(self, country: str) -> str:
        r = self.rng
        return LOCAL_PHONE[country].format(a=r.randint(2, 9), b=f"{r.randint(1000, 9999)} "
                                                                f"{r.randint(1000, 9999)}")

    def address(self, country: str) -> str:
        r = self.rng
        return f"No. {r.randint(1, 300)}, {r.choice(STREETS)}, {CITIES[country]}"

    def company(self, country: str, *, address: str | None = None, phone: str | None = None,
                name: str | None = None) -> Company:
        r = self.rng
        while name is None or name in self._names:
            base = f"{r.choice(WORDS_A)} {r.choice(WORDS_B)}"
            legal = LEGAL[country]
            name = f"PT {base}" if legal == "PT" else f"{base} {legal}"
        self._names.add(name)
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:14]
        return Company(name, country, address or self.address(country),
                       phone or self.phone(country), f"info@{slug}.example",
                       f"{country[:2]}{r.randint(10_000_000, 99_999_999)}")

    def container(self) -> str:
        while True:
            first = self.rng.choice(OWNER_CODES) + f"{self.rng.randint(0, 999_999):06d}"
            no = first + str(container_check_digit(first))
            if no not in self._containers:
                self._containers.add(no)
                return no


def imo_number(rng: random.Random) -> str:
    six = f"{rng.randint(900_000, 979_999)}"
    check = sum(int(d) * w for d, w in zip(six, range(7, 1, -1), strict=True)) % 10
    return six + str(check)


VESSEL_NAMES = ("EVER GIVEN", "WAN HAI 312", "YM WELLNESS", "MSC ANNA", "CMA CGM LYRA",
                "OOCL TOKYO", "HMM ALGECIRAS", "ONE HARMONY", "KOTA SATRIA", "MAERSK SELETAR",
                "SITC HAKATA", "TS KEELUNG")


def vessels(rng: random.Random) -> list[tuple[str, str]]:
    return [(name, imo_number(rng)) for name in VESSEL_NAMES]
