"""The import's row refusals and warnings in Traditional Chinese: every reason key has an English
and a zh-TW text with the same values and no English word; a reason keeps its key and values and
reads in English exactly as before; a reason stored as English text (import_warning.reason, in
databases of any age) is worded from the template it matches, the same as the reason itself."""

from __future__ import annotations

import pickle
import re
import string

import pytest

from casedb import normalize as n
from casedb.errors import NeedsDecision
from casedb.importing import reasons
from casedb.importing.pipeline import import_file
from casedb.importing.questions import Question
from casedb.importing.reason_table import REASONS, WORDS_ZH
from casedb.importing.reasons import Reason
from casedb.importing.review import warnings as stored_warnings
from tests.bad_rows import REFUSED, WARNINGS, write_bad_rows
from tests.writers import write_csv

ALLOWED = {"Schedule"}  # the US port code list's name (Schedule D)
CJK = re.compile(r"[\u4e00-\u9fff]")
SAMPLES = {
    "kind": "country", "value": "'Xyzzy'", "suggestion": "Malaysia",
    "hint": "more than one country has that name", "unit": "'stone'", "number": "MSCU1234567",
    "digit": "7", "expected": "6", "iso": "2023-02-31", "shortest": "4", "longest": "10",
    "why": Reason.of("unknown", kind="port", value="'Xx'"), "numbers": "AB12, CD34",
    "ref": "'TW-1'", "what": "declaration date", "columns": "'A', 'B'", "column": "'Weight'",
    "median": "12.5",
    # a file's reasons (FILE_REASONS): what a library said is quoted here, kept as it is
    "detail": "'Bad magic number'", "sheet": "'Sheet1'", "says": "declares", "ext": "xlsx",
    "size": "2,147,483,648", "limit": "1,048,576", "rows": "2,000,000", "width": "16,385",
    "cells": "12", "count": "12,000", "ratio": "1,024", "row": "3", "at": "7",
    "part": "'content.xml'", "encoding": "GB18030",  # a part's name: data, as written
}


def _fields(template: str) -> set[str]:
    return {name for _t, name, _f, _c in string.Formatter().parse(template) if name}


def _english(said: str) -> list[str]:
    """English words of a Chinese text, leaving out the values it quotes and codes (MSCU)."""
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "", said)
    return [w for w in re.findall(r"[A-Za-z]{2,}", bare) if w not in ALLOWED and not w.isupper()]


def _sample(key: str) -> Reason:
    values = {name: SAMPLES[name] for name in _fields(REASONS[key]["en"])}
    if key == "unit_unknown":
        values["why"] = Reason.of("light_containers", median="12")
    return Reason.of(key, **values)


@pytest.mark.parametrize("key", sorted(REASONS))
def test_every_reason_has_a_chinese_text_with_the_same_values(key):
    texts = REASONS[key]
    assert set(texts) == {"en", "zh-TW"}
    assert _fields(texts["zh-TW"]) == _fields(texts["en"])
    bare = re.sub(r"\{[^}]*\}", "", texts["zh-TW"])
    assert not _english(bare), bare
    assert CJK.search(texts["zh-TW"])


@pytest.mark.parametrize("key", sorted(REASONS))
def test_a_reason_stored_as_english_is_worded_as_the_reason_itself(key):
    reason = _sample(key)
    english = str(reason)
    assert reasons.text(reason) == english and reasons.text(english) == english
    found = reasons.parse(english)
    assert found is not None and found[0] == key, found
    assert found[1] == {k: str(v) for k, v in reason.values.items()}
    said = reasons.text(reason, "zh-TW")
    assert reasons.text(english, "zh-TW") == said
    assert CJK.search(said) and not _english(said.replace("Malaysia", "")), said
    again = pickle.loads(pickle.dumps(reason))  # a chunk's warnings cross processes
    assert (again, again.key, again.values) == (reason, reason.key, reason.values)


def test_the_words_for_values_are_chinese():
    assert all(CJK.search(w) for w in WORDS_ZH.values())


@pytest.mark.parametrize(("convert", "cell"), [
    (n.country_iso3, "Malaysai"), (n.country_iso3, "Xyzzyland"), (n.port_locode, "Rotterdma"),
    (n.port_locode, "12345"), (n.parse_date, "2023-02-31"), (n.parse_date, "soon"),
    (n.normalize_hs, "12ab"), (n.normalize_hs, "12"), (n.split_containers, "MSCU1234567"),
    (n.split_containers, "MSCU12"), (n.normalize_imo, "12"), (n.normalize_imo, "9074728"),
    (n.parse_weight_kg, "12 stone"), (n.parse_weight_kg, "heavy"), (n.parse_weight_kg, "-5"),
    (n.normalize_direction, "sideways"), (n.normalize_email, "nobody"),
    (lambda v: n.normalize_phone(v, "TWN"), "12"),
])
def test_what_the_normalisers_say_is_worded_in_chinese(convert, cell):
    with pytest.raises(ValueError) as caught:
        convert(cell)
    english = reasons.reason_of(caught.value)
    assert english == str(caught.value)  # the English as it always was
    assert reasons.parse(english) is not None, english
    said = reasons.text(english, "zh-TW")
    assert CJK.search(said) and not _english(said), said


def test_a_text_no_template_matches_is_shown_as_it_is():
    assert reasons.text("the sky fell", "zh-TW") == "the sky fell"
    assert reasons.column_text("Gross Weight (kg)", "zh-TW") == "Gross Weight (kg)"
    assert reasons.column_text("weight", "zh-TW") == "重量"
    assert reasons.column_text("column 3", "zh-TW") == "第 3 欄"
    assert reasons.column_text("gross_weight_kg", "zh-TW") == "毛重（公斤）"


def test_an_import_refuses_and_warns_in_english_and_each_reason_reads_in_chinese(db, tmp_path):
    report = import_file(db, write_bad_rows(tmp_path / "bad.csv"))
    assert [(r.row, r.column, r.reason) for r in report.refused] == REFUSED
    assert [(w.row, w.column, w.value, w.reason) for w in report.warnings] == WARNINGS
    said = [reasons.text(x.reason, "zh-TW") for x in (*report.refused, *report.warnings)]
    assert all(CJK.search(s) and not _english(s) for s in said), said
    assert "馬來西亞" in said[4] and "鹿特丹" in said[5] and "已依原文保留" in said[5]
    stored = sorted(stored_warnings(db), key=lambda f: f.row)
    assert [f.reason for f in stored] == [w[3] for w in WARNINGS]  # English in the database
    assert [reasons.text(f.reason, "zh-TW") for f in stored] == said[len(REFUSED):]


def test_what_a_file_needs_settled_reads_in_chinese(sqlite_db, tmp_path):
    path = write_csv(tmp_path / "undated.csv", [["Declaration No.", "Gross Weight (kg)"],
                                                ["D1", "12000"], ["D2", "9000"]])
    with pytest.raises(NeedsDecision) as caught:
        import_file(sqlite_db, path)
    asked = caught.value.questions
    assert [q.reason for q in asked] == ["no column holds the declaration date"]
    assert [reasons.text(q.reason, "zh-TW") for q in asked] == ["沒有欄位載明申報日期"]
    unit = Question("s", "gross_weight_kg", "unit", Reason.of(
        "unit_unknown", column="'Wt'", why=Reason.of("light_declarations", median="12")))
    assert str(unit.reason) == ("column 'Wt' names no unit and its values (median 12) would be "
                                "a few dozen kilograms of bulk waste a declaration; say which "
                                "unit it is in (kg, t or lb)")
    said = reasons.text(str(unit.reason), "zh-TW")
    assert said.startswith("欄位 'Wt' 未載明單位") and not _english(said), said
