"""Which text encoding decodes a file's bytes: byte-order marks, UTF-16 without one, UTF-8, and
the legacy code pages customs offices still write (CP950 Big5, GB18030, Windows-1251, 1252)."""

from __future__ import annotations

import codecs
import logging
import re

from ..errors import ReadError

log = logging.getLogger(__name__)

# Characters frequent in Traditional Chinese customs text but rare in Simplified, and vice versa.
_TRAD = set("臺灣關號國貨進發與處屬報單櫃稅噸業資廢塑膠類別數額證營運輸務轉費")
_SIMP = set("台湾关号国货进发与处属报单柜税吨业资废塑胶类别数额证营运输务转费")
_HIGH_RUNS = re.compile(rb"[\x80-\xff]+")
_HIGH_SYMBOLS = re.compile(rb"[\x80-\xbf]")
DECODE_PIECE = 4 << 20  # bytes decoded at a time when checking an encoding
ENCODING_SAMPLE_CHARS = 1_000_000  # characters that tell Big5 from GB18030


def text_encoding(data: bytes, path: str = "") -> str:
    """The encoding that decodes all of ``data``: UTF-8 (with or without BOM), UTF-16, CP950,
    GB18030, Windows-1251 (Cyrillic) or Windows-1252."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, enc, path)
    head = data[:200]
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
        return _strict(data, "utf-16-le", path)  # UTF-16 without a byte-order mark
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
        return _strict(data, "utf-16-be", path)
    if _decodes(data, "utf-8"):
        return "utf-8"
    return _legacy(data, path)


def _pieces(data: bytes, encoding: str):
    """``data`` decoded a few megabytes at a time: one decode of a 200 MB file holds the
    interpreter for a fifth of a second, long enough to stall a window."""
    decoder = codecs.getincrementaldecoder(encoding)()
    for i in range(0, len(data), DECODE_PIECE):
        yield decoder.decode(data[i:i + DECODE_PIECE])
    yield decoder.decode(b"", final=True)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        for _ in _pieces(data, encoding):
            pass
    except UnicodeDecodeError:
        return False
    return True


def _legacy(data: bytes, path: str) -> str:
    """Big5/CP950 against GB18030 by Traditional and Simplified marker characters, else cp1252.
    Text whose bytes above 127 mostly stand alone between ASCII and are Windows-1252's letters
    (0xC0-0xFF: "Número", "Descripción") is Latin: Big5 and GB18030 write a Chinese character
    as a lead byte mostly below 0xC0 and a second byte, and Spanish in Windows-1252 had decoded
    as Big5 nonsense ("N鷐ero")."""
    candidates = []
    sample = data[:4 * ENCODING_SAMPLE_CHARS]
    runs = _HIGH_RUNS.findall(sample)
    if runs and sum(len(r) == 1 for r in runs) > len(runs) // 2:
        high = sum(map(len, runs))
        letters = high - len(_HIGH_SYMBOLS.findall(sample))
        if letters >= 0.8 * high:
            return _cp1252(data, path)
    if runs and _cyrillic(sample, runs):
        return _strict(data, "cp1251", path)
    for enc in ("cp950", "gb18030"):
        if not _decodes(data, enc):
            continue
        # The head is enough to tell; counting the whole text would take minutes.
        head = data[:4 * ENCODING_SAMPLE_CHARS].decode(enc, errors="ignore")[:ENCODING_SAMPLE_CHARS]
        trad = sum(c in _TRAD for c in head)
        simp = sum(c in _SIMP for c in head)
        cjk = sum("\u4e00" <= c <= "\u9fff" for c in head)
        candidates.append(((trad - simp if enc == "cp950" else simp - trad), cjk, enc))
    if candidates:
        score, cjk, enc = max(candidates)
        if cjk:
            return enc
    return _cp1252(data, path)


def _cyrillic(sample: bytes, runs: list[bytes]) -> bool:
    """Whether Windows-1251 reads the bytes above 127 as Russian or Kazakh words: nearly all
    of them Cyrillic letters, most in runs of several (a ДТ export: "Получатель", "Вес
    брутто"). Big5 and GB18030 text read as Windows-1251 gives symbols and lone letters beside
    ASCII bytes, Spanish in Windows-1252 lone letters."""
    if sum(len(r) >= 2 for r in runs) < 0.7 * len(runs):
        return False
    text = b"".join(runs).decode("cp1251", errors="replace")
    letters = sum("\u0410" <= c <= "\u044f" or c in "Ёё" for c in text)
    return letters >= 0.9 * len(text)


def _cp1252(data: bytes, path: str) -> str:
    try:
        return _strict(data, "cp1252", path)
    except ReadError:
        raise ReadError(path, "cannot decode text: unknown encoding") from None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        for _ in _pieces(data, encoding):
            pass
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"cannot decode text as {encoding}: {exc.reason}") from None
    return encoding


def has_nul(data: bytes, encoding: str) -> bool:
    if not encoding.startswith("utf-16"):  # no multibyte sequence of the others holds a 0 byte
        return b"\x00" in data
    return any("\x00" in piece for piece in _pieces(data, encoding))
