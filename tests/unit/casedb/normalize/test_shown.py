"""A bad value is quoted short in a message, whatever characters it holds."""

import pytest

from casedb.normalize import normalize_direction
from casedb.normalize.messages import SHOWN, shown


@pytest.mark.parametrize("cell", ["\x00" * 500, "\U0010ffff" * 80, "\x1b[31m" * 70, "a" * 5000])
def test_a_quoted_value_stays_readable(cell):
    assert len(shown(cell)) <= 2 * SHOWN
    with pytest.raises(ValueError) as err:
        normalize_direction(cell)
    assert len(str(err.value)) < 300


def test_a_short_value_is_quoted_whole():
    assert shown("sideways") == "'sideways'"
