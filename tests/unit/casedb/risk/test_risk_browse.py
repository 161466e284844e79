"""The declarations browser's risk: sorted and filtered by the stored score in SQL (unscored
as 0), the score and its strongest reason in each row, the export's header in step, and the
alerts with their declarations' ids; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt

from casedb.alerts import add_watchlist, run_watchlists
from casedb.alerts.risk_alerts import alerts_with_declarations
from casedb.browse import tables as browse
from casedb.exports.tables import export_records
from casedb.risk import RiskRow, Signal, store_scores
from tests import factories as f

SCORES = {"D1": 0.2, "D2": 0.9, "D3": 0.55}  # D4, D5: no score


def _world(db) -> dict[str, int]:
    with db.begin() as s:
        ids = {no: f.declaration(s, declaration_no=no, declaration_date=dt.date(2023, 1, i),
                                 hs_code="391510" if no < "D3" else "392010",
                                 case_ref="C-1" if no == "D2" else None)
               for i, no in enumerate(["D1", "D2", "D3", "D4", "D5"], start=1)}
    store_scores(db, [RiskRow(ids[no], no, dt.date(2023, 1, 1), score,
                              (Signal("unit-value", score, f"{no} priced oddly"),
                               Signal("port-hop", score / 2, "weaker")))
                      for no, score in SCORES.items()])
    return ids


def _numbers(db, ids, got) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[i] for i in got]


def test_declarations_sorted_and_filtered_by_risk(db):
    ids = _world(db)
    desc = browse.declaration_ids(db, order="risk", descending=True)
    assert _numbers(db, ids, desc) == ["D2", "D3", "D1", "D4", "D5"]  # unscored by id
    asc = browse.declaration_ids(db, order="risk")
    assert _numbers(db, ids, asc) == ["D4", "D5", "D1", "D3", "D2"]
    risky = browse.declaration_ids(db, browse.Filters(min_risk=0.55), order="risk",
                                   descending=True)
    assert _numbers(db, ids, risky) == ["D2", "D3"]
    assert browse.declaration_ids(db, browse.Filters(min_risk=0.95)) == []
    assert len(browse.declaration_ids(db, browse.Filters(min_risk=0.0))) == 5  # 0: any risk
    assert len(browse.case_ids(db, browse.Filters(min_risk=0.8))) == 1  # C-1 holds D2
    assert browse.case_ids(db, browse.Filters(min_risk=0.95)) == []


def test_rows_carry_the_score_and_its_strongest_reason(db, tmp_path):
    ids = _world(db)
    rows = browse.declaration_rows(db, [ids["D3"], ids["D4"]])
    assert len(rows[0]) == len(browse.DECLARATION_COLUMNS)
    assert rows[0][:2] == ("D3", 0.55) and rows[0][-1] == "D3 priced oddly"
    assert rows[1][:2] == ("D4", None) and rows[1][-1] == ""
    export_records(db, "declarations", tmp_path / "declarations.csv",
                   browse.Filters(min_risk=0.5))
    with open(tmp_path / "declarations.csv", encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][1] == "risk" and table[0][-1] == "risk_reason"
    assert {r[0] for r in table[1:]} == {"D2", "D3"}
    assert all(len(r) == len(table[0]) for r in table)


def test_alerts_come_with_their_declarations(db):
    ids = _world(db)
    add_watchlist(db, "hs", "3915")
    add_watchlist(db, "vessel", "Not An IMO")  # a vessel by name: matches none, raises nothing
    assert run_watchlists(db, list(ids.values())) == 2
    got = {(a.declaration_no, a.rule, declaration_id)
           for a, declaration_id in alerts_with_declarations(db)}
    assert got == {("D1", "hs 3915", ids["D1"]), ("D2", "hs 3915", ids["D2"])}
    assert alerts_with_declarations(db, status="reviewed") == []
