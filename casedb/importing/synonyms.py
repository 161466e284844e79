"""Header synonyms of each canonical field, English and Traditional/Simplified Chinese.
Data, not code: compared after normalisation (case, punctuation, units in brackets removed)."""

import re

from .synonyms_national import NATIONAL_ATTR_WORDS, NATIONAL_PARTY_WORDS, NATIONAL_SYNONYMS

_CJK = re.compile(r"[\u3000-\u9fff]")

PARTY_WORDS = {
    "shipper": ["shipper", "exporter", "consignor", "seller", "sender", "出口人", "發貨人", "发货人",
                "賣方", "卖方", "出口商", "託運人", "托运人"],
    "consignee": ["consignee", "importer", "buyer", "receiver", "進口人", "进口人", "收貨人", "收货人",
                  "買方", "买方", "進口商", "进口商"],
    "broker": ["broker", "customs broker", "declarant", "agent", "customs agent", "報關行",
               "报关行", "報關業者", "报关企业", "申報人"],
    "forwarder": ["forwarder", "freight forwarder", "承攬業", "货代", "貨代", "承攬運送業"],
    "notify": ["notify party", "notify", "通知人", "通知方"],
}
ATTR_WORDS = {
    "name": ["", "name", "名稱", "名称", "公司名稱"],
    "address": ["address", "addr", "地址"],
    "phone": ["phone", "tel", "telephone", "phone no", "tel no", "電話", "电话", "聯絡電話"],
    "email": ["email", "e mail", "mail", "電子郵件", "电子邮件", "郵箱"],
    "tax_id": ["tax id", "tax no", "vat", "vat no", "tin", "統一編號", "统一编号", "統編", "稅號"],
    "country": ["country", "國別", "国别", "國家"],
}

SYNONYMS = {
    "authority": ["authority", "customs office", "office", "issuing authority", "關別", "关别",
                  "海關", "海关"],
    "declaration_no": ["declaration no", "declaration number", "decl no", "entry no",
                       "entry number", "boe no", "bill of entry no", "customs declaration no",
                       "declaration", "報單號碼", "报单号码", "報單號", "报关单号", "報單編號"],
    "declaration_date": ["declaration date", "decl date", "entry date", "date of declaration",
                         "date", "申報日期", "申报日期", "報單日期", "报关日期"],
    "item_no": ["item no", "item number", "item", "line no", "line number", "line", "item nbr",
                "goods item no", "項次", "项号", "序號", "номер товара", "№ товара",
                "item nro", "número de ítem", "numero de item", "ítem", "item n"],
    "weight_unit": ["weight unit", "wt unit", "weight uom", "unit of weight", "weight units",
                    "unidad de peso", "unidad peso", "unidade de peso", "единица веса",
                    "重量單位", "重量单位", "重量単位", "หน่วยน้ำหนัก"],
    "direction": ["direction", "import export", "flow", "trade type", "進出口別", "进出口"],
    "hs_code": ["hs code", "hs", "tariff code", "commodity code", "hs no", "tariff no",
                "customs code", "稅則號別", "税则号别", "稅則號列", "商品編號", "商品编码", "稅號別"],
    "goods_description": ["goods description", "description", "description of goods", "goods",
                          "commodity", "貨名", "货名", "貨物名稱", "货物名称", "品名"],
    "gross_weight_kg": ["gross weight", "gross wt", "g w", "gw", "weight", "gross", "毛重",
                        "總毛重", "重量"],
    "net_weight_kg": ["net weight", "net wt", "n w", "nw", "net", "淨重", "净重"],
    "declared_value": ["declared value", "value", "customs value", "invoice value", "fob value",
                       "cif value", "完稅價格", "完税价格", "申報價格", "金額", "價值"],
    "currency": ["currency", "curr", "幣別", "币别", "幣值"],
    "permit_no": ["permit no", "permit number", "permit", "licence no", "license no", "licence",
                  "basel notification no", "notification no", "pic no", "許可證號碼", "许可证号码",
                  "簽審文件號碼", "签审文件号码", "輸入許可證號碼"],
    "bl_no": ["b l no", "bl no", "b l", "bl", "bill of lading", "bill of lading no", "bol",
              "bol no", "master b l", "提單號碼", "提单号码", "提單號", "提單"],
    "vessel_name": ["vessel", "vessel name", "ship", "ship name", "船名", "船舶名稱"],
    "vessel_imo": ["imo", "imo no", "imo number", "vessel imo", "船舶imo"],
    "voyage_no": ["voyage no", "voyage", "voy", "voy no", "航次", "航次號碼"],
    "port_of_loading": ["port of loading", "pol", "loading port", "load port", "裝貨港", "装货港",
                        "起運港", "起运港"],
    "port_of_transshipment": ["transshipment port", "transhipment port", "tranship port",
                              "t s port", "via port", "transit port", "port of transshipment",
                              "轉運港", "转运港", "中轉港"],
    "port_of_discharge": ["port of discharge", "pod", "discharge port", "unloading port",
                          "destination port", "卸貨港", "卸货港", "目的港"],
    "country_of_origin": ["country of origin", "origin", "origin country", "coo", "原產國",
                          "原产国", "生產國別", "產地"],
    "country_of_export": ["country of export", "export country", "country of consignment",
                          "consignment country", "dispatch country", "起運國", "起运国",
                          "出口國", "輸出國"],
    "country_of_destination": ["destination", "destination country", "country of destination",
                               "import country", "目的國", "目的国", "進口國", "輸入國"],
    "containers": ["container no", "container nos", "container number", "containers",
                   "container", "cntr no", "cntr nos", "cntr", "ctnr no", "box no", "貨櫃號碼",
                   "货柜号码", "櫃號", "柜号", "集裝箱號"],
    "case_ref": ["case no", "case number", "case ref", "case reference", "case", "case id",
                 "案件編號", "案件编号", "案號", "案号"],
    "case_title": ["case title", "case name", "案件名稱", "案由"],
    "seizure_date": ["seizure date", "date of seizure", "seized on", "查獲日期", "查获日期",
                     "扣押日期"],
    "quantity_seized_kg": ["quantity seized", "seized quantity", "seized weight", "qty seized",
                           "查獲數量", "查获数量", "查扣數量", "查獲重量"],
    "waste_category": ["waste category", "waste type", "category", "廢棄物類別", "废物类别",
                       "廢棄物種類"],
    "basel_code": ["basel code", "basel", "basel annex code", "y code", "巴塞爾代碼", "巴塞尔代码"],
    "offence": ["offence", "offense", "violation", "infringement", "違規態樣", "违规态样",
                "違規事實", "違法態樣"],
    "detection_method": ["detection method", "detection", "how detected", "查獲方式", "查获方式",
                         "查緝方式"],
    "outcome": ["status", "outcome", "result", "disposition", "處理狀態", "处理状态", "處分結果"],
}

for _role, _role_words in PARTY_WORDS.items():
    _role_words += NATIONAL_PARTY_WORDS.get(_role, [])
for _attr, _attr_words in ATTR_WORDS.items():
    _attr_words += NATIONAL_ATTR_WORDS.get(_attr, [])
for _name, _words in NATIONAL_SYNONYMS.items():
    SYNONYMS[_name] = list(dict.fromkeys([*SYNONYMS.get(_name, []), *_words]))


def _party_header(role_word: str, attr_word: str) -> str:
    """'shipper' + 'name' -> 'shipper name'; Spanish and Russian put the attribute first
    ('razón social del importador', 'ИНН получателя'); Chinese joins without a space."""
    if not attr_word:
        return role_word
    if not (role_word.isascii() and attr_word.isascii()) and _CJK.search(role_word + attr_word):
        return f"{role_word}{attr_word}"
    return f"{role_word} {attr_word}"


for _role, _role_words in PARTY_WORDS.items():
    for _attr, _attr_words in ATTR_WORDS.items():
        _names = [_party_header(r, a) for r in _role_words for a in _attr_words
                  if not a or bool(_CJK.search(r)) == bool(_CJK.search(a))]  # one script
        _names += [f"{a} {r}" for r in _role_words for a in _attr_words
                   if a and not _CJK.search(r + a)]  # "razón social importador", "инн получателя"
        _names += [f"{a} del {r}" for r in _role_words for a in _attr_words
                   if a and r.isascii() and len(a) > 2]  # "razón social del importador"
        SYNONYMS[f"{_role}_{_attr}"] = list(dict.fromkeys(_names))
