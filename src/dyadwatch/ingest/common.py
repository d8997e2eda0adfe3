"""Shared helpers for the readers: size limits, gzip, binary sniffing and text decoding.

Decoding never raises: a file is read as UTF-8 (BOM honoured), else with the charset it
declares, else as a legacy 8-bit file (cp1252) when it holds no UTF-8 multi-byte sequence at
all. A file that mixes valid UTF-8 with invalid bytes is corrupt and reported as such.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.models import IngestError

MAX_BYTES = 20 * 1024 * 1024  # per file (and per WARC record); override with iter_documents(max_bytes=...)

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_ENCODING_RE = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)["']""", re.I)
_UTF8_MULTIBYTE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class ReadError(Exception):
    """A reason a whole file cannot be read; the dispatcher turns it into an IngestError."""


@dataclass
class Payload:
    """The bytes of one input, with the name that decides its format (``.gz`` stripped)."""

    where: str  # what the user will see in an error: path, URL or <stdin>
    name: str  # file name used to choose the reader (e.g. "a.txt" for "a.txt.gz")
    data: bytes


def read_path(path: Path, max_bytes: int = MAX_BYTES) -> Payload:
    """Read a file, refusing it before reading when it is over the limit; gunzip ``.gz``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise ReadError(f"file too large ({size:,} bytes > limit {max_bytes:,})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    name = path.name
    if name.lower().endswith(".gz"):
        data = gunzip(data, max_bytes)
        name = name[:-3]
    return Payload(where=str(path), name=name, data=data)


def gunzip(data: bytes, max_bytes: int = MAX_BYTES) -> bytes:
    """Decompress gzip data with a cap on the output size (no gzip bombs)."""
    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decomp.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise ReadError(f"corrupt gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise ReadError(f"decompressed file too large (> limit {max_bytes:,} bytes)")
    if not decomp.eof:
        raise ReadError("truncated gzip file (compressed stream ends early)")
    return out


def gzip_bytes(data: bytes) -> bytes:
    """Compress (used by tests and the WARC writer helpers)."""
    return gzip.compress(data)


def looks_binary(data: bytes) -> bool:
    """True for content that is not text: NUL bytes or many control characters in the head."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def declared_charset(data: bytes) -> str:
    """The charset an HTML/XML document declares in its head, if any and if Python knows it."""
    head = data[:4096]
    match = _CHARSET_RE.search(head) or _XML_ENCODING_RE.search(head)
    if not match:
        return ""
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def decode_text(data: bytes, charset: str = "") -> str:
    """Decode bytes to text; raise ReadError only for mixed, corrupt UTF-8.

    Order: BOM, UTF-8, the given/declared charset, then cp1252 for legacy 8-bit files.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    charset = charset or declared_charset(data)
    if charset and charset not in ("utf-8", "utf_8"):
        return data.decode(charset, errors="replace")
    if _UTF8_MULTIBYTE_RE.search(data):
        raise ReadError(f"invalid UTF-8 at byte {first_bad} (file mixes UTF-8 with other bytes)")
    return data.decode("cp1252", errors="replace")


def decode_payload(payload: Payload, kind: str) -> str | IngestError:
    """The payload as text, or an error naming it: binary content, undecodable bytes, or empty."""
    if looks_binary(payload.data):
        return IngestError(path=payload.where, reason=f"binary content, not {kind}")
    try:
        text = decode_text(payload.data)
    except ReadError as exc:
        return IngestError(path=payload.where, reason=str(exc))
    if not text.strip():
        return IngestError(path=payload.where, reason="empty file")
    return text
