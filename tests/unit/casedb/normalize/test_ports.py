"""Ports as declarations, US manifests and vendors write them; places that are no port keep
their name and never become a wrong port."""

from __future__ import annotations

import pytest

from casedb.normalize import port_info, port_locode, port_or_place

WRITTEN = {
    # US manifests: a Schedule K (foreign) or Schedule D (US) number before the name
    "53306, MUNDRA": "INMUN", "2704, Los Angeles, California": "USLAX",
    "57035, SHANGHAI": "CNSHA", "1703": "USSAV", 2704: "USLAX",
    # vendors: the UN/LOCODE before or after the name
    "CNSHA - SHANGHAI": "CNSHA", "SHANGHAI (CNSHA)": "CNSHA", "Shanghai - CNSHA": "CNSHA",
    "NLRTM": "NLRTM", "nlrtm": "NLRTM", "NL RTM": "NLRTM", "NL-RTM": "NLRTM",
    # names, with the state or country after them
    "Port Klang, Malaysia": "MYPKG", "PORT KELANG": "MYPKG", "Kaohsiung, Taiwan": "TWKHH",
    "HAIPHONG": "VNHPH", "Hai Phong": "VNHPH", "HO CHI MINH CITY": "VNSGN",
    "Nhava Sheva": "INNSA", "JNPT": "INNSA", "Los Angeles, CA": "USLAX", "LOS ANGELES CA": "USLAX",
    "Port of Los Angeles": "USLAX", "Puerto de Valencia": "ESVLC", "Seattle, WA": "USSEA",
    "Busan, Korea": "KRPUS", "BUSAN, KOREA, REPUBLIC OF": "KRPUS", "Pusan": "KRPUS",
    "Laem Chabang, Thailand": "THLCH", "Tanjung Pelepas, MY": "MYTPP", "Jebel Ali, UAE": "AEJEA",
    "Mersin, Türkiye": "TRMER", "Hong Kong, China": "HKHKG", "Hamburg": "DEHAM",
    "高雄港": "TWKHH", "巴生港": "MYPKG", "香港": "HKHKG",
    # a name several countries' ports share, settled by the country or state written after it
    "San Antonio, Chile": "CLSAI", "San Antonio, TX": "USSAT", "Manzanillo, Mexico": "MXZLO",
    "Vancouver, BC": "CAVAN", "Portland, Maine": "USPWM", "Portland, OR": "USPDX",
}


@pytest.mark.parametrize(("written", "locode"), WRITTEN.items())
def test_ports_as_written(written, locode):
    assert port_locode(written) == locode


@pytest.mark.parametrize(("written", "locode", "name"), [
    ("53306, MUNDRA", "INMUN", "MUNDRA"),
    ("2704, Los Angeles, California", "USLAX", "Los Angeles, California"),
    ("CNSHA - SHANGHAI", "CNSHA", "SHANGHAI"),
    ("SHANGHAI (CNSHA)", "CNSHA", "SHANGHAI"),
    ("  Kaohsiung,   Taiwan ", "TWKHH", "Kaohsiung, Taiwan"),
])
def test_port_or_place_gives_the_code_and_the_name_without_its_codes(written, locode, name):
    assert port_or_place(written) == (locode, name)


@pytest.mark.parametrize(("written", "name"), [
    ("Frankfurt Airport", "Frankfurt Airport"), ("FRANKFURT AIRPORT, DE", "FRANKFURT AIRPORT, DE"),
    ("ICD Tughlakabad", "ICD Tughlakabad"), ("Delhi", "Delhi"), ("PARIS", "PARIS"),
    ("Kaohsiung, Japan", "Kaohsiung, Japan"), ("San Antonio", "San Antonio"),
    ("Manzanillo", "Manzanillo"), ("香港國際機場", "香港國際機場"),
])
def test_places_with_no_known_port_keep_their_name_and_get_no_code(written, name):
    assert port_or_place(written) == (None, name)
    with pytest.raises(ValueError):
        port_locode(written)


def test_a_place_name_is_kept_to_64_characters():
    code, name = port_or_place("Warehouse " + "z" * 200)
    assert code is None and len(name) == 64


@pytest.mark.parametrize("blank", [None, "", "  "])
def test_blank_is_none(blank):
    assert port_locode(blank) is None
    assert port_or_place(blank) == (None, "")


def test_errors_are_one_clear_sentence():
    with pytest.raises(ValueError, match=r"^'Frankfurt Airport' is an airport or inland depot, "
                                         r"not a seaport$"):
        port_locode("Frankfurt Airport")
    with pytest.raises(ValueError, match=r"^unknown port 'Rotterdamm' \(did you mean Rotterdam "
                                         r"\(NLRTM\)\?\)$"):
        port_locode("Rotterdamm")
    with pytest.raises(ValueError, match=r"^port 'San Antonio' is in more than one country "
                                         r"\(.*CLSAI.*\): add the country$"):
        port_locode("San Antonio")
    with pytest.raises(ValueError, match="names two places"):
        port_locode("CNSHA - ROTTERDAM")


@pytest.mark.parametrize("word", ["SCRAP", "STEEL", "PAPER", "INDIA", "CHINA", "PARIS", "DELHI"])
def test_five_letter_words_are_not_taken_for_unknown_locodes(word):
    """Shaped like a UN/LOCODE (a country's two letters, three more), but not one: a goods
    description or a country column must not read as ports."""
    with pytest.raises(ValueError):
        port_locode(word)


def test_a_locode_the_gazetteer_lacks_is_kept_when_written_as_a_code():
    assert port_locode("IN TKD") == "INTKD"
    assert port_locode("INTKD - TUGHLAKABAD") == "INTKD"
    assert port_info("INTKD") is None


def test_a_number_that_is_no_schedule_d_code_is_refused():
    with pytest.raises(ValueError, match="not a US Schedule D code"):
        port_locode("9999")


@pytest.mark.parametrize(("written", "locode"), [
    ("Boston", "USBOS"), ("Boston, MA", "USBOS"), ("Boston, UK", "GBBOS"),
    ("Wilmington, NC", "USILM"), ("Wilmington, DE", "USILG"), ("Semarang", "IDSRG"),
    ("NINGBO-ZHOUSHAN", "CNNGB"), ("Colon, Panama", "PAONX"),
])
def test_the_state_or_country_after_a_name_picks_the_port(written, locode):
    assert port_locode(written) == locode


@pytest.mark.parametrize(("written", "locode"), [
    ("Qingdao, CHINA", "CNTAO"), ("Chennai, INDIA", "INMAA"), ("Genoa, ITALY", "ITGOA"),
    ("San Antonio, CHILE", "CLSAI"), ("Tema, GHANA", "GHTEM"), ("SHANGHAI (CHINA)", "CNSHA"),
])
def test_a_country_of_five_capitals_after_a_port_is_its_country_not_a_locode(written, locode):
    """CHINA, INDIA, ITALY, CHILE, GHANA start with a country's two letters like a UN/LOCODE."""
    assert port_locode(written) == locode
