"""The canonical fields in words, English and Traditional Chinese, for the import wizard, the
dry run and reports: "gross_weight_kg" -> "Gross weight (kg)" / "毛重（公斤）"."""

from __future__ import annotations

from .fields import PARTY_ATTRS, PARTY_ROLES

_PLAIN = {
    "authority": ("Customs office", "關別"), "declaration_no": ("Declaration number", "報單號碼"),
    "declaration_date": ("Declaration date", "申報日期"), "item_no": ("Item number", "項次"),
    "direction": ("Import or export", "進出口別"), "hs_code": ("HS code", "稅則號別"),
    "goods_description": ("Goods description", "貨物名稱"),
    "gross_weight_kg": ("Gross weight (kg)", "毛重（公斤）"),
    "net_weight_kg": ("Net weight (kg)", "淨重（公斤）"),
    "weight_unit": ("Weight unit", "重量單位"),
    "net_weight_unit": ("Net weight unit", "淨重單位"), "declared_value": ("Declared value", "申報價值"),
    "currency": ("Currency", "幣別"), "permit_no": ("Permit number", "許可證號碼"),
    "bl_no": ("Bill of lading", "提單號碼"), "vessel_name": ("Vessel", "船名"),
    "vessel_imo": ("IMO number", "IMO 號碼"), "voyage_no": ("Voyage", "航次"),
    "port_of_loading": ("Port of loading", "裝貨港"),
    "port_of_transshipment": ("Transshipment port", "轉運港"),
    "port_of_discharge": ("Port of discharge", "卸貨港"),
    "country_of_origin": ("Country of origin", "原產國"),
    "country_of_export": ("Country of export", "起運國"),
    "country_of_destination": ("Country of destination", "目的國"),
    "containers": ("Container numbers", "貨櫃號碼"), "case_ref": ("Case number", "案件編號"),
    "case_title": ("Case title", "案件名稱"), "seizure_date": ("Seizure date", "查獲日期"),
    "quantity_seized_kg": ("Quantity seized (kg)", "查獲數量（公斤）"),
    "waste_category": ("Waste category", "廢棄物類別"), "basel_code": ("Basel code", "巴塞爾代碼"),
    "offence": ("Offence", "違規態樣"), "detection_method": ("Detection method", "查獲方式"),
    "outcome": ("Outcome", "處理狀態"),
    "domestic_trader_name": ("Domestic trader (by direction)", "境內收發貨人（依進出口別）"),
    "foreign_trader_name": ("Overseas trader (by direction)", "境外收發貨人（依進出口別）"),
    "domestic_trader_tax_id": ("Domestic trader tax id (by direction)",
                               "境內收發貨人統一編號（依進出口別）"),
    "foreign_trader_tax_id": ("Overseas trader tax id (by direction)",
                              "境外收發貨人統一編號（依進出口別）"),
}
_ROLES = {"shipper": ("Shipper", "出口人"), "consignee": ("Consignee", "進口人"),
          "broker": ("Customs broker", "報關行"), "forwarder": ("Forwarder", "承攬業者"),
          "notify": ("Notify party", "通知人")}
_ATTRS = {"name": ("", ""), "address": ("address", "地址"), "phone": ("phone", "電話"),
          "email": ("e-mail", "電子郵件"), "tax_id": ("tax id", "統一編號"),
          "country": ("country", "國別")}


def _party(role: str, attr: str) -> tuple[str, str]:
    (r_en, r_zh), (a_en, a_zh) = _ROLES[role], _ATTRS[attr]
    return (f"{r_en} {a_en}".strip(), f"{r_zh}{a_zh}")


LABELS: dict[str, tuple[str, str]] = {
    **_PLAIN, **{f"{r}_{a}": _party(r, a) for r in PARTY_ROLES for a in PARTY_ATTRS}}


def field_label(name: str | None, lang: str = "en") -> str:
    """A field in words in ``lang`` ("en" or "zh-TW"); the name itself where none is known."""
    if name is None:
        return ""
    en, zh = LABELS.get(name, (name, name))
    return zh if lang == "zh-TW" else en

