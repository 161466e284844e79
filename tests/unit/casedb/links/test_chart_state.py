"""A case's link chart kept in the case database (migration 0009): saved, read back by another
connection as it was, replaced, audited, forgotten; a chart kept by an earlier version in a file
beside the database moves in when its case is opened; and the facts the chart filters and labels
its links by (roles, dates, shared values, tonnes)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from casedb.changes import CASES
from casedb.errors import CaseDbError, NotFound
from casedb.links.chart_state import (
    adopt_side_file,
    chart_state,
    delete_chart_state,
    open_chart_state,
    save_chart_state,
    side_file,
)
from casedb.links.link_facts import case_link_facts, identifier_node
from casedb.models import AuditEntry
from casedb.store.database import Database
from tests import factories as f

STATE = {
    "version": 2,
    "nodes": [["C-1", "C-1", "case"], ["p1", "Harbour Metals Ltd", "party"],
              ["phone:+44 161 555 0199", "+44 161 555 0199", "phone"]],
    "edges": [["C-1", "p1", 24.0], ["p1", "phone:+44 161 555 0199", 0.0]],
    "positions": [[0.0, 0.0], [12.5, -3.25], None],
    "pinned": ["p1"],
    "hidden": [{"nodes": [["p9", "Hidden Broker", "party"]], "edges": [["C-1", "p9", 1.0]],
                "positions": [[4.0, 4.0]]}],
    "filtered": {"bl": {"nodes": [], "edges": [], "positions": []}},
    "styles": {"colour_by_tonnes": True, "communities": False, "size_by": "degree",
               "link_labels": True},
    "filters": {"roles": ["shipper"], "dates": ["2024-01-01", "2024-02-29"]},
}


def _case(db, ref: str = "C-1") -> None:
    with db.begin() as s:
        f.seize(s, ref, None)


def test_a_saved_chart_comes_back_from_another_connection_as_it_was(db):
    _case(db)
    changes = save_chart_state(db, "C-1", STATE, reason="for the briefing")
    assert changes.touches(CASES) and changes.case_refs == {"C-1"}
    db.dispose()
    other = Database(db.url, user="tester")  # closed and reopened: another Database object
    try:
        assert chart_state(other, "C-1") == STATE
        assert chart_state(other, "C-1")["positions"][1] == [12.5, -3.25]
        with other.read() as s:
            (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.field == "link_chart"))
        assert (entry.action, entry.entity, entry.reason) == ("create", "case", "for the briefing")
        assert entry.new_value == "3 nodes, 2 links, 1 pinned, 1 hidden sets"  # not the content
    finally:
        other.dispose()


def test_saving_again_replaces_the_chart_and_forgetting_it_is_audited(db):
    _case(db)
    save_chart_state(db, "C-1", STATE)
    smaller = dict(STATE, nodes=STATE["nodes"][:1], edges=[], positions=[[0.0, 0.0]],
                   pinned=[], hidden=[])
    save_chart_state(db, "C-1", smaller)
    assert chart_state(db, "C-1") == smaller
    assert delete_chart_state(db, "C-1").touches(CASES)
    assert chart_state(db, "C-1") is None
    assert not delete_chart_state(db, "C-1")  # nothing left: no change
    with db.read() as s:
        actions = [(e.action, e.old_value, e.new_value) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.field == "link_chart").order_by(AuditEntry.id))]
    assert actions == [("create", None, "3 nodes, 2 links, 1 pinned, 1 hidden sets"),
                       ("update", "3 nodes, 2 links, 1 pinned, 1 hidden sets",
                        "1 nodes, 0 links, 0 pinned, 0 hidden sets"),
                       ("delete", "1 nodes, 0 links, 0 pinned, 0 hidden sets", None)]


def test_an_unknown_case_or_a_state_that_is_not_json_is_refused(db):
    _case(db)
    with pytest.raises(NotFound, match="C-404"):
        save_chart_state(db, "C-404", STATE)
    with pytest.raises(NotFound, match="C-404"):
        chart_state(db, "C-404")
    with pytest.raises(CaseDbError, match="C-1.*JSON"):
        save_chart_state(db, "C-1", {"positions": [[float("nan"), 0.0]]})
    with pytest.raises(CaseDbError, match="C-1.*JSON object"):
        save_chart_state(db, "C-1", [1, 2])
    assert chart_state(db, "C-1") is None


def test_a_chart_file_of_an_earlier_version_moves_into_the_database(sqlite_db):
    _case(sqlite_db, "TW/KHH 2019-1")
    path = side_file(sqlite_db, "TW/KHH 2019-1")
    assert path.parent.name == sqlite_db.sqlite_path.name + ".charts"
    path.parent.mkdir()
    path.write_text(json.dumps(STATE), "utf-8")
    assert open_chart_state(sqlite_db, "TW/KHH 2019-1") == STATE
    assert not path.exists() and path.with_name(path.name + ".moved").exists()
    assert not adopt_side_file(sqlite_db, "TW/KHH 2019-1")  # moved once
    with sqlite_db.read() as s:
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.field == "link_chart"))
    assert entry.reason == f"moved in from the file {path.name}"


def test_a_chart_file_does_not_replace_a_chart_in_the_database_nor_an_unreadable_one(sqlite_db):
    _case(sqlite_db)
    save_chart_state(sqlite_db, "C-1", STATE)
    path = side_file(sqlite_db, "C-1")
    path.parent.mkdir()
    path.write_text(json.dumps({"version": 1, "nodes": []}), "utf-8")
    assert open_chart_state(sqlite_db, "C-1") == STATE
    path.write_text("{not json", "utf-8")
    assert not adopt_side_file(sqlite_db, "C-1") and path.exists()  # left for someone to look at


def test_the_facts_of_a_cases_chart_roles_dates_values_and_tonnes(db):
    with db.begin() as s:
        hm = f.party(s, "Harbour Metals Ltd", phone="+44 161 555 0199")
        bw = f.party(s, "Bright Waste Ltd", phone="+44 161 555 0199")
        kl = f.party(s, "Klang Recycling")
        br = f.party(s, "Port Brokers")
        f.declaration(s, parties={"shipper": hm, "consignee": kl, "broker": br},
                      containers=("MSCU1234566",), case_ref="C-1", bl_no="BL-100",
                      vessel_name="EVER GIVEN", voyage_no="0123W",
                      declaration_date=dt.date(2024, 1, 10), gross_weight_kg=24000.0)
        f.declaration(s, parties={"shipper": bw, "consignee": kl}, case_ref="C-1",
                      containers=("MSCU1234566",), declaration_date=dt.date(2024, 3, 2),
                      gross_weight_kg=6000.0)
    facts = case_link_facts(db, "C-1")
    assert facts.roles == {f"p{hm}": ("shipper",), f"p{bw}": ("shipper",),
                           f"p{kl}": ("consignee",), f"p{br}": ("broker",)}
    assert facts.every_role() == ["broker", "consignee", "shipper"]
    assert facts.span() == (dt.date(2024, 1, 10), dt.date(2024, 3, 2))
    assert facts.spans[f"p{br}"] == (dt.date(2024, 1, 10), dt.date(2024, 1, 10))
    consignee = facts.link("C-1", f"p{kl}")
    assert (consignee.role, consignee.tonnes) == ("consignee", 30.0)
    box = facts.link(identifier_node("container", "MSCU1234566"), "C-1")
    assert (box.role, box.value, box.tonnes) == ("container", "MSCU1234566", 30.0)
    assert box.span == (dt.date(2024, 1, 10), dt.date(2024, 3, 2))
    phone = identifier_node("phone", "+44 161 555 0199")
    assert facts.link(f"p{hm}", phone).value == "+44 161 555 0199"
    assert facts.spans[phone] == (dt.date(2024, 1, 10), dt.date(2024, 3, 2))  # both holders
    sailing = facts.link("C-1", identifier_node("sailing", "EVER GIVEN 0123W"))
    assert (sailing.role, sailing.value) == ("sailing", "EVER GIVEN 0123W")
    with pytest.raises(NotFound):
        case_link_facts(db, "C-404")
