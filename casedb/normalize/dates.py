"""Dates as investigators and systems write them: ISO 8601 dates and timestamps (the date as
written; a time and zone after it are ignored), d/m/y or m/d/y with any separator, yyyymmdd,
month names in English, Spanish, Portuguese and Russian, Excel serials, ROC (民國) dates
(112/05/12, 1120512 also as a number cell, and with the year zero-padded to four digits:
0112/05/12, 01120512),
Japanese era dates (令和6年5月1日, 令和元年, R06.05.07, H31.4.30), Thai dates in the Buddhist
era (15/05/2567, 20 พ.ค. 2567, 20 พ.ค. 67).

A four-digit year from 2400 to 2699 is a Buddhist-era year (Thailand, Laos: 2567 is 2024). A
date before 1950 or more than a year after today is refused as implausible: a year written in
a calendar not read here (or two digits of one) is never stored as written."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .messages import shown

EXCEL_EPOCH = dt.date(1899, 12, 30)
ROC_OFFSET = 1911
BUDDHIST_OFFSET, BUDDHIST_YEARS = 543, range(2400, 2700)
JAPANESE_ERAS = {"令和": 2018, "r": 2018, "平成": 1988, "h": 1988, "昭和": 1925, "s": 1925}
EARLIEST = dt.date(1950, 1, 1)
AHEAD_DAYS = 366  # how far after today a date may be (a declaration lodged ahead)
MONTHS = {m: i for i, names in enumerate(
    [(), ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")]) for m in names}
# Spanish, Portuguese and Russian month names (Russian in the genitive of "12 мая 2023 г.")
MONTHS.update({m: i for i, names in enumerate(
    [(), ("ene", "enero", "janeiro"), ("fev", "febrero", "fevereiro"), ("marzo", "marco"),
     ("abr", "abril"), ("mayo", "mai", "maio"), ("junio", "junho"), ("julio", "julho"),
     ("ago", "agosto"), ("set", "septiembre", "setiembre", "setembro"),
     ("out", "octubre", "outubro"), ("noviembre", "novembro"), ("dic", "dez", "diciembre",
                                                               "dezembro")]) for m in names})
MONTHS.update({m: i for i, names in enumerate(
    [(), ("янв", "января", "январь"), ("фев", "февраля", "февраль"), ("мар", "марта", "март"),
     ("апр", "апреля", "апрель"), ("мая", "май"), ("июн", "июня", "июнь"),
     ("июл", "июля", "июль"), ("авг", "августа", "август"), ("сен", "сентября", "сентябрь"),
     ("окт", "октября", "октябрь"), ("ноя", "ноября", "ноябрь"), ("дек", "декабря", "декабрь")])
    for m in names})

# a time of day after a date, ignored: "T10:22:00.000+08:00", " 00:00:00.000", " 10.22.00 AM"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d{1,9})?)?"
_ZONE = r"(?:z|utc|gmt|[+-]\d{2}(?::?\d{2})?)"
_TIME = rf"(?:[ t]{_CLOCK}\s*(?:[ap]\.?m\.?)?\s*{_ZONE}?)?"
_ISO = re.compile(rf"^(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ROC_COMPACT = re.compile(r"^(\d{2,3})(\d{2})(\d{2})$")
_NUMERIC = re.compile(rf"^(\d{{1,3}})[-/.](\d{{1,2}})[-/.](\d{{1,4}}){_TIME}$")
_CJK = re.compile(r"^(?:民國|民国)?\s*(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")
_NAMED_DMY = re.compile(rf"^(\d{{1,2}})[\s\-/.]+([^\W\d_]{{3,10}})\.?[\s\-/.,]+(\d{{2,4}}){_TIME}$")
_NAMED_MDY = re.compile(
    rf"^([^\W\d_]{{3,10}})\.?[\s\-]+(\d{{1,2}})(?:st|nd|rd|th)?,?[\s\-]+(\d{{2,4}}){_TIME}$")
_JP_ERA = re.compile(r"^(令和|平成|昭和)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")
_JP_SHORT = re.compile(r"^([rhs])\.?\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{1,2})$")
_THAI_MONTHS = {m: i for i, names in enumerate(
    [(), ("ม.ค.", "มกราคม"), ("ก.พ.", "กุมภาพันธ์"), ("มี.ค.", "มีนาคม"), ("เม.ย.", "เมษายน"),
     ("พ.ค.", "พฤษภาคม"), ("มิ.ย.", "มิถุนายน"), ("ก.ค.", "กรกฎาคม"), ("ส.ค.", "สิงหาคม"),
     ("ก.ย.", "กันยายน"), ("ต.ค.", "ตุลาคม"), ("พ.ย.", "พฤศจิกายน"), ("ธ.ค.", "ธันวาคม")])
    for m in names}
_THAI = re.compile(r"^(\d{1,2})\s*(" + "|".join(map(re.escape, sorted(_THAI_MONTHS, key=len,
                                                                     reverse=True)))
                   + r")\s*(?:พ\.ศ\.\s*)?(\d{2}|\d{4})$")
_FILLER = re.compile(r"\s+(?:de|del)\s+|\s*(?:г\.?|года)$")  # 12 de mayo de 2023; 12 мая 2023 г.


def _make(y: int, m: int, d: int, text) -> dt.date:
    if y in BUDDHIST_YEARS:
        y -= BUDDHIST_OFFSET
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise ValueError(f"impossible date {shown(text)} ({y:04d}-{m:02d}-{d:02d})") from None


def _four_digit_year(written: str) -> int:
    """A year written with four digits; a leading zero is a ROC year padded (0113 is 2024)."""
    y = int(written)
    return y + ROC_OFFSET if written.startswith("0") else y


def _year(y: int) -> int:
    if y < 100:
        return 2000 + y if y < 70 else 1900 + y
    return y


def _from_serial(value: float) -> dt.date:
    if not 1 <= value < 80_000:
        raise ValueError(f"not a date: {value!r}")
    return EXCEL_EPOCH + dt.timedelta(days=int(value))


def parse_date(value, order: str | None = None) -> dt.date | None:
    """A date from a cell; ``order`` ('dmy', 'mdy', 'ymd') settles ambiguous numeric dates."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if value.year in BUDDHIST_YEARS:  # a date cell typed in the Buddhist era
            value = _make(value.year, value.month, value.day, value.isoformat())
        return _plausible(value, value.isoformat())
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, (int, float)):
        if not -1e9 < value < 1e9:  # also NaN; a float() of a huge int would overflow
            raise ValueError(f"not a date: {shown(value)}")
        if float(value).is_integer() and (19_000_000 < value < 22_000_000  # 20230512
                                          or 24_000_000 <= value < 27_000_000  # BE: 25670515
                                          or 100_000 <= value < 2_000_000):  # ROC: 1130501
            return _plausible(_parse_text(str(int(value)), order or "dmy"), value)
        return _plausible(_from_serial(float(value)), value)
    text = " ".join(str(value).split())
    if not text:
        return None
    return _plausible(_parse_text(text, order or "dmy"), text)


def _plausible(date: dt.date, written) -> dt.date:
    """``date``, unless no customs record can bear it: before 1950 or more than a year ahead
    (a year of another calendar, or its last two digits, read as a Gregorian one)."""
    if EARLIEST <= date <= dt.date.today() + dt.timedelta(days=AHEAD_DAYS):
        return date
    raise ValueError(f"implausible date {shown(written)} ({date.isoformat()}): before 1950 "
                     "or more than a year ahead")  # EARLIEST; casedb.importing.reason_table


@lru_cache(maxsize=65536)
def _parse_text(text: str, order: str) -> dt.date:
    low = text.lower().replace("，", ",")
    if m := _ISO.match(low) or _COMPACT.match(low):
        return _make(_four_digit_year(m[1]), int(m[2]), int(m[3]), text)
    if m := _JP_ERA.match(text) or _JP_SHORT.match(low):
        year = 1 if m[2] == "元" else int(m[2])
        return _make(JAPANESE_ERAS[m[1]] + year, int(m[3]), int(m[4]), text)
    if m := _THAI.match(text):  # the Buddhist era; two digits of it: 67 is 2567
        year = int(m[3]) + (2500 if len(m[3]) == 2 else 0)
        return _make(year, _THAI_MONTHS[m[2]], int(m[1]), text)
    if m := _CJK.match(text):
        y = int(m[1])
        return _make(y + ROC_OFFSET if y < 1000 else y, int(m[2]), int(m[3]), text)
    if m := _ROC_COMPACT.match(low):
        return _make(int(m[1]) + ROC_OFFSET, int(m[2]), int(m[3]), text)
    if m := _NUMERIC.match(low):
        return _numeric(int(m[1]), int(m[2]), int(m[3]), m[1], order, text)
    named = _FILLER.sub(" ", low).strip()
    if m := _NAMED_DMY.match(named):
        return _named(m[2], int(m[1]), int(m[3]), text)
    if m := _NAMED_MDY.match(named):
        return _named(m[1], int(m[2]), int(m[3]), text)
    if re.fullmatch(r"\d+(\.\d+)?", low):
        return _from_serial(float(low))
    raise ValueError(f"not a date: {shown(text)}")


def _named(month: str, day: int, year: int, text: str) -> dt.date:
    if month not in MONTHS:
        raise ValueError(f"not a date: {shown(text)}")
    return _make(_year(year), MONTHS[month], day, text)


def _numeric(a: int, b: int, c: int, a_text: str, order: str, text: str) -> dt.date:
    if len(a_text) == 3 or (order == "ymd" and len(a_text) <= 3 and a > 31):
        return _make(a + ROC_OFFSET, b, c, text)  # ROC year first: 112/05/12
    if len(a_text) == 3 and a > 31:
        return _make(a + ROC_OFFSET, b, c, text)
    if order == "ymd":
        return _make(_year(a) if a >= 100 else a + ROC_OFFSET, b, c, text)
    if a > 12 and b <= 12:
        day, month = a, b
    elif b > 12 and a <= 12:
        day, month = b, a
    elif order == "mdy":
        day, month = b, a
    else:
        day, month = a, b
    return _make(_year(c), month, day, text)


def infer_date_order(values: Iterable | Mapping) -> str:
    """'dmy' or 'mdy' for a column of numeric dates, from the values that are unambiguous.
    ``values`` is the column, or a mapping of each distinct value to its count."""
    counted = values.items() if isinstance(values, Mapping) else ((v, 1) for v in values)
    dmy = mdy = 0
    for v, count in counted:
        if not isinstance(v, str):
            continue
        m = _NUMERIC.match(v.strip().lower())
        if not m or len(m[1]) == 3:
            continue
        a, b = int(m[1]), int(m[2])
        if a > 12 >= b:
            dmy += count
        elif b > 12 >= a:
            mdy += count
    return "mdy" if mdy > dmy else "dmy"
