"""A redacted bundle carries no personal data in any field: personal data planted in every free
text of a case (imported from a real workbook, then edited as an investigator would) is searched
for in the bundle as written."""

from __future__ import annotations

import json
import re

import pytest

from casedb.cases.records import add_note, get_case, update_case
from casedb.exchange import build_bundle, export_bundle
from casedb.exports.redaction import MARK, Scrubber
from casedb.importing.pipeline import import_file
from tests.writers import write_xlsx

PASSPORT = "K48213377"
BIRTH = "14 March 1979"
BIRTH_ISO = "1979-03-14"
EMAIL = "lim.wei.ming@gmail.com"
MOBILE = "+60 12-487 2291"
DRIVER = "Rashid bin Osman"
DRIVER_ID = "790314-10-5521"
INFORMANT = "Siti Aminah"
INFORMANT_PHONE = "012-665 3108"
SHIPPER = "Orient Scrap Trading Sdn Bhd"
SHIPPER_PHONE = "+60 3-3168 2200"
SHIPPER_ADDRESS = "12 Jalan Kebun, 41000 Klang"
PLANTED = (PASSPORT, BIRTH, BIRTH_ISO, EMAIL, MOBILE, DRIVER, DRIVER_ID, INFORMANT,
           INFORMANT_PHONE, SHIPPER, SHIPPER_PHONE, SHIPPER_ADDRESS)
HEADER = ["Case No.", "Declaration No.", "Declaration Date", "HS Code", "Goods Description",
          "Gross Weight (kg)", "Container No.", "Shipper", "Shipper Phone", "Shipper Address",
          "Shipper Email", "Consignee", "Offence", "Detection Method", "Outcome"]


def _rows() -> list[list]:
    return [HEADER, [
        "C-RED-1", "AE2019000123", "2019-05-02", "391590",
        f"PE plastic scrap bales, contact {EMAIL} tel {MOBILE}", 24000, "MSCU1234566",
        SHIPPER, SHIPPER_PHONE, SHIPPER_ADDRESS, "sales@orientscrap.example", "Lucky Star Ltd",
        f"misdeclaration; driver {DRIVER} NRIC {DRIVER_ID}",
        f"tip-off from informant {INFORMANT}, phone {INFORMANT_PHONE}",
        f"referred; passport {PASSPORT}, DOB {BIRTH}",
    ], [
        "C-RED-1", "AE2019000124", "2019-05-09", "391590",
        f"PE scrap, {DRIVER} ({DRIVER_ID}) born {BIRTH_ISO}", 23500, "TGHU7654320",
        SHIPPER, "", "", "", "Lucky Star Ltd", f"{INFORMANT} says split shipment",
        f"x-ray; {SHIPPER} staff", f"informant {INFORMANT} paid",
    ]]


def _plant(db, tmp_path) -> None:
    report = import_file(db, write_xlsx(tmp_path / "register.xlsx", {"seizures": _rows()}))
    assert report.imported == 2, report.to_json()
    case = get_case(db, "C-RED-1")
    update_case(db, "C-RED-1", case.version, {
        "title": f"Plastic ring, informant {INFORMANT} ({INFORMANT_PHONE})",
        "summary": f"Driver {DRIVER} (IC {DRIVER_ID}, born {BIRTH}), passport {PASSPORT}, "
                   f"e-mail {EMAIL}, mobile {MOBILE}.",
        "tags": ["plastic", f"informant:{INFORMANT}", DRIVER, EMAIL, PASSPORT]})
    add_note(db, "C-RED-1", f"Met {INFORMANT} ({INFORMANT_PHONE}); {DRIVER} DOB {BIRTH_ISO}")


def _found(value: str, text: str) -> bool:
    """The value in the text, also written with other separators or case (digits of a phone
    number spaced differently, a name in capitals)."""
    parts = re.findall(r"\w+", value)
    gap = r"[\s\-./()+,:]*"
    return re.search(gap.join(map(re.escape, parts)), text, re.IGNORECASE) is not None


def test_a_redacted_bundle_holds_none_of_the_planted_personal_data(db, tmp_path):
    _plant(db, tmp_path)
    plain = export_bundle(db, "C-RED-1", tmp_path / "plain.json").read_text("utf-8")
    assert all(_found(v, plain) for v in (DRIVER, INFORMANT, PASSPORT, SHIPPER))  # planted
    text = export_bundle(db, "C-RED-1", tmp_path / "red.json", redact=True).read_text("utf-8")
    leaked = [v for v in PLANTED if _found(v, text)]
    assert leaked == []
    for word in ("Rashid", "Osman", "Siti", "Aminah", "Orient", "lim.wei"):
        assert word.lower() not in text.lower(), word
    bundle = json.loads(text)
    assert bundle["redacted"] is True
    removed = {r["field"]: r["kinds"] for r in bundle["removed"]}
    for field in ("$.case.title", "$.case.summary", "$.case.tags", "$.notes",
                  "$.declarations[0].goods_description", "$.declarations[0].seizure.offence",
                  "$.declarations[0].seizure.detection_method", "$.declarations[0].seizure.outcome",
                  "$.parties[*].name", "$.parties[*].identifiers"):
        assert field in removed, field
    assert "email" in removed["$.declarations[0].goods_description"]


def test_redaction_keeps_what_is_not_personal(db, tmp_path):
    _plant(db, tmp_path)
    bundle = build_bundle(db, "C-RED-1", redact=True)
    first = bundle["declarations"][0]
    assert (first["declaration_no"], first["hs_code"], first["gross_weight_kg"]) == (
        "AE2019000123", "391590", 24000)
    assert first["containers"] == ["MSCU1234566"]
    assert first["goods_description"].startswith("PE plastic scrap bales")
    assert first["seizure"]["offence"].startswith("misdeclaration")
    assert bundle["case"]["tags"] == ["plastic"]
    assert {p["name"] for p in bundle["parties"]} == {"PARTY-1", "PARTY-2"}
    assert bundle["notes"] == [] and bundle["case"]["summary"] == ""


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("Driver Ahmad bin Ismail (NRIC 850312-10-5543) tipped off", "tipped off",
     ("Ahmad", "Ismail", "850312")),
    ("informant Tan Ah Kow tel 0123456789; address: 12 Jalan Ampang, Kuala Lumpur.",
     "informant", ("Tan Ah Kow", "0123456789", "Jalan Ampang")),
    ("司機王大明 身分證 A123456789 電話 0912-345-678", "司機", ("王大明", "A123456789", "345")),
    ("WeChat: tan_ak88, passport no. E 1234567, born 12/03/1985", "WeChat",
     ("tan_ak88", "1234567", "1985")),
    ("Mr. John O'Brien, email john (at) example (dot) com", "Mr.", ("John", "O'Brien", "example")),
    ("王先生 提供線索", "提供線索", ("王",)),
    ("Driver Name: Ahmad; informant (Ali) called", "informant (", ("Ahmad", "Ali")),
    ("Contact Person: Mdm Wong, DOB: 12/05/1980", "Contact Person", ("Wong", "1980")),
    ("Lim Wei Ming and SITI AMINAH BINTI ALI", " and ", ("Lim", "Wei", "SITI", "ALI")),
])
def test_scrubber_removes_each_kind_and_keeps_the_rest(text, kept, gone):
    clean, kinds = Scrubber().scrub(text)
    assert kept in clean and MARK in clean and kinds
    for value in gone:
        assert value not in clean, value


def test_scrubber_leaves_trade_text_alone():
    for text in ("PLASTIC SCRAP PE BALES, HS 391590", "Used Computer Parts from Hong Kong",
                 "x-ray scan at Port Klang; Basel A3210", "misdeclaration as PE pellets"):
        assert Scrubber().scrub(text) == (text, [])
