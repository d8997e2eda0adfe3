"""HTML reader: keep the markup; the cleaner extracts main text and metadata with trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

from dyadwatch.ingest.common import Payload, ReadError, decode_text, looks_binary
from dyadwatch.models import IngestError, RawDocument


def read_html(payload: Payload, url: str = "") -> Iterator[RawDocument | IngestError]:
    """Yield the page as one RawDocument with ``html`` set (decoded by its declared charset)."""
    if looks_binary(payload.data):
        yield IngestError(path=payload.where, reason="binary content, not HTML")
        return
    try:
        html = decode_text(payload.data)
    except ReadError as exc:
        yield IngestError(path=payload.where, reason=str(exc))
        return
    if not html.strip():
        yield IngestError(path=payload.where, reason="empty file")
        return
    yield RawDocument(source_path=payload.where, html=html, url=url, fmt="html")
