"""Directions as declarations write them: words, abbreviations and declaration types."""

from __future__ import annotations

import pytest

from casedb.normalize import direction_words, normalize_direction

WRITTEN = {
    "import": ["IMPORT", "Imports", "import", "IM", "IMP", "I", "ИМ", "ИМПОРТ", "importación",
               "IMPORTACION", "importação", "進口", "进口", "IM4", "IM 4", "IM-4", "IM A",
               "ИМ 40", "ИМ 40 - выпуск для внутреннего потребления",
               "10 - IMPORTACION PARA EL CONSUMO", "Import for home use", "進口報單", "nhập khẩu"],
    "export": ["EXPORT", "Exports", "EX", "EXP", "E", "ЭК", "ЭКСПОРТ", "exportación",
               "exportação", "EXPORTACION", "出口", "EX1", "EX 3", "ЭК10", "ЭК 10 экспорт",
               "40 - EXPORTACION DEFINITIVA", "出口报关单"],
    "transit": ["TRANSIT", "Transit", "T", "ТТ", "TT", "T1", "T2F", "转口", "轉運", "過境",
                "Tránsito", "transshipment", "in transit"],
}
CASES = [(w, d) for d, words in WRITTEN.items() for w in words]


@pytest.mark.parametrize(("written", "direction"), CASES)
def test_directions_as_written(written, direction):
    assert normalize_direction(written) == direction


@pytest.mark.parametrize("blank", [None, "", "  "])
def test_blank_is_none(blank):
    assert normalize_direction(blank) is None


@pytest.mark.parametrize("value", ["X", "1", 1, 2.0, True, "exporter name", "出", "foo",
                                   "IMPORTANT NOTICE"])
def test_what_is_no_direction_is_refused(value):
    with pytest.raises(ValueError, match=r"^unknown direction '.*' \(import, export or transit\)$"):
        normalize_direction(value)


def test_the_message_names_the_value():
    with pytest.raises(ValueError, match=r"^unknown direction 'X' \(import, export or transit\)$"):
        normalize_direction("X")


def test_direction_words_are_lowercase_and_all_read():
    words = direction_words()
    assert {"import", "export", "transit", "им", "эк", "進口", "importacion"} <= words
    assert all(w == w.lower() for w in words)
    assert all(normalize_direction(w) for w in words)
