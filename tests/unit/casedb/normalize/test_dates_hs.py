"""Dates and commodity codes as national systems and vendors export them."""

from __future__ import annotations

import datetime as dt

import pytest

from casedb.normalize import hs6, infer_date_order, normalize_hs, parse_date

MAY_12 = dt.date(2023, 5, 12)
DATES = [
    "2023-05-12", "2023-05-12T00:00:00", "2023-05-12T10:22:00Z", "2023-05-12T10:22:00.000+08:00",
    "2023-05-12T23:30:00-05:00",  # the date as written, not moved to UTC
    "2023-05-12T10:22:00.000+0800", "2023-05-12 00:00:00.000", "2023/05/12", "20230512",
    "12.05.2023", "12.05.2023 10:22:00", "12-MAY-2023", "12-MAY-23 10.22.00.000000 AM",
    "12 May 2023", "May 12, 2023", "12/05/2023", "12 de mayo de 2023", "12 mai 2023",
    "12 мая 2023 г.", "112/05/12", "112.05.12", "1120512", "民國112年5月12日", "112年05月12日",
    45058, 45058.0, "45058", 20230512, dt.datetime(2023, 5, 12, 10, 22), MAY_12,
]


@pytest.mark.parametrize("written", DATES)
def test_dates_as_written(written):
    assert parse_date(written) == MAY_12


def test_month_first_when_the_column_says_so():
    assert parse_date("05/12/2023", "mdy") == MAY_12
    assert parse_date("5/12/2023 10:22 PM", "mdy") == MAY_12
    assert infer_date_order(["05/12/2023", "05/13/2023"]) == "mdy"
    assert infer_date_order(["12/05/2023", "13/05/2023"]) == "dmy"
    assert infer_date_order({"13.05.2023 10:00:00": 3, "05/12/2023": 1}) == "dmy"


@pytest.mark.parametrize("value", ["2023-02-30", "2023-05-12 garbage", "12 Foo 2023", "x" * 5000,
                                   float("nan"), float("inf"), 10**400, -5, True])
def test_what_is_no_date_is_refused(value):
    with pytest.raises(ValueError, match="date"):
        parse_date(value)


def test_an_impossible_date_names_the_value():
    with pytest.raises(ValueError, match=r"^impossible date '2023-02-30' \(2023-02-30\)$"):
        parse_date("2023-02-30")


NATIONAL_LINES = {
    "3915.10.00.00-0": "39151000000",  # Taiwan CCC: tariff line, statistics, check digit
    "39151000000": "39151000000",
    "3915100000": "3915100000",  # China 商品编号
    "3915 10 000 0": "3915100000",  # ТН ВЭД as written in a ДТ
    "ТН ВЭД 3915100000": "3915100000",
    "3915.90.00.00": "3915900000",  # a Latin American partida arancelaria
    "3915.90.0090": "3915900090",  # US HTS
    "391590009": "391590009",  # Japan's nine-digit statistical code
    "391510001234": "391510001234",
    "3915.10": "391510", "HS 3915.10": "391510", "3915": "3915", "３９１５．１０": "391510",
    3915.1: "391510",  # a spreadsheet number that lost its trailing zero
    407.1: "040710", 40700: "040700", 391510.0: "391510", 3915100000: "3915100000",
}


@pytest.mark.parametrize(("written", "digits"), NATIONAL_LINES.items())
def test_national_tariff_lines_are_kept_whole(written, digits):
    assert normalize_hs(written) == digits


@pytest.mark.parametrize(("code", "six"), [
    ("3915.10.00.00-0", "391510"), ("3915900090", "391590"), ("040700", "040700"),
    (3915.1, "391510"), ("3915", None), ("", None), (None, None),
])
def test_hs6_is_the_subheading_every_national_line_shares(code, six):
    assert hs6(code) == six


@pytest.mark.parametrize(("value", "reason"), [
    ("39151000001234", "4 to 12 digits"), ("12", "4 to 12 digits"), ("39A5", "digits only"),
    (float("nan"), "malformed"), (1e30, "4 to 12 digits"), (-5, "4 to 12 digits"),
    (True, "malformed"),
])
def test_malformed_codes_are_refused(value, reason):
    with pytest.raises(ValueError, match=reason):
        normalize_hs(value)
