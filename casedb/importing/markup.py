"""Spreadsheets that are really markup: an HTML page with a <table> (what many customs and
vendor systems export as "Excel", named .xls), or a SpreadsheetML 2003 XML workbook
(``<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">``). Told by their content,
never by their name, and decoded as they declare (a byte-order mark, ``<meta charset>``, the
XML declaration) or as the text reads.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import ReadError
from .encodings import text_encoding

HEAD_BYTES = 8192  # what is looked at to tell a page or an XML workbook from a table of text
PIECE = 1 << 20  # bytes decoded at a time

_HTML_TAGS = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|table|meta|title|style|tr|td)\b",
                        re.I)
_TABLE = re.compile(r"<table\b", re.I)
_ROW_OR_CELL = re.compile(r"<t[rdh]\b", re.I)
_FIRST_TAG = re.compile(r"<\s*([A-Za-z][\w.:-]*)")
_XML_DECL = re.compile(r"<\?xml[^>]*\bencoding\s*=\s*[\"']([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
SPREADSHEETML_NS = "urn:schemas-microsoft-com:office:spreadsheet"
# What browsers and Excel take the names pages declare for: the wider encoding of each family.
_WIDER = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
          "us-ascii": "cp1252", "windows-1252": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
          "big5": "cp950", "big5-hkscs": "big5hkscs", "x-sjis": "cp932", "shift_jis": "cp932",
          "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "utf-16": "utf-16"}


def _head_text(head: bytes) -> str:
    """The first bytes as text, well enough to look for tags (every encoding a page may use
    writes ASCII tags as ASCII, or as UTF-16)."""
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(enc, "ignore")
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and not head[0::2].count(0):
        return head.decode("utf-16-le", "ignore")
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and not head[1::2].count(0):
        return head.decode("utf-16-be", "ignore")
    return head.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")


def markup_kind(head: bytes) -> str | None:
    """"html", "spreadsheetml", or None for anything else, from a file's first bytes."""
    text = _head_text(head).lstrip()
    if not text.startswith("<"):
        # A report line above the table ("Reporte generado el ...<br>"), as some exporters
        # write: a page all the same when a table and its rows follow.
        return "html" if _TABLE.search(text) and _ROW_OR_CELL.search(text) else None
    # The first element after the XML declaration, processing instructions and comments.
    body = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", "", text,
                  flags=re.S | re.I).lstrip()
    first = _FIRST_TAG.match(body)
    if first and first.group(1).split(":")[-1] == "Workbook" and SPREADSHEETML_NS in text:
        return "spreadsheetml"
    if 'progid="Excel.Sheet"' in text and SPREADSHEETML_NS in text and "<html" not in text.lower():
        return "spreadsheetml"
    return "html" if _HTML_TAGS.search(body[:HEAD_BYTES]) else None


def sniff(path: Path) -> str | None:
    try:
        with open(path, "rb") as f:
            return markup_kind(f.read(HEAD_BYTES))
    except OSError:
        return None


def _declared(head: bytes, kind: str) -> str | None:
    """The encoding a page or XML workbook names for itself, as a Python codec."""
    text = _head_text(head)
    m = _XML_DECL.search(text[:200])
    name = m.group(1) if m else None
    if name is None and kind == "html":
        meta = _META_CHARSET.search(head)
        name = meta.group(1).decode("ascii", "ignore") if meta else None
    if not name:
        return None
    name = _WIDER.get(name.lower(), name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def encoding_of(path: Path, kind: str) -> str:
    """The encoding a markup file is read in: its byte-order mark, UTF-16 as its bytes show
    it, the encoding it declares if all its bytes decode so, else as a text file's is found."""
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return enc
    if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or
                           head[0::2].count(0) > len(head) // 4):
        return text_encoding(head[:len(head) // 2 * 2], str(path))  # UTF-16 without a mark
    declared = _declared(head, kind)
    if declared and declared.replace("_", "-") not in ("utf-16", "utf-32") \
            and _decodes(path, declared):
        return declared
    return text_encoding(path.read_bytes(), str(path))


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as f:
            while piece := f.read(PIECE):
                decoder.decode(piece)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def text_pieces(path: Path, encoding: str) -> Iterator[str]:
    """The text of a file, a megabyte of bytes at a time."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        with open(path, "rb") as f:
            while piece := f.read(PIECE):
                yield decoder.decode(piece)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise ReadError(str(path), f"cannot decode the page as {encoding}: {exc.reason}") from None
