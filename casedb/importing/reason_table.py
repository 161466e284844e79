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
    "implausible_date": {
        "en": "implausible date {value} ({iso}): before 1950 or more than a year ahead",
        "zh-TW": "不合理的日期 {value}（{iso}）：早於 1950 年或晚於今天一年以上"},
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
    "ambiguous_weight": {
        "en": "ambiguous weight {value}: the dot may separate thousands or decimals (an import "
              "spec's \"decimal\": \"comma\" or \"point\" says which)",
        "zh-TW": "重量 {value} 有歧義：其中的點可能是千分位符號，也可能是小數點（可在匯入設定檔以 "
                 "\"decimal\": \"comma\" 或 \"point\" 指定）"},
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

# Why a whole file was not imported (casedb.importing's readers and their limits: readers,
# safety, sheet_budget, workbook_limits, ods_limits, xls_limits, encodings, sheets; a folder),
# as ReadError.reason says it. {detail} is what a library or the system said: kept as it is.
# {sheet} is a sheet's name as Python quotes it; numbers are written with thousands commas.
FILE_REASONS: dict[str, dict[str, str]] = {
    "is_folder": {"en": "is a folder, not a file; name the files in it",
                  "zh-TW": "這是資料夾而非檔案；請指定其中的檔案"},
    "no_such_file": {"en": "no such file; check the path", "zh-TW": "找不到檔案；請檢查路徑"},
    "cannot_open": {"en": "cannot open file: {detail}", "zh-TW": "無法開啟檔案：{detail}"},
    "file_empty": {"en": "file is empty", "zh-TW": "檔案是空的"},
    "file_too_large": {"en": "file is too large ({size} bytes)",
                       "zh-TW": "檔案過大（{size} 位元組）"},
    "not_valid_kind": {"en": "not a valid {ext} file", "zh-TW": "不是有效的 {ext} 檔案"},
    "not_readable": {"en": "not a readable spreadsheet: {detail}",
                     "zh-TW": "無法讀取的試算表：{detail}"},
    "not_text": {"en": "not a text file (contains NUL bytes)",
                 "zh-TW": "不是文字檔（含有 NUL 位元組）"},
    "malformed_text": {"en": "malformed text file: {detail}", "zh-TW": "文字檔格式錯誤：{detail}"},
    "unknown_encoding": {"en": "cannot decode text: unknown encoding",
                         "zh-TW": "無法解讀文字：不明的編碼"},
    "bad_encoding": {"en": "cannot decode text as {encoding}: {detail}",
                     "zh-TW": "無法以 {encoding} 解讀文字：{detail}"},
    "zip_truncated": {"en": "not a valid spreadsheet: damaged or truncated zip ({detail})",
                      "zh-TW": "不是有效的試算表：ZIP 壓縮檔損毀或不完整（{detail}）"},
    "zip_unreadable": {"en": "not a valid spreadsheet: unreadable zip ({detail})",
                       "zh-TW": "不是有效的試算表：無法讀取的 ZIP 壓縮檔（{detail}）"},
    "zip_damaged": {"en": "not a valid spreadsheet: damaged zip ({detail})",
                    "zh-TW": "不是有效的試算表：ZIP 壓縮檔損毀（{detail}）"},
    "part_damaged": {"en": "not a valid spreadsheet: {part} is damaged ({detail})",
                     "zh-TW": "不是有效的試算表：{part} 已損毀（{detail}）"},
    "too_many_parts": {"en": "refused: {count} parts in the archive",
                       "zh-TW": "拒絕讀取：壓縮檔內有 {count} 個部分"},
    "zip_bomb": {"en": "refused: {part} expands {ratio} times (zip bomb)",
                 "zh-TW": "拒絕讀取：{part} 解壓縮後膨脹 {ratio} 倍（ZIP 炸彈）"},
    "expands_to": {"en": "refused: expands to {size} bytes",
                   "zh-TW": "拒絕讀取：解壓縮後達 {size} 位元組"},
    "xlsb": {"en": "an Excel binary workbook (xlsb), which is not read; save it as xlsx and "
                   "import that",
             "zh-TW": "這是二進位活頁簿（XLSB），無法讀取；請另存為 XLSX 後再匯入"},
    "sheet_rows_over": {"en": "sheet {sheet} has more than {limit} rows",
                        "zh-TW": "工作表 {sheet} 超過 {limit} 列"},
    "sheet_row_width": {"en": "sheet {sheet} row {row} has {width} columns",
                        "zh-TW": "工作表 {sheet} 第 {row} 列有 {width} 欄"},
    "cell_over": {"en": "row {row}: a cell of more than {limit} characters is too long",
                  "zh-TW": "第 {row} 列：有儲存格超過 {limit} 個字元，內容過長"},
    "sheet_cell_over": {
        "en": "sheet {sheet} row {row} column {at}: cell of {size} characters is too long",
        "zh-TW": "工作表 {sheet} 第 {row} 列第 {at} 欄：儲存格有 {size} 個字元，內容過長"},
    "budget_rows": {"en": "sheet {sheet} {says} {rows} rows, more than the {limit} allowed",
                    "zh-TW": "工作表 {sheet} {says} {rows} 列，超過上限 {limit} 列"},
    "budget_columns": {"en": "sheet {sheet} {says} {width} columns, more than the {limit} allowed",
                       "zh-TW": "工作表 {sheet} {says} {width} 欄，超過上限 {limit} 欄"},
    "budget_cells": {
        "en": "sheet {sheet} {says} {rows} rows by {width} columns, more than the {limit} "
              "cells allowed",
        "zh-TW": "工作表 {sheet} {says} {rows} 列乘 {width} 欄，超過上限 {limit} 個儲存格"},
    "budget_text_shared": {
        "en": "sheet {sheet} expands to more than {limit} bytes of text (cells repeating long "
              "shared strings)",
        "zh-TW": "工作表 {sheet} 展開後的文字超過 {limit} 位元組（儲存格重複引用很長的共用字串）"},
    "budget_text": {"en": "sheet {sheet} expands to more than {limit} bytes of text",
                    "zh-TW": "工作表 {sheet} 展開後的文字超過 {limit} 位元組"},
    "too_sparse": {
        "en": "sheet {sheet} has {rows} rows by {width} columns but only {cells} cells with "
              "anything in them, too sparse to read safely",
        "zh-TW": "工作表 {sheet} 有 {rows} 列乘 {width} 欄，卻只有 {cells} 個儲存格有內容，"
                 "過於稀疏，無法安全讀取"},
    "element_too_long": {"en": "{part} holds an element longer than {limit} bytes",
                         "zh-TW": "{part} 內有超過 {limit} 位元組的元素"},
    "shared_strings": {"en": "more than {limit} shared strings",
                       "zh-TW": "共用字串超過 {limit} 個"},
    "shared_strings_bytes": {"en": "its shared strings take more than {limit} bytes",
                             "zh-TW": "其共用字串超過 {limit} 位元組"},
    "not_readable_xls": {"en": "not a readable xls: {why}", "zh-TW": "無法讀取的 XLS 檔：{why}"},
    "xls_truncated": {"en": "a truncated compound file", "zh-TW": "複合文件不完整"},
    "xls_sector_size": {"en": "a compound file with an unknown sector size",
                        "zh-TW": "複合文件的磁區大小不明"},
    "xls_past_end": {"en": "a compound file pointing past its end",
                     "zh-TW": "複合文件指向檔案結尾之後"},
    "xls_chain": {"en": "a compound file with a broken sector chain",
                  "zh-TW": "複合文件的磁區鏈中斷"},
    "xls_no_directory": {"en": "a compound file without a directory",
                         "zh-TW": "複合文件沒有目錄"},
    "xls_damaged": {"en": "a damaged compound file", "zh-TW": "複合文件已損毀"},
    "xls_no_workbook": {"en": "no Workbook stream", "zh-TW": "沒有活頁簿資料流"},
    "header_past_end": {
        "en": "the import spec puts the header on row {row}, but sheet {sheet} has {rows} rows",
        "zh-TW": "匯入設定檔將標題列設在第 {row} 列，但工作表 {sheet} 只有 {rows} 列"},
    "trade_statistics": {
        "en": "looks like trade statistics, not declarations (columns {columns}); import it "
              "with 'wasteintel trade import'",
        "zh-TW": "看來是貿易統計資料而非報單（欄位 {columns}）；請以 'wasteintel trade import' 匯入"},
    "no_recognisable_sheet": {
        "en": "no sheet with recognisable columns (such as 'Declaration No.' or '報單號碼'); an "
              "import spec can name them",
        "zh-TW": "沒有任何工作表含可辨識的欄位（例如 'Declaration No.' 或「報單號碼」）；"
                 "可用匯入設定檔指定欄位"},
    # XML workbooks (spreadsheetml) and HTML tables saved as .xls: the refusal before its wrapper
    "xml_doctype": {
        "en": "an XML workbook with a document type declaration, which no spreadsheet program "
              "writes; refused",
        "zh-TW": "含文件類型宣告的 XML 活頁簿，試算表程式不會寫出此內容；拒絕讀取"},
    "xml_damaged": {"en": "a damaged XML workbook ({detail})",
                    "zh-TW": "XML 活頁簿已損毀（{detail}）"},
    "xml_with": {"en": "an XML workbook with {why}", "zh-TW": "XML 活頁簿有以下問題：{why}"},
    "html_with": {"en": "an HTML table with {why}", "zh-TW": "HTML 表格有以下問題：{why}"},
    "page_encoding": {"en": "cannot decode the page as {encoding}: {detail}",
                      "zh-TW": "無法以 {encoding} 解讀網頁：{detail}"},
    "entity_declaration": {"en": "an entity declaration, which no spreadsheet program writes",
                           "zh-TW": "實體宣告，試算表程式不會寫出此內容"},
    "table_cells": {
        "en": "a table declaring {rows} rows by {width} columns, more than the {limit} cells "
              "allowed",
        "zh-TW": "表格宣告有 {rows} 列乘 {width} 欄，超過上限 {limit} 個儲存格"},
    "row_columns_over": {"en": "row {row} has more than {limit} columns",
                         "zh-TW": "第 {row} 列超過 {limit} 欄"},
    "cells_over": {"en": "more than {limit} cells", "zh-TW": "超過 {limit} 個儲存格"},
    "table_rows_over": {"en": "more than {limit} rows in a table",
                        "zh-TW": "表格超過 {limit} 列"},
    "cannot_be_read": {"en": "cannot be read: {detail}", "zh-TW": "無法讀取：{detail}"},
    "html_no_table": {
        "en": "an HTML page without a table, not a spreadsheet; export the data as xlsx or csv",
        "zh-TW": "這是沒有表格的 HTML 網頁，不是試算表；請將資料匯出為 XLSX 或 CSV"},
}
REASONS |= FILE_REASONS

_NUMBER = r"\d[\d,]*"
# What a value may be when a stored English text is matched (default: any text).
PATTERNS = {"kind": r"country|port", "digit": r"\d", "expected": r"\d", "iso": r"[\d-]+",
            "shortest": r"\d+", "longest": r"\d+", "median": r"[^ ]+",
            "sheet": r"'.*?'|\".*?\"", "says": r"has|declares", "ext": r"\w*",
            "size": _NUMBER, "limit": _NUMBER, "rows": _NUMBER, "width": _NUMBER,
            "cells": _NUMBER, "count": _NUMBER, "ratio": _NUMBER, "row": _NUMBER, "at": _NUMBER}

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
    # how a file's sheet is measured (casedb.importing.sheet_budget): as written, as it says
    "has": "有", "declares": "宣告有",
}
