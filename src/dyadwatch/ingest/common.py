"""Shared helpers for the readers: size limits, streaming (gzip included), binary sniffing, decoding.

Files are never refused for their size: readers stream them, and the limit ``max_bytes`` applies
to one document (a text or HTML file, a JSONL line, a WARC record). Formats that must be parsed
whole (``.json``, feeds) have their own, larger cap.

Decoding never raises: a file is read as UTF-8 (BOM honoured), else with the charset it
declares, else as a legacy 8-bit file (cp1252) when it holds no UTF-8 multi-byte sequence at
all. Invalid bytes in a UTF-8 file become U+FFFD (the cleaner flags the article
``undecodable_bytes``) instead of costing the whole document.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dyadwatch.limits import GZIP_MAX_RATIO, GZIP_RATIO_AFTER_BYTES, MAX_DOC_BYTES, MAX_WHOLE_FILE_BYTES
from dyadwatch.models import IngestError

MAX_BYTES = MAX_DOC_BYTES  # per document; override with iter_documents(max_bytes=...) or --max-doc-chars
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x00\x00\x01\x00")
BINARY_HINT = "an image, archive or UTF-16 file without a byte-order mark? save it as UTF-8 text or leave it out"
BINARY_MIN_CONTROLS = 4  # a few stray control bytes are cleaned away; many mean the file is not text
BINARY_CONTROL_SHARE = 0.05

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


_SURROGATES_RE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> str:
    """Lone surrogates (JSON "\\ud800" escapes, undecodable file names) as U+FFFD: they cannot be written as UTF-8."""
    return _SURROGATES_RE.sub("\ufffd", text)


def too_large(max_bytes: int, size: int | None = None) -> str:
    """The reason for a document over the per-document limit, with the fix."""
    seen = f"{size:,} bytes" if size is not None else f"more than {max_bytes:,} bytes"
    return f"document too large ({seen} > limit {max_bytes:,}; raise it with --max-doc-chars)"


def too_large_whole(max_bytes: int) -> str:
    return (
        f"file too large to parse whole (more than {max_bytes:,} bytes; .json and feed files are read whole, "
        "JSON Lines is streamed: write one object per line)"
    )


class DecompressionBomb(OSError):
    """A gzip stream that expands far more than text does: reading stops before it fills the disk or memory."""


def gzip_failure(exc: BaseException) -> str:
    """The reason a compressed stream could not be read to its end, with what to do about it."""
    if isinstance(exc, EOFError):
        return "truncated gzip file (compressed stream ends early)"
    if isinstance(exc, DecompressionBomb):
        return str(exc)
    if isinstance(exc, zlib.error):
        return f"corrupt gzip data ({exc}); check the file with `gzip -t`"
    return f"cannot read: {getattr(exc, 'strerror', None) or exc}"


class Rejoined(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff the format), put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def rejoin(head: bytes, rest: BinaryIO) -> BinaryIO:
    return io.BufferedReader(Rejoined(head, rest), buffer_size=1 << 16)


class Gunzipped(io.RawIOBase):
    """gzip decompressed on the fly, members one after another (``.warc.gz`` has one per record).

    Unlike ``gzip.GzipFile``, everything decompressed before a truncated or corrupt end is
    handed out first; only then does a read raise (EOFError for truncation), so the records
    before the damage are kept. A stream that expands more than ``GZIP_MAX_RATIO`` times (once
    ``GZIP_RATIO_AFTER_BYTES`` came out) raises ``DecompressionBomb``: memory stays flat anyway,
    as nothing holds more than one document, but a bomb would otherwise cost minutes of CPU.
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self._decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._input = b""  # compressed bytes not yet given to the decompressor
        self._pending = b""  # decompressed bytes not yet handed out
        self._started = False  # the current member has received input
        self._bytes_in = 0
        self._bytes_out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self._pending:
            if not self._more():
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _more(self) -> bool:
        """Decompress at most 1 MB more into ``_pending``; False at a clean end of the stream."""
        if self._decomp.eof:  # next member, if any (trailing NUL padding is not one)
            self._input = self._decomp.unused_data + self._input
            self._decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._started = False
            if not self._input.strip(b"\x00"):
                self._input = b""
        if not self._input:
            self._input = self._raw.read(1 << 16)
            self._bytes_in += len(self._input)
            if not self._input:
                if self._started and not self._decomp.eof:
                    raise EOFError("compressed stream ends early")
                return False
        self._started = True
        self._pending = self._decomp.decompress(self._input, 1 << 20)
        self._input = self._decomp.unconsumed_tail
        self._bytes_out += len(self._pending)
        self._check_ratio()
        return True

    def _check_ratio(self) -> None:
        if self._bytes_out > GZIP_RATIO_AFTER_BYTES and self._bytes_out > GZIP_MAX_RATIO * self._bytes_in:
            raise DecompressionBomb(
                f"decompression bomb: {self._bytes_out:,} bytes out of {self._bytes_in:,} compressed bytes "
                f"(over {GZIP_MAX_RATIO}:1, text is ~10:1); not read further"
            )


def gunzip_stream(raw: BinaryIO) -> BinaryIO:
    return io.BufferedReader(Gunzipped(raw), buffer_size=1 << 16)


def open_path(path: Path) -> tuple[BinaryIO, str]:
    """Open a file for streaming (``.gz`` decompressed on the fly) and the name that picks its reader."""
    try:
        handle: BinaryIO = path.open("rb")
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    name = path.name
    if name.lower().endswith(".gz"):
        return gunzip_stream(handle), name[:-3]
    return handle, name


def read_bounded(stream: BinaryIO, max_bytes: int, reason: str = "") -> bytes:
    """Read a stream to its end, but never more than ``max_bytes`` (gzip bombs stop here too)."""
    try:
        data = stream.read(max_bytes + 1)
    except (EOFError, OSError, zlib.error) as exc:
        raise ReadError(gzip_failure(exc)) from exc
    if len(data) > max_bytes:
        raise ReadError(reason or too_large(max_bytes))
    return data


def read_path(path: Path, max_bytes: int = MAX_BYTES) -> Payload:
    """Read one whole file (one document), refusing it before reading when it is over the limit."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    if size > max_bytes and not path.name.lower().endswith(".gz"):
        raise ReadError(too_large(max_bytes, size))
    stream, name = open_path(path)
    with stream:
        data = read_bounded(stream, max_bytes)
    return Payload(where=str(path), name=name, data=data)


def read_whole(path: Path, max_bytes: int = MAX_WHOLE_FILE_BYTES) -> Payload:
    """Read a file that must be parsed whole (``.json``, a feed) under the larger whole-file cap."""
    stream, name = open_path(path)
    with stream:
        data = read_bounded(stream, max_bytes, too_large_whole(max_bytes))
    return Payload(where=str(path), name=name, data=data)


def gunzip(data: bytes, max_bytes: int = MAX_BYTES) -> bytes:
    """Decompress gzip data with a cap on the output size (no gzip bombs)."""
    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decomp.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise ReadError(gzip_failure(exc)) from exc
    if len(out) > max_bytes:
        raise ReadError(too_large(max_bytes))
    if not decomp.eof:
        raise ReadError("truncated gzip file (compressed stream ends early)")
    return out


def gzip_bytes(data: bytes) -> bytes:
    """Compress (used by tests and the WARC writer helpers)."""
    return gzip.compress(data)


def looks_binary(data: bytes) -> bool:
    """True for content that is not text: a known binary signature, or many control bytes in the head.

    A stray NUL or control byte in a text is cleaned away later (flag ``control_chars_removed``);
    only a share of them above 5 % (images, archives, UTF-16 without a BOM) means binary.
    """
    head = data[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if head.startswith(BINARY_MAGIC):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls >= BINARY_MIN_CONTROLS and controls / len(head) > BINARY_CONTROL_SHARE


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
    """Decode bytes to text, never raising: invalid bytes become U+FFFD.

    Order: BOM, UTF-8, the given/declared charset, cp1252 for legacy 8-bit files (no UTF-8
    multi-byte sequence at all), else UTF-8 with replacement (a UTF-8 file with a few bad bytes).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    charset = charset or declared_charset(data)
    if charset and charset not in ("utf-8", "utf_8"):
        return data.decode(charset, errors="replace")
    if _UTF8_MULTIBYTE_RE.search(data):
        return data.decode("utf-8", errors="replace")
    return data.decode("cp1252", errors="replace")


def decode_payload(payload: Payload, kind: str) -> str | IngestError:
    """The payload as text, or an error naming it: binary content, undecodable bytes, or empty."""
    if looks_binary(payload.data):
        return IngestError(path=payload.where, reason=f"binary content, not {kind} ({BINARY_HINT})")
    text = decode_text(payload.data)
    if not text.strip():
        return IngestError(path=payload.where, reason="empty file")
    return text
