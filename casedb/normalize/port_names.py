"""The words around port names in declarations and manifests: aliases the gazetteer spells
otherwise (and Chinese names), US Schedule D codes, the states and provinces written after a
city, and the words that mark an airport."""

# Names investigators use that the gazetteer spells otherwise, and Chinese names.
ALIASES = {
    "port klang": "MYPKG", "klang": "MYPKG", "port kelang": "MYPKG", "巴生": "MYPKG",
    "巴生港": "MYPKG", "pelabuhan klang": "MYPKG", "westports": "MYPKG", "northport": "MYPKG",
    "penang": "MYPEN", "檳城": "MYPEN", "tanjung pelepas": "MYTPP",
    "高雄": "TWKHH", "高雄港": "TWKHH", "kaohsiung": "TWKHH", "基隆": "TWKEL", "基隆港": "TWKEL",
    "keelung": "TWKEL", "台中": "TWTXG", "臺中": "TWTXG", "台中港": "TWTXG", "臺中港": "TWTXG",
    "taichung": "TWTXG", "台北": "TWTPE", "臺北": "TWTPE", "taipei": "TWTPE", "香港": "HKHKG",
    "hong kong": "HKHKG", "新加坡": "SGSIN", "singapore": "SGSIN", "上海": "CNSHA",
    "shanghai": "CNSHA", "寧波": "CNNGB", "宁波": "CNNGB", "ningbo": "CNNGB", "深圳": "CNSZX",
    "shenzhen": "CNSZX", "鹽田": "CNYTN", "yantian": "CNYTN", "廈門": "CNXMN", "厦门": "CNXMN",
    "xiamen": "CNXMN", "青島": "CNTAO", "青岛": "CNTAO", "qingdao": "CNTAO", "天津": "CNTSN",
    "tianjin": "CNTSN", "廣州": "CNCAN", "广州": "CNCAN", "guangzhou": "CNCAN", "海防": "VNHPH",
    "haiphong": "VNHPH", "hai phong": "VNHPH", "胡志明市": "VNSGN", "ho chi minh": "VNSGN",
    "ho chi minh city": "VNSGN", "hcmc": "VNSGN", "saigon": "VNSGN", "cat lai": "VNSGN",
    "林查班": "THLCH", "laem chabang": "THLCH", "曼谷": "THBKK", "bangkok": "THBKK",
    "雅加達": "IDJKT", "jakarta": "IDJKT", "tanjung priok": "IDJKT", "泗水": "IDSUB",
    "surabaya": "IDSUB", "馬尼拉": "PHMNL", "manila": "PHMNL", "釜山": "KRPUS", "busan": "KRPUS",
    "pusan": "KRPUS", "橫濱": "JPYOK", "横滨": "JPYOK", "yokohama": "JPYOK", "東京": "JPTYO",
    "tokyo": "JPTYO", "大阪": "JPOSA", "osaka": "JPOSA", "神戶": "JPUKB", "kobe": "JPUKB",
    "鹿特丹": "NLRTM", "rotterdam": "NLRTM", "漢堡": "DEHAM", "hamburg": "DEHAM",
    "安特衛普": "BEANR", "antwerp": "BEANR", "antwerpen": "BEANR", "anvers": "BEANR",
    "felixstowe": "GBFXT", "費利克斯托": "GBFXT", "southampton": "GBSOU",
    "london gateway": "GBLGP", "los angeles": "USLAX", "洛杉磯": "USLAX", "long beach": "USLGB",
    "oakland": "USOAK", "奧克蘭": "USOAK", "new york": "USNYC", "seattle": "USSEA",
    "tacoma": "USTIW", "mersin": "TRMER", "梅爾辛": "TRMER", "istanbul": "TRIST",
    "ambarli": "TRAMR", "nhava sheva": "INNSA", "jawaharlal nehru": "INNSA",
    "jawaharlal nehru port": "INNSA", "jnpt": "INNSA", "nava sheva": "INNSA",
    "navasheva": "INNSA", "nhava sheva jnpt": "INNSA", "mundra": "INMUN", "chennai": "INMAA",
    "madras": "INMAA", "mumbai": "INBOM", "kolkata": "INCCU", "melbourne": "AUMEL",
    "墨爾本": "AUMEL", "sydney": "AUSYD", "genoa": "ITGOA", "genova": "ITGOA",
    "baltimore": "USBAL", "amsterdam": "NLAMS", "liverpool": "GBLIV", "alexandria": "EGALY",
    "lagos": "NGLOS", "venice": "ITVCE", "halifax": "CAHAL", "new york newark": "USNYC",
    "new york/newark area, newark, new jersey": "USEWR", "boston": "USBOS",
    "ningbo zhoushan": "CNNGB", "ningbo-zhoushan": "CNNGB", "tianjin xingang": "CNTSN",
    "chattogram": "BDCGP", "qui nhon": "VNUIH", "hochiminh": "VNSGN",
}

# US Customs Schedule D codes (district and port) of the main seaports of unlading, as US
# manifests write them before the name ("2704, Los Angeles, California").
SCHEDULE_D = {
    "0101": "USPWM", "0401": "USBOS", "1001": "USNYC", "1101": "USPHL", "1303": "USBAL",
    "1401": "USORF", "1601": "USCHS", "1703": "USSAV", "1803": "USJAX", "2002": "USMSY",
    "2704": "USLAX", "2709": "USLGB", "2811": "USOAK", "2904": "USPDX", "3001": "USSEA",
    "3002": "USTIW", "4601": "USEWR", "5201": "USMIA", "5203": "USPEF", "5301": "USHOU",
}

# Places that share a name with a port elsewhere, by the state written after them.
BY_STATE = {("portland", "oregon"): "USPDX", ("portland", "or"): "USPDX",
            ("portland", "maine"): "USPWM", ("portland", "me"): "USPWM",
            ("wilmington", "nc"): "USILM", ("wilmington", "north carolina"): "USILM",
            ("wilmington", "de"): "USILG", ("wilmington", "delaware"): "USILG"}

US_STATES = {
    "al": "alabama", "ak": "alaska", "az": "arizona", "ar": "arkansas", "ca": "california",
    "co": "colorado", "ct": "connecticut", "de": "delaware", "fl": "florida", "ga": "georgia",
    "hi": "hawaii", "id": "idaho", "il": "illinois", "in": "indiana", "ia": "iowa",
    "ks": "kansas", "ky": "kentucky", "la": "louisiana", "me": "maine", "md": "maryland",
    "ma": "massachusetts", "mi": "michigan", "mn": "minnesota", "ms": "mississippi",
    "mo": "missouri", "mt": "montana", "ne": "nebraska", "nv": "nevada", "nh": "new hampshire",
    "nj": "new jersey", "nm": "new mexico", "ny": "new york", "nc": "north carolina",
    "nd": "north dakota", "oh": "ohio", "ok": "oklahoma", "or": "oregon", "pa": "pennsylvania",
    "ri": "rhode island", "sc": "south carolina", "sd": "south dakota", "tn": "tennessee",
    "tx": "texas", "ut": "utah", "vt": "vermont", "va": "virginia", "wa": "washington",
    "wv": "west virginia", "wi": "wisconsin", "wy": "wyoming", "dc": "district of columbia",
    "pr": "puerto rico",
}
CA_PROVINCES = {"bc": "british columbia", "ab": "alberta", "on": "ontario", "qc": "quebec",
                "ns": "nova scotia", "nb": "new brunswick", "nl": "newfoundland",
                "mb": "manitoba", "sk": "saskatchewan", "pe": "prince edward island"}

# Words that make a place an airport (or an inland depot), never a seaport.
NOT_SEAPORTS = {"airport", "apt", "aeropuerto", "aeroporto", "aeroport", "flughafen",
                "air cargo", "airfreight", "air freight", "intl airport", "机场", "機場",
                "空港", "аэропорт", "icd", "inland container depot", "dry port"}
