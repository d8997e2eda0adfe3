"""Plain-text reader: one document per file (the scraped-text case, like the seed)."""

from __future__ import annotations

from collections.abc import Iterator

from dyadwatch.ingest.common import Payload, ReadError, decode_text, looks_binary
from dyadwatch.models import IngestError, RawDocument


def read_text(payload: Payload) -> Iterator[RawDocument | IngestError]:
    """Yield the file as one RawDocument, or an error for empty or binary content."""
    if looks_binary(payload.data):
        yield IngestError(path=payload.where, reason="binary content, not text")
        return
    try:
        text = decode_text(payload.data)
    except ReadError as exc:
        yield IngestError(path=payload.where, reason=str(exc))
        return
    if not text.strip():
        yield IngestError(path=payload.where, reason="empty file")
        return
    yield RawDocument(source_path=payload.where, text=text, fmt="txt")
