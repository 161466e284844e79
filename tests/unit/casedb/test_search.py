"""Search that says what it found: each hit names the field and value that matched and how
strongly; exact before fuzzy; a common word ("Harbour") does not flood the list."""

from __future__ import annotations

import datetime as dt

from casedb.browse import tables as browse
from casedb.browse.search import search
from tests import factories as f


def _world(db):
    with db.begin() as s:
        metals = f.party(s, "Harbour Metals Ltd", "MYS", phone="+60 3-1234 5678",
                         address="12 Jalan Industri 3, Port Klang")
        brokers = [f.party(s, name, "TWN") for name in (
            "Harbour Customs Brokers", "Harbour Line Agency", "Harbour Freight Services")]
        sunrise = f.party(s, "Sunrise Plastics Co", "TWN", phone="+886 7 555 1234")
        ids = {}
        for i, (shipper, broker) in enumerate(zip([metals, sunrise, sunrise], brokers,
                                                  strict=True)):
            ids[i] = f.declaration(
                s, declaration_no=f"EX-{i}", declaration_date=dt.date(2024, 3, 1 + i),
                parties={"shipper": shipper, "broker": broker}, case_ref=f"C-{i}",
                vessel_name="EVER GIVEN" if i < 2 else "YM WELLNESS",
                vessel_imo="9811000" if i < 2 else None, voyage_no=f"02{i}W",
                bl_no=f"EGLV14900{i}", containers=(f"MSCU123456{i}",), hs_code="391590")
    return metals, sunrise, ids


def _found(hits, kind=None):
    return {(h.kind, h.label, h.field, h.match) for h in hits if kind in (None, h.kind)}


def test_a_common_word_does_not_flood_the_list(db):
    metals, _sunrise, ids = _world(db)
    hits = search(db, "Harbour Metals Ltd")
    assert _found(hits, "party") == {("party", "Harbour Metals Ltd", "name", "exact")}
    assert browse.search_case_ids(db, "Harbour Metals Ltd") == [
        c for c in browse.case_ids(db) if browse.case_ref_of(db, c) == "C-0"]
    typo = [h for h in search(db, "Harbor Metals") if h.kind == "party"]
    assert [(h.id, h.match) for h in typo] == [(metals, "fuzzy")] and 0.75 <= typo[0].score < 1


def test_phone_exact_and_without_country_code(db):
    metals, _sunrise, _ids = _world(db)
    (exact,) = search(db, "+60 3 1234 5678")
    assert (exact.id, exact.field, exact.value, exact.match, exact.score) == (
        metals, "phone", "+60 3-1234 5678", "exact", 1.0)
    (national,) = search(db, "03-1234 5678")
    assert (national.id, national.match) == (metals, "partial") and national.score < 1


def test_vessel_imo_voyage_bl_container_number(db):
    _metals, _sunrise, ids = _world(db)
    assert _found(search(db, "ever given")) == {
        ("declaration", "EX-0", "vessel_name", "exact"),
        ("declaration", "EX-1", "vessel_name", "exact")}
    assert {(h.label, h.match) for h in search(db, "EVER GIVN")} == {
        ("EX-0", "fuzzy"), ("EX-1", "fuzzy")}
    assert _found(search(db, "IMO 9811000")) == {
        ("declaration", "EX-0", "vessel_imo", "exact"),
        ("declaration", "EX-1", "vessel_imo", "exact")}
    for text, field, label in (("021W", "voyage_no", "EX-1"), ("EGLV149002", "bl_no", "EX-2"),
                               ("mscu 1234560", "container", "EX-0"),
                               ("ex-2", "declaration_no", "EX-2")):
        hits = search(db, text)
        assert [(h.label, h.field, h.match) for h in hits][0] == (label, field, "exact"), text


def test_address_and_exact_before_fuzzy(db):
    metals, _sunrise, _ids = _world(db)
    (hit,) = [h for h in search(db, "12 Jalan Industri 3 Port Klang") if h.field == "address"]
    assert (hit.id, hit.label, hit.match) == (metals, "Harbour Metals Ltd", "exact")
    near = [h for h in search(db, "12 Jln Industri 3, Pelabuhan Klang") if h.field == "address"]
    assert [(h.id, h.match) for h in near] == [(metals, "fuzzy")] and near[0].score < 1
    mixed = search(db, "Sunrise Plastics")
    ranks = [h.match for h in mixed]
    assert ranks == sorted(ranks, key=["exact", "partial", "fuzzy"].index)
    assert all(h.to_json()["field"] for h in mixed)


def test_declarations_filter_finds_a_company_by_name(db):
    _metals, _sunrise, ids = _world(db)
    got = browse.declaration_ids(db, browse.Filters(text="Sunrise Plastics Co"))
    assert sorted(got) == sorted([ids[1], ids[2]])
    assert browse.declaration_ids(db, browse.Filters(text="nothing like it")) == []
