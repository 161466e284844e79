"""Every canonical field has words in both languages, for the wizard and the dry run."""

from casedb.importing.field_labels import LABELS, field_label
from casedb.importing.fields import FIELDS


def test_every_field_has_words_in_english_and_chinese():
    assert set(FIELDS) <= set(LABELS)
    for name in FIELDS:
        en, zh = field_label(name), field_label(name, "zh-TW")
        assert en and zh and en != name, name
        assert not zh.isascii(), name  # Traditional Chinese, not an English word left over
