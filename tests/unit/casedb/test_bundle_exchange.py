"""Exchange between administrations: bundles of one partner, redacted and not, imported one after
another into one database; parties resolved as an import resolves them; re-imports change
nothing; conflicts refused with nothing written."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from casedb.errors import CaseDbError
from casedb.exchange import export_bundle, load_bundle
from casedb.importing.pipeline import import_file
from casedb.models import Base, Case, Declaration, DeclarationParty, Party
from tests.writers import write_xlsx

BROKER = "Harbour Customs Brokers Sdn Bhd"
HEADER = ["Case No.", "Case Title", "Declaration No.", "Declaration Date", "HS Code",
          "Gross Weight (kg)", "Shipper", "Consignee", "Broker", "Country of Export",
          "Country of Destination", "Offence"]


def _partner_register(tmp_path):
    rows = [HEADER,
            ["MY-1", "PE scrap via Klang", "D-100", "2019-05-02", "391510", 24000,
             "Orient Scrap Co., Ltd.", "Lucky Star Recycling", BROKER, "TWN", "MYS",
             "misdeclaration"],
            ["MY-1", "PE scrap via Klang", "D-101", "2019-05-09", "391510", 23800,
             "Orient Scrap Co., Ltd.", "Lucky Star Recycling", BROKER, "TWN", "MYS", ""],
            ["MY-2", "Mixed plastics", "D-200", "2019-06-01", "391590", 19000,
             "Golden Leaf Trading", "Sun Polymer Sdn Bhd", BROKER, "JPN", "MYS",
             "no permit"]]
    return write_xlsx(tmp_path / "partner.xlsx", {"register": rows})


def _counts(db) -> dict[str, int]:
    with db.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables}


def _parties_named(db, name: str) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Party).where(
            Party.display_name == name))


@pytest.fixture
def partner(db, tmp_path):
    """The partner administration's database: two cases that share a broker."""
    report = import_file(db, _partner_register(tmp_path))
    assert report.imported == 3, report.to_json()
    return db


def test_two_bundles_of_one_partner_merge_their_shared_broker(partner, other_db, tmp_path):
    local = write_xlsx(tmp_path / "ours.xlsx", {"r": [HEADER, [
        "TW-9", "Our own case", "D-900", "2019-04-01", "391510", 5000, "Formosa Plastics Co",
        "Lucky Star Recycling", BROKER, "TWN", "MYS", ""]]})
    import_file(other_db, local)
    one = export_bundle(partner, "MY-1", tmp_path / "my1.json")
    two = export_bundle(partner, "MY-2", tmp_path / "my2.json")
    first = load_bundle(other_db, one)
    second = load_bundle(other_db, two)
    assert (first.case_created, first.declarations_added) == (True, 2)
    assert (second.case_created, second.declarations_added) == (True, 1)
    assert _parties_named(other_db, BROKER) == 1  # the partner's broker is our broker
    assert _parties_named(other_db, "Lucky Star Recycling") == 1
    with other_db.read() as s:
        brokers = set(s.scalars(select(DeclarationParty.party_id).where(
            DeclarationParty.role == "broker")))
    assert len(brokers) == 1
    before = _counts(other_db)
    again = load_bundle(other_db, two)
    assert again.unchanged and _counts(other_db) == before


def test_redacted_and_plain_bundles_into_one_database(partner, other_db, tmp_path):
    red1 = export_bundle(partner, "MY-1", tmp_path / "r1.json", redact=True)
    red2 = export_bundle(partner, "MY-2", tmp_path / "r2.json", redact=True)
    plain2 = export_bundle(partner, "MY-2", tmp_path / "p2.json")
    assert json.loads(red1.read_text("utf-8"))["parties"][0]["name"] == "PARTY-1"
    load_bundle(other_db, red1)
    load_bundle(other_db, red2)
    with other_db.read() as s:
        placeholders = s.scalars(select(Party.display_name).where(Party.kind == "redacted")).all()
    assert len(placeholders) == 3 + 3  # never merged with each other across bundles
    assert len(set(placeholders)) == 6
    # the plain bundle of a case imported redacted: the same case, its declarations known
    merged = load_bundle(other_db, plain2)
    assert not merged.case_created and merged.declarations_unchanged == 1
    assert any("another party" in w for w in merged.warnings)  # roles kept, said so
    assert _parties_named(other_db, BROKER) == 1  # a real company: never a placeholder's
    before = _counts(other_db)
    for path in (red1, red2, plain2):
        assert load_bundle(other_db, path).unchanged
    assert _counts(other_db) == before
    # the same case redacted again (another file): its declarations are known, no placeholder
    resent = tmp_path / "r1-again.json"
    resent.write_text(json.dumps(json.loads(red1.read_text("utf-8"))), "utf-8")
    assert load_bundle(other_db, resent).parties_created == 0


def test_a_conflicting_declaration_refuses_the_bundle_and_writes_nothing(partner, other_db,
                                                                         tmp_path):
    path = export_bundle(partner, "MY-1", tmp_path / "my1.json")
    data = json.loads(path.read_text("utf-8"))
    data["declarations"][1]["gross_weight_kg"] = 99999.0
    data["case"]["case_ref"] = "MY-1-COPY"
    load_bundle(other_db, path)
    before = _counts(other_db)
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data), "utf-8")
    with pytest.raises(CaseDbError, match=r"D-101 .*gross weight.*nothing was imported"):
        load_bundle(other_db, changed)
    assert _counts(other_db) == before


def test_a_taken_case_reference_is_refused_and_can_be_imported_under_another(partner, other_db,
                                                                             tmp_path):
    path = export_bundle(partner, "MY-2", tmp_path / "my2.json")
    with other_db.begin() as s:
        s.add(Case(case_ref="MY-2", title="Someone else's case"))
    with pytest.raises(CaseDbError, match=r"case MY-2 exists already .*--as"):
        load_bundle(other_db, path)
    done = load_bundle(other_db, path, as_ref="MY-2-KL")
    assert done.case_created and done.case_ref == "MY-2-KL"
    with other_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Declaration)) == 1


def test_the_lines_of_a_declaration_travel_with_it(db, other_db, tmp_path):
    rows = [["Case No.", "Declaration No.", "Item No.", "Declaration Date", "HS Code",
             "Goods Description", "Gross Weight (kg)"],
            ["L-1", "D-7", "1", "2020-03-01", "391510", "PE film", 12000],
            ["L-1", "D-7", "2", "2020-03-01", "391590", "mixed plastics", 8000]]
    import_file(db, write_xlsx(tmp_path / "lines.xlsx", {"r": rows}))
    path = export_bundle(db, "L-1", tmp_path / "l1.json")
    (decl,) = json.loads(path.read_text("utf-8"))["declarations"]
    assert [(i["item_no"], i["hs_code"]) for i in decl["items"]] == [("1", "391510"),
                                                                      ("2", "391590")]
    assert load_bundle(other_db, path).items_added == 2
    again = export_bundle(other_db, "L-1", tmp_path / "again.json")
    assert json.loads(again.read_text("utf-8"))["declarations"][0]["items"] == decl["items"]
