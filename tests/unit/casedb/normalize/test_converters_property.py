"""The converters the importer and the content scorer call on any cell: each gives a value or
raises ValueError, whatever the cell holds (floats, huge ints, odd text, very long text)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casedb.normalize import (
    country_iso3,
    hs6,
    normalize_direction,
    normalize_hs,
    parse_date,
    port_locode,
    port_or_place,
)

CONVERTERS = [country_iso3, port_locode, parse_date, normalize_hs, hs6, normalize_direction]
# Text built from the pieces real cells are made of, so that the converters' inner branches
# are reached, not only their first refusal.
PIECES = ["CN", "SHA", "CNSHA", " - ", ", ", "(", ")", "2023", "-05-", "12", "T10:22:00Z", ".",
          "/", "3915", ".10", "00", "-0", "MAY", "мая", "Korea", "Rep.", "of", "IM", "4", "ИМ",
          "進口", "港", "Port", "Klang", "2704", "Airport", "民國", "年", "0", "é", "\u00a0", "\n"]
CELLS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-10**400, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.lists(st.sampled_from(PIECES), max_size=8).map("".join),
    st.text(min_size=3000, max_size=6000), st.dates(), st.datetimes(),
)


def _only_value_or_value_error(convert, cell) -> None:
    try:
        out = convert(cell)
    except ValueError as exc:
        message = str(exc)
        assert message and "\n" not in message.strip() and len(message) < 300
        return
    assert out is None or isinstance(out, (str, dt.date))


@pytest.mark.parametrize("convert", CONVERTERS, ids=lambda f: f.__name__)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cell=CELLS)
def test_a_converter_gives_a_value_or_a_value_error(convert, cell):
    _only_value_or_value_error(convert, cell)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cell=CELLS)
def test_port_or_place_never_raises(cell):
    code, name = port_or_place(cell)
    assert code is None or (len(code) == 5 and code.isupper())
    assert isinstance(name, str) and len(name) <= 64
