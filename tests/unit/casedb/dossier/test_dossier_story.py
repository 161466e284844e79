"""The dossier's timeline credits each declaration to its own shipper; each declaration shows
its vessel, voyage and source rows; the narrative says what, who, where, when and the linked
cases in English and Traditional Chinese."""

from __future__ import annotations

import html

from sqlalchemy import select

from casedb.cases.members import add_to_case, new_case
from casedb.dossier.build import gather, render_html, sections
from casedb.dossier.story import timeline_points
from casedb.importing.pipeline import import_file
from casedb.models import Declaration, DeclarationParty, Party
from tests.writers import write_xlsx

ROWS = [["Declaration No.", "Declaration Date", "Shipper", "Consignee", "HS Code",
         "Gross Weight (kg)", "Port of Loading", "Port of Discharge", "Vessel", "Voyage No."],
        ["EX-1", "2024-03-01", "Harbour Metals Ltd", "Klang Recycling Sdn Bhd", "391590",
         "24000", "TWKHH", "MYPKG", "EVER GIVEN", "025W"],
        ["EX-2", "2024-03-04", "Sunrise Plastics Co", "Klang Recycling Sdn Bhd", "391590",
         "23000", "TWKHH", "MYPKG", "EVER GIVEN", "025W"],
        ["EX-3", "2024-03-09", "Pacific Scrap Trading", "Klang Recycling Sdn Bhd", "391510",
         "22500", "TWKEL", "MYPKG", "YM WELLNESS", "101S"]]


def _case(db, tmp_path):
    import_file(db, write_xlsx(tmp_path / "entries.xlsx", {"Entries": ROWS}))
    new_case(db, "TW-D-1", title="Three shippers, one consignee")
    with db.read() as s:
        ids = list(s.scalars(select(Declaration.id)))
    add_to_case(db, "TW-D-1", ids)


def test_each_timeline_point_is_credited_to_its_own_shipper(db, tmp_path):
    _case(db, tmp_path)
    data = gather(db, "TW-D-1", "RESTRICTED", "en")
    points = timeline_points(data.case_file, data.facts)
    assert len(points) == 3
    with db.read() as s:
        truth = dict(s.execute(select(Declaration.declaration_no, Party.display_name)
                               .join(DeclarationParty,
                                     DeclarationParty.declaration_id == Declaration.id)
                               .join(Party, Party.id == DeclarationParty.party_id)
                               .where(DeclarationParty.role == "shipper")).all())
    for _day, _kg, shipper, number in points:
        assert shipper == truth[number], number
    assert len({shipper for _d, _k, shipper, _n in points}) == 3


def test_declarations_table_has_vessel_voyage_and_sources(db, tmp_path):
    _case(db, tmp_path)
    data = gather(db, "TW-D-1", "RESTRICTED", "en")
    title, header, rows = next(x for x in sections(data) if x[0] == "Declarations")
    row = dict(zip(header, next(r for r in rows if r[0] == "EX-3"), strict=True))
    assert row["Vessel / voyage"] == "YM WELLNESS 101S"
    assert row["Sources"] == "entries.xlsx, Entries 4"


def test_narrative_in_both_languages(db, tmp_path):
    _case(db, tmp_path)
    en = " ".join(gather(db, "TW-D-1", "RESTRICTED", "en").narrative())
    assert "3 declaration(s), 69.5 t in all, mostly HS 3915." in en
    assert "Harbour Metals Ltd" in en and "2024-03-01 to 2024-03-09" in en
    zh_data = gather(db, "TW-D-1", "RESTRICTED", "zh-TW")
    zh = " ".join(zh_data.narrative())
    assert "共 3 筆報單，合計 69.5 公噸" in zh and "出口人：" in zh and "期間：2024-03-01 至 2024-03-09" in zh
    page = html.unescape(render_html(zh_data))
    assert zh in page and "<th>狀態</th><td>新案</td>" in page


def test_status_in_words_of_the_workflow(db, tmp_path):
    _case(db, tmp_path)
    from casedb.cases.records import edit_case

    edit_case(db, "TW-D-1", {"status": "investigating"}, expected_version=None)
    assert "<td>偵查中</td>" in render_html(gather(db, "TW-D-1", "RESTRICTED", "zh-TW"))
    assert "<td>Investigating</td>" in render_html(gather(db, "TW-D-1", "RESTRICTED", "en"))


def test_audit_trail_in_words(db, tmp_path):
    _case(db, tmp_path)
    from casedb.cases.records import edit_case

    edit_case(db, "TW-D-1", {"status": "investigating"}, expected_version=None, reason="tip")
    en = sections(gather(db, "TW-D-1", "RESTRICTED", "en"))
    zh = sections(gather(db, "TW-D-1", "RESTRICTED", "zh-TW"))
    en_lines = [r[2] for r in next(x for x in en if x[0] == "Audit trail")[2]]
    zh_lines = [r[2] for r in next(x for x in zh if x[0] == "稽核軌跡")[2]]
    assert any(line.startswith("add case") and line.endswith("→ EX-3") for line in en_lines)
    assert any("狀態" in line and line.endswith("新案 → 偵查中") for line in zh_lines)
    assert not any("{" in line for line in en_lines + zh_lines)  # no JSON shown
