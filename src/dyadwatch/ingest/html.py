"""HTML reader: keep the markup; the cleaner extracts main text and metadata with trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

from dyadwatch.ingest.common import Payload, decode_payload
from dyadwatch.models import IngestError, RawDocument


def read_html(payload: Payload, url: str = "") -> Iterator[RawDocument | IngestError]:
    """Yield the page as one RawDocument with ``html`` set (decoded by its declared charset)."""
    html = decode_payload(payload, "HTML")
    yield html if isinstance(html, IngestError) else RawDocument(
        source_path=payload.where, html=html, url=url, fmt="html"
    )
