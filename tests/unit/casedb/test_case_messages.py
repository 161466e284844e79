"""casedb's refusals of case and party writes in Traditional Chinese: every message key has a
zh-TW text with the same values and no English word, and the refusals the workstation shows
(a conflict between two officers, a status move the workflow forbids, a removal short, an undo
over a newer edit) read in Chinese with their statuses and fields in words, while ``str(exc)``
(the command line, the logs) stays English."""

from __future__ import annotations

import re
import string

import pytest
from sqlalchemy import select

from casedb import messages
from casedb.cases.members import add_to_case, new_case, remove_from_case
from casedb.cases.records import edit_case, get_case
from casedb.cases.undo import undo_last
from casedb.errors import CaseDbError, ConflictError, NotFound
from casedb.models import Case
from tests import factories

ALLOWED = {"wasteintel", "cases", "TW", "SHA"}  # a command and codes, as typed


def _fields(template: str) -> set[str]:
    return {name for _t, name, _f, _c in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(messages.MESSAGES))
def test_every_message_has_a_chinese_text_with_the_same_values(key):
    texts = messages.MESSAGES[key]
    assert set(texts) == {"en", "zh-TW"}
    assert _fields(texts["zh-TW"]) == _fields(texts["en"])
    bare = re.sub(r"\{[^}]*\}", "", texts["zh-TW"])
    english = [w for w in re.findall(r"[A-Za-z]{2,}", bare) if w not in ALLOWED]
    assert not english, english
    assert re.search(r"[\u4e00-\u9fff]", texts["zh-TW"])


def test_an_error_reads_in_english_as_raised_and_in_chinese_for_the_workstation():
    exc = messages.error(CaseDbError, "bad_move", ref="C-1", old="closed", new="referred",
                         can=("open",))
    assert str(exc) == ("case C-1 cannot go from 'closed' to 'referred'; from 'closed' it can "
                        "go to: open")
    assert messages.text(exc, "en") == str(exc)
    assert messages.text(exc, "zh-TW") == "案件 C-1 無法由「結案」改為「已移送地檢署」；「結案」只能改為：新案"
    assert messages.text(ValueError("plain"), "zh-TW") == "plain"  # not one of casedb's


def test_the_refusals_of_case_writes_read_in_chinese(db):
    new_case(db, "C-1", title="first", status="closed")
    with db.begin() as s:
        ids = [factories.declaration(s) for _ in range(2)]
    version = get_case(db, "C-1").version
    edit_case(db, "C-1", {"title": "by Lin", "status": "open"}, expected_version=version)
    with pytest.raises(ConflictError) as conflict:
        edit_case(db, "C-1", {"summary": "mine"}, expected_version=version)
    zh = messages.text(conflict.value, "zh-TW")
    assert "案件 C-1 在您開啟（第 1 版）之後已由他人修改" in zh
    assert "修改了" in zh and "案由" in zh and "狀態" in zh
    assert "changed" in str(conflict.value)  # the command line's English
    with pytest.raises(CaseDbError) as move:
        edit_case(db, "C-1", {"status": "open"}, expected_version=None)
        edit_case(db, "C-1", {"status": "closed"}, expected_version=None)
        edit_case(db, "C-1", {"status": "referred"}, expected_version=None)
    assert "「結案」只能改為：新案" in messages.text(move.value, "zh-TW")
    add_to_case(db, "C-1", ids[:1])
    with pytest.raises(NotFound) as short:
        remove_from_case(db, "C-1", ids)
    assert messages.text(short.value, "zh-TW") == "案件 C-1 並未包含其中 1 筆紀錄；未移除任何紀錄"
    edit_case(db, "C-1", {"title": "second"}, expected_version=None)
    with db.begin() as s:  # someone changes the title behind the log's back
        s.scalar(select(Case).where(Case.case_ref == "C-1")).title = "third"
    with pytest.raises(ConflictError) as newer:
        undo_last(db, "case", "C-1")
    assert messages.text(newer.value, "zh-TW") == (
        "案件 C-1：案由已於其後再被修改（目前為「third」）；未復原任何異動，請手動修改")
    with pytest.raises(NotFound) as missing:
        get_case(db, "NOPE")
    assert messages.text(missing.value, "zh-TW").startswith("找不到案件 NOPE")
