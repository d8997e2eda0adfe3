"""Plain-text reader: one document per file (the scraped-text case, like the seed)."""

from __future__ import annotations

from collections.abc import Iterator

from dyadwatch.ingest.common import Payload, decode_payload
from dyadwatch.models import IngestError, RawDocument


def read_text(payload: Payload) -> Iterator[RawDocument | IngestError]:
    """Yield the file as one RawDocument, or an error for empty or binary content."""
    text = decode_payload(payload, "text")
    yield text if isinstance(text, IngestError) else RawDocument(source_path=payload.where, text=text, fmt="txt")
