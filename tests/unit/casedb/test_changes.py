"""ChangeSet: what a write changed, as the views read it; and the writes that return one."""

from __future__ import annotations

import pytest

from casedb import changes
from casedb.cases.attachments import add_attachment, remove_attachment
from casedb.cases.records import create_case
from casedb.changes import ChangeSet
from casedb.parties.resolution import merge, reject
from tests import factories as f


def test_ids_imply_their_kinds_and_a_merge_is_the_union():
    imported = ChangeSet.of(declaration_ids=[1, 2])
    merged = ChangeSet.of(party_ids=[7, 9])
    both = imported | merged
    assert both.kinds == {changes.DECLARATIONS, changes.PARTIES}
    assert both.declaration_ids == {1, 2} and both.party_ids == {7, 9}
    assert both == imported.merge(merged)
    assert both.touches(changes.PARTIES) and not both.touches(changes.TRADE)
    assert not ChangeSet() and both


def test_a_note_touches_its_case_only_but_declarations_touch_any_open_case():
    note = ChangeSet.of_case("C-1", changes.NOTES)
    assert note.touches_case("C-1") and not note.touches_case("C-2")
    assert not note.touches(changes.DECLARATIONS)
    assert ChangeSet.of(declaration_ids=[5]).touches_case("C-2")
    assert not ChangeSet.everything().touches_case(None)


def test_everything_touches_every_kind():
    every = ChangeSet.everything()
    assert all(every.touches(kind) for kind in changes.KINDS)
    assert every.touches_case("ANY") and (ChangeSet() | every).all


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown change kind"):
        ChangeSet.of("decls")


def test_an_entity_merge_and_reject_return_the_parties_they_touched(db):
    with db.begin() as s:
        a, b, c = (f.party(s, n, "TWN") for n in ("ABC Recycling Ltd", "ABC Recyling Co", "XYZ Ltd"))
    assert reject(db, a, c, reason="different tax ids") == ChangeSet.of(party_ids=(a, c))
    changed = merge(db, a, b, reason="same tax id")
    assert changed.party_ids == {a, b} and changed.touches(changes.PARTIES)
    assert not merge(db, a, a)


def test_removing_an_attachment_returns_its_case(db, tmp_path):
    create_case(db, "TW-1", "scrap")
    scan = tmp_path / "bl.pdf"
    scan.write_bytes(b"%PDF-1.4 bill of lading")
    changed = remove_attachment(db, add_attachment(db, "TW-1", scan), "scanned twice")
    assert changed == ChangeSet.of_case("TW-1", changes.ATTACHMENTS)
