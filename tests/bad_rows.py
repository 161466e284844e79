"""A declarations file with rows an import refuses and values it keeps as written with a
warning, one of each kind an investigator meets, and the English reasons the import gives."""

from __future__ import annotations

from pathlib import Path

from tests.writers import write_csv

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Consignee",
          "Country of Origin", "Port of Loading", "Container No."]
GOOD = ["D1", "2023-05-12", "391510", "20000", "Klang Polymer Sdn Bhd", "MYS", "MYPKG",
        "MSCU1234566"]


def _row(number: str, column: int | None = None, value: str = "") -> list:
    row = [number, *GOOD[1:]]
    if column is not None:
        row[column] = value
    return row


ROWS = [
    GOOD,
    _row("D2", 5, "Malaysai"),  # a country misspelt: kept, with the closest country
    _row("D3", 6, "Rotterdma"),  # a port misspelt: kept as written
    _row("D4", 7, "MSCU1234567"),  # a container failing its ISO 6346 check digit
    _row("D5", 1, "2023-02-31"),  # no such date: refused
    _row("", 1, "2023-05-14"),  # no declaration number: refused
    _row("D7", 3, "12 stone"),  # a weight in no unit known: refused
    _row("D8", 3, ""),  # no weight: refused
]

# (row, column, reason) of the rows refused; (row, column, value, reason) of the warnings.
REFUSED = [
    (6, "Declaration Date", "impossible date '2023-02-31' (2023-02-31)"),
    (7, "Declaration No.", "missing declaration number (and no B/L number to key a shipment "
                           "by)"),
    (8, "Gross Weight (kg)", "unknown weight unit 'stone'"),
    (9, "weight", "missing weight (gross or net) for a new declaration"),
]
WARNINGS = [
    (3, "Country of Origin", "Malaysai", "unknown country 'Malaysai' (did you mean Malaysia?)"),
    (4, "Port of Loading", "Rotterdma",
     "unknown port 'Rotterdma' (did you mean Rotterdam (NLRTM)?); kept as written"),
    (5, "Container No.", "MSCU1234567", "container MSCU1234567: check digit 7 should be 6"),
]


def write_bad_rows(path: Path) -> Path:
    return write_csv(path, [HEADER, *ROWS])
