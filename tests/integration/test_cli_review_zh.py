"""``wasteintel review warnings|discrepancies`` says the reasons imports stored in English by
default, word for word as before, and in Traditional Chinese with ``--lang zh-TW`` (fields,
statuses and reasons; the values as written stay as written)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.bad_rows import GOOD, HEADER, WARNINGS, write_bad_rows
from tests.writers import write_csv


def cli(*args, code: int = 0):
    res = subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == code, res.stderr
    return res.stdout


def test_review_says_the_stored_reasons_in_english_or_in_chinese(tmp_path):
    db = tmp_path / "c.db"
    cli("import", write_bad_rows(tmp_path / "bad.csv"), "--db", db, code=3)  # partly imported
    heavier = [*GOOD[:3], "21600", *GOOD[4:]]
    cli("import", write_csv(tmp_path / "partner.csv", [HEADER, heavier]), "--db", db)
    english = cli("review", "warnings", "--db", db).splitlines()
    assert english[0].split() == ["id", "declaration", "field", "stored", "/", "as", "written",
                                  "other", "source", "status", "from", "reason"]
    assert [line.rsplit("  ", 1)[-1].strip() for line in english[2:]] == [
        w[3] for w in reversed(WARNINGS)]  # newest first, the reasons as the import gave them
    assert all("kept as written" in line and "bad.csv bad row" in line
               for line in english[2:]), english
    chinese = cli("review", "warnings", "--db", db, "--lang", "zh-TW")
    assert "不明的國家 'Malaysai'（是否為「馬來西亞」？）" in chinese
    assert "貨櫃號碼 MSCU1234567 的檢查碼 7 錯誤，應為 6" in chinese
    assert "原產國" in chinese and "依原文保留" in chinese and "第 3 列" in chinese
    assert "did you mean" not in chinese and "kept as written" not in chinese
    said = json.loads(cli("review", "warnings", "--db", db, "--json", "--lang", "zh-TW"))
    assert [(w["reason"], w["reason_text"][:5]) for w in said][-1] == (WARNINGS[0][3], "不明的國家")
    assert all("reason_text" not in w for w in json.loads(
        cli("review", "warnings", "--db", db, "--json")))
    disagree = cli("review", "discrepancies", "--db", db, "--lang", "zh-TW")
    assert "毛重（公斤）" in disagree and "待處理" in disagree and "partner.csv" in disagree
    assert "gross_weight_kg" in cli("review", "discrepancies", "--db", db)
