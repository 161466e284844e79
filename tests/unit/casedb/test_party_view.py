"""The company view: a party's names with counts, identifiers, paged declarations, cases,
counterparties by tonnes, routes, timeline and entity-resolution history with who and why."""

from __future__ import annotations

from sqlalchemy import select

from casedb.cases.members import add_to_case, new_case
from casedb.importing.pipeline import import_file
from casedb.models import Declaration, Party
from casedb.parties import resolution as entities
from casedb.parties.view import party_view
from tests.writers import write_xlsx

HEADER = ["Declaration No.", "Declaration Date", "Shipper", "Shipper Phone", "Consignee",
          "HS Code", "Gross Weight (kg)", "Port of Loading", "Port of Discharge"]
ROWS = [
    ["EX-1", "2024-01-10", "Harbour Metals Ltd", "+60 3 1234 5678", "Klang Recycling Sdn Bhd",
     "391590", "20000", "TWKHH", "MYPKG"],
    ["EX-2", "2024-01-20", "Harbor Metal Ltd", "+60 3 1234 5678",
     "Klang Recycling Sdn Bhd", "391590", "21000", "TWKHH", "MYPKG"],
    ["EX-3", "2024-02-05", "Harbour Metals Ltd", "", "Hai Phong Plastics JSC", "391510",
     "5000", "TWKEL", "VNHPH"],
    ["EX-4", "2024-02-06", "Harbour Metals Ltd", "", "Klang Recycling Sdn Bhd", "391590",
     "19000", "TWKHH", "MYPKG"],
]


def _party(db, name):
    with db.read() as s:
        return s.scalar(select(Party.id).where(Party.display_name == name))


def test_a_company_as_itself(db, tmp_path):
    import_file(db, write_xlsx(tmp_path / "x.xlsx", {"Export": [HEADER, *ROWS]}))
    hm = _party(db, "Harbour Metals Ltd")
    other = _party(db, "Harbor Metal Ltd")
    assert other not in (None, hm)  # another spelling: a party of its own until merged
    entities.merge(db, hm, other, reason="same phone, same address")
    new_case(db, "TW-P-1", title="Klang ring")
    with db.read() as s:
        first = s.scalar(select(Declaration.id).where(Declaration.declaration_no == "EX-1"))
    add_to_case(db, "TW-P-1", [first])
    v = party_view(db, hm, page_size=3)
    assert v.display_name == "Harbour Metals Ltd"
    assert dict(v.names) == {"Harbour Metals Ltd": 3, "Harbor Metal Ltd": 1}
    assert ("phone", "+60 3 1234 5678") in v.identifiers
    assert v.declarations_total == 4 and v.roles == {"shipper": 4}
    assert [d.declaration_no for d in v.declarations] == ["EX-4", "EX-3", "EX-2"]  # newest first
    assert [d.declaration_no for d in party_view(db, hm, page=1, page_size=3).declarations] == [
        "EX-1"]
    assert v.cases == (("TW-P-1", "Klang ring", "open"),)
    top = v.counterparties[0]
    assert (top.name, top.role, top.declarations, round(top.tonnes, 1)) == (
        "Klang Recycling Sdn Bhd", "consignee", 3, 60.0)
    assert v.routes[0] == ("TWKHH > MYPKG", 3, 60.0)
    assert v.timeline == (("2024-01", 2, 41.0), ("2024-02", 2, 24.0))
    merge = next(h for h in v.history if h.action == "merge")
    assert merge.reason == "same phone, same address" and "Harbor Metal Ltd" in merge.what
    assert merge.who == db.user
    assert v.to_json()["declarations"][0]["declaration_date"] == "2024-02-06"


def test_history_has_splits_and_rejections_with_who_and_why(db, tmp_path):
    import_file(db, write_xlsx(tmp_path / "x.xlsx", {"Export": [HEADER, *ROWS]}))
    hm = _party(db, "Harbour Metals Ltd")
    klang = _party(db, "Klang Recycling Sdn Bhd")
    entities.merge(db, hm, _party(db, "Harbor Metal Ltd"), reason="same phone")
    new = entities.split(db, hm, "Harbor Metal Ltd", reason="different director")
    entities.reject(db, hm, klang, reason="buyer, not the same firm")
    v = party_view(db, hm)
    actions = [(h.action, h.reason, h.who) for h in v.history]
    assert ("split", "different director", db.user) in actions
    assert ("reject", "buyer, not the same firm", db.user) in actions
    assert {d[1] for d in v.decisions} >= {"rejected"}
    assert [(h.action, h.reason) for h in party_view(db, klang).history] == [
        ("reject", "buyer, not the same firm")]  # seen from the other side too
    split_out = party_view(db, new)
    assert [h.action for h in split_out.history] == ["split"]  # where it came from
    assert dict(split_out.names) == {"Harbor Metal Ltd": 1}
