"""Grades in words, in English and Traditional Chinese: every letter and digit of every scheme
has its meaning in both (the workstation's grade lists and the zh-TW dossier show them)."""

from __future__ import annotations

import pytest

from casedb.evidence import grading


@pytest.mark.parametrize("name", sorted(grading.SCHEMES))
def test_every_position_of_every_scheme_has_its_meaning_in_both_languages(name):
    english, chinese = grading.meanings(name), grading.meanings(name, "zh-TW")
    assert [list(p) for p in chinese] == [list(p) for p in english]
    assert all(m.strip() and not m.isascii() for p in chinese for m in p.values())
    assert grading.title(name, "zh-TW") != grading.title(name) or name == "europol"


def test_a_grade_reads_in_the_language_asked():
    g = grading.parse("b-2", "admiralty")
    assert g.text() == str(g) == "B2 (Admiralty/NATO 6x6: usually reliable; probably true)"
    assert g.text("zh-TW") == "B2（Admiralty／北約 6x6：通常可靠；可能屬實）"
    assert grading.parse("1ap", "uk325").meaning_in("zh-TW") == "可靠來源；來源直接知悉；可依法分享"
