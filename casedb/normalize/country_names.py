"""Country names that pycountry does not know: common English variants, statistical names and
Traditional / Simplified Chinese names, mapped to ISO 3166 alpha-3."""

ALIASES = {
    # English variants and statistical oddities (UN Comtrade, World Bank, US Census, HMRC, vendors)
    "usa": "USA", "us": "USA", "u.s.a.": "USA", "u.s.": "USA", "united states of america": "USA",
    "america": "USA", "united states inc puerto rico": "USA", "us of america": "USA",
    "uk": "GBR", "u.k.": "GBR", "great britain": "GBR", "britain": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR", "northern ireland": "GBR", "gb": "GBR",
    "viet nam": "VNM", "vietnam": "VNM", "vietnam, democratic republic of": "VNM",
    "vietnam, socialist republic of": "VNM", "socialist republic of vietnam": "VNM",
    "south korea": "KOR", "korea": "KOR", "korea, rep.": "KOR", "korea, republic of": "KOR",
    "rep. of korea": "KOR", "republic of korea": "KOR", "korea (south)": "KOR", "r.o.k.": "KOR",
    "s. korea": "KOR", "n. korea": "PRK",
    "north korea": "PRK", "korea, dem. people's rep.": "PRK", "dpr korea": "PRK", "dprk": "PRK",
    "hong kong": "HKG", "hong kong, china": "HKG", "hong kong sar": "HKG",
    "china, hong kong sar": "HKG", "hongkong": "HKG", "hk sar": "HKG",
    "macao": "MAC", "macau": "MAC", "china, macao sar": "MAC", "macao sar": "MAC",
    "taiwan": "TWN", "chinese taipei": "TWN", "taiwan, province of china": "TWN",
    "taiwan, china": "TWN", "republic of china (taiwan)": "TWN", "roc (taiwan)": "TWN",
    "other asia, nes": "TWN", "other asia, n.e.s.": "TWN",
    "separate customs territory of taiwan, penghu, kinmen and matsu": "TWN",
    "turkey": "TUR", "türkiye": "TUR", "turkiye": "TUR", "republic of türkiye": "TUR",
    "russia": "RUS", "iran": "IRN", "laos": "LAO", "lao pdr": "LAO", "syria": "SYR",
    "mainland china": "CHN", "china": "CHN", "prc": "CHN", "p.r.c.": "CHN",
    "china (mainland)": "CHN", "people's republic of china": "CHN", "china, p.r.": "CHN",
    "china (prc)": "CHN", "china p rep": "CHN",
    "holland": "NLD", "the netherlands": "NLD", "netherlands, the": "NLD",
    "uae": "ARE", "u.a.e.": "ARE", "emirates": "ARE", "czech republic": "CZE", "bolivia": "BOL",
    "venezuela": "VEN", "venezuela, rb": "VEN", "tanzania": "TZA", "ivory coast": "CIV",
    "cote d'ivoire": "CIV", "cote d ivoire": "CIV", "s. africa": "ZAF", "moldova": "MDA", "brunei": "BRN", "burma": "MMR",
    "philippines": "PHL", "macedonia": "MKD", "fyrom": "MKD", "north macedonia": "MKD", "macedonia, fyr": "MKD",
    "macedonia, the former yugoslav republic of": "MKD", "slovak republic": "SVK",
    "kyrgyz republic": "KGZ", "egypt, arab rep.": "EGY", "yemen, rep.": "YEM",
    "gambia, the": "GMB", "bahamas, the": "BHS", "congo (kinshasa)": "COD", "zaire": "COD",
    "congo, democratic republic of the congo": "COD", "dr congo": "COD", "drc": "COD",
    "congo (brazzaville)": "COG", "congo, republic of the congo": "COG", "congo, rep.": "COG",
    "east timor": "TLS", "swaziland": "SWZ", "cape verde": "CPV", "vatican": "VAT",
    "palestine": "PSE", "micronesia": "FSM", "russian fed.": "RUS", "bosnia": "BIH",
    "serbia and montenegro": "SCG", "serbia & montenegro": "SCG", "yugoslavia": "YUG",
    "netherlands antilles": "ANT", "ussr": "SUN", "soviet union": "SUN",
    "czechoslovakia": "CSK", "kosovo": "XKX", "eu": "EU", "european union": "EU",
    "eu-27": "EU", "eu27": "EU", "eu-28": "EU",
    # Traditional and Simplified Chinese
    "馬來西亞": "MYS", "马来西亚": "MYS", "大馬": "MYS", "越南": "VNM", "泰國": "THA", "泰国": "THA",
    "印尼": "IDN", "印度尼西亞": "IDN", "印度尼西亚": "IDN", "日本": "JPN", "美國": "USA",
    "美国": "USA", "中國大陸": "CHN", "中国大陆": "CHN", "中國": "CHN", "中国": "CHN",
    "大陸": "CHN", "大陆": "CHN", "香港": "HKG", "澳門": "MAC", "澳门": "MAC", "臺灣": "TWN",
    "台灣": "TWN", "台湾": "TWN", "中華民國": "TWN", "土耳其": "TUR", "印度": "IND",
    "菲律賓": "PHL", "菲律宾": "PHL", "韓國": "KOR", "韩国": "KOR", "南韓": "KOR", "南韩": "KOR",
    "北韓": "PRK", "朝鮮": "PRK", "德國": "DEU", "德国": "DEU", "英國": "GBR", "英国": "GBR",
    "荷蘭": "NLD", "荷兰": "NLD", "比利時": "BEL", "比利时": "BEL", "法國": "FRA", "法国": "FRA",
    "義大利": "ITA", "意大利": "ITA", "西班牙": "ESP", "葡萄牙": "PRT", "波蘭": "POL",
    "波兰": "POL", "澳洲": "AUS", "澳大利亞": "AUS", "澳大利亚": "AUS", "紐西蘭": "NZL",
    "新西兰": "NZL", "加拿大": "CAN", "新加坡": "SGP", "柬埔寨": "KHM", "緬甸": "MMR",
    "缅甸": "MMR", "寮國": "LAO", "老挝": "LAO", "孟加拉": "BGD", "巴基斯坦": "PAK",
    "斯里蘭卡": "LKA", "斯里兰卡": "LKA", "阿拉伯聯合大公國": "ARE", "阿联酋": "ARE",
    "沙烏地阿拉伯": "SAU", "沙特阿拉伯": "SAU", "俄羅斯": "RUS", "俄罗斯": "RUS", "墨西哥": "MEX",
    "巴西": "BRA", "智利": "CHL", "阿根廷": "ARG", "南非": "ZAF", "奈及利亞": "NGA",
    "尼日利亚": "NGA", "迦納": "GHA", "加纳": "GHA", "埃及": "EGY", "肯亞": "KEN", "肯尼亚": "KEN",
    "瑞典": "SWE", "瑞士": "CHE", "挪威": "NOR", "丹麥": "DNK", "丹麦": "DNK", "芬蘭": "FIN",
    "芬兰": "FIN", "奧地利": "AUT", "奥地利": "AUT", "愛爾蘭": "IRL", "爱尔兰": "IRL",
    "希臘": "GRC", "希腊": "GRC", "捷克": "CZE", "匈牙利": "HUN", "羅馬尼亞": "ROU",
    "罗马尼亚": "ROU", "保加利亞": "BGR", "保加利亚": "BGR", "烏克蘭": "UKR", "乌克兰": "UKR",
    "以色列": "ISR", "伊朗": "IRN", "伊拉克": "IRQ", "約旦": "JOR", "约旦": "JOR", "阿曼": "OMN",
    "卡達": "QAT", "卡塔尔": "QAT", "科威特": "KWT", "巴拿馬": "PAN", "巴拿马": "PAN",
    "秘魯": "PER", "秘鲁": "PER", "哥倫比亞": "COL", "哥伦比亚": "COL", "歐盟": "EU", "欧盟": "EU",
}

# Common names in the languages of the main waste-trade declarations that pycountry's
# translations (loaded in countries.py) do not hold: Spanish, Portuguese, Russian, Chinese.
INTL_ALIASES = {
    # Spanish / Portuguese
    "ee.uu.": "USA", "eeuu": "USA", "ee. uu.": "USA", "estados unidos de america": "USA",
    "estados unidos da america": "USA", "eua": "USA", "e.u.a.": "USA", "usa (estados unidos)": "USA",
    "corea del sur": "KOR", "coreia do sul": "KOR", "corea": "KOR", "coreia": "KOR",
    "corea del norte": "PRK", "coreia do norte": "PRK", "holanda": "NLD", "paises bajos": "NLD",
    "rusia": "RUS", "russia (federacion de)": "RUS", "russia": "RUS", "inglaterra": "GBR",
    "gran bretana": "GBR", "gra-bretanha": "GBR", "gra bretanha": "GBR", "taiwan (china)": "TWN",
    "formosa": "TWN", "china, republica popular": "CHN", "republica popular china": "CHN",
    "china continental": "CHN", "hong kong (china)": "HKG", "emiratos arabes": "ARE",
    "emirados arabes": "ARE", "turquia": "TUR", "vietna": "VNM", "birmania": "MMR",
    "camboya": "KHM", "republica checa": "CZE", "republica dominicana": "DOM",
    # Russian (ё and й fold to е and и)
    "россия": "RUS", "рф": "RUS", "российская федерация": "RUS", "сша": "USA",
    "соединенные штаты америки": "USA", "америка": "USA", "великобритания": "GBR",
    "англия": "GBR", "соединенное королевство великобритании и северной ирландии": "GBR",
    "южная корея": "KOR", "корея": "KOR", "корея, республика": "KOR", "северная корея": "PRK",
    "кндр": "PRK", "китаи": "CHN", "кнр": "CHN", "китаиская народная республика": "CHN",
    "сянган": "HKG", "гонконг (сянган)": "HKG", "таивань": "TWN", "таивань (китаи)": "TWN",
    "оаэ": "ARE", "голландия": "NLD", "киргизия": "KGZ", "кыргызстан": "KGZ",
    "белоруссия": "BLR", "молдавия": "MDA", "молдова": "MDA", "иран": "IRN", "сирия": "SYR",
    "лаос": "LAO", "венесуэла": "VEN", "македония": "MKD", "таиланд": "THA", "таиланд (сиам)": "THA",
    "юар": "ZAF", "бирма": "MMR", "вьетнам": "VNM", "узбекистан": "UZB", "казахстан": "KAZ",
    "армения": "ARM", "грузия": "GEO", "азербаиджан": "AZE", "таджикистан": "TJK",
    "туркменистан": "TKM", "туркмения": "TKM", "евросоюз": "EU", "ес": "EU",
    # Chinese (Traditional and Simplified) beyond the table above
    "中华人民共和国": "CHN", "中華人民共和國": "CHN", "中国内地": "CHN", "中國內地": "CHN",
    "美利坚合众国": "USA", "美利堅合眾國": "USA", "韩国": "KOR", "大韓民國": "KOR",
    "中國香港": "HKG", "中国香港": "HKG", "中國澳門": "MAC", "中国澳门": "MAC",
    "中國台灣": "TWN", "中国台湾": "TWN", "台澎金馬": "TWN", "阿聯": "ARE", "阿聯酋": "ARE",
    "星加坡": "SGP", "大韓": "KOR", "寮國人民民主共和國": "LAO", "越南社會主義共和國": "VNM",
}

# Word-order-dependent names: looked up only as written, never as a bag of words ("China" is CHN).
EXACT_ONLY = {"republic of china": "TWN", "china, republic of": "TWN", "roc": "TWN",
              "r.o.c.": "TWN", "china (taiwan)": "TWN"}

# Codes outside ISO 3166-1 that customs and statistics offices write (EL for Greece in the EU).
CODE_EXTRAS = {"UK": "GBR", "EL": "GRC", "XK": "XKX", "EU": "EU", "KOS": "XKX", "ROM": "ROU",
               "ZAR": "COD", "TMP": "TLS", "SCG": "SCG", "YUG": "YUG", "CSK": "CSK"}

# UN Comtrade numeric partner codes that are not ISO 3166-1 numeric codes.
NUMERIC_EXTRAS = {"842": "USA", "699": "IND", "251": "FRA", "757": "CHE", "579": "NOR",
                  "490": "TWN", "891": "SCG", "530": "ANT", "97": "EU"}

# Former countries still named in older records: ISO 3166-3 alpha-3 codes kept as they are.
HISTORIC_NAMES = {"SCG": "Serbia and Montenegro", "ANT": "Netherlands Antilles",
                  "YUG": "Yugoslavia", "SUN": "USSR", "CSK": "Czechoslovakia", "XKX": "Kosovo"}

ZH_TW_NAMES = {
    "MYS": "馬來西亞", "VNM": "越南", "THA": "泰國", "IDN": "印尼", "JPN": "日本", "USA": "美國",
    "CHN": "中國大陸", "HKG": "香港", "MAC": "澳門", "TWN": "臺灣", "TUR": "土耳其", "IND": "印度",
    "PHL": "菲律賓", "KOR": "南韓", "DEU": "德國", "GBR": "英國", "NLD": "荷蘭", "BEL": "比利時",
    "FRA": "法國", "ITA": "義大利", "ESP": "西班牙", "PRT": "葡萄牙", "POL": "波蘭", "AUS": "澳洲",
    "NZL": "紐西蘭", "CAN": "加拿大", "SGP": "新加坡", "KHM": "柬埔寨", "MMR": "緬甸", "LAO": "寮國",
    "BGD": "孟加拉", "PAK": "巴基斯坦", "LKA": "斯里蘭卡", "ARE": "阿拉伯聯合大公國",
    "SAU": "沙烏地阿拉伯", "RUS": "俄羅斯", "MEX": "墨西哥", "BRA": "巴西", "CHL": "智利",
    "ARG": "阿根廷", "ZAF": "南非", "NGA": "奈及利亞", "GHA": "迦納", "EGY": "埃及", "KEN": "肯亞",
    "SWE": "瑞典", "CHE": "瑞士", "NOR": "挪威", "DNK": "丹麥", "FIN": "芬蘭", "AUT": "奧地利",
    "IRL": "愛爾蘭", "GRC": "希臘", "CZE": "捷克", "HUN": "匈牙利", "ROU": "羅馬尼亞",
    "BGR": "保加利亞", "UKR": "烏克蘭", "ISR": "以色列", "IRN": "伊朗", "IRQ": "伊拉克",
    "JOR": "約旦", "OMN": "阿曼", "QAT": "卡達", "KWT": "科威特", "PAN": "巴拿馬", "PER": "秘魯",
    "COL": "哥倫比亞", "EU": "歐盟",
}
