"""WARC reader (streaming, standard library): HTTP 200 text/html responses become HTML documents.

A record is trusted only as far as it checks out: its block must end where the next record
(``\\r\\n\\r\\nWARC/``) or the file begins. A Content-Length that is too long would swallow the
next record, one that is too short would leave the rest of the body where the next record's
header should be; either way that record is reported (``file@offset``, with its number and
URI) and reading resumes at the next record, so the others are kept. Offsets are positions in
the uncompressed stream. The per-document limit applies to each record, and a record over it is
skipped without being held in memory (which also bounds a gzip bomb).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from dyadwatch.ingest.common import MAX_BYTES, decode_text, gunzip_stream, gzip_failure, too_large
from dyadwatch.models import IngestError, RawDocument

HTML_TYPES = ("text/html", "application/xhtml+xml")
RECORD_START = b"WARC/"
SEPARATOR = b"\r\n\r\n"
NEXT_RECORD = SEPARATOR + RECORD_START
MAX_HEADER_LINE = 64 * 1024
MAX_HEADER_LINES = 500
CHUNK = 1 << 16


def read_warc_path(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """Open and stream a .warc / .warc.gz file (gzip detected by its magic bytes)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield IngestError(path=str(path), reason=f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        compressed = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        stream = gunzip_stream(handle) if compressed else handle
        yield from read_warc_stream(stream, str(path), max_bytes)


class _Input:
    """A byte stream with a read position, line reads and push-back (to resume inside a bad block)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.buffer = bytearray()
        self.offset = 0  # position of the next unread byte in the (uncompressed) stream
        self.eof = False

    def _fill(self, size: int) -> None:
        while len(self.buffer) < size and not self.eof:
            chunk = self.stream.read(max(CHUNK, size - len(self.buffer)))
            if not chunk:
                self.eof = True
            self.buffer += chunk

    def readline(self, limit: int = MAX_HEADER_LINE) -> bytes:
        while True:
            newline = self.buffer.find(b"\n", 0, limit)
            if newline >= 0 or len(self.buffer) >= limit or self.eof:
                end = newline + 1 if newline >= 0 else min(limit, len(self.buffer))
                return self.read(end)
            self._fill(len(self.buffer) + CHUNK)

    def read(self, size: int) -> bytes:
        self._fill(size)
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        self.offset += len(data)
        return data

    def skip(self, size: int) -> int:
        """Discard up to ``size`` bytes without keeping them; how many there were."""
        skipped = 0
        while skipped < size:
            got = len(self.read(min(CHUNK, size - skipped)))
            if not got:
                break
            skipped += got
        return skipped

    def peek(self, size: int) -> bytes:
        self._fill(size)
        return bytes(self.buffer[:size])

    def unread(self, data: bytes) -> None:
        self.buffer[0:0] = data
        self.offset -= len(data)


@dataclass
class _Record:
    offset: int
    number: int
    headers: dict[str, str] = field(default_factory=dict)

    def at(self, where: str) -> str:
        return f"{where}@{self.offset}"

    def label(self) -> str:
        uri = self.headers.get("warc-target-uri", "")
        return f"record {self.number}" + (f" ({uri})" if uri else "")


def read_warc_stream(stream: BinaryIO, where: str, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """Yield one RawDocument per HTML response record; an error per bad record, the rest kept."""
    source = _Input(stream)
    records = 0
    try:
        for item in _records(source, where, max_bytes):
            if isinstance(item, _Record):
                records += 1
            else:
                yield item
    except (EOFError, OSError, zlib.error) as exc:
        reason = f"{gzip_failure(exc)}, after {records} WARC records"
        yield IngestError(path=f"{where}@{source.offset}", reason=reason)
        return
    if records == 0:
        yield IngestError(path=where, reason="no WARC records found (not a WARC file, or empty)")


def _records(source: _Input, where: str, max_bytes: int) -> Iterator[_Record | RawDocument | IngestError]:
    """Walk the records; yield each parsed _Record (for counting), then its document or error."""
    number = 0
    reported = False  # the previous record was already reported: the bytes up to the next one are its rest
    while True:
        start = _next_record_start(source)
        if start is None:
            return
        if start.skipped and number and not reported:
            yield IngestError(
                path=f"{where}@{start.offset - start.skipped}",
                reason=f"{start.skipped:,} unexpected bytes after record {number} (skipped to the next record)",
            )
        number += 1
        record = _Record(offset=start.offset, number=number)
        item = _read_record(source, record, where, max_bytes)
        reported = isinstance(item, IngestError)
        yield record
        if item is not None:
            yield item


@dataclass
class _Start:
    offset: int
    skipped: int


def _next_record_start(source: _Input) -> _Start | None:
    """Move to the next line that opens a record (``WARC/1.x``); None at the end of the stream."""
    skipped = 0
    while True:
        offset = source.offset
        line = source.readline()
        if not line:
            return None
        if line.startswith(RECORD_START):
            source.unread(line)
            return _Start(offset=offset, skipped=skipped)
        if line.strip():
            skipped += len(line)


def _read_record(source: _Input, record: _Record, where: str, max_bytes: int) -> RawDocument | IngestError | None:
    """Read one record's header and block; check that its Content-Length ends where the next record starts."""
    source.readline()  # the WARC/1.x version line
    for _ in range(MAX_HEADER_LINES):
        line = source.readline()
        if not line.strip():
            break
        name, _, value = line.decode("utf-8", "replace").partition(":")
        record.headers[name.strip().lower()] = value.strip()
    length_text = record.headers.get("content-length", "")
    if not length_text.isdigit():
        reason = f"{record.label()}: missing or invalid Content-Length (record skipped, reading resumes at the next)"
        return IngestError(path=record.at(where), reason=reason)
    length = int(length_text)
    if length > max_bytes:
        inside = _skip_block(source, length)
        reason = too_large(max_bytes, length) if inside < 0 else _too_long(length, inside)
        return IngestError(path=record.at(where), reason=f"{record.label()}: {reason}")
    block = source.read(length)
    problem = _check_end(source, block, length)
    if problem:
        return IngestError(path=record.at(where), reason=f"{record.label()}: {problem}")
    if record.headers.get("warc-type", "").lower() != "response":
        return None
    return _response_document(record, block, where)


def _skip_block(source: _Input, length: int) -> int:
    """Skip an over-limit block unread; if the next record starts inside it, stop there and return where."""
    skipped = 0
    while skipped < length:
        chunk = source.read(min(CHUNK, length - skipped))
        if not chunk:
            return -1
        tail = chunk + source.peek(len(NEXT_RECORD))
        inside = tail.find(NEXT_RECORD)
        if 0 <= inside < len(chunk):
            source.unread(chunk[inside + len(SEPARATOR) :])
            return skipped + inside
        skipped += len(chunk)
    return -1


def _too_long(length: int, block: int) -> str:
    return (
        f"Content-Length {length:,} runs past the record's end into the next record "
        f"(the block is {block:,} bytes); record skipped, the next one kept"
    )


def _check_end(source: _Input, block: bytes, length: int) -> str:
    """Why the block does not end exactly at the record's end, or "" (pushing back a swallowed record)."""
    inside = block.find(NEXT_RECORD)
    if inside >= 0:  # Content-Length too long: the block holds the next record's start
        source.unread(block[inside + len(SEPARATOR) :])
        return _too_long(length, inside)
    if len(block) < length:
        return f"truncated ({len(block):,} of {length:,} bytes; the file ends)"
    after = source.peek(len(NEXT_RECORD))
    rest = after[len(SEPARATOR) :]
    if not after or (after.startswith(SEPARATOR) and (rest.startswith(RECORD_START) or not rest.strip())):
        return ""
    return (
        f"Content-Length {length:,} ends before the record does (more data follows the block); "
        "record skipped, reading resumes at the next record"
    )


def _response_document(record: _Record, block: bytes, where: str) -> RawDocument | IngestError | None:
    """An HTTP 200 HTML response -> document; other statuses and content types are skipped (None)."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    if not sep:
        return IngestError(path=record.at(where), reason=f"{record.label()}: malformed HTTP response (no headers)")
    lines = head.decode("latin-1").splitlines()
    status = lines[0].split() if lines else []
    if len(status) < 2 or not status[0].upper().startswith("HTTP/"):
        return IngestError(path=record.at(where), reason=f"{record.label()}: malformed HTTP status line")
    if status[1] != "200":
        return None
    http = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    content_type = http.get("content-type", "").lower()
    if content_type and not content_type.startswith(HTML_TYPES):
        return None
    if "chunked" in http.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    if not body.strip():
        return IngestError(path=record.at(where), reason=f"{record.label()}: empty HTML response")
    if not content_type and b"<html" not in body[:2048].lower():
        return None
    return RawDocument(
        source_path=record.at(where),
        html=_decode(body, content_type),
        url=record.headers.get("warc-target-uri", ""),
        date=record.headers.get("warc-date", "")[:10],
        fmt="warc",
    )


def _decode(body: bytes, content_type: str) -> str:
    charset = ""
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip(" \"'")
    try:
        return decode_text(body, charset)
    except LookupError:
        return decode_text(body)


def _dechunk(body: bytes) -> bytes:
    """Undo HTTP chunked transfer coding; a malformed chunk stream is returned as it is."""
    out = bytearray()
    rest = body
    while rest:
        size_line, sep, rest = rest.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
        except ValueError:
            return body
        if size == 0 or not sep:
            break
        out += rest[:size]
        rest = rest[size + 2 :]
    return bytes(out)
