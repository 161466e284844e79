"""casedb.parties' refusals of a party that is not there (merged away, a wrong number, a name it
does not have) go through casedb.messages: English as they always read (the command line, the
logs), Traditional Chinese for the workstation."""

from __future__ import annotations

import pytest

from casedb import messages
from casedb.errors import NotFound
from casedb.parties import resolution
from casedb.parties.view import party_view
from tests import factories


def test_a_party_that_is_not_there_is_refused_in_english_and_in_chinese(db):
    with db.begin() as s:
        harbour = factories.party(s, "Harbour Metals Ltd")
    with pytest.raises(NotFound) as merged:
        resolution.merge(db, harbour, 999_999)
    assert str(merged.value) == "no party 999999"
    assert messages.text(merged.value, "zh-TW") == "找不到關係人 999999"
    with pytest.raises(NotFound) as viewed:
        party_view(db, 999_999)
    assert str(viewed.value) == "no party 999999; it may have been merged into another"
    assert messages.text(viewed.value, "zh-TW") == "找不到關係人 999999；可能已併入另一關係人"
    with pytest.raises(NotFound) as split:
        resolution.split(db, harbour, "HARBOUR METAL")
    assert str(split.value) == f"party {harbour} has no name 'HARBOUR METAL'"
    assert messages.text(split.value, "zh-TW") == f"關係人 {harbour} 沒有名稱「HARBOUR METAL」"
