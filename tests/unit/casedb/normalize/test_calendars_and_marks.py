"""Dates in the calendars other systems write (Buddhist era, Japanese eras, ROC years padded to
four digits), the dates no customs record can bear, numbers with dots for thousands beside a
decimal comma, and the currencies headers name (baht, pesos, rupees)."""

from __future__ import annotations

import datetime as dt

import pytest

from casedb.importing.reasons import text
from casedb.normalize import parse_date, parse_weight_kg
from casedb.normalize.weights import currency_from_header, uses_decimal_comma

MAY_1_2024 = dt.date(2024, 5, 1)


@pytest.mark.parametrize("written", [
    "01/05/2567", "1 พ.ค. 2567", "1 พฤษภาคม 2567", "1 พ.ค. 67", "1 พ.ค. พ.ศ. 2567",  # Thai
    "令和6年5月1日", "令和 6 年 5 月 1 日", "R06.05.01", "R6.5.1", "r6/5/1",  # Japanese eras
    "0113/05/01", "0113-05-01", "01130501", "113/05/01", "1130501",  # ROC, padded or not
    dt.date(2567, 5, 1),  # a date cell typed in the Buddhist era
])
def test_a_year_of_another_calendar_is_read_in_it(written):
    assert parse_date(written) == MAY_1_2024


def test_the_first_year_of_an_era_and_an_earlier_era():
    assert parse_date("令和元年5月1日") == dt.date(2019, 5, 1)
    assert parse_date("H31.4.30") == dt.date(2019, 4, 30)
    assert parse_date("平成30年12月28日") == dt.date(2018, 12, 28)


@pytest.mark.parametrize(("written", "iso"), [
    ("01/05/67", "2067-05-01"),  # two digits of a Buddhist year, read as 2067
    ("12/05/1899", "1899-05-12"), (dt.date(1900, 1, 1), "1900-01-01"),
    (dt.date(2999, 1, 1), "2999-01-01"), ("3024-05-01", "3024-05-01"),
])
def test_a_date_no_customs_record_can_bear_is_refused_naming_it(written, iso):
    with pytest.raises(ValueError, match=rf"^implausible date .*\({iso}\): before 1950") as e:
        parse_date(written)
    assert text(str(e.value), "zh-TW").startswith("不合理的日期")


def test_a_decimal_comma_after_dots_for_thousands_is_the_files_convention():
    """Siscomex writes 21.540,500: then its 24.800 is 24,800 kg, not 24.8."""
    assert uses_decimal_comma(["21.540,500", "24.800"])
    assert parse_weight_kg("24.800", decimal_comma=True) == 24800.0
    assert parse_weight_kg("21.540,500", decimal_comma=True) == 21540.5
    assert not uses_decimal_comma(["1,23,456.78", "24.800"])  # lakh grouping: a decimal point
    assert parse_weight_kg("1,02,37,500.00") == 10237500.0


@pytest.mark.parametrize(("header", "code"), [
    ("มูลค่า FOB (บาท)", "THB"), ("FOB Value (THB)", "THB"), ("Valor aduana (MXN)", "MXN"),
    ("Assessable Value (Rs.)", "INR"), ("Value ₹", "INR"), ("課税価格（円）", "JPY"),
    ("Statistical value (GBP)", "GBP"), ("Remarks", None), ("Errors", None),
])
def test_the_currency_a_header_names(header, code):
    assert currency_from_header(header) == code


def test_an_icegate_location_code_is_its_seaport_or_no_seaport():
    """India's ICEGATE writes a customs location as a UN/LOCODE and a digit: 1 a seaport (INNSA1
    is Nhava Sheva), 4 an air cargo complex (INBOM4 is Mumbai airport, not the port INBOM)."""
    from casedb.normalize import port_locode

    assert port_locode("INNSA1") == "INNSA" and port_locode("INMUN1") == "INMUN"
    with pytest.raises(ValueError, match="not a seaport"):
        port_locode("INBOM4")
