"""The reasons an import gives for refusing a row or keeping a value as written, in English and
Traditional Chinese: key -> {"en": template, "zh-TW": template}.

The English templates say exactly what casedb.normalize and the importer have always said (the
command line, the logs and the database keep those words); casedb.importing.reasons words them
in another language, from a reason's key and values or, for a reason stored as English text,
from the template it matches. Templates are tried in this order: a specific one before a
general one it overlaps ("unknown weight unit 'lbs'" before "unknown country 'X'"), and
one that wraps another reason ("...; kept as written") before all.

A value is put in as the English shows it (quoted where the English quotes it). ``PATTERNS``
narrows what a value may be when a stored English text is matched."""

from __future__ import annotations

REASONS: dict[str, dict[str, str]] = {
    # A reason around another: tried first, its inner reason worded in turn.
    "kept_as_written": {"en": "{why}; kept as written", "zh-TW": "{why}；已依原文保留"},
    # casedb.normalize: values that cannot be read
    "unknown_weight_unit": {"en": "unknown weight unit {unit}", "zh-TW": "不明的重量單位 {unit}"},
    "unknown_direction": {
        "en": "unknown direction {value} (import, export or transit)",
        "zh-TW": "無法辨識的進出口別 {value}（應為進口、出口或轉運）"},
    "unknown_suggested": {
        "en": "unknown {kind} {value} (did you mean {suggestion}?)",
        "zh-TW": "不明的{kind} {value}（是否為「{suggestion}」？）"},
    "unknown_hinted": {"en": "unknown {kind} {value} ({hint})",
                       "zh-TW": "不明的{kind} {value}（{hint}）"},
    "unknown": {"en": "unknown {kind} {value}", "zh-TW": "不明的{kind} {value}"},
    "malformed_container": {
        "en": "malformed container number {value} (4 letters + 7 digits)",
        "zh-TW": "貨櫃號碼格式錯誤 {value}（應為 4 個字母加 7 位數字）"},
    "container_check_digit": {
        "en": "container {number}: check digit {digit} should be {expected}",
        "zh-TW": "貨櫃號碼 {number} 的檢查碼 {digit} 錯誤，應為 {expected}"},
    "impossible_date": {"en": "impossible date {value} ({iso})",
                        "zh-TW": "不存在的日期 {value}（{iso}）"},
    "not_a_date": {"en": "not a date: {value}", "zh-TW": "無法讀取的日期：{value}"},
    "malformed_hs_length": {
        "en": "malformed HS code {value} ({shortest} to {longest} digits)",
        "zh-TW": "稅則號別格式錯誤 {value}（應為 {shortest} 至 {longest} 位數字）"},
    "malformed_hs_digits": {"en": "malformed HS code {value} (digits only)",
                            "zh-TW": "稅則號別格式錯誤 {value}（只能有數字）"},
    "malformed_hs": {"en": "malformed HS code {value}", "zh-TW": "稅則號別格式錯誤 {value}"},
    "malformed_imo": {"en": "malformed IMO number {value} (7 digits)",
                      "zh-TW": "IMO 號碼格式錯誤 {value}（應為 7 位數字）"},
    "imo_check_digit": {"en": "IMO {number}: check digit {digit} should be {expected}",
                        "zh-TW": "IMO 號碼 {number} 的檢查碼 {digit} 錯誤，應為 {expected}"},
    "not_a_phone": {"en": "not a phone number: {value}", "zh-TW": "無法讀取的電話號碼：{value}"},
    "not_an_email": {"en": "not an email address: {value}",
                     "zh-TW": "無法讀取的電子郵件地址：{value}"},
    "not_a_weight": {"en": "not a weight: {value}", "zh-TW": "無法讀取的重量：{value}"},
    "negative_weight": {"en": "negative weight {value}", "zh-TW": "重量為負數：{value}"},
    "not_a_number": {"en": "not a number: {value}", "zh-TW": "無法讀取的數字：{value}"},
    # casedb.importing: cells, optional values kept as written, rows refused
    "cell_too_long": {"en": "cell is too long", "zh-TW": "儲存格內容過長"},
    "not_containers": {"en": "not container numbers: {numbers}",
                       "zh-TW": "非貨櫃號碼：{numbers}"},
    "missing_number": {
        "en": "missing declaration number (and no B/L number to key a shipment by)",
        "zh-TW": "缺少報單號碼（也沒有可用來識別貨運的提單號碼）"},
    "trader_direction": {
        "en": "whether this trader ships or receives depends on the direction (import or "
              "export), which the row does not give",
        "zh-TW": "此收發貨人是發貨或收貨，取決於進出口別，而此列未載明進出口別"},
    # casedb.importing.write_new and seizures (worded here from their English)
    "missing_weight": {"en": "missing weight (gross or net) for a new declaration",
                       "zh-TW": "新報單缺少重量（毛重或淨重）"},
    "missing_date": {"en": "missing declaration date", "zh-TW": "缺少申報日期"},
    "reference_taken": {  # casedb.messages' reference_taken, raised by casedb.security
        "en": "case reference {ref} is already used by another case (perhaps one you are not "
              "allowed to see): choose another reference",
        "zh-TW": "案號 {ref} 已由另一件案件使用（可能是您無權檢視的案件）：請另選案號"},
    "two_sources_disagree": {"en": "two sources disagree", "zh-TW": "兩個來源不一致"},
    # casedb.importing.questions: what a file needs settled before it is imported
    "no_column_maybe": {"en": "no column holds the {what} (maybe {columns})",
                        "zh-TW": "沒有欄位載明{what}（可能是 {columns}）"},
    "no_column": {"en": "no column holds the {what}", "zh-TW": "沒有欄位載明{what}"},
    "several_columns": {"en": "several columns could hold the {what}: {columns}",
                        "zh-TW": "有多個欄位可能載明{what}：{columns}"},
    "unit_unknown": {
        "en": "column {column} names no unit and {why}; say which unit it is in (kg, t or lb)",
        "zh-TW": "欄位 {column} 未載明單位，且{why}；請指定其單位（公斤、公噸或磅）"},
    "light_containers": {
        "en": "its values (median {median} a container) would be a few dozen kilograms in a "
              "shipping container",
        "zh-TW": "若以公斤計，其數值（每櫃中位數 {median}）一個貨櫃只有數十公斤"},
    "light_declarations": {
        "en": "its values (median {median}) would be a few dozen kilograms of bulk waste a "
              "declaration",
        "zh-TW": "若以公斤計，其數值（中位數 {median}）每份報單只有數十公斤的散裝廢棄物"},
}

# What a value may be when a stored English text is matched (default: any text).
PATTERNS = {"kind": r"country|port", "digit": r"\d", "expected": r"\d", "iso": r"[\d-]+",
            "shortest": r"\d+", "longest": r"\d+", "median": r"[^ ]+"}

# Values that are reasons themselves, worded in turn.
NESTED = frozenset({"why"})  # "why" is always a reason: "{why}; kept as written"

# Words for values: the kind of an unknown value, the hints it comes with, column words the
# importer uses where a sheet has no header for a field.
WORDS_ZH = {
    "country": "國家", "port": "港口",
    "more than one country has that name": "有多個國家使用此名稱",
    "a port number that is not a US Schedule D code": "此港口編號不是美國港口代碼（Schedule D）",
    "weight": "重量",
    # a finding's status (casedb.importing.review)
    "kept as written": "依原文保留", "open": "待處理", "explained": "已釐清",
    "confirmed": "確認不一致", "declaration date": "申報日期", "declaration number": "報單號碼",
    "domestic trader": "境內收發貨人", "foreign trader": "境外收發貨人",
}
