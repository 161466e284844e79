"""Header matching: exact, normalised and fuzzy, and never a data cell taken for a header."""

from __future__ import annotations

import re

import pytest

from casedb.importing.mapping import match_header
from casedb.importing.synonyms import SYNONYMS


def test_no_synonym_holds_a_digit():
    # match_header skips the fuzzy search for keys without a letter; a synonym with a digit
    # would need that shortcut changed.
    assert not [w for words in SYNONYMS.values() for w in words if re.search(r"\d", w)]


@pytest.mark.parametrize(("header", "field"), [
    ("Declaration No.", "declaration_no"),
    ("DECLARATION  NO", "declaration_no"),
    ("Declaraton Number", "declaration_no"),  # a typo: fuzzy
    ("報單號碼", "declaration_no"),
    ("Gross Weight (kg)", "gross_weight_kg"),
])
def test_headers_are_matched(header, field):
    assert match_header(header)[0] == field


@pytest.mark.parametrize("cell", ["2023-05-12", "12,500", "391510", "+44 161 555 0561", "1.5",
                                  "ab", ""])
def test_data_cells_are_not_headers(cell):
    assert match_header(cell) == (None, 0.0)
