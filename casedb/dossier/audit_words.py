"""The dossier's audit trail in words: actions, records and fields in English or Traditional
Chinese, statuses in the workflow's words, and a seizure added or removed by its declaration and
quantity rather than as the JSON the log keeps for undo."""

from __future__ import annotations

import json

from casedb.cases import status as case_status

ZH = {
    "create": "建立", "update": "修改", "add": "加入", "remove": "移除", "merge": "合併",
    "split": "分拆", "reject": "否決比對", "undo": "復原", "redo": "重做", "import": "匯入",
    "delete": "刪除", "decide": "比對決定", "unmerge": "取消合併", "unsplit": "取消分拆",
    "case": "案件", "seizure": "查獲紀錄", "note": "註記", "attachment": "附件",
    "declaration": "報單", "party": "關係人", "title": "案由", "status": "狀態",
    "lead_officer": "承辦人", "summary": "摘要", "tags": "標籤", "team": "承辦單位",
    "classification": "機密等級", "opened_on": "立案日期", "closed_on": "結案日期",
    "merged_into_id": "併入案件", "body": "內容", "change": "異動", "file": "檔案",
}


def _word(text: str | None, lang: str) -> str:
    if not text:
        return ""
    return ZH.get(text, text) if lang == "zh-TW" else text


def _value(field: str | None, text: str | None, lang: str, numbers: dict) -> str:
    if text is None:
        return ""
    if field == "status":
        return case_status.word(text, lang)
    if field == "seizure" and text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return text
        no = numbers.get(data.get("declaration_id"), data.get("declaration_id") or "")
        kg = data.get("quantity_kg")
        return f"{no}{f' ({kg:,.0f} kg)' if kg else ''}".strip()
    return text


def audit_text(e, lang: str, numbers: dict) -> str:
    """One audit entry as the dossier shows it: action, record, field: old → new.
    ``numbers``: declaration id -> number, for seizures named by their declaration."""
    old, new = _value(e.field, e.old_value, lang, numbers), _value(e.field, e.new_value, lang,
                                                                   numbers)
    head = f"{_word(e.action, lang)} {_word(e.entity, lang)} {e.entity_id} {_word(e.field, lang)}"
    return f"{' '.join(head.split())}: {old} → {new}"
