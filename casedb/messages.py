"""What casedb says when it refuses a case or party write, in English and Traditional Chinese.
(Beside casedb.errors, below every package: cases, parties and the rest raise through it.)

An error raised through ``error(cls, key, **values)`` reads in English (``str(exc)``: the command
line and the logs) and keeps its key and values, so that the workstation says it in the user's
language with ``text(exc, lang)``. Values that are statuses, case fields or audit actions are
put in words in that language too. Every key has both languages (a unit test checks it)."""

from __future__ import annotations

from casedb.normalize import statuses as case_status

MESSAGES: dict[str, dict[str, str]] = {
    "no_case": {
        "en": "no case {ref!r}; list the cases with: wasteintel cases",
        "zh-TW": "找不到案件 {ref}；可用 wasteintel cases 列出案件"},
    "case_exists": {
        "en": "case {ref!r} exists already",
        "zh-TW": "案件 {ref} 已存在"},
    "reference_taken": {  # casedb.security.references: perhaps by a case the user may not see
        "en": "case reference {ref!r} is already used by another case (perhaps one you are not "
              "allowed to see): choose another reference",
        "zh-TW": "案號 {ref} 已由另一件案件使用（可能是您無權檢視的案件）：請另選案號"},
    "case_needs_ref": {
        "en": "a case needs a reference; give one such as TW-2024-001",
        "zh-TW": "案件須有案號，例如 TW-2024-001"},
    "not_editable": {
        "en": "cannot edit {fields} of a case; editable: {editable}",
        "zh-TW": "無法修改案件的{fields}；可修改：{editable}"},
    "no_such_fields": {
        "en": "a case has no {fields}; its fields: {editable}",
        "zh-TW": "案件沒有{fields}欄位；案件欄位為：{editable}"},
    "conflict": {
        "en": "case {ref} was changed by someone else since you opened it at version "
              "{expected}, now version {version}{since}; reload it and apply your change again",
        "zh-TW": "案件 {ref} 在您開啟（第 {expected} 版）之後已由他人修改，目前為第 {version} 版"
                 "{since}；請重新載入後再次進行您的修改"},
    "conflict_on_save": {
        "en": "case {ref} was changed by someone else while you saved it; reload it and apply "
              "your change again",
        "zh-TW": "儲存時案件 {ref} 已由他人修改；請重新載入後再次進行您的修改"},
    "no_note": {"en": "no note {note}", "zh-TW": "找不到註記 {note}"},
    "note_conflict": {
        "en": "note {note} was changed by someone else; reload it",
        "zh-TW": "註記 {note} 已由他人修改；請重新載入"},
    "unknown_status": {
        "en": "unknown case status {status!r}; one of {one_of}",
        "zh-TW": "不明的案件狀態「{status}」；可用狀態：{one_of}"},
    "bad_move": {
        "en": "case {ref} cannot go from {old!r} to {new!r}; from {old!r} it can go to: {can}",
        "zh-TW": "案件 {ref} 無法由「{old}」改為「{new}」；「{old}」只能改為：{can}"},
    "no_declarations": {
        "en": "no declaration {numbers}{more} in the database; check the numbers",
        "zh-TW": "資料庫中沒有報單 {numbers}{more}；請檢查號碼"},
    "declaration_twice": {
        "en": "declaration number {number} is used by more than one authority; add it from "
              "the browser, which tells them apart",
        "zh-TW": "報單號碼 {number} 有多個機關使用；請由瀏覽清單加入，以便區分"},
    "no_seizure_fields": {
        "en": "a seizure has no {fields}",
        "zh-TW": "查獲紀錄沒有{fields}欄位"},
    "quantity_positive": {
        "en": "a seized quantity must be more than 0 kg",
        "zh-TW": "查獲數量須大於 0 公斤"},
    "holds_already": {
        "en": "case {ref} already holds that declaration; edit its seizure instead",
        "zh-TW": "案件 {ref} 已包含該報單；請改為修改其查獲紀錄"},
    "does_not_hold": {
        "en": "case {ref} does not hold {count} of those records; nothing was removed",
        "zh-TW": "案件 {ref} 並未包含其中 {count} 筆紀錄；未移除任何紀錄"},
    "merge_itself": {
        "en": "case {ref} cannot be merged into itself; name two cases",
        "zh-TW": "案件 {ref} 無法併入自己；請指定兩件案件"},
    "merged_already": {
        "en": "case {ref} was merged already; undo that merge first",
        "zh-TW": "案件 {ref} 已被合併；請先復原該次合併"},
    "undo_kind": {
        "en": "nothing to undo of a {kind!r}; one of {kinds}",
        "zh-TW": "無法復原「{kind}」；可復原：{kinds}"},
    "nothing_to_undo": {
        "en": "no change of {kind} {ident} to undo",
        "zh-TW": "{kind} {ident} 沒有可復原的異動"},
    "nothing_to_redo": {
        "en": "nothing of {kind} {ident} to redo",
        "zh-TW": "{kind} {ident} 沒有可重做的異動"},
    "case_gone": {
        "en": "case {case} is gone; its change cannot be undone",
        "zh-TW": "案件 {case} 已不存在；其異動無法復原"},
    "field_changed_since": {
        "en": "case {ref}: {field} was changed since (now {now!r}); nothing was undone, edit "
              "it by hand",
        "zh-TW": "案件 {ref}：{field}已於其後再被修改（目前為「{now}」）；未復原任何異動，請手動修改"},
    "record_removed_since": {
        "en": "case {ref}: a record this change added was removed since; nothing was undone",
        "zh-TW": "案件 {ref}：此異動加入的紀錄已於其後被移除；未復原任何異動"},
    "holds_again": {
        "en": "case {ref} holds that declaration again since; nothing was undone",
        "zh-TW": "案件 {ref} 其後已再次包含該報單；未復原任何異動"},
    "decision_too_old": {
        "en": "the last decision on this party was made before decisions could be undone; "
              "make the opposite decision instead",
        "zh-TW": "此關係人的最後一次比對決定早於可復原功能；請改為做出相反的決定"},
    "party_exists_again": {
        "en": "party {party} exists again; the merge cannot be undone",
        "zh-TW": "關係人 {party} 已再次存在；無法取消合併"},
    "split_gained_identifiers": {
        "en": "party {party} gained identifiers since the split; merge it back instead",
        "zh-TW": "關係人 {party} 在分拆後已有新的識別資料；請改為將其合併回去"},
    "redo_unknown": {
        "en": "the decision undone on party {party} cannot be made again from the audit log; "
              "make it again in the review queue",
        "zh-TW": "無法依稽核軌跡重做關係人 {party} 已復原的決定；請在比對審查中重新決定"},
    "no_attachment": {"en": "no attachment {attachment}", "zh-TW": "找不到附件 {attachment}"},
    "attachment_damaged": {
        "en": "attachment {name} is damaged: its content no longer matches its SHA-256 {sha}",
        "zh-TW": "附件 {name} 已損毀：內容與其 SHA-256 {sha} 不符"},
    "cannot_write": {"en": "cannot write {path}: {why}", "zh-TW": "無法寫入 {path}：{why}"},
    "attachment_reason": {
        "en": "give a reason for removing an attachment",
        "zh-TW": "移除附件須填寫理由"},
    # casedb.parties: a party that is not there (merged away, or a wrong number)
    "no_party": {"en": "no party {party}", "zh-TW": "找不到關係人 {party}"},
    "no_party_merged": {
        "en": "no party {party}; it may have been merged into another",
        "zh-TW": "找不到關係人 {party}；可能已併入另一關係人"},
    "party_has_no_name": {
        "en": "party {party} has no name {name!r}",
        "zh-TW": "關係人 {party} 沒有名稱「{name}」"},
    # casedb.store.write_lock: a write that waited for another program's SQLite write lock
    "write_lock_cancelled": {
        "en": "stopped waiting for another program to finish writing to {database} after "
              "{seconds} s: nothing was written; try again once it has finished",
        "zh-TW": "已停止等候另一個程式完成寫入 {database}（已等候 {seconds} 秒）：未寫入任何資料；"
                 "請待其完成後再試"},
    # casedb.store.database: a write to a SQLite file opened read-only
    "database_read_only": {
        "en": "{database} is open read-only (no permission to write it, or read-only media): "
              "nothing was written; to change it, open a copy you can write to",
        "zh-TW": "{database} 以唯讀方式開啟（無寫入權限或位於唯讀媒體）：未寫入任何資料；"
                 "如需修改，請開啟您可寫入的複本"},
    "write_lock_limit": {
        "en": "another program kept {database} locked for writing for {minutes} min: nothing "
              "was written; try again once it has finished",
        "zh-TW": "另一個程式鎖定 {database} 的寫入已達 {minutes} 分鐘：未寫入任何資料；"
                 "請待其完成後再試"},
}

# Case fields, seizure fields and audit actions as a message names them in Chinese.
_WORDS_ZH = {
    "title": "案由", "status": "狀態", "opened_on": "立案日期", "closed_on": "結案日期",
    "lead_officer": "承辦人", "summary": "摘要", "tags": "標籤", "team": "承辦單位",
    "classification": "機密等級", "merged_into_id": "併入案件", "case_ref": "案號",
    "declaration_id": "報單", "seizure_date": "查獲日期", "quantity_kg": "查獲數量",
    "waste_category": "廢棄物類別", "basel_code": "巴塞爾代碼", "offence": "違規態樣",
    "detection_method": "查獲方式", "outcome": "處理狀態", "seizure": "查獲紀錄",
    "add": "加入", "remove": "移除", "merge": "合併", "undo": "復原", "redo": "重做",
    "case": "案件", "party": "關係人", "create": "建立",
}
_SEPARATOR = {"en": ", ", "zh-TW": "、"}


def error(cls: type[Exception], key: str, **values) -> Exception:
    """An error of ``cls`` saying message ``key`` in English, keeping ``key`` and ``values``
    for ``text``."""
    exc = cls(_render(key, "en", values))
    exc.message_key, exc.message_values = key, values
    return exc


def text(exc: BaseException, lang: str = "en") -> str:
    """What ``exc`` says, in ``lang`` when it was raised through ``error`` (else as raised)."""
    key = getattr(exc, "message_key", None)
    if key not in MESSAGES:
        return str(exc)
    return _render(key, lang, exc.message_values)


def _render(key: str, lang: str, values: dict) -> str:
    template = MESSAGES[key].get(lang) or MESSAGES[key]["en"]
    shown = {name: _value(name, value, lang) for name, value in values.items()}
    return template.format(**shown)


def _word(name: str, lang: str) -> str:
    if lang != "zh-TW":
        return name
    return " ".join(_WORDS_ZH.get(part, part) for part in name.split(" "))


def _statuses(value, lang: str) -> str:
    words = [case_status.word(s, lang) if lang != "en" else s for s in value]
    return _SEPARATOR.get(lang, ", ").join(words) or ("none" if lang == "en" else "無")


def _words(value, lang: str) -> str:
    return _SEPARATOR.get(lang, ", ").join(_word(f, lang) for f in value)


_SHOWN = {  # how a value of each name reads in a language
    "status": lambda v, lang: case_status.word(v, lang) if lang != "en" else v,
    "can": _statuses, "one_of": _statuses, "fields": _words, "editable": _words,
    "kinds": _words, "field": _word, "kind": _word,
    "since": lambda v, lang: _since(v, lang),
    "more": lambda v, lang: "" if not v else " and others" if lang == "en" else " 等",
    "numbers": lambda v, lang: _SEPARATOR.get(lang, ", ").join(v),
    "count": lambda v, lang: v if v is not None else "some" if lang == "en" else "部分",
}
_SHOWN["old"] = _SHOWN["new"] = _SHOWN["status"]


def _value(name: str, value, lang: str):
    shown = _SHOWN.get(name)
    return shown(value, lang) if shown is not None else value


def _since(changes, lang: str) -> str:
    """Who changed what since: [(who, [field or "action field"])]."""
    if not changes:
        return ""
    if lang == "zh-TW":
        what = "；".join(f"{who} 修改了{'、'.join(_word(w, lang) for w in words)}"
                        for who, words in changes)
        return f"（{what}）"
    what = "; ".join(f"{who} changed {', '.join(words)}" for who, words in changes)
    return f" ({what})"
