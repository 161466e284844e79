"""Placeholders are blanks in every field: NULL, N/A, -, 無, 不詳 ... are never a declaration
number, a company, a port or a warning; a spec can add the file's own."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casedb.importing.blanks import PLACEHOLDERS, is_blank
from casedb.importing.pipeline import import_file
from casedb.importing.spec import ImportSpec
from casedb.models import Declaration, DeclarationContainer, DeclarationParty, PartyName
from tests.writers import write_csv, write_xlsx

HEADER = ["Declaration No.", "Declaration Date", "Direction", "HS Code", "Goods Description",
          "Gross Weight (kg)", "Net Weight (kg)", "Declared Value", "Currency", "Permit No.",
          "B/L No.", "Vessel", "IMO", "Voyage No.", "Port of Loading", "Port of Discharge",
          "Country of Origin", "Destination", "Container No.", "Shipper", "Shipper Phone",
          "Consignee", "Broker"]
FULL = ["D1", "2023-05-12", "export", "391510", "PE film scrap", "12500", "12100", "4000",
        "USD", "PN-1", "BL-1", "EVER GIVEN", "9811000", "0123W", "GBFXT", "MYPKG", "GBR", "MYS",
        "MSCU1234566", "ABC Recycling Ltd", "+44 161 555 0561", "Klang Polymer Sdn Bhd",
        "Harbour Brokers Ltd"]
WORDS = ["NULL", "N/A", "-", "無", "不詳", "null", "#N/A", "NONE", "--", "(blank)", "不明", "Undefined"]


def _placeholder_rows() -> list[list]:
    """One row per optional column with a placeholder in it, each a new declaration."""
    rows = []
    for col in range(2, len(HEADER)):
        if HEADER[col] in ("Gross Weight (kg)",):
            continue
        row = list(FULL)
        row[0] = f"P{col}"
        row[col] = WORDS[col % len(WORDS)]
        rows.append(row)
    return rows


@pytest.mark.parametrize("writer", ["csv", "xlsx"])
def test_placeholders_in_every_optional_field_are_blanks_without_a_warning(sqlite_db, tmp_path,
                                                                           writer):
    rows = [HEADER, *_placeholder_rows()]
    path = (write_csv(tmp_path / "p.csv", rows) if writer == "csv"
            else write_xlsx(tmp_path / "p.xlsx", {"S": rows}))
    report = import_file(sqlite_db, path)
    assert report.refused == () and report.warnings == ()
    assert report.imported == len(rows) - 1
    with sqlite_db.read() as s:
        names = set(s.scalars(select(PartyName.raw_name)))
        assert not names & {w for w in WORDS} and not any(is_blank(n) for n in names)
        for d in s.scalars(select(Declaration)):
            col = int(d.declaration_no[1:])
            column = HEADER[col]
            stored = {
                "Direction": d.direction, "HS Code": d.hs_code, "Goods Description":
                d.goods_description, "Net Weight (kg)": d.net_weight_kg,
                "Declared Value": d.declared_value, "Currency": d.currency, "Permit No.":
                d.permit_no, "B/L No.": d.bl_no, "Vessel": d.vessel_name, "IMO": d.vessel_imo,
                "Voyage No.": d.voyage_no, "Port of Loading": d.port_of_loading,
                "Port of Discharge": d.port_of_discharge, "Country of Origin":
                d.country_of_origin, "Destination": d.country_of_destination}
            if column in stored:
                assert stored[column] is None, (column, stored[column])
            cntrs = s.scalars(select(DeclarationContainer.container_no).where(
                DeclarationContainer.declaration_id == d.id)).all()
            assert (cntrs == []) == (column == "Container No.")
            roles = set(s.scalars(select(DeclarationParty.role).where(
                DeclarationParty.declaration_id == d.id)))
            for role, header in (("shipper", "Shipper"), ("consignee", "Consignee"),
                                 ("broker", "Broker")):
                assert (role in roles) == (column != header)


def test_a_placeholder_in_a_required_field_refuses_the_row(sqlite_db, tmp_path):
    rows = [HEADER, ["NULL", *FULL[1:]], ["D2", "N/A", *FULL[2:]],
            ["D3", FULL[1], *FULL[2:5], "-", "n/a", *FULL[7:]], FULL]
    report = import_file(sqlite_db, write_csv(tmp_path / "r.csv", rows))
    got = {r.row: r.reason for r in report.refused}
    assert set(got) == {2, 3, 4}
    assert "declaration number" in got[2] and "date" in got[3] and "weight" in got[4]
    with sqlite_db.read() as s:
        assert s.scalars(select(Declaration.declaration_no)).all() == ["D1"]


def test_a_spec_adds_the_files_own_placeholders(sqlite_db, tmp_path):
    row = list(FULL)
    row[HEADER.index("Consignee")] = "TBA pending"
    row[HEADER.index("Vessel")] = "to follow"
    path = write_csv(tmp_path / "s.csv", [HEADER, row])
    import_file(sqlite_db, path, spec=ImportSpec(blanks=("TBA pending", "To Follow")))
    with sqlite_db.read() as s:
        d = s.scalar(select(Declaration))
        assert d.vessel_name is None
        names = set(s.scalars(select(PartyName.raw_name)))
        assert "TBA pending" not in names


def test_the_placeholder_words_are_blank_in_any_case():
    for w in PLACEHOLDERS:
        assert is_blank(w) and is_blank(w.upper()) and is_blank(f"  {w.title()} ")
    for value in ("NA Plastics Ltd", "0", "Nonesuch Trading", "N/A/B", "1-2"):
        assert not is_blank(value)


def test_saved_watchlist_rules_run_after_every_import(sqlite_db, tmp_path):
    from casedb.alerts import add_watchlist, list_alerts, run_watchlists

    add_watchlist(sqlite_db, "container", "MSCU1234566")
    report = import_file(sqlite_db, write_csv(tmp_path / "w.csv", [HEADER, FULL]),
                         watch=run_watchlists)
    assert report.alerts == 1
    (alert,) = list_alerts(sqlite_db)
    assert "MSCU1234566" in alert.reason
    again = import_file(sqlite_db, write_csv(tmp_path / "w.csv", [HEADER, FULL]),
                        watch=run_watchlists)
    assert again.alerts == 0 and len(list_alerts(sqlite_db)) == 1


def test_a_rule_that_cannot_match_is_refused_when_saved(sqlite_db):
    import pytest as _pytest

    from casedb.alerts import add_watchlist
    from casedb.alerts.rules import RuleError

    for kind, value in (("container", "MSCU1234567"), ("route", "GBR")):
        with _pytest.raises(RuleError):
            add_watchlist(sqlite_db, kind, value)
