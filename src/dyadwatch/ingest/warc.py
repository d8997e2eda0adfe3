"""WARC reader (fastwarc, streaming): HTTP 200 text/html responses become HTML documents.

WARC files are archives, so the per-file size limit applies to each record instead of the
file. The record's target URI and WARC-Date are kept; a record's errors name ``file@offset``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from dyadwatch.ingest.common import MAX_BYTES
from dyadwatch.models import IngestError, RawDocument

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_path(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """Open and stream a .warc / .warc.gz file."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield IngestError(path=str(path), reason=f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from read_warc_stream(handle, str(path), max_bytes)


def read_warc_stream(stream: BinaryIO, where: str, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """Yield one RawDocument per HTML response record; errors per bad record."""
    seen = 0
    try:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            seen += 1
            item = _record_document(record, where, max_bytes)
            if item is not None:
                yield item
    except Exception as exc:  # noqa: BLE001 - a corrupt archive must not stop the batch
        yield IngestError(path=where, reason=f"corrupt WARC after {seen} records: {exc}")
        return
    if seen == 0:
        yield IngestError(path=where, reason="no WARC response records found (not a WARC file, or empty)")


def _record_document(record, where: str, max_bytes: int) -> RawDocument | IngestError | None:
    """One response record -> document, error, or None when it is not an HTML page (skipped)."""
    at = f"{where}@{record.stream_pos}"
    http = record.http_headers
    if http is None:
        return IngestError(path=at, reason="malformed WARC record (no HTTP headers)")
    if http.status_code != 200:
        return None
    content_type = (record.http_content_type or "").lower()
    if content_type and not content_type.startswith(HTML_TYPES):
        return None
    if record.content_length > max_bytes:
        return IngestError(path=at, reason=f"record too large ({record.content_length:,} bytes > limit {max_bytes:,})")
    body = record.reader.read()
    if len(body) < record.content_length or not body.strip():
        return IngestError(path=at, reason=f"truncated WARC record ({len(body):,} of {record.content_length:,} bytes)")
    if not content_type and b"<html" not in body[:2048].lower():
        return None
    charset = record.http_charset or ""
    try:
        html = body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        html = body.decode("utf-8", errors="replace")
    date = record.record_date.date().isoformat() if record.record_date else ""
    return RawDocument(
        source_path=at,
        html=html,
        url=record.headers.get("WARC-Target-URI") or "",
        date=date,
        fmt="warc",
    )
