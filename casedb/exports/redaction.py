"""Scrubbing personal data out of free text, for bundles exchanged without personal data.

A :class:`Scrubber` removes, in this order: the names and identifiers of known parties (given
literally, and party names of the database matched on their name key), e-mail addresses,
addresses after an address label, dates (every date: a date of birth is a date), identity and
passport numbers (after a label, or any token of letters and at least five digits), phone
numbers and messenger handles, and the names that follow a person label ("driver", "informant",
"Mr", "司機"...). What it removed is reported as kinds, never as values.

Scrubbing cannot find a name that nothing marks as one; bundles therefore drop narrative text
(summaries, notes) entirely rather than scrub it (see casedb.exchange.export).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from casedb.normalize import name_key

MARK = "[redacted]"

_MONTHS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DATES = re.compile("|".join((
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",
    r"\b\d{1,3}[-/.]\d{1,2}[-/.]\d{2,4}\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?[\s-]+{_MONTHS}[\s,-]+\d{{2,4}}\b",
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    r"\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?",
)), re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+%-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\s*(?:\.|\(dot\))\s*[\w-]+)+",
                    re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w])\+?\(?\d[\d\s().\-/]{5,}\d(?![\w])")
_ID_TOKEN = re.compile(r"\b(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{4,}\b")
_LONG_NUMBER = re.compile(r"\b\d[\d-]{6,}\d\b")

# label -> what follows it, removed up to the end of the clause (addresses) or a token
_ADDRESS_LABEL = re.compile(
    r"(?:\baddress(?:ed)?|\baddr\.?|\bresid(?:ing|es|ent) (?:at|in)|\blives at|\bliving at"
    r"|\bdomicile(?:d at)?|住址|地址|戶籍)\s*[:：]?\s*([^.;\n。；]+)", re.IGNORECASE)
_BIRTH_LABEL = re.compile(
    r"(?:\bd\.?o\.?b\.?|\bdate of birth|\bbirth ?date|\bborn(?: on| in)?|出生(?:日期)?|生日)"
    r"\s*[:：]?\s*(\d{4}\b|(?:age\s*)?\d{1,3}\b)", re.IGNORECASE)
_ID_LABEL = re.compile(
    r"(?:\bpassport(?: no\.?| number| #)?|\bnational id(?:entity)?(?: card)?(?: no\.?| number)?"
    r"|\bnric(?: no\.?)?|\bi/?c(?: no\.?| number)|\bid(?: card)?(?: no\.?| number| #)?"
    r"|\bidentity(?: card)?(?: no\.?| number)?|\bssn|\bsocial security(?: no\.?| number)?"
    r"|\bdriv(?:er'?s|ing) licen[cs]e(?: no\.?| number)?|\blicen[cs]e no\.?|\btax id"
    r"|身分證(?:字號|號碼)?|身份证(?:号码)?|護照(?:號碼)?|护照(?:号码)?)"
    r"\s*[:：#.]?\s*([A-Za-z0-9][A-Za-z0-9 /-]{3,}[A-Za-z0-9])", re.IGNORECASE)
_HANDLE_LABEL = re.compile(
    r"(?:\bwechat(?: id)?|\bline(?: id)|\btelegram|\bskype|\bwhatsapp|\bsignal|\bviber"
    r"|\binstagram|\bfacebook|\btwitter|微信|臉書)\s*[:：]?\s*(@?[\w.+-]{3,})", re.IGNORECASE)

_PERSON_WORDS = (
    "driver", "drivers", "informant", "informer", "source", "witness", "suspect", "suspects",
    "passenger", "owner", "director", "manager", "contact", "contact person", "person",
    "representative", "employee", "accomplice", "mr", "mrs", "ms", "miss", "dr", "sir",
    "madam", "mdm", "encik", "puan", "tuan", "herr", "frau", "mme", "sr", "sra", "name", "named", "alias", "aka", "a.k.a.", "called", "son of", "daughter of",
    "wife", "husband", "brother", "sister", "truck driver", "lorry driver", "courier",
    "captain", "declarant", "signatory",
)
_PERSON_LABEL = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(_PERSON_WORDS, key=len, reverse=True))
    + r")\b\.?\s*[:：,]?\s*(?:(?:is|was|named|called|nicknamed)\s+)?", re.IGNORECASE)
_CJK_PERSON = re.compile(
    r"(?:司機|駕駛|线民|線民|線人|线人|證人|证人|嫌犯|嫌疑人|負責人|负责人|聯絡人|联系人|姓名|"
    r"報關人|乘客)\s*[:：]?\s*([\u4e00-\u9fff]{2,4})|([\u4e00-\u9fff]{1,3})(?:先生|小姐|女士|太太)")
_LABEL_WORDS = frozenset(_PERSON_WORDS)
_PARTICLES = {"bin", "binti", "bte", "bt", "ibn", "van", "von", "der", "den", "de", "la", "le",
              "del", "della", "da", "di", "dos", "das", "du", "al", "el", "ap", "y", "a/l", "a/p"}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\S+")
_CAPITALISED = re.compile(r"(?<![\w@.])[^\W\d_][^\W\d_]+(?:['’-][^\W\d_]+)?(?![\w@])")
# Words of the trade, not of names: a run of capitalised words mostly made of them is kept.
DOMAIN_WORDS = frozenset("""
a an the of and or for to in on at by with from via per as into under over x ray x-ray
plastic plastics scrap scraps waste wastes bale bales baled pellet pellets flakes film films
sheet sheets regrind granules resin resins polymer polymers pe pp pet pvc ps hdpe ldpe lldpe abs
pa pc eps mixed clean dirty used old new second hand parts part spare computer computers
electronic electronics e-waste ewaste battery batteries lead acid metal metals ferrous
non-ferrous iron steel copper aluminium aluminum brass zinc cable cables wire wires paper
cardboard carton cartons occ pulp textile textiles clothing clothes rags tyre tyres tire tires
rubber oil oils sludge slag ash dust residue residues chemical chemicals refrigerant
refrigerants gas cylinders container containers box boxes bag bags drum drums pallet pallets
loose bulk ton tons tonne tonnes kg kgs net gross weight total pieces pcs units lot lots hs
code codes basel annex permit licence license notification declaration declared declared as
misdeclared misdeclaration undeclared false falsified forged fake missing invalid no without
permit concealment concealed hidden smuggling smuggled transshipment transhipment transit
export exported import imported re-export re-exported returned repatriated seized seizure
detained released fined fine prosecuted prosecution referred closed open under investigation
case cases ring network operation joint customs police environment environmental agency
ministry department office port ports harbour harbor terminal bay quay city river north south
east west central new saint st inspection inspected physical document documentary risk
profiling profile scan scanner scanned targeting target intelligence tip tip-off sniffer dog
random check checked analysis analysed lab laboratory test tested sample samples result results
pending warning penalty confiscated destroyed shipment shipments consignment consignments
vessel ship voyage bill lading b/l invoice invoices value undervalued undervaluation price
company co ltd limited inc corp corporation trading recycling recycle recycled industries
industrial enterprise enterprises group holdings international global green earth eco
""".split())


def _name_span(text: str, start: int) -> tuple[int, int]:
    """The name that starts at ``start`` (after an opening bracket or quote): up to five words,
    capitalised ones, or particles (bin, van, de...) between capitalised ones. Empty when the
    next word is not one."""
    first = end = cursor = start
    words = 0
    for m in _WORD.finditer(text, start):
        if text[cursor:m.start()].strip() or words >= 5:
            break
        raw = m.group()
        lead = len(raw) - len(raw.lstrip("(\"'“‘["))
        word = raw[lead:].rstrip(".,;:)\"'”’]")
        if word.lower() in _LABEL_WORDS or (lead and words):  # "Driver Name: Ahmad"
            break
        if word[:1].isupper() and word[:1].isalpha():
            first = first if words else m.start() + lead
            end = cursor = m.start() + lead + len(word)
        elif words and word.lower() in _PARTICLES:
            cursor = m.start() + lead + len(word)
        else:
            break
        words += 1
    return (first, end) if end > start else (start, start)


class Scrubber:
    """Removes personal data from free text; ``names`` are literal strings to remove (party
    names, variants, identifier values), ``name_keys`` name keys of known parties (matched on
    two to six consecutive words)."""

    def __init__(self, names: Iterable[str] = (), name_keys: Iterable[str] = ()):
        names = [n for n in names if n]
        literal = sorted({" ".join(n.split()) for n in names if n and len(n.strip()) >= 3},
                         key=len, reverse=True)
        self._names = (re.compile("|".join(r"\s+".join(map(re.escape, n.split()))
                                           for n in literal), re.IGNORECASE)
                       if literal else None)
        self._keys = {k for k in name_keys if k and " " in k}
        self._keys |= {k for k in map(name_key, names) if len(k) >= 3}

    def scrub(self, text: str | None) -> tuple[str | None, list[str]]:
        """The text without personal data, and the kinds of data removed (in order found)."""
        if not text:
            return text, []
        found: list[str] = []
        text = self._literal_names(text, found)
        text = self._known_keys(text, found)
        text = self._sub(_EMAIL, text, "email", found)
        text = self._sub_group(_ADDRESS_LABEL, text, "address", found)
        text = self._sub(_DATES, text, "date", found)
        text = self._sub_group(_BIRTH_LABEL, text, "date of birth", found)
        text = self._sub_group(_ID_LABEL, text, "identity number", found)
        text = self._sub_group(_HANDLE_LABEL, text, "messenger handle", found)
        text = self._sub(_PHONE, text, "phone", found, digits=7)
        text = self._sub(_LONG_NUMBER, text, "number", found)
        text = self._sub(_ID_TOKEN, text, "identity number", found, digits=5)
        text = self._persons(text, found)
        text = self._capitalised_runs(text, found)
        return text, list(dict.fromkeys(found))

    def scrub_names(self, text: str) -> tuple[str, list[str]]:
        """Only the known parties' names and identifiers: for fields that are codes and numbers
        (permit, B/L, vessel), which the other rules would take apart."""
        found: list[str] = []
        text = self._known_keys(self._literal_names(text, found), found)
        return text, found

    def _literal_names(self, text: str, found: list[str]) -> str:
        return text if self._names is None else self._sub(self._names, text, "party name", found)

    def _known_keys(self, text: str, found: list[str]) -> str:
        if not self._keys:
            return text
        words = list(re.finditer(r"\S+", text))
        spans = []
        i = 0
        while i < len(words):
            for n in range(min(6, len(words) - i), 0, -1):
                chunk = text[words[i].start():words[i + n - 1].end()]
                if name_key(chunk) in self._keys:
                    spans.append((words[i].start(), words[i + n - 1].end()))
                    i += n - 1
                    break
            i += 1
        for start, end in reversed(spans):
            text = text[:start] + MARK + text[end:]
        if spans:
            found.append("party name")
        return text

    @staticmethod
    def _sub(pattern: re.Pattern, text: str, kind: str, found: list[str], digits: int = 0) -> str:
        def repl(m: re.Match) -> str:
            if digits and sum(c.isdigit() for c in m.group()) < digits:
                return m.group()
            found.append(kind)
            return MARK
        return pattern.sub(repl, text)

    @staticmethod
    def _sub_group(pattern: re.Pattern, text: str, kind: str, found: list[str]) -> str:
        def repl(m: re.Match) -> str:
            value = m.group(1)
            if not value.strip() or value.strip() == MARK:
                return m.group()
            found.append(kind)
            return m.group()[:m.start(1) - m.start()] + MARK
        return pattern.sub(repl, text)

    @staticmethod
    def _capitalised_runs(text: str, found: list[str]) -> str:
        """Two or more capitalised words in a row, fewer than half of them words of the trade
        or of country names, are taken for a name ("Lim Wei Ming", "SITI AMINAH")."""
        vocabulary = _vocabulary()
        runs, run = [], []
        for m in _CAPITALISED.finditer(text):
            if run and text[run[-1].end():m.start()].strip(" ").lower() not in ("", *_PARTICLES):
                runs.append(run)
                run = []
            if m.group()[0].isupper():  # a cased script: not Chinese, where names get labels
                run.append(m)
        runs.append(run)
        spans = []
        for run in runs:
            words = [m.group().lower() for m in run if m.group().lower() not in _PARTICLES]
            known = sum(w in vocabulary for w in words)
            if len(words) >= 2 and known * 2 < len(words):
                spans.append((run[0].start(), run[-1].end()))
        for start, end in reversed(spans):
            text = text[:start] + MARK + text[end:]
        if spans:
            found.append("possible name")
        return text

    @staticmethod
    def _persons(text: str, found: list[str]) -> str:
        out, pos = [], 0
        for m in _PERSON_LABEL.finditer(text):
            if m.start() < pos:
                continue
            first, end = _name_span(text, m.end())
            if end > first:
                out += [text[pos:first], MARK]
                pos = end
                found.append("person name")
        text = "".join(out) + text[pos:]

        def cjk(m: re.Match) -> str:
            found.append("person name")
            g = 1 if m.group(1) else 2
            return m.group()[:m.start(g) - m.start()] + MARK + m.group()[m.end(g) - m.start():]
        return _CJK_PERSON.sub(cjk, text)


@cache
def _vocabulary() -> frozenset[str]:
    """Words of the trade and of country names (not of ports or regions: many are people's
    names too, such as Saint John or Mina Rashid)."""
    import pycountry

    names = [n for c in pycountry.countries
             for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""))]
    words = {w.lower() for n in names for w in re.findall(r"[^\W\d_]+", n)}
    return frozenset(words | DOMAIN_WORDS | _LABEL_WORDS)
