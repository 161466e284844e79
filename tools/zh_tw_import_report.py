"""Traditional Chinese for the import report the wizard exports (app/actions/import_report.py):
merged into tools/translate_zh_tw.py's IN_CONTEXT (its kinds and statuses are in ZH already)."""

IN_CONTEXT = {("ImportReport", en): zh for en, zh in {
    "file": "檔案", "kind": "類別", "sheet": "工作表", "row": "列", "column": "欄位",
    "value": "原始值", "reason": "原因",
}.items()}
