"""Countries as customs systems, statistics offices and trade-data vendors write them."""

from __future__ import annotations

import pickle

import pytest

from casedb.normalize import country_iso3, country_name

WRITTEN = {
    # a name with its code, either way round
    "BRAZIL (BR)": "BRA", "IN, INDIA": "IND", "INDIA (IN)": "IND", "CN - CHINA": "CHN",
    "MY - MALAYSIA": "MYS", "Viet Nam (VNM)": "VNM", "156 CHINA": "CHN", "Indonesia / ID": "IDN",
    # vendors' and statistics offices' inverted and abbreviated names
    "VIETNAM, DEMOCRATIC REPUBLIC OF": "VNM", "VIET NAM": "VNM", "Viet-Nam": "VNM",
    "KOREA, REPUBLIC OF": "KOR", "KOREA, SOUTH": "KOR", "Korea, Rep.": "KOR",
    "Rep. of Korea": "KOR", "Korea (South)": "KOR", "S.Korea": "KOR", "Korea, North": "PRK",
    "Taiwan (R.O.C.)": "TWN",
    "Korea, Dem. People's Rep.": "PRK", "CHINA, PEOPLE'S REPUBLIC OF": "CHN", "PR China": "CHN",
    "Hong Kong SAR": "HKG", "China, Hong Kong SAR": "HKG", "Hong Kong SAR, China": "HKG",
    "Macao SAR, China": "MAC", "TAIWAN, PROVINCE OF CHINA": "TWN", "Chinese Taipei": "TWN",
    "Other Asia, nes": "TWN", "Republic of China": "TWN", "Trinidad:Tobago": "TTO",
    "Trinidad & Tobago": "TTO", "Serbia-Monteneg.": "SCG", "Bosnia-Herzeg.": "BIH",
    "Congo (Dem. Rep)": "COD", "Congo, Dem. Rep.": "COD", "Congo (Kinshasa)": "COD",
    "Congo, Rep.": "COG", "Congo": "COG", "Turkiye": "TUR", "Türkiye": "TUR", "TURKEY": "TUR",
    "UAE": "ARE", "U.A.E.": "ARE", "U.S.A.": "USA", "UNITED STATES OF AMERICA": "USA",
    "United States": "USA", "UK": "GBR", "GREAT BRITAIN": "GBR", "United Kingdom": "GBR",
    "Holland": "NLD", "NETHERLANDS, THE": "NLD", "Gambia, The": "GMB", "Iran, Islamic Rep.": "IRN",
    "Micronesia, Fed. Sts.": "FSM", "St. Kitts and Nevis": "KNA", "Virgin Islands (U.S.)": "VIR",
    "British Virgin Islands": "VGB", "Lao PDR": "LAO", "Lao People's Dem. Rep.": "LAO",
    "Côte d'Ivoire": "CIV", "COTE D IVOIRE": "CIV", "Cayman Is.": "CYM", "Burma": "MMR",
    "Czech Rep.": "CZE", "Bolivia (Plurinational State of)": "BOL", "Sudan, South": "SSD",
    "Guinea": "GIN", "Equatorial Guinea": "GNQ", "Guinea-Bissau": "GNB", "Niger": "NER",
    "Nigeria": "NGA", "Dominica": "DMA", "Dominican Rep.": "DOM", "Kosovo": "XKX",
    # Spanish and Portuguese (DUA, DI) names
    "ESTADOS UNIDOS": "USA", "EE.UU.": "USA", "Estados Unidos de América": "USA",
    "MALASIA": "MYS", "Malásia": "MYS", "CHINA": "CHN", "Corea del Sur": "KOR",
    "Coreia do Sul": "KOR", "Países Bajos": "NLD", "Alemania": "DEU", "Alemanha": "DEU",
    "Japón": "JPN", "Japão": "JPN", "Turquía": "TUR", "Tailândia": "THA", "Índia": "IND",
    "Reino Unido": "GBR", "Emiratos Árabes Unidos": "ARE", "Rusia": "RUS", "Vietnã": "VNM",
    # Russian (ДТ) names
    "МАЛАЙЗИЯ": "MYS", "КИТАЙ": "CHN", "ТУРЦИЯ": "TUR", "США": "USA", "Германия": "DEU",
    "Великобритания": "GBR", "Республика Корея": "KOR", "Южная Корея": "KOR", "Вьетнам": "VNM",
    "Индонезия": "IDN", "Япония": "JPN", "Гонконг": "HKG", "Тайвань": "TWN", "ОАЭ": "ARE",
    "Казахстан": "KAZ", "Россия": "RUS", "Китайская Народная Республика": "CHN",
    # Chinese names, Traditional and Simplified
    "馬來西亞": "MYS", "马来西亚": "MYS", "越南": "VNM", "美國": "USA", "美国": "USA", "日本": "JPN",
    "香港": "HKG", "中國大陸": "CHN", "中华人民共和国": "CHN", "大韓民國": "KOR", "韩国": "KOR",
    "泰國": "THA", "印尼": "IDN", "德国": "DEU", "澳洲": "AUS",
}
CODES = [("DE", "DEU"), ("de", "DEU"), ("DEU", "DEU"), ("MYS", "MYS"), ("GB", "GBR"),
         ("EL", "GRC"), ("840", "USA"), ("076", "BRA"), ("76", "BRA"), ("842", "USA"),
         ("490", "TWN"), (156, "CHN"), (156.0, "CHN"), (458, "MYS")]


@pytest.mark.parametrize(("written", "iso3"), WRITTEN.items())
def test_names_as_written(written, iso3):
    assert country_iso3(written) == iso3


@pytest.mark.parametrize(("written", "iso3"), CODES)
def test_iso_alpha2_alpha3_and_numeric_codes(written, iso3):
    assert country_iso3(written) == iso3


def test_spacing_and_case_do_not_matter():
    assert country_iso3("  korea ,  republic   of ") == "KOR"
    assert country_iso3("viet nam") == country_iso3("VIET NAM") == "VNM"


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_is_none(blank):
    assert country_iso3(blank) is None


def test_a_typo_is_refused_with_the_closest_name():
    with pytest.raises(ValueError, match=r"^unknown country 'Malaysai' \(did you mean Malaysia\?\)$"):
        country_iso3("Malaysai")
    with pytest.raises(ValueError, match="did you mean Thailand"):
        country_iso3("Thailnd")


def test_a_name_and_a_code_that_disagree_are_refused():
    with pytest.raises(ValueError, match=r"names two countries \(Brazil and India\)"):
        country_iso3("BRAZIL (IN)")


def test_a_name_two_countries_share_is_refused_not_guessed():
    with pytest.raises(ValueError, match="more than one country"):
        country_iso3("Virgin Islands")


@pytest.mark.parametrize("value", ["Los Angeles, California", "Port Klang", "ABC Trading Co Ltd",
                                   "XX", "PCS", "Germ", 1.5, True, "x" * 5000])
def test_what_is_no_country_is_refused(value):
    with pytest.raises(ValueError, match="unknown country"):
        country_iso3(value)


def test_a_long_value_is_quoted_short_in_the_message():
    with pytest.raises(ValueError) as caught:
        country_iso3("y" * 5000)
    assert len(str(caught.value)) < 100


def test_former_countries_keep_their_own_code_and_name():
    assert country_iso3("Serbia and Montenegro") == "SCG"
    assert country_name("SCG") == "Serbia and Montenegro"
    assert country_name("XKX") == "Kosovo"
    assert country_name("MYS") == "Malaysia"
    assert country_name("MYS", "zh-TW") == "馬來西亞"


def test_the_refusal_crosses_a_process_boundary_with_its_message():
    """Readers may run in a worker process: the error must pickle and keep its wording."""
    with pytest.raises(ValueError) as caught:
        country_iso3("Malaysai")
    again = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(again, ValueError)
    assert str(again) == "unknown country 'Malaysai' (did you mean Malaysia?)"


def test_a_name_with_another_name_in_brackets():
    assert country_iso3("Myanmar (Burma)") == country_iso3("Burma (Myanmar)") == "MMR"
    with pytest.raises(ValueError):
        country_iso3("Germany (France)")
