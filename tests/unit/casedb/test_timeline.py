"""Timelines of a case, a ring (a set of declarations) and a company, from an imported xlsx:
one lane per party, events by date sized by tonnes, seizures beside their declarations, links
between events sharing a container, B/L or sailing, or a phone held by two different shippers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from casedb.analysis.timeline import case_timeline, declarations_timeline, party_timeline
from casedb.cases.members import add_seizure, add_to_case, new_case
from casedb.errors import NotFound
from casedb.importing.pipeline import import_file
from casedb.models import Declaration, Party
from tests.writers import write_xlsx

HEADER = ["Declaration No.", "Declaration Date", "Shipper", "Shipper Phone", "Consignee",
          "HS Code", "Gross Weight (kg)", "Container No.", "B/L No.", "Vessel Name",
          "Voyage No.", "Port of Loading", "Port of Discharge"]
ROWS = [
    ["TL-1", "2024-01-10", "Harbour Metals Ltd", "+44 161 555 0199", "Klang Recycling Sdn Bhd",
     "391590", "24000", "MSCU1234566", "BL-100", "EVER GIVEN", "0123W", "GBFXT", "MYPKG"],
    ["TL-2", "2024-01-12", "Bright Waste Solutions Ltd", "+44 161 555 0199",
     "Klang Recycling Sdn Bhd", "391590", "23500", "TGHU7654320", "BL-101", "EVER GIVEN",
     "0123W", "GBFXT", "MYPKG"],
    ["TL-3", "2024-03-02", "Harbour Metals Ltd", "+44 161 555 0199", "Penang Plastics Sdn Bhd",
     "391510", "6000", "MSCU1234566", "BL-102", "MAERSK KOWLOON", "22E", "GBFXT", "MYPEN"],
    ["TL-4", "2024-04-20", "Solo Traders Ltd", "+44 20 7946 0000", "Penang Plastics Sdn Bhd",
     "391510", "1000", "", "", "", "", "GBFXT", "MYPEN"],
]


def _ids(db) -> dict[str, int]:
    with db.read() as s:
        return dict(s.execute(select(Declaration.declaration_no, Declaration.id)).all())


def _party(db, name: str) -> int:
    with db.read() as s:
        return s.scalar(select(Party.id).where(Party.display_name == name))


@pytest.fixture
def imported(db, tmp_path):
    import_file(db, write_xlsx(tmp_path / "t.xlsx", {"Export": [HEADER, *ROWS]}))
    return db


def test_a_rings_timeline_has_a_lane_per_party_and_links_by_shared_identifiers(imported):
    ids = _ids(imported)
    t = declarations_timeline(imported, [ids["TL-1"], ids["TL-2"], ids["TL-3"]], title="ring")
    labels = [lane.label for lane in t.lanes]
    # shippers first, then consignees; each party once
    assert labels[:2] == ["Harbour Metals Ltd", "Bright Waste Solutions Ltd"]
    assert set(labels[2:]) == {"Klang Recycling Sdn Bhd", "Penang Plastics Sdn Bhd"}
    assert [e.label for e in t.events] == ["TL-1", "TL-2", "TL-3"]
    first = t.events[0]
    assert first.date == dt.date(2024, 1, 10) and first.tonnes == pytest.approx(24.0)
    assert first.lane == f"p{_party(imported, 'Harbour Metals Ltd')}"
    assert len(first.lanes) == 2  # the shipper's and the consignee's lines
    links = {(a, b, kind) for a, b, kind, _ in
             ((x.a, x.b, x.kind, x.value) for x in t.links)}
    key = {e.label: e.key for e in t.events}
    assert (key["TL-1"], key["TL-2"], "sailing") in links
    assert (key["TL-1"], key["TL-3"], "container") in links
    # the phone both shippers give links their declarations; its own phone links nothing
    assert (key["TL-1"], key["TL-2"], "phone") in links
    assert (key["TL-2"], key["TL-3"], "phone") in links
    assert not any(k == "bl" for _, _, k in links)  # every B/L differs
    assert t.span == (dt.date(2024, 1, 10), dt.date(2024, 3, 2))


def test_a_cases_timeline_shows_its_seizures_on_their_declarations_lane(imported):
    ids = _ids(imported)
    new_case(imported, "TL-CASE-1", title="shells")
    add_to_case(imported, "TL-CASE-1", [ids["TL-1"], ids["TL-4"]])
    add_seizure(imported, "TL-CASE-1", seizure_date=dt.date(2024, 5, 2), quantity_kg=900.0)
    t = case_timeline(imported, "TL-CASE-1")
    declared = [e for e in t.events if e.kind == "declaration"]
    assert [e.label for e in declared] == ["TL-1", "TL-4"]
    # holding a declaration is no seizure event; the seizure of its own is, on its own lane
    seized = [e for e in t.events if e.kind == "seizure"]
    assert [(e.date, e.tonnes, e.lane) for e in seized] == [
        (dt.date(2024, 5, 2), pytest.approx(0.9), "other")]
    assert t.lanes[-1].key == "other"
    assert not any(link.kind == "phone" for link in t.links)  # two different phones
    with pytest.raises(NotFound, match="TL-NOPE"):
        case_timeline(imported, "TL-NOPE")


def test_a_companys_timeline_has_its_declarations_and_its_counterparties(imported):
    hm = _party(imported, "Harbour Metals Ltd")
    t = party_timeline(imported, hm)
    assert t.title == "Harbour Metals Ltd"
    assert [e.label for e in t.events] == ["TL-1", "TL-3"]
    assert t.lanes[0].key == f"p{hm}" and t.lanes[0].tonnes == pytest.approx(30.0)
    assert {lane.label for lane in t.lanes[1:]} == {"Klang Recycling Sdn Bhd",
                                                    "Penang Plastics Sdn Bhd"}
    with pytest.raises(NotFound):
        party_timeline(imported, 10**9)


def test_the_dossier_draws_the_cases_theme_lines(imported):
    from reportlab.graphics.shapes import Circle, String

    from casedb.dossier.build import drawings, gather

    ids = _ids(imported)
    new_case(imported, "TL-CASE-2", title="shells")
    add_to_case(imported, "TL-CASE-2", [ids["TL-1"], ids["TL-2"], ids["TL-3"]])
    data = gather(imported, "TL-CASE-2", "RESTRICTED", "en")
    titles = [title for title, _ in drawings(data, "Helvetica")]
    assert "Timeline: Parties" in titles
    figure = dict(drawings(data, "Helvetica"))["Timeline: Parties"]
    texts = {c.text for c in figure.contents if isinstance(c, String)}
    assert {"Harbour Metals Ltd", "Bright Waste Solutions Ltd"} <= texts
    assert sum(isinstance(c, Circle) for c in figure.contents) == 3
