"""Dossier headings, and the explanations of split-shipment rings, in English and Traditional
Chinese."""

from casedb.cases import status as case_status

from ..analysis import splits

LABELS = {
    "en": {"dossier": "Case dossier", "contents": "Contents", "summary": "Case summary",
           "seizures": "Seizures", "declarations": "Declarations", "parties": "Parties",
           "linked": "Linked cases", "charts": "Charts", "timeline": "Timeline",
           "link_chart": "Link chart", "route_map": "Routes", "split": "Split-shipment ring",
           "notes": "Investigator notes", "provenance": "Provenance of the evidence",
           "audit": "Audit trail", "status": "Status", "opened": "Opened",
           "lead": "Lead officer", "total": "Total gross weight", "page": "Page",
           "generated": "Generated", "none": "None recorded.", "why": "Shared",
           "variants": "Names as written", "identifiers": "Identifiers", "role": "Role",
           "file": "File", "sheet": "Sheet", "rows": "Rows", "score": "Score", "hops": "Hops",
           "declaration": "Declaration", "date": "Date", "weight": "Gross kg", "route": "Route",
           "offence": "Offence", "outcome": "Outcome", "when": "When", "who": "Who",
           "what": "What", "reason": "Reason", "hs": "HS", "containers": "Containers",
           "attachments": "Attachments", "size": "Bytes", "added": "Added",
           "vessel": "Vessel / voyage", "sources": "Sources",
           "grade": "Source grade"},
    "zh-TW": {"dossier": "案件卷宗", "contents": "目錄", "summary": "案件摘要", "seizures": "查獲紀錄",
              "declarations": "報單", "parties": "關係人", "linked": "關聯案件", "charts": "圖表",
              "timeline": "時間軸", "link_chart": "關聯圖", "route_map": "運輸路線",
              "split": "分批申報集團", "notes": "承辦人註記", "provenance": "證據資料來源",
              "audit": "稽核軌跡", "status": "狀態", "opened": "立案日期", "lead": "承辦人",
              "total": "總毛重", "page": "頁", "generated": "產製時間", "none": "無紀錄。",
              "why": "關聯原因", "variants": "原始寫法", "identifiers": "識別資料", "role": "角色",
              "file": "檔案", "sheet": "工作表", "rows": "列", "score": "分數", "hops": "層數",
              "declaration": "報單號碼", "date": "日期", "weight": "毛重(公斤)", "route": "航線",
              "offence": "違規態樣", "outcome": "處理狀態", "when": "時間", "who": "人員",
              "what": "內容", "reason": "原因", "hs": "稅則", "containers": "貨櫃",
              "attachments": "附件", "size": "位元組", "added": "加入",
              "vessel": "船名 / 航次", "sources": "資料來源", "grade": "來源評等"},
}

# Values stored in English (statuses, party roles, identifier and link kinds), as they read.
VALUES = {"zh-TW": {
    "open": "新案", "under investigation": "偵查中", "referred": "已移送", "prosecuted": "已起訴",
    "closed": "結案", "shipper": "出口人", "consignee": "進口人", "broker": "報關行",
    "forwarder": "承攬業", "notify": "通知人", "address": "地址", "phone": "電話",
    "email": "電子郵件", "tax_id": "統一編號", "party": "同一關係人", "container": "貨櫃",
    "sailing": "同航次", "bl": "提單", "port": "港口",
}}


def value(lang: str, stored: str | None) -> str:
    """A stored status, role or identifier kind as it reads in ``lang`` (statuses from the
    workflow's own table, casedb.cases.status)."""
    if stored in case_status.WORDS["en"]:
        return case_status.word(stored, lang)
    return VALUES.get(lang, {}).get(stored, stored) if stored else ""


def labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["en"])


# casedb.analysis.splits explains a ring with English templates; their Traditional Chinese.
# tools/translate_zh_tw.py puts the same texts into the workstation's translation.
SPLIT_REASONS = {"zh-TW": {
    splits.MANY: "{days} 天內 {shippers} 家出口人共 {n} 筆報單；合計 {tonnes} 公噸",
    splits.SHARING: "{days} 天內 {shippers} 家出口人共 {n} 筆報單，共用 {ties}；合計 {tonnes} 公噸",
    splits.ONE: "{days} 天內同一出口人共 {n} 筆報單；合計 {tonnes} 公噸",
    splits.UNDER: "每筆為 {threshold} 公噸門檻的 {low}-{high}%",
    splits.BURST: "短期密集申報：為該集團平常頻率的 {ratio} 倍",
    splits.PORTS: "分散於 {count} 個卸貨港（{ports}）",
    splits.CODES: "同一貨物以不同稅則申報：HS {codes}",
    splits.HUB["consignee"]: "集中於同一進口人：{name}",
    splits.HUB["notify party"]: "集中於同一受通知人：{name}",
    splits.HUB["broker"]: "集中於同一報關行：{name}",
    splits.HUB["discharge port"]: "集中於同一卸貨港：{name}",
    splits.FAN_OUT: "分散給 {count} 家進口人",
    splits.SHELLS: "這些業者 {share}% 的報單集中於此期間（短期存在的公司）",
    splits.SOURCE["configured"]: "{threshold} 公噸為設定的門檻",
    splits.SOURCE["pile-up"]: "整個資料庫的重量集中於 {threshold} 公噸以下",
    splits.STACK: "{days} 天內經 {layers} 層轉手（{chain}），重量相差不到 {tolerance}%",
}}


def split_reasons(ring: splits.SplitRing, lang: str) -> list[str]:
    """A ring's explanations in the dossier's language."""
    table = SPLIT_REASONS.get(lang, {})
    return [table.get(template, template).format(**values)
            for template, values in ring.explanations]
