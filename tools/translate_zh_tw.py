"""Fill the Traditional Chinese translation: ``make translations`` runs lupdate, this script,
then lrelease. Strings chosen at run time (statuses, roles, link kinds) are added per context."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import zh_tw_cases  # tools/, beside this script
import zh_tw_import_report  # tools/: the import report's columns (issue 20)

from casedb.dossier.labels import SPLIT_REASONS, VALUES

ZH = {
    "%1: %2 imported, %3 merged, %4 unchanged, %5 refused":
        "%1：匯入 %2 筆，合併 %3 筆，未變更 %4 筆，拒收 %5 筆",
    "%1 case(s)": "%1 件案件", "%1 declaration(s)": "%1 筆報單",
    "&About WasteIntel": "關於 WasteIntel(&A)", "&File": "檔案(&F)",
    "&Help": "說明(&H)", "&Import spreadsheets…": "匯入試算表(&I)…",
    "&New database…": "新增資料庫(&N)…", "&Open database…": "開啟資料庫(&O)…", "&Quit": "結束(&Q)",
    "&Refresh": "重新整理(&R)", "&View": "檢視(&V)", "About WasteIntel": "關於 WasteIntel",
    "Add note": "新增註記", "All statuses": "所有狀態", "Author": "作者", "B/L": "提單",
    "Basel": "巴塞爾代碼", "Cancel": "取消", "Case": "案件",
    "Case databases (*.db *.sqlite)": "案件資料庫 (*.db *.sqlite)",
    "Case databases (*.db)": "案件資料庫 (*.db)", "Cases": "案件",
    "Connect to &PostgreSQL…": "連線至 &PostgreSQL…", "Connect to PostgreSQL": "連線至 PostgreSQL",
    "Containers": "貨櫃", "Country": "國別", "Database: %1": "資料庫：%1", "Date": "日期",
    "Declaration": "報單", "Declarations": "報單", "Detail": "內容", "Detection": "查獲方式",
    "Discharge": "卸貨港", "Event": "事件", "File": "檔案", "From": "起運國", "Gross kg": "毛重(公斤)",
    "HS": "稅則", "HS family, e.g. 3915": "稅則類別，例如 3915", "Hops": "層數",
    "Import failed": "匯入失敗", "Import finished": "匯入完成", "Import spreadsheets": "匯入試算表",
    "Upgrading the case database": "正在升級案件資料庫",
    "This version of WasteIntel stores cases differently, so the case database is upgraded "
    "once. A copy of the old file is kept next to it.\n\n%1":
        "此版本的 WasteIntel 以不同方式儲存案件，案件資料庫須升級一次。舊檔案的副本會保留在"
        "同一資料夾。\n\n%1",
    "Importing…": "匯入中…", "Building indexes and saving…": "正在建立索引並儲存…", "Lead officer": "承辦人", "Linked cases (%n)": "關聯案件 (%n)",
    "New case database": "新增案件資料庫", "Note": "註記", "Notes": "註記", "Offence": "違規態樣",
    "Open case database": "開啟案件資料庫", "Open database": "開啟資料庫", "Opened": "立案日期",
    "Opened %1": "已開啟 %1", "Outcome": "處理狀態", "Parties": "關係人", "Party": "關係人",
    "Provenance": "資料來源", "Role": "角色", "Route": "航線", "Rows": "列", "SHA-256": "SHA-256",
    "Sailing": "航次", "Score": "分數",
    "Search case, company (any spelling), container, B/L, HS code…":
        "搜尋案件、公司（任何拼寫）、貨櫃、提單、稅則…",
    "Seized on": "查獲日期", "Seizures": "查獲紀錄", "Seizures and declarations": "查獲與報單",
    "Server URL (postgresql://user@host/database):": "伺服器網址 (postgresql://user@host/database)：",
    "Sheet": "工作表", "Spreadsheets (%1)": "試算表 (%1)", "Status": "狀態", "Summary": "摘要",
    "Tags": "標籤", "Timeline": "時間軸", "Title": "案由", "To": "目的國",
    "Total gross weight": "總毛重", "Vessel": "船名", "Via": "轉運港",
    "WasteIntel — %1": "WasteIntel — %1", "When": "時間", "Why": "關聯原因",
    "Write a note (saved to the audit log)…": "撰寫註記（記錄於稽核軌跡）…",
    "as written: %1": "原始寫法：%1", "kg": "公斤",
    "Export case &dossier…": "匯出案件卷宗(&D)…", "Case dossier": "案件卷宗",
    "Open a case first.": "請先開啟案件。", "PDF (*.pdf);;Self-contained HTML (*.html)":
        "PDF (*.pdf);;獨立 HTML (*.html)", "Classification banner:": "機密等級標示：",
    "Dossier written to %1": "卷宗已寫入 %1", "en": "zh-TW",
    "Declarations: plastic scrap (HS 3915) by destination": "報單：廢塑膠（3915）依目的國",
    "Trade statistics: BACI HS 3915 by importer": "貿易統計：BACI 3915 依進口國",
    "Route shifts": "航線轉移", "Split shipments": "分批申報", "Link chart": "關聯圖",
    "Analysis": "分析", "Share of the period's total (%)": "占當期總量比例 (%)",
    "Before": "之前", "After": "之後", "change point": "轉折點", "Gross weight (t)": "毛重（公噸）",
    "score %1 — %2": "分數 %1 — %2",
    # the workstation shell, the import wizard, the entity review queue
    "&Entity review…": "關係人比對審查(&E)…", "&Language": "語言(&L)",
    "&Recent databases": "最近使用的資料庫(&R)", "Follow the system": "依系統設定",
    "Loading the analyses…": "分析模組載入中…",
    "The language changes when WasteIntel next starts.": "語言將於下次啟動 WasteIntel 時變更。",
    "Entity review": "關係人比對審查", "Candidate": "候選對象", "Different parties": "不同關係人",
    "Evidence": "證據", "Names of the selected parties:": "所選關係人的名稱：",
    "Reason (kept in the audit log)": "理由（記錄於稽核軌跡）", "Same party: merge": "同一關係人：合併",
    "Split the selected name out": "將所選名稱分出",
    "The names under which the two parties appeared": "兩關係人曾使用的名稱",
    "Add files…": "新增檔案…", "Choose the files": "選擇檔案",
    "Spreadsheets from any system: xlsx, xls, ods, csv; English or Chinese headers. You can "
    "also drop files on the main window.":
        "任何系統匯出的試算表：xlsx、xls、ods、csv；英文或中文欄名皆可。也可將檔案拖放至主視窗。",
    "%1, sheet %2: header found on row %3": "%1，工作表 %2：欄名位於第 %3 列",
    "(ignore)": "（略過）", "Check the columns": "確認欄位", "Column": "欄位", "Confidence": "信心度",
    "Field": "對應欄位", "First rows:": "前幾列：",
    "Import specs (*.json *.yaml *.yml)": "匯入規格 (*.json *.yaml *.yml)",
    "Import specs (*.json *.yaml)": "匯入規格 (*.json *.yaml)", "Load import spec": "載入匯入規格",
    "Load import spec…": "載入匯入規格…", "Reading %1…": "讀取 %1 中…",
    "Save as import spec…": "另存為匯入規格…", "Save import spec": "儲存匯入規格",
    "%1: %2 rows read, %3 imported, %4 merged, %5 unchanged, %6 refused":
        "%1：讀取 %2 列，匯入 %3 筆，合併 %4 筆，未變更 %5 筆，拒收 %6 筆",
    "CSV (*.csv);;Excel (*.xlsx)": "CSV (*.csv);;Excel (*.xlsx)", "Cancel import": "取消匯入",
    "Export report": "匯出報告", "Export report…": "匯出報告…", "Import": "匯入", "Reason": "原因",
    "Row": "列", "Cancelled: nothing was imported.": "已取消：未匯入任何資料。",
    "Not imported: %1": "未匯入：%1",
    # analysis views: map, link chart, exports
    "Map": "地圖", "All periods": "所有期間", "Before / after an event": "事件前後",
    "Step by period": "逐期檢視", "Before: %1": "之前：%1", "After: %1": "之後：%1",
    "Export map": "匯出地圖", "Export…": "匯出…", "Export image": "匯出圖片",
    "Export image…": "匯出圖片…", "PNG image (*.png);;SVG image (*.svg)":
        "PNG 圖片 (*.png);;SVG 圖片 (*.svg)", "PNG image (*.png);;SVG drawing (*.svg)":
        "PNG 圖片 (*.png);;SVG 向量圖 (*.svg)",
    "Could not write %1: choose a .png or .svg file in a folder you may write to.":
        "無法寫入 %1：請選擇可寫入資料夾中的 .png 或 .svg 檔案。",
    "destination": "目的地", "origin": "起運地", "transit": "轉運", "%1": "%1",
    "%1 (%2 t)": "%1（%2 公噸）", "%1 (%2)": "%1（%2）",
    "%n link(s)": "%n 條連結", "%n node(s)": "%n 個節點", "No path links %1 and %2.":
        "%1 與 %2 之間沒有路徑。", "laying out…": "配置中…",
    "Add the selected nodes' neighbours": "加入所選節點的相鄰節點",
    "Colour nodes by community (Louvain)": "依社群（Louvain）為節點著色", "Communities": "社群",
    "Expand": "展開", "Fit": "全覽", "Hide": "隱藏", "Hide the selected nodes (Delete)":
        "隱藏所選節點（Delete）",
    "Highlight the shortest path between the two selected nodes (Ctrl+click selects a second)":
        "標示兩個所選節點間的最短路徑（Ctrl+點選可選第二個）",
    "Lay the network out again; pinned nodes stay": "重新配置網絡；已固定的節點不動",
    "Pin": "固定", "Pin or unpin the selected nodes: pinned nodes keep their place when the "
    "layout runs": "固定或取消固定所選節點：固定的節點在重新配置時保持原位",
    "Re-layout": "重新配置", "Save the chart as a PNG or SVG file": "將圖表存為 PNG 或 SVG 檔案",
    "Shortest path": "最短路徑", "Show hidden": "顯示隱藏節點",
    "Show the nodes hidden so far again": "重新顯示先前隱藏的節點",
    "Show the whole network": "顯示整個網絡", "Size": "大小",
    "Size by betweenness (estimate)": "依中介中心性（估計）調整大小", "Size by degree": "依連結數調整大小",
    "Size by kind": "依類型調整大小", "Size nodes by kind or by centrality": "依類型或中心性調整節點大小",
    "Shares over time": "比例趨勢", "Heat matrix": "熱度矩陣",
    "Share of the period's total (%): dark low, bright high": "占當期總量比例 (%)：深色低、亮色高",
    "Change points detected in each route's share": "各航線比例偵測到的轉折點",
    "Biggest risers and fallers around the event": "事件前後增減最多的航線",
    "Open as a new case…": "開立為新案件…", "Open as a new case": "開立為新案件",
    "Add to the open case": "加入目前開啟的案件", "Case reference:": "案件編號：",
    "Split shipment ring: %1 declarations, %2 t": "分批申報集團：%1 筆報單，%2 公噸",
    "Port": "港口", "Container": "貨櫃", "Address": "地址", "Phone": "電話", "E-mail": "電子郵件",
    "%1\n%2 t in %3 (%4 t a period), %5 of the tonnage shown\n%6 km by sea":
        "%1\n%3 共 %2 公噸（每期 %4 公噸），占所示噸數 %5\n海運 %6 公里",
    "%1 (%2)\n%3\n%4 t": "%1（%2）\n%3\n%4 公噸",
    "Main": "主工具列", "Country (name or ISO code)": "國別（名稱或 ISO 代碼）",
    "Port (name or UN/LOCODE)": "港口（名稱或 UN/LOCODE）", "Declared from": "申報日期自",
    "to": "至", "any date": "不限日期",
    "Export &table…": "匯出表格(&T)…", "Export table": "匯出表格",
    "Excel (*.xlsx);;CSV (*.csv)": "Excel (*.xlsx);;CSV (*.csv)", "%1 rows written to %2":
        "已寫入 %1 列至 %2",
    "The ring's shippers and consignees, linked by the tonnes between them, and the phones, "
    "addresses or e-mails the shippers share":
        "此集團的出口人與進口人，以其間公噸數相連，並列出出口人共用的電話、地址或電子郵件",
    # the case view: attachments, note editing, dossier button
    "%1 bytes": "%1 位元組",
    "%1 is too large to attach (%2; the limit is %3).": "%1 過大，無法附加（%2；上限為 %3）。",
    "Add…": "新增…",
    "Added at": "附加時間",
    "Added by": "附加者",
    "Attach files": "附加檔案",
    "Attach files to the case (recorded in the audit log)": "將檔案附加至案件（記錄於稽核軌跡）",
    "Attached %1": "已附加 %1",
    "Attachment removed": "已移除附件",
    "Attachments (%n)": "附件 (%n)",
    "Cannot read %1: %2": "無法讀取 %1：%2",
    "Description": "說明",
    "Description (optional):": "說明（選填）：",
    "Dossier…": "卷宗…",
    "Edit": "編輯",
    "Edit the selected note": "編輯所選註記",
    "It no longer exists (someone else may have removed it): %1": "該項目已不存在（可能已被他人移除）：%1",
    "Note not saved": "註記未儲存",
    "Note saved": "註記已儲存",
    "Remove attachment": "移除附件",
    "Remove…": "移除…",
    "Save as…": "另存新檔…",
    "Save attachment": "儲存附件",
    "Save changes": "儲存變更",
    "Saved %1": "已儲存 %1",
    "Someone else changed this note since you opened it. The case has been reloaded: compare their text in the list with yours in the editor, then save again or cancel.": "您開啟此註記後已有他人修改。案件已重新載入：請比對清單中對方的內容與編輯區中您的內容，再重新儲存或取消。",
    "Someone else changed this since you opened it; nothing was saved. Refresh the case and try again.": "您開啟後已有他人修改此項目，未儲存任何變更。請重新整理案件後再試一次。",
    "The change could not be made: %1": "無法完成變更：%1",
    "Why remove %1? (recorded in the audit log)": "移除 %1 的理由？（記錄於稽核軌跡）",
    "Write this case's dossier (PDF or HTML)": "產出本案卷宗（PDF 或 HTML）",
    # the analysis dock and its flows
    "Source": "來源", "Grouped by": "分組依據", "destination country": "目的國",
    "destination port": "目的港", "importer": "進口國", "exporter": "出口國",
    "Trade statistics (BACI)": "貿易統計（BACI）",
    "HS code or its first digits, e.g. 3915 (plastic scrap)": "稅則號別或其前幾碼，例如 3915（廢塑膠）",
    "Trade statistics: %1 (%2 %3)": "貿易統計：%1（%2 %3）", "Trade statistics: %1": "貿易統計：%1",
    "%1, HS %2": "%1，稅則 %2", "all": "全部", "%1 (partial: %2)": "%1（部分期間：%2）",
    "Could not finish: %1": "無法完成：%1",
    # case management, evidence trail, company view, search, linked cases (issue 20)
    "Open": "開啟", "Add to case…": "加入案件…", "Search for this": "搜尋此項",
    "New case": "新增案件", "Edit case %1": "編輯案件 %1", "e.g. TW-2024-001": "例如 TW-2024-001",
    "comma-separated, e.g. plastics, transshipment": "以逗號分隔，例如 廢塑膠, 轉運",
    "(none)": "（無）", "why (kept in the audit log)": "理由（記錄於稽核軌跡）",
    "Reference": "案號", "Closed": "結案日期", "Team": "小組", "Classification": "機密等級",
    "no date": "無日期", "Redone: %1": "已重做：%1", "Undone: %1": "已復原：%1",
    "Not saved: someone else changed the case": "未儲存：他人已修改此案件",
    "Someone else changed this case since you opened it, so your change was not saved. The "
    "case has been reloaded; look at their change and make yours again.\n\n%1":
        "您開啟此案件後已有他人修改，因此您的變更未儲存。案件已重新載入；請檢視對方的變更後"
        "再重新修改。\n\n%1",
    "Case %1 created": "已建立案件 %1", "Edit %1": "編輯 %1", "Case %1 saved": "案件 %1 已儲存",
    "Add to case": "加入案件", "Add %1 declaration(s) to:": "將 %1 筆報單加入：",
    "Add %1 declaration(s) to %2": "將 %1 筆報單加入 %2",
    "Case %1 holds those declarations already": "案件 %1 已包含這些報單",
    "Remove %1 declaration(s) from %2": "自 %2 移除 %1 筆報單",
    "removed in the case view": "於案件檢視中移除",
    "Open the case to keep first, then merge another into it.":
        "請先開啟要保留的案件，再將另一案件併入。",
    "Merge cases": "合併案件",
    "Merge the case chosen into %1 (it is closed and its declarations move over):":
        "將所選案件併入 %1（該案件將結案，其報單移入）：",
    "Merge %1 into %2": "將 %1 併入 %2", "Edit case…": "編輯案件…",
    "Edit the title, status, lead officer, summary, tags and other fields of this case":
        "編輯本案的案由、狀態、承辦人、摘要、標籤等欄位",
    "Merged into": "已併入", "Show the row as written…": "檢視原始資料列…",
    "Remove from this case": "自本案移除", "Double-click a party to open it": "按兩下關係人即可開啟",
    "Sources of each declaration (double-click: the row as written)":
        "各報單的來源（按兩下：檢視原始資料列）",
    "Files": "檔案", "Name as written": "原始名稱", "Identifier": "識別資料", "Value": "值",
    "Counterparty": "往來對象", "Tonnes": "公噸", "Month": "月份", "Who": "人員", "Action": "動作",
    "What": "內容", "◀ Newer": "◀ 較新", "Older ▶": "較舊 ▶", "Names": "名稱",
    "Identifiers": "識別資料", "Counterparties": "往來對象", "Routes": "航線",
    "Entity history": "實體歸併紀錄",
    "Country: %1 · %2 declaration(s) · roles: %3 · %4 case(s)":
        "國別：%1 · 報單 %2 筆 · 角色：%3 · 案件 %4 件",
    "Page %1 of %2": "第 %1 頁，共 %2 頁", "Imported": "匯入時間", "By": "匯入者",
    "As written": "原始內容", "Read as": "判讀為", "Stored": "儲存值",
    "Declaration %1 as written": "報單 %1 原始資料",
    "Declaration %1: %n source row(s)": "報單 %1：%n 筆來源資料列",
    "No source row is recorded for this declaration.": "此報單沒有來源資料列紀錄。",
    "This row was imported before rows were kept as written; only the file, sheet and row are "
    "known.": "此列匯入時尚未保存原始內容；僅知檔案、工作表與列號。",
    "How many cases away: 2 finds the cases linked to the linked cases":
        "關聯層數：2 表示也找出關聯案件的關聯案件",
    "Weak links too (shared brokers, ports, HS codes)": "含弱關聯（共用報關行、港口、稅則）",
    "Declared to": "申報日期至", "Through": "經由",
    "Shared": "共用項目", "Held here by": "本案持有者", "Held there by": "他案持有者",
    "Looking…": "查詢中…", "%n linked case(s)": "%n 件關聯案件", "Company": "公司",
    "Search": "搜尋", "&Edit": "編輯(&E)", "&Undo": "復原(&U)", "&Redo": "重做(&R)",
    "&Copy": "複製(&C)", "Select &all": "全選(&A)", "&Find…": "尋找(&F)…", "&Case": "案件(&C)",
    "&New case…": "新增案件(&N)…", "&Edit the open case…": "編輯開啟中的案件(&E)…",
    "&Merge another case into the open case…": "將另一案件併入開啟中的案件(&M)…",
    "Phone, vessel, IMO, voyage, B/L, container, declaration number, company, address…":
        "電話、船名、IMO、航次、提單、貨櫃、報單號碼、公司、地址…",
    "Found": "類別", "Record": "紀錄", "Matched field": "符合欄位", "Match": "符合程度",
    "Declaration number": "報單號碼", "IMO": "IMO", "Voyage": "航次", "HS code": "稅則號別",
    "Email": "電子郵件", "Name": "名稱", "Case reference": "案號", "exact": "完全相符",
    "partial": "部分相符", "near spelling": "拼寫相近", "Searching…": "搜尋中…",
    "%n hit(s)": "%n 筆結果", "Copy": "複製",
    "merge": "合併", "split": "分拆", "reject": "否決", "unmerge": "取消合併",
    "unsplit": "取消分拆", "undo-reject": "取消否決", "undo": "復原", "rejected": "判定不同",
    "confirmed": "判定相同",
    # other views' strings found untranslated by make translations
    "Only declarations with a known destination can be listed by route.":
        "僅有已知目的地的報單可依航線列出。",
    "As it will be stored": "儲存後的內容", "Unit": "單位", "(not said)": "（未註明）",
    "Settle this before importing:": "匯入前請先處理：",
    "no column holds the %1": "沒有欄位是%1", " (perhaps %1)": "（可能是 %1）",
    "several columns could hold the %1: %2; choose one": "有數個欄位可能是%1：%2；請選擇其一",
    "column %1 names no unit, and its values would be implausible as kilograms: choose its unit":
        "%1 欄未註明單位，其數值若以公斤計並不合理：請選擇單位",
    "header says “%1”": "欄名為「%1」", "beside “%1”": "緊鄰「%1」",
    "%1% of %2 values fit": "%2 個值中 %1% 相符", "not imported": "不匯入", "Share (%)": "占比 (%)",
    "Event: drag the line to compare the routes before and after another period":
        "事件：拖曳此線以比較另一時點前後的航線",
    "Click a route to list its declarations": "點選航線即可列出其報單", "unknown": "不明",
    "Event: %1 ⇆": "事件：%1 ⇆", "%1, %2: %3% of the period's total": "%1，%2：占該期間總量 %3%",
    "%1 declarations": "%1 筆報單", "Declared on": "申報日期",
    "Click a declaration to open it": "點選報單即可開啟",
    "Scroll to zoom from years to days; click an event": "捲動滑鼠可由年縮放至日；點選事件",
    "No party": "無關係人", "e-mail": "電子郵件", "● declaration (size: tonnes)": "● 報單（大小：公噸）",
    "declaration and its seizure": "報單與其查獲", "same %1": "相同%1", "Seizure": "查獲",
    "%1 %2 on %3, %4 t": "%1 %2，%3，%4 公噸", "Kind": "類別", "Value as written": "原始值",
    "%1: %2 (nothing written): %3": "%1：%2（未寫入）：%3",
    "%1: %2 — %3 rows read, %4 imported, %5 merged, %6 unchanged, %7 refused, %8 warnings, "
    "%9 discrepancies": "%1：%2 — 讀取 %3 列，匯入 %4 筆，合併 %5 筆，未變更 %6 筆，拒收 %7 筆，"
    "警示 %8 筆，差異 %9 筆",
    "refused": "拒收", "warning": "警示", "discrepancy": "差異", "imported": "已匯入",
    "partly imported": "部分匯入", "failed": "失敗", "nothing stored": "未儲存任何資料", "unreadable": "無法讀取",
    "not declarations": "非報單資料", "needs a decision": "待決定",
    "Split shipment ring %1": "分批申報集團 %1",
    "The ring's parties and declarations on the timeline": "在時間軸上檢視此集團的關係人與報單",
    "%1 t or more": "%1 公噸以上", "%1 to %2 t": "%1 至 %2 公噸",
    "Colour by tonnes": "依噸數著色",
    "Border: links cases": "外框：跨案連結",
    "A thick border round the companies and identifiers that link two or more cases (legend)":
        "以粗外框標示連結兩件以上案件的公司與識別資料（見圖例）",
    "links 2 or more cases": "連結 2 件以上案件",
    "Colour nodes by the tonnes on their links, in bands (legend)":
        "依節點連結的總噸數分級著色（見圖例）",
    "at least ": "至少 ",
    "Hide the nodes whose links carry fewer tonnes (cases stay)":
        "隱藏連結總噸數低於此值的節點（案件保留）",
    "Save with case": "隨案件儲存", "Link chart saved with %1": "關聯圖已隨 %1 儲存",
    "Unpin": "取消固定", "Find path to": "尋找路徑至", "Types": "類型",
    "Show or hide the nodes of each type": "顯示或隱藏各類型的節點",
    "Keep the chart as it is (places, pins, hidden nodes) with the open case":
        "將關聯圖現狀（位置、固定點、隱藏節點）隨開啟中的案件保存",
    "%1: %2 of its %3 declarations": "%1：該集團 %3 筆報單中的 %2 筆",
    "Declarations already in a case": "報單已屬於案件",
    "Some of this ring's declarations are already in a case:\n%1\n\nAdd the ring to %2 "
    "instead of opening a new case?": "此集團的部分報單已屬於案件：\n%1\n\n是否改將此集團加入 %2，"
    "而不另開新案？",
    "Add to %1": "加入 %1", "New case anyway": "仍要另開新案", "split-shipment ring": "分批申報集團",
    "Undo the last decision": "復原上一個決定",
    "Undo this company's last merge, split or rejection (recorded in the audit log)":
        "復原此公司上一次的合併、分拆或否決（記錄於稽核軌跡）",
    "The company's last decision was undone": "已復原此公司上一個決定",
    " (only the first ones%1: search more precisely)": "（僅列出前面的結果%1：請縮小搜尋範圍）",
    "Show all %1 neighbours": "顯示全部 %1 個相鄰節點", "Show all": "全部顯示",
    "Show every neighbour an expansion held back (it shows the heaviest first)":
        "顯示展開時保留未顯示的所有相鄰節點（展開時先顯示權重最大者）",
    "Quantity seized": "查獲數量",
    "Select a node to see its attributes": "選取節點以檢視其屬性",
    "%1 link(s), %2 t": "%1 條連結，%2 公噸", "pinned": "已固定", "Heaviest links": "權重最大的連結",
    "%1 (%2): %3 link(s)": "%1（%2）：%3 條連結", "Link labels": "連結標籤",
    "Show the tonnes on every link (else on the links of the node under the mouse)":
        "在每條連結上顯示公噸數（否則只顯示滑鼠所指節點的連結）",
    "merged %1 into %2": "已將 %1 併入 %2", "split %1 out as party %2": "已將 %1 分拆為關係人 %2",
    "%1 (not the same party)": "%1（判定非同一關係人）",
    # run-time strings (statuses, roles, identifier and link kinds: VALUES, below)
    "hs": "稅則", "declaration": "報單", "seizure": "查獲", "note": "註記", "opened": "立案",
}
ZH.update({  # the alerts view, its new-rule dialog and risk in the declarations browser
    "&Alerts": "警示(&A)", "Compute risk &scores": "計算風險分數(&S)", "Alerts": "警示",
    "Compute risk scores": "計算風險分數", "Computing the risk scores…": "正在計算風險分數…",
    "Risk scores computed: %1 declarations with a signal": "風險分數計算完成：%1 筆報單有風險訊號",
    "Alerts marked %1": "警示已標記為%1", "Rule saved: it is checked after every import":
        "規則已儲存：每次匯入後都會檢查", "New alerts": "新警示", "Reviewed": "已審閱",
    "Dismissed": "已排除", "All alerts": "所有警示", "Mark reviewed": "標記為已審閱",
    "Dismiss": "排除", "New rule…": "新增規則…", "New rule": "新增規則", "Rule": "規則",
    "Watches": "監看類型", "Raised": "發出時間", "%n alert(s)": "%n 則警示", "new": "新",
    "reviewed": "已審閱", "dismissed": "已排除", "Watch": "監看", "Party (id or name)":
        "關係人（編號或名稱）", "Tax id": "統一編號", "Vessel (IMO or name)": "船舶（IMO 或船名）",
    "Detector": "偵測器", "optional: the kind and value": "選填：預設為類型與值",
    "Export country, transit port and discharge port joined by '>', e.g. GBR>SGSIN>MYPKG, "
    "or GBR>MYPKG; '*' for any part.":
        "以「>」連接出口國、轉運港與卸貨港，例如 GBR>SGSIN>MYPKG 或 GBR>MYPKG；「*」代表任意。",
    "An HS code or its first digits, e.g. 3915.": "稅則號別或其前幾碼，例如 3915。",
    "Every declaration the detector flags (its risk signal), checked after each import.":
        "偵測器標示的每筆報單（其風險訊號），每次匯入後檢查。",
    "As written in the declarations; it is normalised as the import does.":
        "依報單上的寫法；會如匯入時一樣正規化。",
    "Risk": "風險", "Risk ≥ ": "風險 ≥ ", "Any risk": "不限風險",
    "Only declarations whose computed risk score (0 to 1) is at least this":
        "只顯示計算所得風險分數（0 至 1）不低於此值的報單",
})
ZH.update({  # source grades in the case view and the import wizard; an import's wait for a lock
    "Grade": "評等", "Grade…": "評等…", "Grade the source": "評定來源",
    "Grade of %1:": "%1 的評等：", "Now graded %1 (%2).": "目前評等為 %1（%2）。",
    "Graded %1": "已評等為 %1", "The grade could not be saved: %1": "無法儲存評等：%1",
    "Grade these files as a source (optional):": "將這些檔案評定為情資來源（選填）：",
    "How reliable the source of these files is and how credible what it gave; recorded with "
    "the import and shown in dossiers and bundles":
        "這些檔案來源的可靠程度與所提供資訊的可信度；隨匯入記錄，並顯示於卷宗與交換包",
    "%1: graded %2 as a source": "%1：來源評等為 %2", "%1: not graded: %2": "%1：未評等：%2",
    "Another program is writing to the case database: waiting for it to finish (%1 s). You "
    "can cancel.": "另一個程式正在寫入案件資料庫：等待其完成（已等候 %1 秒）。您可以取消。",
    "Import waiting: another program is writing to the case database (%1 s)":
        "匯入等候中：另一個程式正在寫入案件資料庫（%1 秒）",
})
ZH.update({  # the link chart's role and date filters, link labels; the timeline's marks
    "Roles": "角色", "Show or hide the parties of each role (shipper, consignee, broker...)":
        "顯示或隱藏各角色（出口人、進口人、報關行…）的關係人",
    "Declared from": "申報日期自", "All dates": "所有日期",
    "Show the nodes of every date again": "重新顯示所有日期的節點",
    "Show only the nodes with a declaration in these dates": "只顯示在此期間有報單的節點",
    "%n node(s) filtered out": "已篩除 %n 個節點", "notify party": "受通知人", "carrier": "運送人",
    "Roles: %1": "角色：%1", "Declared %1 to %2": "申報期間 %1 至 %2",
    "Label every link with its role or the identifier it shares, and its tonnes (else only the "
    "links of the node under the mouse)":
        "在每條連結標示其角色或共用的識別資料及公噸數（否則只標示滑鼠所指節點的連結）",
    "%n event(s) of the nodes chosen on the link chart": "關聯圖所選節點的 %n 個事件",
})
ZH.update({  # the status bar's indicator while a write waits for another program's lock
    "Stop waiting: your change is not saved": "停止等候：您的變更不會儲存",
})
ZH.update(VALUES["zh-TW"])  # the dossier's table of stored values, shared with the workstation
ABOUT_PREFIX = "<h3>WasteIntel %1</h3>"
ABOUT_ZH = ("<h3>WasteIntel %1</h3><p>海關廢棄物走私查緝分析工作站。</p><p>內含資料與程式庫："
            "CEPII BACI 貿易資料（Etalab Open Licence 2.0）；searoute 港口與航道資料（Apache-2.0）；"
            "Qt 與 PySide6（LGPL-3.0）；pyqtgraph（MIT）；SQLAlchemy（MIT）；networkx（BSD-3-Clause）；"
            "python-calamine（MIT）；polars（MIT）；rapidfuzz（MIT）；reportlab（BSD）；"
            "pycountry（LGPL-2.1）；psycopg（LGPL-3.0）與 libpq（PostgreSQL 授權）；"
            "numpy、scipy（BSD-3-Clause）；ruptures、xlsxwriter"
            "（BSD-2-Clause）；alembic、geopy、PyYAML（MIT）；Pillow（MIT-CMU）；Python（PSF）；"
            "Natural Earth 1:110m 國界（公有領域）；卷宗字型文泉驛微米黑（Apache-2.0 或 GPL-3.0 含字型例外）。</p>")
ZH.update(SPLIT_REASONS["zh-TW"])  # a ring's explanations, from casedb's English templates
ZH.update(zh_tw_cases.ZH)  # the case-work views of issue 20
# The same English word meaning something else in one view: (context, source) -> translation.
IN_CONTEXT = {("RouteChart", "From"): "起始年度",  # the year a route's share changed from
              ("RouteChart", "Before"): "之前", ("RouteChart", "After"): "之後",
              ("LinkStyle", "exporter"): "出口商", ("LinkStyle", "importer"): "進口商"}
IN_CONTEXT.update(zh_tw_import_report.IN_CONTEXT)
RUNTIME = {"SplitView": tuple(SPLIT_REASONS["zh-TW"]),
           "CaseBrowser": ("open", "under investigation", "referred", "prosecuted", "closed"),
           "CompanyView": ("shipper", "consignee", "broker", "forwarder", "notify", "address",
                           "phone", "email", "tax_id", "merge", "split", "reject", "unmerge",
                           "unsplit", "undo-reject", "undo", "rejected", "confirmed"),
           "TimelineView": ("shipper", "consignee", "broker", "forwarder", "notify"),
           "LinkedPanel": ("party", "address", "phone", "email", "container", "sailing", "bl",
                           "port", "hs", "broker"),
           "CaseView": ("open", "under investigation", "referred", "prosecuted", "closed",
                        "shipper", "consignee", "broker", "forwarder", "notify", "party",
                        "address", "phone", "email", "tax_id", "container", "sailing", "bl",
                        "port", "hs", "declaration", "seizure", "note", "opened")}


def fill(path: Path) -> int:
    tree = ET.parse(path)
    root = tree.getroot()
    missing = 0
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        have = {m.findtext("source") for m in ctx.iter("message")}
        for extra in RUNTIME.get(name, ()):
            if extra not in have:
                msg = ET.SubElement(ctx, "message")
                ET.SubElement(msg, "source").text = extra
                ET.SubElement(msg, "translation")
        for msg in ctx.iter("message"):
            src = msg.findtext("source")
            tr = msg.find("translation")
            text = ABOUT_ZH if src.startswith(ABOUT_PREFIX) else IN_CONTEXT.get(
                (name, src), ZH.get(src))
            if text is None:
                missing += 1
                print(f"untranslated: {name}: {src}", file=sys.stderr)  # noqa: T201 - a tool
                continue
            tr.attrib.pop("type", None)
            if msg.get("numerus") == "yes":
                tr.text = None
                for child in list(tr):
                    tr.remove(child)
                ET.SubElement(tr, "numerusform").text = text
            else:
                tr.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    sys.exit(1 if fill(Path(sys.argv[1])) else 0)
