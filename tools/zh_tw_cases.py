"""Traditional Chinese for the case-work views of issue 20 (the split rings' table, the quantities
asked when declarations are added, entity decisions on the undo stack): merged into
tools/translate_zh_tw.py's tables."""

ZH = {
    # the split rings' table and its filter (widgets/ring_table.py, widgets/split_view.py)
    "Typology": "態樣", "Shippers": "出口人", "Shared identifiers": "共用識別資料",
    "Ports": "港口", "First": "首筆", "Last": "末筆", "Already in cases": "已在案件中",
    "%1 %2 (%3 shippers)": "%1 %2（%3 個出口人）",
    "%1; %2 of its %3 declarations in no case": "%1；其 %3 筆報單中有 %2 筆尚未列入案件",
    "None of its declarations is in a case": "其報單皆未列入案件", "none": "無",
    "being read…": "讀取中…", "scatter-gather": "分散後集中", "fan-in": "多對一",
    "fan-out": "一對多", "stack": "堆疊", "fax": "傳真", "tax id": "統一編號",
    "Filter the rings: shipper, identifier, port, case…": "篩選集團：出口人、識別資料、港口、案件…",
    # several declarations added with their quantities (widgets/case_picker.py)
    "Quantity seized of each declaration (kg; blank: unknown):":
        "各報單查獲數量（公斤；空白表示不明）：",
    "Seized = declared gross weight": "查獲數量 = 申報毛重",
    "Fill every row with its declaration's gross weight": "以各報單的毛重填入每一列",
    "Seized kg": "查獲公斤數",
    "The quantity seized of %1 must be a number of kg above 0, or blank.":
        "%1 的查獲數量須為大於 0 的公斤數，或留空。",
    # entity decisions on Edit > Undo / Redo (app/actions/entity_undo.py)
    "Merge parties %1": "合併關係人 %1", "Different parties %1": "判定不同關係人 %1",
    "Split %1 out": "分拆出 %1", "Undo the last decision of %1": "復原 %1 的最後一次比對決定",
}
# The same English word meaning something else in these views: (context, source) -> translation.
IN_CONTEXT = {("RingTable", "Why"): "研判理由", ("RingTable", "Declarations"): "報單數",
              ("RingTable", "Score"): "分數"}
