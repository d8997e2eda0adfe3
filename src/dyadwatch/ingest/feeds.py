"""RSS / Atom reader (feedparser): one HTML document per feed entry.

An entry carries its full ``content`` when the feed has it, else its ``summary``; the link,
title and published date are kept as metadata.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from dyadwatch.ingest.common import Payload
from dyadwatch.models import IngestError, RawDocument

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(data: bytes) -> bool:
    """True when the head of the bytes opens an RSS, Atom or RDF feed."""
    head = data[:2048].lower()
    return any(marker in head for marker in FEED_MARKERS)


def read_feed(payload: Payload) -> Iterator[RawDocument | IngestError]:
    """Yield one RawDocument per entry, or an error when nothing could be parsed."""
    try:
        parsed = feedparser.parse(payload.data)
    except Exception as exc:  # noqa: BLE001 - feedparser is lenient, but never trust a parser
        yield IngestError(path=payload.where, reason=f"cannot parse feed: {exc}")
        return
    if not parsed.entries:
        reason = f"not a feed or no entries ({parsed.get('bozo_exception', 'no entries')})"
        yield IngestError(path=payload.where, reason=reason)
        return
    source = str(parsed.feed.get("title", ""))
    for index, entry in enumerate(parsed.entries):
        where = f"{payload.where}#{index}"
        html = _entry_html(entry)
        if not html.strip():
            yield IngestError(path=where, reason="feed entry has no content or summary")
            continue
        yield RawDocument(
            source_path=where,
            html=html,
            url=str(entry.get("link", "")),
            title=str(entry.get("title", "")),
            date=_entry_date(entry),
            source=source,
            id=str(entry.get("id", "")),
            author=str(entry.get("author", "")),
            fmt="feed",
        )


def _entry_html(entry) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    body = max(values, key=len) if values else str(entry.get("summary", ""))
    return f"<html><body><article>{body}</article></body></html>" if body.strip() else ""


def _entry_date(entry) -> str:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return ""
